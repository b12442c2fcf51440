import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_POLICIES, reportPeriodLabel, type CaseDetail, type Stage } from '@kampung/domain';
import { ApiClient } from './support/api-client';
import { env } from './support/env';
import { newAccount } from './support/accounts';
import { FULL_PATH, moverOf, validData } from './support/stage-data';
import { eventually } from './support/temporal';

const KT = 'KAMPUNG_TEMATIK';
/** Ngaliyan (Semarang): no other test assigns people here. */
const KELURAHAN = '33.74.15.1001';

describe("a case's full timeline", () => {
  let admin: ApiClient;
  let officer: ApiClient;
  let viewer: ApiClient;
  let manager: ApiClient;
  const ids = { admin: '', officer: '' };
  before(async () => {
    admin = await ApiClient.signedIn(env.admin());
    officer = await ApiClient.signedIn(env.officer());
    viewer = await ApiClient.signedIn(env.auditor());
    manager = await ApiClient.signedIn(env.manager());
    ids.admin = (await admin.get('/api/me')).body.id;
    ids.officer = (await officer.get('/api/me')).body.id;
  });
  after(async () => {
    const current = (await admin.get(`/api/programs/${KT}/policy`)).body;
    await admin.request('PUT', `/api/programs/${KT}/policy`, { baseVersion: current.version, changeNote: 'Uji selesai', policy: DEFAULT_POLICIES.KAMPUNG_TEMATIK });
  });

  test('every transition, evaluation, assignment, handover, visit, report, waiver and escalation is there with who, when and why; admins get the Temporal UI link', async () => {
    // A policy under which the survey stalls and escalates within seconds; mentors visit hourly (so
    // a visit has its obligation, and nothing else falls due during the test).
    const current = (await admin.get(`/api/programs/${KT}/policy`)).body;
    const changed = await admin.request('PUT', `/api/programs/${KT}/policy`, {
      baseVersion: current.version,
      changeNote: 'Uji linimasa',
      policy: { ...current.policy, visitCadence: { MENTOR: 'PT1H' }, stageMaxDuration: { SURVEY: 'PT1S' }, reminderLead: 'PT1S', visitGrace: 'PT1S', escalationDelay: 'PT1S' },
    });
    assert.equal(changed.status, 200, JSON.stringify(changed.body));

    let kampung: CaseDetail = await admin.propose({ kelurahanCode: KELURAHAN });
    const toSurvey = await admin.move(kampung.id, 'SURVEY', { reason: 'Usulan lengkap, survei dijadwalkan', data: validData('PROPOSAL', 'SURVEY') });
    assert.equal(toSurvey.status, 200, JSON.stringify(toSurvey.body));
    kampung = toSurvey.body;
    const deadline = await eventually(async () => {
      const [o] = (await admin.get(`/api/obligations?case=${kampung.id}&kind=STAGE_DEADLINE&status=ESCALATED`)).body.items;
      assert.ok(o, 'the survey deadline has not escalated yet');
      return o;
    }, { timeoutMs: 30_000 });

    const assignment = (await admin.post(`/api/cases/${kampung.id}/assignments`, { userId: ids.officer, role: 'MENTOR' })).body;
    const handed = await admin.post(`/api/cases/${kampung.id}/assignments/${assignment.id}/handover`, { toUserId: (await newAccount('MENTOR')).id, reason: 'Pendamping pindah tugas' });
    assert.equal(handed.status, 200, JSON.stringify(handed.body));
    const visit = await admin.post(`/api/cases/${kampung.id}/visits`, {
      assignmentId: assignment.id, visitedOn: new Date().toISOString(), kind: 'MENTORING', notes: 'Rapat warga RW', attendees: 12,
    });
    assert.equal(visit.status, 201, JSON.stringify(visit.body));
    const waived = await officer.post(`/api/obligations/${deadline.id}/waive`, { reason: 'Survei menunggu musim hujan reda' });
    assert.equal(waived.status, 200, JSON.stringify(waived.body));

    const reportMonth = reportPeriodLabel(new Date(), 'P1M'); // a month of its implementation, which begins now
    for (const to of FULL_PATH.slice(FULL_PATH.indexOf('SURVEY') + 1, FULL_PATH.indexOf('GRADUATED') + 1)) {
      if (to === 'EVALUATION') {
        const report = await officer.post(`/api/cases/${kampung.id}/monitoring-reports`, {
          period: reportMonth, progressPercent: 20, budgetRealised: 1_000_000, explanation: 'Material terlambat datang',
        });
        assert.equal(report.status, 201, JSON.stringify(report.body));
      }
      const res = await moverOf(kampung.stage, to, admin, manager).move(kampung.id, to, { data: validData(kampung.stage, to) });
      assert.equal(res.status, 200, JSON.stringify(res.body));
      kampung = res.body;
    }

    const res = await admin.get(`/api/cases/${kampung.id}/timeline`);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    const { events } = res.body as { events: { at: string; kind: string; actor: { id: string; name: string } | null; reason: string | null; summary: Record<string, unknown> }[] };
    const sorted = [...events].sort((a, b) => a.at.localeCompare(b.at));
    assert.deepEqual(events.map((e) => e.at), sorted.map((e) => e.at), 'oldest first');
    const one = (kind: string, match: (e: (typeof events)[number]) => boolean = () => true) => {
      const found = events.filter((e) => e.kind === kind && match(e));
      assert.equal(found.length, 1, `one ${kind} in ${JSON.stringify(events.map((e) => e.kind))}`);
      return found[0]!;
    };

    const transitions = events.filter((e) => e.kind === 'TRANSITION' || e.kind === 'EVALUATION');
    const walked: Stage[] = ['PROPOSAL', ...FULL_PATH.slice(0, FULL_PATH.indexOf('GRADUATED') + 1)];
    assert.deepEqual(transitions.map((e) => e.summary.toStage), walked, 'every move, in order (the proposal first)');
    const survey = one('TRANSITION', (e) => e.summary.toStage === 'SURVEY');
    assert.deepEqual([survey.actor?.id, survey.reason, survey.summary.fromStage], [ids.admin, 'Usulan lengkap, survei dijadwalkan', 'PROPOSAL']);
    const evaluation = one('EVALUATION');
    assert.equal(evaluation.summary.fromStage, 'EVALUATION');
    assert.match(String(evaluation.summary.rating), /^(BAIK|SEDANG|KURANG)$/, 'the evaluation carries its rating');

    const assigned = one('ASSIGNMENT');
    assert.deepEqual([assigned.actor?.id, assigned.summary.role, assigned.summary.userName], [ids.admin, 'MENTOR', assignment.user.name], 'assigned the first mentor');
    const handover = one('HANDOVER');
    assert.deepEqual(
      [handover.actor?.id, handover.reason, handover.summary.fromUser, handover.summary.toUser],
      [ids.admin, 'Pendamping pindah tugas', assignment.user.name, handed.body.user.name],
    );
    const logged = one('VISIT');
    assert.deepEqual([logged.actor?.id, logged.summary.visitKind, logged.summary.attendees, logged.summary.notes], [handed.body.user.id, 'MENTORING', 12, 'Rapat warga RW']);
    const report = one('MONITORING_REPORT');
    assert.deepEqual([report.actor?.id, report.summary.period, report.summary.red, report.reason], [ids.officer, reportMonth, true, 'Material terlambat datang']);
    const waiver = one('OBLIGATION_WAIVED');
    assert.deepEqual([waiver.actor?.id, waiver.reason, waiver.summary.obligationKind, waiver.summary.stage], [ids.officer, 'Survei menunggu musim hujan reda', 'STAGE_DEADLINE', 'SURVEY']);
    const escalation = one('OBLIGATION_ESCALATED');
    assert.deepEqual([escalation.actor, escalation.summary.obligationKind, escalation.summary.stage], [null, 'STAGE_DEADLINE', 'SURVEY']);
    assert.ok(events.indexOf(escalation) < events.indexOf(waiver) && events.indexOf(waiver) < events.indexOf(report), 'escalated, then waived, then the report');

    // Operators follow the link to the workflow; other roles do not get it.
    const ui = process.env.TEMPORAL_UI_URL;
    assert.ok(ui, 'the test stack runs the Temporal UI');
    assert.equal(res.body.temporalUiUrl, `${ui}/namespaces/${env.namespace}/workflows/case-${kampung.id}`);
    assert.equal((await fetch(res.body.temporalUiUrl)).status, 200, 'the Temporal UI answers the link');
    assert.equal((await viewer.get(`/api/cases/${kampung.id}/timeline`)).body.temporalUiUrl, null, 'a viewer gets no operator link');

    assert.equal((await admin.get('/api/cases/00000000-0000-4000-8000-000000000000/timeline')).status, 404);
    assert.equal((await admin.get('/api/cases/not-a-case/timeline')).status, 404);
  });
});
