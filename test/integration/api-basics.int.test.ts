import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ApiClient, proposal } from './support/api-client';
import { env } from './support/env';

describe('signing in and the reference data', () => {
  test('when nobody is signed in, then every /api call but login answers 401 as problem+json', async () => {
    const anon = new ApiClient();
    for (const path of ['/api/me', '/api/cases', '/api/programs', '/api/regions?city=33.74']) {
      const res = await anon.get(path);
      assert.equal(res.status, 401, path);
      assert.match(res.contentType, /application\/problem\+json/);
      assert.equal(res.body.code, 'UNAUTHENTICATED');
      assert.equal(typeof res.body.detail, 'string');
    }
  });

  test('when the password is wrong, then 401 INVALID_CREDENTIALS; when right, a session cookie and /api/me', async () => {
    const anon = new ApiClient();
    const wrong = await anon.post('/api/auth/login', { email: env.admin().email, password: 'salah' });
    assert.equal(wrong.status, 401);
    assert.equal(wrong.body.code, 'INVALID_CREDENTIALS');
    const malformed = await anon.post('/api/auth/login', { email: 'bukan-email' });
    assert.equal(malformed.status, 422);
    const notJson = await anon.post('/api/auth/login', '{oops');
    assert.equal(notJson.status, 422);
    assert.equal(notJson.body.code, 'VALIDATION_FAILED');

    const api = await ApiClient.signedIn(env.admin());
    const me = await api.get('/api/me');
    assert.equal(me.status, 200);
    assert.equal(me.body.email, env.admin().email);
    assert.equal(me.body.role, 'ADMIN');
    assert.ok(me.body.permissions.includes('case.propose') && me.body.permissions.includes('user.manage'), 'the admin may propose and manage accounts');
    assert.deepEqual(me.body.scope, { programCodes: [], kecamatanCodes: [], agencyCode: null }, 'no limits');
    assert.equal((await api.post('/api/auth/logout')).status, 204);
    assert.equal((await api.get('/api/me')).status, 401, 'the session is gone on the server');
  });

  test('when an auditor tries to change a case, then 403 FORBIDDEN, but reading works', async () => {
    const viewer = await ApiClient.signedIn(env.auditor());
    assert.equal((await viewer.get('/api/me')).body.permissions.includes('case.propose'), false, 'an auditor changes nothing');
    const res = await viewer.post('/api/cases', proposal());
    assert.equal(res.status, 403);
    assert.equal(res.body.code, 'FORBIDDEN');
    assert.equal((await viewer.get('/api/cases')).status, 200);
  });

  test('the two programs and the real regions of both cities, with dotted Kemendagri codes', async () => {
    const api = await ApiClient.signedIn(env.auditor());
    const programs = (await api.get('/api/programs')).body;
    assert.deepEqual(
      programs.map((p: any) => [p.code, p.cityCode, p.cityName]),
      [['KAMPUNG_SEJAHTERA_MANDIRI', '36.71', 'Kota Tangerang'], ['KAMPUNG_TEMATIK', '33.74', 'Kota Semarang']],
    );
    const semarang = (await api.get('/api/regions?city=33.74')).body;
    assert.equal(semarang.kecamatan.length, 16);
    assert.equal(semarang.kecamatan.reduce((n: number, k: any) => n + k.kelurahan.length, 0), 177);
    const candisari = semarang.kecamatan.find((k: any) => k.name === 'Candisari');
    assert.equal(candisari.code, '33.74.08');
    assert.ok(candisari.kelurahan.some((k: any) => k.code === '33.74.08.1005' && k.name === 'Karanganyar Gunung'), `candisari.kelurahan.some((k: any) => k.code === '33.74.08...`);
    const tangerang = (await api.get('/api/regions?city=36.71')).body;
    assert.equal(tangerang.kecamatan.length, 13);
    assert.equal(tangerang.kecamatan.reduce((n: number, k: any) => n + k.kelurahan.length, 0), 104);
    assert.equal((await api.get('/api/regions?city=99.99')).status, 404);
    assert.equal((await api.get('/api/regions?city=semarang')).status, 422);
  });

  test('health names each check, and the OpenAPI document lists the endpoints', async () => {
    const health = await fetch(`${env.appUrl}/healthz`);
    assert.equal(health.status, 200);
    const body: any = await health.json();
    assert.deepEqual(body.checks, { postgres: { ok: true }, temporal: { ok: true } });
    const openapi: any = await (await fetch(`${env.appUrl}/api/openapi.json`)).json();
    for (const path of [
      '/api/auth/login', '/api/cases', '/api/cases/{id}', '/api/cases/{id}/transitions', '/api/regions',
      '/api/cases/{id}/assignments/{assignmentId}/handover', '/api/cases/{id}/monitoring-reports', '/api/obligations', '/api/me/worklist',
      '/api/cases/{id}/timeline', '/api/worklists', '/api/worklists/{id}', '/api/dashboard',
    ]) {
      assert.ok(openapi.paths[path], path);
    }
    assert.ok(openapi.components.schemas.Problem, 'openapi.components.schemas.Problem');
    const unknown = await new ApiClient().get('/api/nope');
    assert.equal(unknown.status, 404);
  });
});

