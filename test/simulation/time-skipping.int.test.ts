import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { isDeepStrictEqual } from 'node:util';
import proto from '@temporalio/proto'; // CommonJS: no named ESM exports
import { DEFAULT_POLICIES } from '@kampung/domain';
import { visitCadenceWorkflowId } from '@kampung/workflows';
import { proposeCase } from '@kampung/api/src/cases/cases.service';
import { assign } from '@kampung/api/src/assignments/assignments.service';
import { changePolicy, getCurrentPolicy } from '@kampung/api/src/policies/policies.service';
import { createLog } from '@kampung/tools/stack/log';
import { proposal } from '../integration/support/api-client';
import { caseDepsFor } from '../integration/support/case-deps';
import { env } from '../integration/support/env';
import { eventually } from '../integration/support/temporal';
import { startSimWorker, type SimWorker } from './sim-worker';
import { startTimeSkippingEnv, type TimeSkipping } from './time-skipping';

const KSM = 'KAMPUNG_SEJAHTERA_MANDIRI';
const DAY = 86_400_000;
const YEAR = 365 * DAY;
/** How close to an instant the simulation looks: a minute before it nothing has moved, a minute after it has. */
const MARGIN = 60_000;
const { EventType } = proto.temporal.api.enums.v1;

const log = createLog('simulation', { colour: false });
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

describe('a case on the time-skipping test server: the real workflows and activities, simulated time, real PostgreSQL', () => {
  let sim: TimeSkipping;
  let worker: SimWorker;
  let caseDeps: Awaited<ReturnType<typeof caseDepsFor>>;

  before(async () => {
    const started = Date.now();
    sim = await startTimeSkippingEnv({ log });
    worker = await startSimWorker({ env: sim.env, databaseUrl: env.databaseUrl });
    // The product's use-cases, talking to the time-skipping server and this run's task queue.
    caseDeps = await caseDepsFor(sim.address, worker.taskQueue);
    log.info(
      `test server answered in ${seconds(sim.serverStartMs)}, worker created in ${seconds(worker.createMs)} ` +
        `(bundling the workflows), ready in ${seconds(Date.now() - started)}`,
    );
  });

  after(async () => {
    await caseDeps?.close();
    await worker?.stop();
    await sim?.stop();
  });

  test('when a mentor never visits for a simulated year, then the first visit obligation is DUE, OVERDUE and ESCALATED each at its instant, and the year takes seconds', async () => {
    const { deps, actor, mentorId } = caseDeps;
    // The program's real policy (biweekly mentoring, due 3 days after, escalated 7 days later);
    // other tests leave second-scale policies behind.
    const current = await getCurrentPolicy(deps.db, KSM);
    if (!isDeepStrictEqual(current.policy, DEFAULT_POLICIES[KSM])) {
      await changePolicy(deps.db, KSM, { baseVersion: current.version, changeNote: 'Simulasi: kebijakan bawaan', policy: DEFAULT_POLICIES[KSM] }, actor);
    }
    const wallStart = Date.now();
    const kampung = await proposeCase(deps, proposal({ programCode: KSM, kelurahanCode: '36.71.07.1013', rw: '1' }), actor);
    const assignment = await assign(deps, kampung.id, { userId: mentorId, role: 'MENTOR' }, actor.id);
    const simStart = await sim.env.currentTimeMs();

    const visitObligations = () =>
      deps.db.selectFrom('obligations').selectAll().where('assignment_id', '=', assignment.id).where('kind', '=', 'VISIT').orderBy('seq').execute();
    const first = await eventually(async () => {
      const [row] = await visitObligations();
      assert.ok(row, 'the first visit obligation is written');
      return row;
    });
    assert.equal(first.status, 'UPCOMING');
    assert.equal(first.due_at.getTime() - Date.parse(assignment.startedAt), 14 * DAY, 'due a cadence (P14D) after the assignment began');

    const steps = [
      { status: 'DUE', at: first.opens_at.getTime(), before: 'UPCOMING' },
      { status: 'OVERDUE', at: first.overdue_at.getTime(), before: 'DUE' },
      { status: 'ESCALATED', at: first.escalates_at.getTime(), before: 'OVERDUE' },
    ];
    for (const step of steps) {
      await sim.env.sleep(step.at - MARGIN - (await sim.env.currentTimeMs()));
      const [justBefore] = await visitObligations();
      assert.equal(justBefore?.status, step.before, `a minute before ${step.status}, still ${step.before}`);

      await sim.env.sleep(2 * MARGIN);
      // Time is locked again after a sleep: the workflow and its activity finish in real time.
      await eventually(async () => {
        const [row] = await visitObligations();
        assert.equal(row?.status, step.status, `a minute after its instant, ${step.status}`);
      });
      const now = await sim.env.currentTimeMs();
      assert.ok(now >= step.at && now < step.at + 2 * MARGIN, `${step.status} seen at simulated ${new Date(now).toISOString()}`);
    }
    const escalation = await deps.db.selectFrom('inbox_items').select('user_id').where('obligation_id', '=', first.id).where('kind', '=', 'ESCALATION').execute();
    assert.ok(escalation.length > 0, 'the escalation reached supervisors and managers');

    await sim.env.sleep(simStart + YEAR - (await sim.env.currentTimeMs()));
    const simEnd = await sim.env.currentTimeMs();
    const wallMs = Date.now() - wallStart;
    assert.ok(simEnd - simStart >= YEAR, 'a simulated year has passed');
    const all = await visitObligations();
    assert.deepEqual(
      all.map((o) => [o.seq, o.status]),
      [[1, 'ESCALATED']],
      'no visit: the cadence waits on its one escalated obligation',
    );
    // A failed workflow task is retried forever without touching PostgreSQL: look at the histories too.
    for (const workflowId of [kampung.workflowId, visitCadenceWorkflowId(assignment.id)]) {
      const handle = sim.env.client.workflow.getHandle(workflowId);
      assert.equal((await handle.describe()).status.name, 'RUNNING', `${workflowId} still runs after a year`);
      const failed = ((await handle.fetchHistory()).events ?? []).filter((e) => e.eventType === EventType.EVENT_TYPE_WORKFLOW_TASK_FAILED);
      assert.equal(failed.length, 0, `${workflowId}: no failed workflow task`);
    }
    assert.ok(wallMs < 60_000, `a simulated year in under a minute of wall-clock time (took ${seconds(wallMs)})`);
    log.info(
      `one simulated year (${((simEnd - simStart) / DAY).toFixed(1)} days) took ${seconds(wallMs)} of wall-clock time ` +
        `(test server start ${seconds(sim.serverStartMs)}, worker creation ${seconds(worker.createMs)} not included)`,
    );
  });
});
