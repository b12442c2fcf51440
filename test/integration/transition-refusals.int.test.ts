import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { stateQuery, transitionUpdate } from '@kampung/workflows';
import { createDb } from '@kampung/db';
import { ApiClient } from './support/api-client';
import { env } from './support/env';
import { validData } from './support/stage-data';
import { eventually, withTemporal } from './support/temporal';

describe('refused transitions leave no trace', () => {
  test('when an illegal move is asked, then 409 ILLEGAL_TRANSITION, and neither PostgreSQL nor the workflow history changes', async () => {
    const api = await ApiClient.signedIn(env.admin());
    const created = await api.propose();
    await api.move(created.id, 'SURVEY', { data: validData('PROPOSAL', 'SURVEY') });
    const before = await withTemporal((c) => c.workflow.getHandle(created.workflowId).fetchHistory());

    const res = await api.move(created.id, 'IMPLEMENTATION');
    assert.equal(res.status, 409);
    assert.match(res.contentType, /application\/problem\+json/);
    assert.equal(res.body.code, 'ILLEGAL_TRANSITION');
    assert.match(res.body.detail, /SURVEY/);

    const after = await withTemporal((c) => c.workflow.getHandle(created.workflowId).fetchHistory());
    assert.equal(after.events?.length, before.events?.length, 'a rejected update adds no history events');
    const detail = (await api.get(`/api/cases/${created.id}`)).body;
    assert.equal(detail.stage, 'SURVEY');
    assert.equal(detail.history.length, 2);
    const db = createDb(env.databaseUrl, { max: 1 });
    try {
      const { rows } = await sql<{ n: string }>`select count(*) as n from transition_requests where case_id = ${created.id}`.execute(db);
      assert.equal(Number(rows[0]!.n), 1, 'only the accepted request is kept');
    } finally {
      await db.destroy();
    }
  });

  test('when the workflow itself is asked for an illegal move, then its validator refuses it and writes no history', async () => {
    const api = await ApiClient.signedIn(env.admin());
    const created = await api.propose();
    await withTemporal(async (client) => {
      const handle = client.workflow.getHandle(created.workflowId);
      // Once the case has told its obligations workflow about the proposal, it is idle.
      const before = await eventually(async () => {
        const { raw } = await handle.describe();
        assert.equal(raw.pendingActivities?.length ?? 0, 0, 'no activity pending');
        assert.ok(!raw.pendingWorkflowTask, 'no workflow task pending');
        return (await handle.fetchHistory()).events?.length;
      });
      for (const command of [
        { to: 'DESIGNATION' as const, hasReason: false },
        { to: 'ON_HOLD' as const, hasReason: false },
      ]) {
        await assert.rejects(
          handle.executeUpdate(transitionUpdate, { args: [{ ...command, requestId: randomUUID(), actorId: null }] }),
          (error: unknown) =>
            error instanceof WorkflowUpdateFailedError &&
            error.cause instanceof ApplicationFailure &&
            error.cause.type === (command.to === 'ON_HOLD' ? 'REASON_REQUIRED' : 'ILLEGAL_TRANSITION'),
        );
      }
      assert.equal((await handle.fetchHistory()).events?.length, before);
      assert.equal((await handle.query(stateQuery)).stage, 'PROPOSAL');
    });
  });

  test('when a hold has no reason, then 409 REASON_REQUIRED', async () => {
    const api = await ApiClient.signedIn(env.admin());
    const created = await api.propose();
    const res = await api.move(created.id, 'ON_HOLD');
    assert.equal(res.status, 409);
    assert.equal(res.body.code, 'REASON_REQUIRED');
  });

  test('when stage data is invalid, then 422 names each field and the case does not move', async () => {
    const api = await ApiClient.signedIn(env.admin());
    const created = await api.propose();
    await api.move(created.id, 'SURVEY', { data: validData('PROPOSAL', 'SURVEY') });
    await api.move(created.id, 'VERIFICATION', { data: validData('SURVEY', 'VERIFICATION') });
    const res = await api.move(created.id, 'DESIGNATION', {
      data: { decreeNumber: '', decreeDate: '2026-13-45', budget: { apbd: -5, csr: [] } },
    });
    assert.equal(res.status, 422);
    assert.equal(res.body.code, 'VALIDATION_FAILED');
    const paths = res.body.errors.map((e: { path: string }) => e.path).sort();
    assert.deepEqual(paths, ['data.budget.apbd', 'data.decreeDate', 'data.decreeNumber']);
    assert.equal((await api.get(`/api/cases/${created.id}`)).body.stage, 'VERIFICATION');
  });

  test('when the target is not a stage at all, or the case does not exist, then 422 and 404', async () => {
    const api = await ApiClient.signedIn(env.admin());
    const created = await api.propose();
    const bad = await api.move(created.id, 'NOWHERE' as never);
    assert.equal(bad.status, 422);
    assert.equal(bad.body.errors[0].path, 'to');
    const missing = await api.move('00000000-0000-4000-8000-000000000000', 'SURVEY');
    assert.equal(missing.status, 404);
    assert.equal(missing.body.code, 'NOT_FOUND');
    const notUuid = await api.get('/api/cases/not-a-uuid');
    assert.equal(notUuid.status, 404);
  });
});
