import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ApiClient, uniqueName } from './support/api-client';
import { env } from './support/env';

const KT = 'KAMPUNG_TEMATIK';

describe('named worklists: saved filters, private or shared with colleagues', () => {
  let admin: ApiClient;
  let officer: ApiClient;
  before(async () => {
    admin = await ApiClient.signedIn(env.admin());
    officer = await ApiClient.signedIn(env.officer());
  });

  test('a shared worklist opens the same filtered list for a colleague; a private one stays private; only the owner changes or deletes it', async () => {
    const name = uniqueName('Terlambat Semarang');
    const created = await admin.post('/api/worklists', {
      target: 'obligations',
      name,
      visibility: 'SHARED',
      filters: { program: KT, status: 'OVERDUE', kind: 'VISIT', sort: '-due' },
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    assert.deepEqual(created.body.filters, { program: KT, status: 'OVERDUE', kind: 'VISIT', sort: '-due' });
    assert.equal(created.body.mine, true);

    // The colleague sees it, not as theirs, and its filters give the same list.
    const seen = (await officer.get('/api/worklists?target=obligations')).body as any[];
    const shared = seen.find((w) => w.id === created.body.id);
    assert.ok(shared, 'the colleague sees the shared worklist');
    assert.equal(shared.mine, false);
    assert.equal(shared.owner.name, (await admin.get('/api/me')).body.name);
    const query = new URLSearchParams(shared.filters).toString();
    assert.deepEqual((await officer.get(`/api/obligations?${query}`)).body, (await admin.get(`/api/obligations?${query}`)).body, 'the same rows for both');
    assert.equal((await officer.get('/api/worklists?target=cases')).body.some((w: any) => w.id === created.body.id), false, 'listed under its own target only');

    // Not the owner: no change, no delete.
    const body = { target: 'obligations', name, visibility: 'PRIVATE', filters: { status: 'OVERDUE' } };
    assert.equal((await officer.request('PUT', `/api/worklists/${created.body.id}`, body)).status, 403);
    assert.equal((await officer.request('DELETE', `/api/worklists/${created.body.id}`)).status, 403);

    // The owner makes it private: the colleague no longer sees it, not even by its id.
    const unshared = await admin.request('PUT', `/api/worklists/${created.body.id}`, body);
    assert.equal(unshared.status, 200, JSON.stringify(unshared.body));
    assert.deepEqual([unshared.body.visibility, unshared.body.filters], ['PRIVATE', { status: 'OVERDUE' }]);
    assert.equal((await officer.get('/api/worklists')).body.some((w: any) => w.id === created.body.id), false, 'private now');
    assert.equal((await officer.get(`/api/worklists/${created.body.id}`)).status, 404, 'a private worklist does not exist for others');
    assert.equal((await admin.get(`/api/worklists/${created.body.id}`)).status, 200);

    // Case lists keep their filters too, in the list URL's words.
    const stalled = await admin.post('/api/worklists', { target: 'cases', name: uniqueName('Macet'), filters: { program: KT, stalledMinDays: '30' } });
    assert.equal(stalled.status, 201, JSON.stringify(stalled.body));
    assert.deepEqual([stalled.body.filters, stalled.body.visibility], [{ program: KT, stalledMinDays: '30' }, 'PRIVATE']);

    assert.equal((await admin.request('DELETE', `/api/worklists/${created.body.id}`)).status, 204);
    assert.equal((await admin.get(`/api/worklists/${created.body.id}`)).status, 404, 'deleted');

    // The audit log has the worklist's story: saved, changed (before and after), deleted.
    const story = ((await admin.get('/api/audit?pageSize=200')).body.items as any[]).filter((e) => e.subjectId === created.body.id);
    assert.deepEqual(story.map((e) => e.action), ['WORKLIST_DELETED', 'WORKLIST_CHANGED', 'WORKLIST_SAVED'], 'newest first');
    const changed = story[1];
    assert.deepEqual([changed.before.visibility, changed.after.visibility, changed.after.filters], ['SHARED', 'PRIVATE', { status: 'OVERDUE' }]);
    assert.ok(story.every((e) => e.requestId && e.sourceIp), 'with the request id and source address');
  });

  test('bad worklists are refused with each problem named, and nothing is written', async () => {
    const before = (await admin.get('/api/worklists')).body.length;
    const me = (await admin.get('/api/me')).body.id;
    const saves = async () => (await admin.get(`/api/audit?action=WORKLIST_SAVED&actor=${me}&pageSize=1`)).body.total as number;
    const savesBefore = await saves();
    const name = uniqueName('Dobel');
    assert.equal((await admin.post('/api/worklists', { target: 'cases', name, filters: {} })).status, 201);
    const twice = await admin.post('/api/worklists', { target: 'cases', name, filters: { stage: 'SURVEY' } });
    assert.equal(twice.status, 409, JSON.stringify(twice.body));
    assert.deepEqual(twice.body.errors.map((e: any) => e.path), ['name']);
    const other = await admin.post('/api/worklists', { target: 'cases', name: uniqueName('Lain'), filters: {} });
    const renamed = await admin.request('PUT', `/api/worklists/${other.body.id}`, { target: 'cases', name, filters: {} });
    assert.equal(renamed.status, 409, 'a rename onto another worklist\'s name');
    // The colleague may use the same name: names are per owner.
    assert.equal((await officer.post('/api/worklists', { target: 'cases', name, filters: {} })).status, 201);

    const bad = await admin.post('/api/worklists', { target: 'cases', name: ' ', visibility: 'EVERYONE', filters: { stage: 'NOWHERE', colour: 'red' } });
    assert.equal(bad.status, 422, JSON.stringify(bad.body));
    assert.equal(bad.body.code, 'VALIDATION_FAILED');
    const paths = bad.body.errors.map((e: any) => e.path).sort();
    assert.deepEqual(paths, ['filters', 'filters.stage', 'name', 'visibility'], JSON.stringify(bad.body.errors));
    const wrongTarget = await admin.post('/api/worklists', { target: 'visits', name: 'x', filters: {} });
    assert.equal(wrongTarget.status, 422);
    const obligationFilterOnCases = await admin.post('/api/worklists', { target: 'cases', name: uniqueName('x'), filters: { kind: 'VISIT' } });
    assert.equal(obligationFilterOnCases.status, 422, 'a case list has no obligation kind');
    assert.equal((await admin.get('/api/worklists?target=everything')).status, 422);
    assert.equal((await admin.get('/api/worklists')).body.length, before + 2, 'only the two good ones were written');
    assert.equal(await saves(), savesBefore + 2, 'and only they are in the audit log');
    assert.equal((await admin.get('/api/worklists/nope')).status, 404);
    assert.equal((await new ApiClient().get('/api/worklists')).status, 401);
  });
});