describe('proposals are validated', () => {
  test('when fields are missing or wrong, then 422 with each field named and no case created', async () => {
    const api = await ApiClient.signedIn(env.admin());
    const before = (await api.get('/api/cases?pageSize=1')).body.total;
    const res = await api.post('/api/cases', { ...proposal(), name: '', rw: 'abc', profile: { households: 10, poorHouseholds: 20 } });
    assert.equal(res.status, 422);
    const paths = res.body.errors.map((e: any) => e.path);
    assert.ok(paths.includes('name'), `paths.includes('name')`);
    assert.ok(paths.includes('rw'), `paths.includes('rw')`);
    assert.ok(paths.includes('profile.poorHouseholds'), `paths.includes('profile.poorHouseholds')`);
    assert.equal((await api.get('/api/cases?pageSize=1')).body.total, before);
  });

  test('when the kelurahan is unknown or in the other program city, then 422 with a clear code', async () => {
    const api = await ApiClient.signedIn(env.admin());
    const unknown = await api.post('/api/cases', proposal({ kelurahanCode: '33.74.99.1999' }));
    assert.equal(unknown.status, 422);
    assert.equal(unknown.body.code, 'UNKNOWN_REGION');
    const elsewhere = await api.post('/api/cases', proposal({ kelurahanCode: '36.71.07.1013' }));
    assert.equal(elsewhere.status, 422);
    assert.equal(elsewhere.body.code, 'REGION_NOT_IN_PROGRAM');
  });
});

describe('the case list', () => {
  test('filters by program, kecamatan, stage and text, and pages', async () => {
    const api = await ApiClient.signedIn(env.admin());
    const tag = `Saring${Date.now().toString(36)}`;
    const a = await api.propose({ name: `${tag} Alfa`, kelurahanCode: '33.74.10.1008' });
    const b = await api.propose({ name: `${tag} Beta`, programCode: 'KAMPUNG_SEJAHTERA_MANDIRI', kelurahanCode: '36.71.07.1013', rw: '9' });
    await api.propose({ name: `${tag} Gamma`, kelurahanCode: '33.74.10.1008' });
    await api.move(a.id, 'SURVEY', { data: { plannedDate: '2026-12-01', team: 'Tim' } });

    const byText = (await api.get(`/api/cases?q=${tag}`)).body;
    assert.equal(byText.total, 3);
    const inSurvey = (await api.get(`/api/cases?q=${tag}&stage=SURVEY`)).body;
    assert.deepEqual(inSurvey.items.map((c: any) => c.id), [a.id]);
    const ksm = (await api.get(`/api/cases?q=${tag}&program=KAMPUNG_SEJAHTERA_MANDIRI`)).body;
    assert.deepEqual(ksm.items.map((c: any) => c.id), [b.id]);
    const tembalang = (await api.get(`/api/cases?q=${tag}&kecamatan=33.74.10`)).body;
    assert.equal(tembalang.total, 2);
    const page2 = (await api.get(`/api/cases?q=${tag}&pageSize=2&page=2`)).body;
    assert.equal(page2.items.length, 1);
    assert.equal(page2.total, 3);
    const bad = await api.get('/api/cases?stage=LOST&pageSize=1000');
    assert.equal(bad.status, 422);

    // Sorted: newest first by default, oldest first, by name, longest in its stage first.
    const ids = async (sort?: string) => (await api.get(`/api/cases?q=${tag}${sort ? `&sort=${sort}` : ''}`)).body.items.map((c: any) => c.name);
    const [alfa, beta, gamma] = [`${tag} Alfa`, `${tag} Beta`, `${tag} Gamma`];
    assert.deepEqual(await ids(), [gamma, beta, alfa], 'newest first');
    assert.deepEqual(await ids('created'), [alfa, beta, gamma], 'oldest first');
    assert.deepEqual(await ids('name'), [alfa, beta, gamma], 'by name');
    assert.deepEqual(await ids('stageEntered'), [beta, gamma, alfa], 'longest in its stage first: Alfa entered Survei last');
    const obligationsLatest = (await api.get('/api/obligations?sort=-due&pageSize=20')).body.items.map((o: any) => o.dueAt);
    assert.deepEqual(obligationsLatest, [...obligationsLatest].sort().reverse(), 'obligations: latest due first');
    const badSort = await api.get('/api/cases?sort=colour');
    assert.equal(badSort.status, 422);
    assert.deepEqual(badSort.body.errors.map((e: any) => e.path), ['sort']);
  });
});
