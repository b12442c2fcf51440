import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SEARCH_ATTRIBUTES } from '@kampung/workflows';
import { proposeCase } from '@kampung/api/src/cases/cases.service';
import { assign } from '@kampung/api/src/assignments/assignments.service';
import { changePolicy, getCurrentPolicy } from '@kampung/api/src/policies/policies.service';
import { startTemporalDevServer, type RunningTemporal } from '@kampung/tools/stack/temporal-server';
import { freePort } from '@kampung/tools/stack/postgres';
import { createLog } from '@kampung/tools/stack/log';
import { proposal } from './support/api-client';
import { env } from './support/env';
import { caseDepsFor } from './support/case-deps';
import { exited, startWorkerProcess } from './support/worker-process';
import { eventually } from './support/temporal';

const TASK_QUEUE = 'durability-test';
const KSM = 'KAMPUNG_SEJAHTERA_MANDIRI';

describe('timers survive a dead worker and a restarted Temporal server', () => {
  test('when the worker is killed and the server restarts mid-cadence, then the timers of the obligation still fire and it escalates, not before its time', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'kampung-durability-'));
    const port = await freePort();
    const serverOptions = {
      cli: { path: env.temporalCli },
      port,
      headless: true,
      dbFile: join(dir, 'temporal.sqlite'),
      namespace: env.namespace,
      searchAttributes: SEARCH_ATTRIBUTES,
      log: createLog('temporal-durable', { sink: () => {} }),
    };
    let server: RunningTemporal | undefined = await startTemporalDevServer(serverOptions);
    let worker: ChildProcess | undefined = await startWorkerProcess({ TEMPORAL_ADDRESS: server.address, TEMPORAL_TASK_QUEUE: TASK_QUEUE });
    const { deps, actor, mentorId, close } = await caseDepsFor(server.address, TASK_QUEUE);
    try {
      const current = await getCurrentPolicy(deps.db, KSM);
      await changePolicy(deps.db, KSM, {
        baseVersion: current.version,
        changeNote: 'Uji ketahanan timer',
        policy: {
          ...current.policy,
          visitCadence: { MENTOR: 'PT8S' },
          stageMaxDuration: { PROPOSAL: 'PT8S' },
          reminderLead: 'PT2S',
          visitGrace: 'PT2S',
          escalationDelay: 'PT2S',
        },
      }, actor);
      const kampung = await proposeCase(deps, proposal({ programCode: KSM, kelurahanCode: '36.71.07.1013', rw: '2' }), actor);
      const assignment = await assign(deps, kampung.id, { userId: mentorId, role: 'MENTOR' }, actor.id);
      const obligation = await eventually(async () => {
        const row = await deps.db.selectFrom('obligations').selectAll().where('assignment_id', '=', assignment.id).where('kind', '=', 'VISIT').executeTakeFirst();
        assert.ok(row, 'not written yet');
        return row;
      });
      assert.equal(obligation.status, 'UPCOMING');
      // The case's own timer too: the deadline of the stage it is in (its obligations workflow).
      const deadline = await eventually(async () => {
        const row = await deps.db.selectFrom('obligations').selectAll().where('case_id', '=', kampung.id).where('kind', '=', 'STAGE_DEADLINE').executeTakeFirst();
        assert.ok(row, 'not written yet');
        return row;
      });
      assert.equal(deadline.status, 'UPCOMING');

      // Every timer is still ahead: kill the worker outright, then stop and restart the server.
      worker.kill('SIGKILL');
      await exited(worker);
      worker = undefined;
      await server.stop();
      server = await startTemporalDevServer(serverOptions);
      worker = await startWorkerProcess({ TEMPORAL_ADDRESS: server.address, TEMPORAL_TASK_QUEUE: TASK_QUEUE });

      for (const timed of [obligation, deadline]) {
        const statusOf = async () =>
          (await deps.db.selectFrom('obligations').select(['status', 'status_changed_at']).where('id', '=', timed.id).executeTakeFirstOrThrow());
        const escalated = await eventually(async () => {
          const row = await statusOf();
          assert.equal(row.status, 'ESCALATED', timed.kind);
          return row;
        }, { timeoutMs: 30_000 });
        assert.ok(escalated.status_changed_at.getTime() >= timed.escalates_at.getTime(), `${timed.kind}: not escalated before its time`);
        await eventually(async () => {
          const inbox = await deps.db.selectFrom('inbox_items').select('user_id').where('obligation_id', '=', timed.id).execute();
          assert.ok(inbox.length >= 1, `${timed.kind}: the escalation reached an inbox`);
        });
      }
      const now = await getCurrentPolicy(deps.db, KSM);
      await changePolicy(deps.db, KSM, { baseVersion: now.version, changeNote: 'Uji selesai', policy: current.policy }, actor);
    } finally {
      if (worker) {
        worker.kill('SIGTERM');
        await exited(worker);
      }
      await server?.stop();
      await close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
