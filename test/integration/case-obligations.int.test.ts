import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_POLICIES, type CaseDetail, type ProgramPolicy, type Stage } from '@kampung/domain';
import { caseObligationsWorkflowId, visitCadenceWorkflowId } from '@kampung/workflows';
import { ApiClient } from './support/api-client';
import { env } from './support/env';
import { newAccount } from './support/accounts';
import { FULL_PATH, validData } from './support/stage-data';
import { eventually as eventuallyWithin, withTemporal } from './support/temporal';

const KT = 'KAMPUNG_TEMATIK';
/** A kelurahan of Semarang no other test assigns IAI architects in (Ngemplak Simongan, Semarang Barat). */
const QUIET_KELURAHAN = '33.74.13.1001';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** Obligations are written by workflows a moment after the request; the waits are generous bounds
 * (they do not measure speed). */
const eventually = <T>(check: () => Promise<T>, { timeoutMs = 30_000 } = {}) => eventuallyWithin(check, { timeoutMs });

/** Nothing runs on its own in this file unless a test says so: no visits, no stage deadlines. */
const QUIET: Partial<ProgramPolicy> = {
  visitCadence: {},
  stageMaxDuration: {},
  reminderLead: 'PT1S',
  visitGrace: 'PT2S',
  escalationDelay: 'PT2S',
};

