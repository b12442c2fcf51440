import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_POLICIES } from '@kampung/domain';
import { DEMO_USERS } from '@kampung/tools/demo/demo-users';
import { ApiClient } from './support/api-client';
import { env } from './support/env';

const officer = () => {
  const { email, password } = DEMO_USERS.find((u) => u.role === 'OFFICER')!;
  return { email, password };
};

describe('program policies, versioned', () => {
  test('each program starts with its default policy as version 1, readable by any signed-in user', async () => {
    const viewer = await ApiClient.signedIn(env.auditor());
    const versions = (await viewer.get('/api/programs/KAMPUNG_SEJAHTERA_MANDIRI/policy/versions')).body;
    const first = versions.at(-1);
    assert.equal(first.version, 1);
    assert.deepEqual(first.policy, DEFAULT_POLICIES.KAMPUNG_SEJAHTERA_MANDIRI);
    assert.match(first.appliesTo, /next obligation/);
    assert.equal((await viewer.get('/api/programs/NOPE/policy')).status, 404);
  });

  test('when an admin changes the policy, then it becomes the next version, says how it applies, and the old one is kept', async () => {
    const admin = await ApiClient.signedIn(env.admin());
    const current = (await admin.get('/api/programs/KAMPUNG_TEMATIK/policy')).body;
    const changed = await admin.request('PUT', '/api/programs/KAMPUNG_TEMATIK/policy', {
      baseVersion: current.version,
      changeNote: 'Uji: kunjungan tiap 10 detik',
      policy: { ...current.policy, visitCadence: { ...current.policy.visitCadence, MENTOR: 'PT10S' }, visitGrace: 'PT5S' },
    });
    assert.equal(changed.status, 200, JSON.stringify(changed.body));
    assert.equal(changed.body.version, current.version + 1);
    assert.equal(changed.body.policy.visitCadence.MENTOR, 'PT10S');
    assert.equal(changed.body.createdBy.name, (await admin.get('/api/me')).body.name);
    assert.match(changed.body.appliesTo, /never rewritten/);

    const versions = (await admin.get('/api/programs/KAMPUNG_TEMATIK/policy/versions')).body;
    assert.deepEqual(versions.slice(0, 2).map((v: any) => v.version), [current.version + 1, current.version]);
    assert.deepEqual(versions[1].policy, current.policy, 'the previous version is unchanged');

    const stale = await admin.request('PUT', '/api/programs/KAMPUNG_TEMATIK/policy', {
      baseVersion: current.version,
      changeNote: 'dari versi lama',
      policy: current.policy,
    });
    assert.equal(stale.status, 409);
    assert.equal(stale.body.code, 'CONFLICT');
  });

  test('when a policy is invalid, then 422 names each field and no version is made', async () => {
    const admin = await ApiClient.signedIn(env.admin());
    const current = (await admin.get('/api/programs/KAMPUNG_TEMATIK/policy')).body;
    const res = await admin.request('PUT', '/api/programs/KAMPUNG_TEMATIK/policy', {
      baseVersion: current.version,
      changeNote: 'salah',
      policy: { ...current.policy, escalationDelay: 'seminggu', stageMaxDuration: { SURVEY: 'P0D' } },
    });
    assert.equal(res.status, 422);
    assert.deepEqual(res.body.errors.map((e: any) => e.path).sort(), ['policy.escalationDelay', 'policy.stageMaxDuration.SURVEY']);
    assert.equal((await admin.get('/api/programs/KAMPUNG_TEMATIK/policy')).body.version, current.version);
  });

  test('when an officer or a viewer tries to change a policy, then 403', async () => {
    for (const who of [officer(), env.auditor()]) {
      const client = await ApiClient.signedIn(who);
      const current = (await client.get('/api/programs/KAMPUNG_TEMATIK/policy')).body;
      const res = await client.request('PUT', '/api/programs/KAMPUNG_TEMATIK/policy', {
        baseVersion: current.version, changeNote: 'x', policy: current.policy,
      });
      assert.equal(res.status, 403);
      assert.equal(res.body.code, 'FORBIDDEN');
    }
  });
});
