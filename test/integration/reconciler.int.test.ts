import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { createDb, type Db } from '@kampung/db';
import {
  caseObligationsStateQuery,
  caseObligationsWorkflowId,
  RECONCILER_SCHEDULE_ID,
  visitCadenceStateQuery,
  visitCadenceWorkflowId,
  type ReconciliationSummary,
} from '@kampung/workflows';
import { ApiClient } from './support/api-client';
import { env } from './support/env';
import { newAccount } from './support/accounts';
import { validData } from './support/stage-data';
import { eventually, withTemporal } from './support/temporal';

const KSM = 'KAMPUNG_SEJAHTERA_MANDIRI';

/** Each invariant broken on purpose, then one reconciler pass over that case: it mends what is safe
 * to mend and reports the rest to the admins' inbox and /healthz. */
describe('the reconciler compares the workflows with PostgreSQL', () => {
  let admin: ApiClient;
  let db: Db;
  before(async () => {
    admin = await ApiClient.signedIn(env.admin());
    db = createDb(env.databaseUrl, { max: 2 });
    const current = (await admin.get(`/api/programs/${KSM}/policy`)).body;
    const res = await admin.request('PUT', `/api/programs/${KSM}/policy`, {
      baseVersion: current.version,
      changeNote: 'Uji: rekonsiliasi',
      policy: { ...current.policy, visitCadence: { ...current.policy.visitCadence, MENTOR: 'P14D' }, stageMaxDuration: { ...current.policy.stageMaxDuration, SURVEY: 'P30D' } },
    });
    assert.equal(res.status, 200, JSON.stringify(res.body));
  });
  after(async () => {
    await db.destroy();
  });

  const pass = (caseIds: string[]) =>
    withTemporal((client) =>
      client.workflow.execute('reconcilerWorkflow', { taskQueue: env.taskQueue, workflowId: `reconciler-test-${randomUUID()}`, args: [{ caseIds }] }),
    ) as Promise<ReconciliationSummary>;
  const findings = (passId: string) =>
    db.selectFrom('reconciliation_findings').select(['kind', 'subject_id', 'repaired']).where('pass_id', '=', passId).execute();
  const openVisits = (assignmentId: string) =>
    db.selectFrom('obligations').select(['id', 'status']).where('assignment_id', '=', assignmentId).where('kind', '=', 'VISIT')
      .where('status', 'in', ['UPCOMING', 'DUE', 'OVERDUE', 'ESCALATED']).execute();

  async function caseWithMentor() {
    const kampung = await admin.propose({ programCode: KSM, kelurahanCode: '36.71.07.1013', rw: '8' });
    const moved = await admin.move(kampung.id, 'SURVEY', { data: validData('PROPOSAL', 'SURVEY') });
    assert.equal(moved.status, 200, JSON.stringify(moved.body));
    const assignment = (await admin.post(`/api/cases/${kampung.id}/assignments`, { userId: (await newAccount('MENTOR')).id, role: 'MENTOR' })).body;
    const [visit] = await eventually(async () => {
      const open = await openVisits(assignment.id);
      assert.equal(open.length, 1, 'the first visit obligation is open');
      return open;
    });
    const deadline = await eventually(async () => {
      const [o] = (await admin.get(`/api/obligations?case=${kampung.id}&open=true&kind=STAGE_DEADLINE`)).body.items;
      assert.ok(o, 'the survey deadline is open');
      return o as { id: string };
    });
    return { caseId: kampung.id as string, assignmentId: assignment.id as string, visitId: visit!.id, deadlineId: deadline.id };
  }

  test('when nothing is broken, then a pass finds nothing', async () => {
    const { caseId } = await caseWithMentor();
    const summary = await pass([caseId]);
    assert.equal(summary.casesChecked, 1);
    assert.deepEqual(await findings(summary.passId), []);
  });

  test('when a visit cadence was terminated, then the pass restarts it from its open obligation', async () => {
    const { caseId, assignmentId, visitId } = await caseWithMentor();
    await withTemporal((client) => client.workflow.getHandle(visitCadenceWorkflowId(assignmentId)).terminate('test: a cadence lost'));
    const summary = await pass([caseId]);
    assert.deepEqual((await findings(summary.passId)).map((f) => [f.kind, f.repaired]), [['CADENCE_RESTARTED', true]]);
    const state = await eventually(() => withTemporal((client) => client.workflow.getHandle(visitCadenceWorkflowId(assignmentId)).query(visitCadenceStateQuery)));
    assert.equal(state.openObligationId, visitId, 'the same obligation, not a second one');
    assert.deepEqual((await openVisits(assignmentId)).map((o) => o.id), [visitId]);
    // And a visit is taken again.
    const visit = await admin.post(`/api/cases/${caseId}/visits`, { assignmentId, visitedOn: new Date().toISOString(), kind: 'MENTORING', notes: 'Setelah pemulihan' });
    assert.equal(visit.status, 201, JSON.stringify(visit.body));
    assert.equal(visit.body.fulfilledObligationId, visitId);
  });

  test('when a closure never reached the case workflow (a waiver written to the row only), then the pass sends it again', async () => {
    const { caseId, deadlineId } = await caseWithMentor();
    await db.updateTable('obligations').set({ status: 'WAIVED', waived_reason: 'ditulis langsung' }).where('id', '=', deadlineId).execute();
    const summary = await pass([caseId]);
    assert.deepEqual((await findings(summary.passId)).map((f) => [f.kind, f.subject_id, f.repaired]), [['SPENT_OBLIGATION_TRACKED', deadlineId, true]]);
    const state = await withTemporal((client) => client.workflow.getHandle(caseObligationsWorkflowId(caseId)).query(caseObligationsStateQuery));
    assert.ok(!state.open.some((o) => o.obligationId === deadlineId), 'the workflow no longer times it');
    const again = await pass([caseId]);
    assert.deepEqual(await findings(again.passId), [], 'a second pass finds nothing');
  });

  test('when a row was edited behind the workflow\'s back, then the pass reports it to the admins and on /healthz', async () => {
    const { caseId, assignmentId, visitId } = await caseWithMentor();
    await db.updateTable('obligations').set({ status: 'CANCELLED' }).where('id', '=', visitId).execute();
    const summary = await pass([caseId]);
    assert.deepEqual((await findings(summary.passId)).map((f) => [f.kind, f.subject_id, f.repaired]), [['VISIT_OBLIGATION_CLOSED_OUTSIDE', visitId, false]]);
    assert.equal(summary.reported, 1);
    const inbox = (await admin.get('/api/me/inbox')).body as any[];
    assert.ok(inbox.some((i) => i.kind === 'RECONCILIATION' && i.case.id === caseId && i.finding?.kind === 'VISIT_OBLIGATION_CLOSED_OUTSIDE'), 'in the admin\'s inbox');
    const health = (await fetch(`${env.appUrl}/healthz`).then((r) => r.json())) as { reconciliation: { unrepaired: number; lastPassAt: string } | null };
    assert.ok(health.reconciliation, 'the last pass is on /healthz');
    assert.equal(health.reconciliation.unrepaired, 1);
    assert.ok(assignmentId);
  });

  test('the worker keeps a schedule that starts a pass every hour by default', async () => {
    const description = await withTemporal((client) => client.schedule.getHandle(RECONCILER_SCHEDULE_ID).describe());
    assert.equal(description.action.type, 'startWorkflow');
    assert.equal(description.action.workflowType, 'reconcilerWorkflow');
    const every = description.spec.intervals?.[0]?.every;
    assert.equal(Number(every), 3_600_000, `every ${String(every)}`);
  });
});