describe('case obligations: stage deadlines, reports, evaluations, holds, handovers and policy changes', () => {
  let admin: ApiClient;
  let officer: ApiClient;
  let manager: ApiClient;
  const ids = { admin: '', officer: '', viewer: '', mentor: '' };
  const iai: string[] = [];

  async function setPolicy(changes: Partial<ProgramPolicy>, note: string) {
    const current = (await admin.get(`/api/programs/${KT}/policy`)).body;
    const res = await admin.request('PUT', `/api/programs/${KT}/policy`, {
      baseVersion: current.version,
      changeNote: note,
      policy: { ...current.policy, ...QUIET, ...changes },
    });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    return res.body.version as number;
  }
  async function obligations(caseId: string, filter = '') {
    return (await admin.get(`/api/obligations?case=${caseId}&pageSize=200${filter}`)).body.items as any[];
  }
  async function moveTo(kampung: CaseDetail, target: Stage): Promise<CaseDetail> {
    let current = kampung;
    for (const to of FULL_PATH.slice(FULL_PATH.indexOf(current.stage as Stage) + 1, FULL_PATH.indexOf(target) + 1)) {
      const res = await admin.move(current.id, to, { data: validData(current.stage, to) });
      assert.equal(res.status, 200, JSON.stringify(res.body));
      current = res.body;
    }
    return current;
  }

  before(async () => {
    admin = await ApiClient.signedIn(env.admin());
    officer = await ApiClient.signedIn(env.officer());
    const users = (await admin.get('/api/users')).body as any[];
    ids.admin = (await admin.get('/api/me')).body.id;
    ids.officer = (await officer.get('/api/me')).body.id;
    ids.viewer = users.find((u) => u.role === 'AUDITOR').id;
    ids.mentor = (await newAccount('MENTOR')).id;
    for (let i = 0; i < 3; i++) iai.push((await newAccount('IAI_ARCHITECT')).id);
    // Graduation and closure are the manager's to approve.
    manager = await ApiClient.signedIn(env.manager());
  });
  after(async () => {
    const current = (await admin.get(`/api/programs/${KT}/policy`)).body;
    await admin.request('PUT', `/api/programs/${KT}/policy`, {
      baseVersion: current.version,
      changeNote: 'Uji selesai: kebijakan bawaan',
      policy: DEFAULT_POLICIES.KAMPUNG_TEMATIK,
    });
  });

  test('when a stage runs past its expected duration, then its deadline is overdue and escalated to the supervisor and managers; leaving the stage fulfils it', async () => {
    await setPolicy({ stageMaxDuration: { SURVEY: 'PT3S' }, reminderLead: 'PT1S', visitGrace: 'PT1S', escalationDelay: 'PT1S' }, 'Uji: batas tahap detik');
    // The officer's escalations reach the viewer as supervisor, besides the admins (managers).
    assert.equal((await admin.request('PUT', `/api/users/${ids.officer}/supervisor`, { supervisorId: ids.viewer })).status, 200);
    const selfSupervised = await admin.request('PUT', `/api/users/${ids.officer}/supervisor`, { supervisorId: ids.officer });
    assert.equal(selfSupervised.status, 422);

    const kampung = await admin.propose({ kelurahanCode: QUIET_KELURAHAN });
    assert.equal((await admin.post(`/api/cases/${kampung.id}/assignments`, { userId: ids.officer, role: 'DINSOS_OFFICER' })).status, 201);
    const surveyed = await moveTo(kampung, 'SURVEY');
    const enteredAt = Date.parse(surveyed.history.at(-1)!.at);
    const deadline = await eventually(async () => {
      const [o] = await obligations(kampung.id, '&kind=STAGE_DEADLINE');
      assert.ok(o, 'not written yet');
      return o;
    });
    assert.equal(deadline.stage, 'SURVEY');
    assert.equal(deadline.assignee.id, ids.officer, 'the deadline falls to the case officer');
    assert.equal(Date.parse(deadline.dueAt) - enteredAt, 3000, 'due the expected duration after entering the stage');

    await eventually(async () => assert.equal((await obligations(kampung.id, '&kind=STAGE_DEADLINE'))[0].status, 'ESCALATED'), { timeoutMs: 40_000 });
    assert.ok(Date.now() >= Date.parse(deadline.escalatesAt), 'Date.now() >= Date.parse(deadline.escalatesAt)');
    const viewer = await ApiClient.signedIn(env.auditor());
    for (const client of [viewer, admin]) {
      const inbox = (await client.get('/api/me/inbox')).body as any[];
      assert.ok(inbox.some((i) => i.kind === 'ESCALATION' && i.obligation?.id === deadline.id), 'in the supervisor\'s and the managers\' inbox');
    }
    assert.ok(!((await officer.get('/api/me/inbox')).body as any[]).some((i) => i.obligation?.id === deadline.id), 'not in the assignee\'s own');

    await admin.move(kampung.id, 'VERIFICATION', { data: validData('SURVEY', 'VERIFICATION') });
    const done = await eventually(async () => {
      const o = (await obligations(kampung.id, '&kind=STAGE_DEADLINE')).find((x) => x.id === deadline.id);
      assert.equal(o.status, 'FULFILLED');
      return o;
    });
    assert.equal(done.late, true);

    // A stage left in time: fulfilled, not late.
    const quick = await moveTo(await admin.propose({ kelurahanCode: QUIET_KELURAHAN }), 'VERIFICATION');
    const quickDeadline = await eventually(async () => {
      const [o] = await obligations(quick.id, '&kind=STAGE_DEADLINE');
      assert.equal(o?.status, 'FULFILLED');
      return o;
    });
    assert.equal(quickDeadline.late, false);
    await admin.request('PUT', `/api/users/${ids.officer}/supervisor`, { supervisorId: null });
  });

  test('when implementation starts, then monthly reports and the evaluation fall due; a red report needs an explanation and reaches the managers; the evaluation transition fulfils the evaluation', async () => {
    await setPolicy(
      { monitoringReportPeriod: 'PT3S', monitoringReportDueAfter: 'PT2S', evaluationInterval: 'PT60S', monitoringTargetPercent: 75, graduatedMonitoringCadence: 'PT3S' },
      'Uji: laporan detik',
    );
    const kampung = await admin.propose({ kelurahanCode: QUIET_KELURAHAN });
    assert.equal((await admin.post(`/api/cases/${kampung.id}/assignments`, { userId: ids.officer, role: 'MENTOR' })).status, 201);
    const implementing = await moveTo(kampung, 'IMPLEMENTATION');
    const startedAt = Date.parse(implementing.history.at(-1)!.at);

    const [report, evaluation] = await eventually(async () => {
      const [r] = await obligations(kampung.id, '&kind=MONITORING_REPORT');
      const [e] = await obligations(kampung.id, '&kind=EVALUATION');
      assert.ok(r && e, 'not written yet');
      return [r, e];
    });
    assert.equal(report.assignee.id, ids.officer, 'reports fall to the mentor');
    assert.match(report.periodLabel, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/);
    assert.equal(Date.parse(report.dueAt) - startedAt, 5000, 'due the delay after its period ends');
    assert.equal(Date.parse(evaluation.dueAt) - startedAt, 60_000, 'the evaluation an interval after implementation starts');

    const red = { period: report.periodLabel, progressPercent: 40, budgetRealised: 12_500_000, problems: 'Bahan baku terlambat' };
    const unexplained = await officer.post(`/api/cases/${kampung.id}/monitoring-reports`, red);
    assert.equal(unexplained.status, 422);
    assert.deepEqual(unexplained.body.errors.map((e: any) => e.path), ['explanation']);
    assert.equal((await admin.get(`/api/cases/${kampung.id}/monitoring-reports`)).body.total, 0, 'nothing was written');

    const submitted = await officer.post(`/api/cases/${kampung.id}/monitoring-reports`, { ...red, explanation: 'Pemasok tutup dua minggu' });
    assert.equal(submitted.status, 201, JSON.stringify(submitted.body));
    assert.equal(submitted.body.red, true);
    assert.equal(submitted.body.targetPercent, 75);
    assert.equal(submitted.body.fulfilledObligationId, report.id);
    const fulfilled = (await obligations(kampung.id, '&kind=MONITORING_REPORT')).find((o) => o.id === report.id);
    assert.equal(fulfilled.status, 'FULFILLED');
    assert.equal(fulfilled.late, false);
    const reds = (await admin.get('/api/monitoring-reports?red=true&pageSize=200')).body.items as any[];
    assert.ok(reds.some((r) => r.id === submitted.body.id), 'managers see the red report');
    assert.ok(((await admin.get('/api/me/inbox')).body as any[]).some((i) => i.kind === 'RED_REPORT' && i.report?.id === submitted.body.id), 'the managers\' inbox has the red report');
    const again = await officer.post(`/api/cases/${kampung.id}/monitoring-reports`, { ...red, explanation: 'lagi' });
    assert.equal(again.status, 409);
    const bad = await officer.post(`/api/cases/${kampung.id}/monitoring-reports`, { period: 'Oktober', progressPercent: 140, budgetRealised: -1 });
    assert.equal(bad.status, 422);
    assert.deepEqual(bad.body.errors.map((e: any) => e.path).sort(), ['budgetRealised', 'period', 'progressPercent']);

    // The next period opens on its own.
    const next = await eventually(async () => {
      const o = (await obligations(kampung.id, '&kind=MONITORING_REPORT')).find((x) => x.id !== report.id);
      assert.ok(o, 'not written yet');
      return o;
    });
    assert.notEqual(next.periodLabel, report.periodLabel);
    const green = await officer.post(`/api/cases/${kampung.id}/monitoring-reports`, { period: next.periodLabel, progressPercent: 80, budgetRealised: 20_000_000 });
    assert.equal(green.status, 201);
    assert.equal(green.body.red, false);

    await admin.move(kampung.id, 'EVALUATION', { data: validData('IMPLEMENTATION', 'EVALUATION') });
    const evaluated = await eventually(async () => {
      const o = (await obligations(kampung.id, '&kind=EVALUATION')).find((x) => x.id === evaluation.id);
      assert.equal(o.status, 'FULFILLED');
      return o;
    });
    assert.equal(evaluated.late, false);

    // After graduation the lighter checks replace the monthly reports; closing the case cancels what is open.
    await manager.move(kampung.id, 'GRADUATED', { data: validData('EVALUATION', 'GRADUATED') });
    await eventually(async () => assert.ok((await obligations(kampung.id, '&kind=GRADUATE_CHECK')).length >= 1, 'no check yet'));
    await manager.move(kampung.id, 'CLOSED', { data: validData('GRADUATED', 'CLOSED') });
    await eventually(async () => {
      const open = (await obligations(kampung.id)).filter((o) => ['UPCOMING', 'DUE', 'OVERDUE', 'ESCALATED'].includes(o.status));
      assert.deepEqual(open, []);
    });
    const cancelled = await obligations(kampung.id, '&status=CANCELLED');
    assert.ok(cancelled.some((o) => o.kind === 'GRADUATE_CHECK'), 'the open check was cancelled when the case closed');
  });

  test('when a case is put on hold, then its obligations pause, and on resume they go on with the time they had left', async () => {
    await setPolicy({ visitCadence: { MENTOR: 'PT4S' }, stageMaxDuration: { SURVEY: 'PT5S' } }, 'Uji: jeda');
    const kampung = await moveTo(await admin.propose({ kelurahanCode: QUIET_KELURAHAN }), 'SURVEY');
    const assignment = (await admin.post(`/api/cases/${kampung.id}/assignments`, { userId: ids.mentor, role: 'MENTOR' })).body;
    const [visit, deadline] = await eventually(async () => {
      const [v] = await obligations(kampung.id, '&kind=VISIT');
      const [d] = await obligations(kampung.id, '&kind=STAGE_DEADLINE');
      assert.ok(v && d, 'not written yet');
      return [v, d];
    });
    const held = await admin.move(kampung.id, 'ON_HOLD', { reason: 'Banjir, kegiatan dihentikan sementara' });
    assert.equal(held.status, 200);
    const refused = await admin.post(`/api/cases/${kampung.id}/visits`, { assignmentId: assignment.id, visitedOn: new Date().toISOString(), kind: 'MENTORING', notes: 'x' });
    assert.equal(refused.status, 409, 'no visit is logged on a case on hold');

    // Past the original escalation instants, nothing has moved.
    await sleep(Math.max(Date.parse(visit.escalatesAt), Date.parse(deadline.escalatesAt)) - Date.now() + 1000);
    for (const o of await obligations(kampung.id)) assert.equal(o.status, 'UPCOMING', `${o.kind} stays UPCOMING while held`);

    const resumed = await admin.move(kampung.id, 'SURVEY');
    assert.equal(resumed.status, 200);
    const history = resumed.body.history as any[];
    const heldFor = Date.parse(history.at(-1).at) - Date.parse(history.at(-2).at);
    for (const before of [visit, deadline]) {
      const after = await eventually(async () => {
        const o = (await obligations(kampung.id)).find((x) => x.id === before.id);
        assert.equal(Date.parse(o.dueAt) - Date.parse(before.dueAt), heldFor, `${before.kind}: the due date moved by the time held`);
        return o;
      });
      assert.equal(Date.parse(after.escalatesAt) - Date.parse(before.escalatesAt), heldFor);
    }
    const shiftedVisit = (await obligations(kampung.id, '&kind=VISIT'))[0];
    const seenDue = await eventually(async () => {
      assert.notEqual((await obligations(kampung.id, '&kind=VISIT'))[0].status, 'UPCOMING');
      return Date.now();
    });
    assert.ok(seenDue >= Date.parse(shiftedVisit.opensAt), 'it opened at its new time, not before');

    // An end stage is not reachable from SURVEY except by withdrawal: everything open is cancelled.
    assert.equal((await admin.move(kampung.id, 'WITHDRAWN', { reason: 'Warga mundur' })).status, 200);
    await eventually(async () => {
      const list = await obligations(kampung.id);
      assert.ok(list.every((o) => ['CANCELLED', 'FULFILLED'].includes(o.status)), JSON.stringify(list.map((o) => [o.kind, o.status])));
    });
  });

  test('when a mentor is replaced, then the handover is kept and the open obligations move to the new person', async () => {
    await setPolicy({ visitCadence: { MENTOR: 'PT60S', IAI_ARCHITECT: 'PT60S' } }, 'Uji: serah terima');
    const kampung = await admin.propose({ kelurahanCode: QUIET_KELURAHAN });
    const assignment = (await admin.post(`/api/cases/${kampung.id}/assignments`, { userId: ids.officer, role: 'MENTOR' })).body;
    const open = await eventually(async () => {
      const [o] = await obligations(kampung.id, '&kind=VISIT');
      assert.ok(o, 'not written yet');
      return o;
    });
    assert.equal(open.assignee.id, ids.officer);

    const noReason = await admin.post(`/api/cases/${kampung.id}/assignments/${assignment.id}/handover`, { toUserId: ids.mentor });
    assert.equal(noReason.status, 422);
    const same = await admin.post(`/api/cases/${kampung.id}/assignments/${assignment.id}/handover`, { toUserId: ids.officer, reason: 'x' });
    assert.equal(same.status, 422);
    const handed = await admin.post(`/api/cases/${kampung.id}/assignments/${assignment.id}/handover`, { toUserId: ids.mentor, reason: 'Mutasi ke kecamatan lain' });
    assert.equal(handed.status, 200, JSON.stringify(handed.body));
    assert.equal(handed.body.user.id, ids.mentor);
    assert.equal(handed.body.handovers.length, 1);
    assert.deepEqual(
      { from: handed.body.handovers[0].from.id, to: handed.body.handovers[0].to.id, reason: handed.body.handovers[0].reason, moved: handed.body.handovers[0].movedObligations },
      { from: ids.officer, to: ids.mentor, reason: 'Mutasi ke kecamatan lain', moved: 1 },
    );
    assert.equal((await obligations(kampung.id, '&kind=VISIT'))[0].assignee.id, ids.mentor, 'the open visit moved');
    const team = (await admin.get(`/api/cases/${kampung.id}/assignments`)).body as any[];
    assert.equal(team[0].handovers[0].by.id, ids.admin);

    // The new mentor logs the visit on the same position; the cadence goes on.
    const visit = await admin.post(`/api/cases/${kampung.id}/visits`, { assignmentId: assignment.id, visitedOn: new Date().toISOString(), kind: 'MENTORING', notes: 'Perkenalan pendamping baru' });
    assert.equal(visit.status, 201);
    assert.equal(visit.body.fulfilledObligationId, open.id);
    const fulfilled = (await obligations(kampung.id, '&kind=VISIT')).find((o) => o.id === open.id);
    assert.equal(fulfilled.status, 'FULFILLED');

    // Kampung Tematik: a handover cannot bring a third IAI architect into a kecamatan.
    const a = await admin.propose({ kelurahanCode: QUIET_KELURAHAN });
    const b = await admin.propose({ kelurahanCode: QUIET_KELURAHAN });
    assert.equal((await admin.post(`/api/cases/${a.id}/assignments`, { userId: iai[0], role: 'IAI_ARCHITECT' })).status, 201);
    const architect = (await admin.post(`/api/cases/${b.id}/assignments`, { userId: iai[1], role: 'IAI_ARCHITECT' })).body;
    const third = await admin.post(`/api/cases/${b.id}/assignments/${architect.id}/handover`, { toUserId: iai[2], reason: 'Ganti arsitek' });
    assert.equal(third.status, 409);
    assert.match(third.body.detail, /third/);
  });

  test('when the policy changes, then running cadences follow it from their next obligation on; what is fulfilled is not rewritten', async () => {
    const v1 = await setPolicy({ visitCadence: { MENTOR: 'PT60S' } }, 'Uji: kadens lama');
    const kampung = await admin.propose({ kelurahanCode: QUIET_KELURAHAN });
    const assignment = (await admin.post(`/api/cases/${kampung.id}/assignments`, { userId: ids.mentor, role: 'MENTOR' })).body;
    const first = await eventually(async () => {
      const [o] = await obligations(kampung.id, '&kind=VISIT');
      assert.ok(o, 'not written yet');
      return o;
    });
    assert.equal(first.policyVersion, v1);

    const v2 = await setPolicy({ visitCadence: { MENTOR: 'PT30S' } }, 'Uji: kadens baru');
    const policy = (await admin.get(`/api/programs/${KT}/policy`)).body;
    assert.match(policy.appliesTo, /next obligation/);
    const unchanged = (await obligations(kampung.id, '&kind=VISIT'))[0];
    assert.deepEqual([unchanged.dueAt, unchanged.policyVersion], [first.dueAt, v1], 'the open obligation keeps its window');

    const visitedOn = new Date().toISOString();
    assert.equal((await admin.post(`/api/cases/${kampung.id}/visits`, { assignmentId: assignment.id, visitedOn, kind: 'MENTORING', notes: 'x' })).status, 201);
    const next = await eventually(async () => {
      const o = (await obligations(kampung.id, '&kind=VISIT')).find((x) => x.id !== first.id);
      assert.ok(o, 'not written yet');
      return o;
    });
    assert.equal(next.policyVersion, v2);
    assert.equal(Date.parse(next.dueAt) - Date.parse(visitedOn), 30_000, 'the next one follows the new cadence');
    const done = (await obligations(kampung.id, '&kind=VISIT')).find((x) => x.id === first.id);
    assert.deepEqual([done.status, done.dueAt, done.policyVersion], ['FULFILLED', first.dueAt, v1], 'the fulfilled one is not rewritten');
  });

  test('when three years of biweekly visits and monthly reports run, then every run of every workflow stays under 4,096 events', async () => {
    // Second-scale stand-ins: 78 visits (26 a year) and 36 report periods of one second.
    await setPolicy({ visitCadence: { MENTOR: 'PT30S' }, monitoringReportPeriod: 'PT1S', monitoringReportDueAfter: 'PT2S', evaluationInterval: 'PT1H' }, 'Uji: tiga tahun');
    const kampung = await admin.propose({ kelurahanCode: QUIET_KELURAHAN });
    const assignment = (await admin.post(`/api/cases/${kampung.id}/assignments`, { userId: ids.mentor, role: 'MENTOR' })).body;
    await moveTo(kampung, 'IMPLEMENTATION');

    const reported = new Set<string>();
    const reports = (async () => {
      while (reported.size < 36) {
        for (const o of await obligations(kampung.id, '&kind=MONITORING_REPORT')) {
          if (reported.size >= 36 || reported.has(o.periodLabel) || o.status === 'FULFILLED') continue;
          const res = await admin.post(`/api/cases/${kampung.id}/monitoring-reports`, { period: o.periodLabel, progressPercent: 90, budgetRealised: 1_000_000 });
          assert.equal(res.status, 201, JSON.stringify(res.body));
          reported.add(o.periodLabel);
        }
        await sleep(300);
      }
    })();
    for (let i = 0; i < 78; i++) {
      const res = await admin.post(`/api/cases/${kampung.id}/visits`, { assignmentId: assignment.id, visitedOn: new Date().toISOString(), kind: 'MENTORING', notes: `Kunjungan ${i + 1}` });
      assert.equal(res.status, 201, JSON.stringify(res.body));
    }
    await reports;
    const fulfilledReports = (await obligations(kampung.id, '&kind=MONITORING_REPORT&status=FULFILLED')).length;
    assert.equal(fulfilledReports, 36);

    await withTemporal(async (client) => {
      for (const workflowId of [caseObligationsWorkflowId(kampung.id), visitCadenceWorkflowId(assignment.id), `case-${kampung.id}`]) {
        const runs = await eventually(async () => {
          const found = [];
          for await (const run of client.workflow.list({ query: `WorkflowId = '${workflowId}'` })) found.push(run);
          assert.ok(found.length >= 1, 'found.length >= 1');
          return found;
        });
        for (const run of runs) assert.ok((run.historyLength ?? 0) < 4096, `${workflowId} run ${run.runId}: ${run.historyLength} events`);
        if (workflowId.startsWith('visits-')) assert.ok(runs.length >= 4, `the visit cadence continued as new (${runs.length} runs)`);
      }
    });
  });
});
