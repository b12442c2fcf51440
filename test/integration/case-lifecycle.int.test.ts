import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { CaseDetail } from '@kampung/domain';
import { ApiClient } from './support/api-client';
import { env } from './support/env';
import { FULL_PATH, moverOf, validData } from './support/stage-data';
import { eventually, withTemporal } from './support/temporal';

describe('a kampung case from proposal to graduation', () => {
  test('when an officer submits a proposal, then the case starts in PROPOSAL with its workflow', async () => {
    const api = await ApiClient.signedIn(env.admin());
    const created = await api.propose();
    assert.equal(created.stage, 'PROPOSAL');
    assert.equal(created.workflowId, `case-${created.id}`);
    assert.equal(created.kecamatanCode, '33.74.08');
    assert.equal(created.kelurahanName, 'Karanganyar Gunung');
    assert.equal(created.rw, '003');
    assert.deepEqual(created.allowedTransitions.sort(), ['ON_HOLD', 'SURVEY', 'WITHDRAWN']);
    assert.equal(created.history.length, 1);
    assert.equal(created.history[0]!.to, 'PROPOSAL');
  });

  test('when a case walks every stage, then each move is recorded with who, when, why and its data', async () => {
    const api = await ApiClient.signedIn(env.admin());
    const manager = await ApiClient.signedIn(env.manager());
    const me = (await api.get('/api/me')).body;
    const head = (await manager.get('/api/me')).body;
    let current: CaseDetail = await api.propose();
    for (const to of FULL_PATH) {
      const res = await moverOf(current.stage, to, api, manager).move(current.id, to, { data: validData(current.stage, to) });
      assert.equal(res.status, 200, `move to ${to}: ${JSON.stringify(res.body)}`);
      current = res.body;
      assert.equal(current.stage, to);
    }
    assert.deepEqual(current.allowedTransitions, []);
    assert.deepEqual(current.history.map((h) => h.to), ['PROPOSAL', ...FULL_PATH]);
    for (const entry of current.history.slice(1)) {
      const who = entry.to === 'GRADUATED' || entry.to === 'CLOSED' ? head : me;
      assert.equal(entry.actor.id, who.id, 'the manager approved graduation and closure; the admin made the other moves');
      assert.equal(entry.actor.name, who.name);
      assert.ok(Date.parse(entry.at) > 0, 'Date.parse(entry.at) > 0');
    }
    const designation = current.history.find((h) => h.to === 'DESIGNATION')!;
    assert.equal((designation.data as any).decreeNumber, '050/101/2026');
    assert.equal((designation.data as any).budget.apbd, 200_000_000);
    const graduation = current.history.find((h) => h.to === 'GRADUATED')!;
    assert.equal((graduation.data as any).rating, 'BAIK');

    // The workflow ended with the case: CLOSED is an end stage.
    // (once it has told the case's obligations about the last move, just after answering it)
    await withTemporal(async (client) => {
      await eventually(async () => {
        const description = await client.workflow.getHandle(current.workflowId).describe();
        assert.equal(description.status.name, 'COMPLETED', 'the workflow has not ended yet');
      });
    });
  });

  test('when an evaluation sends a kampung back to planning (pembinaan kembali), then a reason is required', async () => {
    const api = await ApiClient.signedIn(env.admin());
    let current: CaseDetail = await api.propose();
    for (const to of FULL_PATH.slice(0, 9)) current = (await api.move(current.id, to, { data: validData(current.stage, to) })).body;
    assert.equal(current.stage, 'EVALUATION');
    const noReason = await api.move(current.id, 'PLANNING', { data: validData('EVALUATION', 'PLANNING') });
    assert.equal(noReason.status, 409);
    assert.equal(noReason.body.code, 'REASON_REQUIRED');
    const back = await api.move(current.id, 'PLANNING', {
      reason: 'Skor kesejahteraan belum naik; perlu pembinaan kembali',
      data: { ...validData('EVALUATION', 'PLANNING'), rating: 'KURANG' },
    });
    assert.equal(back.status, 200);
    assert.equal(back.body.stage, 'PLANNING');
    assert.equal(back.body.history.at(-1)!.reason, 'Skor kesejahteraan belum naik; perlu pembinaan kembali');
  });

  test('when a case is put on hold, then it resumes to the stage it interrupted', async () => {
    const api = await ApiClient.signedIn(env.admin());
    const created = await api.propose();
    await api.move(created.id, 'SURVEY', { data: validData('PROPOSAL', 'SURVEY') });
    const held = await api.move(created.id, 'ON_HOLD', { reason: 'Anggaran belum cair' });
    assert.equal(held.status, 200);
    assert.equal(held.body.stage, 'ON_HOLD');
    assert.equal(held.body.resumeStage, 'SURVEY');
    assert.deepEqual(held.body.allowedTransitions, ['SURVEY']);
    const wrongResume = await api.move(created.id, 'VERIFICATION', { data: validData('SURVEY', 'VERIFICATION') });
    assert.equal(wrongResume.status, 409);
    const resumed = await api.move(created.id, 'SURVEY');
    assert.equal(resumed.status, 200);
    assert.equal(resumed.body.stage, 'SURVEY');
    assert.equal(resumed.body.resumeStage, null);
  });

  test('when verification finds problems, then the proposal goes back for revision or is rejected, with a reason', async () => {
    const api = await ApiClient.signedIn(env.admin());
    const created = await api.propose();
    await api.move(created.id, 'SURVEY', { data: validData('PROPOSAL', 'SURVEY') });
    await api.move(created.id, 'VERIFICATION', { data: validData('SURVEY', 'VERIFICATION') });
    const revised = await api.move(created.id, 'PROPOSAL', { reason: 'Data profil belum lengkap' });
    assert.equal(revised.status, 200);
    assert.equal(revised.body.stage, 'PROPOSAL');
    await api.move(created.id, 'SURVEY', { data: validData('PROPOSAL', 'SURVEY') });
    await api.move(created.id, 'VERIFICATION', { data: validData('SURVEY', 'VERIFICATION') });
    const rejected = await api.move(created.id, 'REJECTED', { reason: 'Lokasi rawan banjir' });
    assert.equal(rejected.status, 200);
    assert.equal(rejected.body.stage, 'REJECTED');
    const after = await api.move(created.id, 'PROPOSAL', { reason: 'coba lagi' });
    assert.equal(after.status, 409);
    assert.equal(after.body.code, 'ILLEGAL_TRANSITION');
  });

  test('when a case is withdrawn before designation, then it ends; after designation it cannot be withdrawn', async () => {
    const api = await ApiClient.signedIn(env.admin());
    const early = await api.propose();
    const withdrawn = await api.move(early.id, 'WITHDRAWN', { reason: 'Digabung dengan RW lain' });
    assert.equal(withdrawn.body.stage, 'WITHDRAWN');

    let late: CaseDetail = await api.propose();
    for (const to of FULL_PATH.slice(0, 3)) late = (await api.move(late.id, to, { data: validData(late.stage, to) })).body;
    assert.equal(late.stage, 'DESIGNATION');
    const refused = await api.move(late.id, 'WITHDRAWN', { reason: 'tidak jadi' });
    assert.equal(refused.status, 409);
    assert.equal(refused.body.code, 'ILLEGAL_TRANSITION');
  });
});
