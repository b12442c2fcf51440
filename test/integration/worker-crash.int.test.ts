import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { ChildProcess } from 'node:child_process';
import { createActivities } from '@kampung/worker';
import { proposeCase, transitionCase } from '@kampung/api/src/cases/cases.service';
import { proposal } from './support/api-client';
import { env } from './support/env';
import { caseDepsFor } from './support/case-deps';
import { exited, startWorkerProcess } from './support/worker-process';

const TASK_QUEUE = 'crash-test';

describe('a worker that dies', () => {
  test('when the worker is killed with a move pending, then a new worker completes it: nothing lost', async () => {
    const { deps, actor, close } = await caseDepsFor(env.temporalAddress, TASK_QUEUE);
    const first = await startWorkerProcess({ TEMPORAL_TASK_QUEUE: TASK_QUEUE });
    let second: ChildProcess | undefined;
    try {
      const created = await proposeCase(deps, proposal(), actor);
      first.kill('SIGKILL');
      await exited(first);
      const move = transitionCase(deps, created.id, { to: 'SURVEY', data: { plannedDate: '2026-12-01', team: 'Tim' } }, actor);
      second = await startWorkerProcess({ TEMPORAL_TASK_QUEUE: TASK_QUEUE });
      const moved = await move;
      assert.equal(moved.stage, 'SURVEY');
      assert.deepEqual(moved.history.map((h) => [h.seq, h.to]), [[0, 'PROPOSAL'], [1, 'SURVEY']]);
    } finally {
      if (first.exitCode === null && first.signalCode === null) first.kill('SIGKILL');
      if (second) {
        second.kill('SIGTERM');
        await exited(second);
      }
      await close();
    }
  });

  test('when a crashed attempt of the write is retried, then the move is written exactly once', async () => {
    const { deps, actor, close } = await caseDepsFor(env.temporalAddress, 'kampung-cases');
    try {
      const created = await proposeCase({ ...deps, taskQueue: env.taskQueue }, proposal(), actor);
      const moved = await transitionCase({ ...deps, taskQueue: env.taskQueue }, created.id, { to: 'ON_HOLD', reason: 'uji ulang' }, actor);
      const last = moved.history.at(-1)!;
      // The same activity input again, as Temporal would retry it after a worker died mid-write.
      const activities = createActivities({ db: deps.db, temporal: deps.temporal, taskQueue: env.taskQueue });
      const input = { caseId: created.id, seq: last.seq, from: 'PROPOSAL', to: 'ON_HOLD', resumeStage: 'PROPOSAL', at: last.at, actorId: actor.id, requestId: null };
      await activities.recordTransition(input);
      await activities.recordTransition(input);
      const after = await transitionCase({ ...deps, taskQueue: env.taskQueue }, created.id, { to: 'PROPOSAL' }, actor);
      assert.deepEqual(after.history.map((h) => [h.seq, h.to]), [[0, 'PROPOSAL'], [1, 'ON_HOLD'], [2, 'PROPOSAL']]);
      assert.equal(after.history[1]!.reason, 'uji ulang', 'the retry did not overwrite the first write');
      // An old retry arriving after a newer move leaves the case where it is.
      await activities.recordTransition(input);
      const { stage } = (await deps.db.selectFrom('cases').select('stage').where('id', '=', created.id).executeTakeFirstOrThrow());
      assert.equal(stage, 'PROPOSAL');
      // Each move has one audit entry, however often its activity ran.
      const audited = await deps.db.selectFrom('audit_log').select(['after']).where('case_id', '=', created.id).where('action', '=', 'CASE_TRANSITIONED').orderBy('id').execute();
      assert.deepEqual(audited.map((a) => (a.after as { stage: string }).stage), ['ON_HOLD', 'PROPOSAL'], 'one entry per move, none for the retries');
    } finally {
      await close();
    }
  });
});
