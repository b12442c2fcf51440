/**
 * The bulk path of `npm run seed:scale` writes the same rows as the product. A few kampung go through
 * the real product (API, case workflow, obligation workflows and their timers) on a second-scale
 * policy; their recorded inputs (proposal, assignments, moves, visits, reports, from PostgreSQL and
 * the case workflow's history) are fed to the generator's pure function, and every row is compared
 * column by column. Ids are normalised (obligations by their natural key). Exact, except:
 *  - a status: the product's timers apply a step a moment after its instant (a timer, a workflow task
 *    and an activity, p99 ~0.3 s in BENCHMARKS.md), so the stored status must lie between the
 *    generator's status at (read − LAG) and at (read);
 *  - `status_changed_at`, the rows' `created_at`/`updated_at`: the activity stamps its own clock
 *    (`new Date()`, now()), so within LAG of the instant the generator uses.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { defaultPayloadConverter } from '@temporalio/client';
import { createDb, type Db } from '@kampung/db';
import { DEFAULT_POLICIES, programPolicySchema, type AssignmentRole, type CaseDetail, type ProgramPolicy, type Stage } from '@kampung/domain';
import { OPEN_OBLIGATION_STATUSES as OPEN_STATUSES, isOpenStatus } from '@kampung/domain';
import { buildCaseRows, type CaseScript, type ObligationRow, type ScriptMove } from '@kampung/tools/scale/scale-rows';
import { ApiClient } from './support/api-client';
import { env } from './support/env';
import { newAccount } from './support/accounts';
import { FULL_PATH, moverOf, validData } from './support/stage-data';
import { eventually, withTemporal } from './support/temporal';

const KT = 'KAMPUNG_TEMATIK';
const KELURAHAN = '33.74.13.1002'; // Manyaran, Semarang Barat: no other test works there
const LAG_MS = 1500;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const SECOND_SCALE: Partial<ProgramPolicy> = {
  visitCadence: { MENTOR: 'PT4S', DINSOS_OFFICER: 'PT5S' },
  reminderLead: 'PT1S',
  visitGrace: 'PT1S',
  escalationDelay: 'PT2S',
  monitoringReportPeriod: 'PT4S',
  monitoringReportDueAfter: 'PT2S',
  evaluationInterval: 'PT60S',
  graduatedMonitoringCadence: 'PT5S',
  stageMaxDuration: { PROPOSAL: 'PT30S', SURVEY: 'PT2S', VERIFICATION: 'PT30S', DESIGNATION: 'PT30S', IMPLEMENTATION: 'PT40S', EVALUATION: 'PT30S' },
};

const key = (o: { kind: string; seq: number; assignment_id: string | null }) => (o.kind === 'VISIT' ? `VISIT:${o.assignment_id}:${o.seq}` : `${o.kind}:${o.seq}`);
const ms = (d: Date | null) => (d === null ? null : d.getTime());

describe('seed:scale: the bulk path writes the rows the product writes', () => {
  let admin: ApiClient;
  let db: Db;
  let manager: ApiClient;
  const ids = { admin: '', officer: '', mentor: '' };
  let policyVersion = 0;

  before(async () => {
    admin = await ApiClient.signedIn(env.admin());
    const officer = await ApiClient.signedIn(env.officer());
    ids.admin = (await admin.get('/api/me')).body.id;
    ids.officer = (await officer.get('/api/me')).body.id;
    ids.mentor = (await newAccount('MENTOR')).id;
    manager = await ApiClient.signedIn(env.manager());
    db = createDb(env.databaseUrl, { max: 2 });
    const current = (await admin.get(`/api/programs/${KT}/policy`)).body;
    const res = await admin.request('PUT', `/api/programs/${KT}/policy`, {
      baseVersion: current.version,
      changeNote: 'Uji: seed skala, kebijakan detik',
      policy: { ...current.policy, ...SECOND_SCALE },
    });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    policyVersion = res.body.version;
  });
  after(async () => {
    const current = (await admin.get(`/api/programs/${KT}/policy`)).body;
    await admin.request('PUT', `/api/programs/${KT}/policy`, { baseVersion: current.version, changeNote: 'Uji selesai: kebijakan bawaan', policy: DEFAULT_POLICIES.KAMPUNG_TEMATIK });
    await db.destroy();
  });

  async function rowsOf(caseId: string, kind?: string) {
    let q = db.selectFrom('obligations').selectAll().where('case_id', '=', caseId);
    if (kind) q = q.where('kind', '=', kind);
    return q.orderBy('seq').execute();
  }
  async function assign(caseId: string, userId: string, role: AssignmentRole, lead = false) {
    const res = await admin.post(`/api/cases/${caseId}/assignments`, { userId, role, lead });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    return res.body.id as string;
  }
  async function move(caseId: string, from: Stage, to: Stage, reason?: string) {
    const res = await moverOf(from, to, admin, manager).move(caseId, to, { data: validData(from, to), ...(reason ? { reason } : {}) });
    assert.equal(res.status, 200, JSON.stringify(res.body));
  }
  async function visit(caseId: string, assignmentId: string) {
    const res = await admin.post(`/api/cases/${caseId}/visits`, { assignmentId, visitedOn: new Date().toISOString(), kind: 'MENTORING', notes: 'Pendampingan', attendees: 7, followUps: [] });
    assert.equal(res.status, 201, JSON.stringify(res.body));
  }
  async function report(caseId: string, period: string, progressPercent: number) {
    const res = await admin.post(`/api/cases/${caseId}/monitoring-reports`, {
      period, progressPercent, budgetRealised: 12_500_000, problems: 'Tidak ada', ...(progressPercent < 75 ? { explanation: 'Dana terlambat' } : {}),
    });
    assert.equal(res.status, 201, JSON.stringify(res.body));
  }
  const nth = (caseId: string, kind: string, seq: number) =>
    eventually(async () => {
      const row = (await rowsOf(caseId, kind)).find((o) => o.seq === seq);
      assert.ok(row, `${kind} ${seq} not written yet`);
      return row;
    }, { timeoutMs: 20_000 });
  async function propose(): Promise<CaseDetail> {
    const kampung = await admin.propose({ kelurahanCode: KELURAHAN });
    await nth(kampung.id, 'STAGE_DEADLINE', 0); // assigned after the proposal's deadline is written
    return kampung;
  }

  /** The inputs the product recorded for a case: the script the generator takes. */
  async function recordedScript(caseId: string): Promise<CaseScript> {
    const c = await db.selectFrom('cases').selectAll().where('id', '=', caseId).executeTakeFirstOrThrow();
    const history = await db.selectFrom('stage_history').selectAll().where('case_id', '=', caseId).orderBy('seq').execute();
    const assignments = await db.selectFrom('assignments').selectAll().where('case_id', '=', caseId).execute();
    const visits = await db.selectFrom('visits').selectAll().where('case_id', '=', caseId).execute();
    const reports = await db.selectFrom('monitoring_reports').selectAll().where('case_id', '=', caseId).execute();
    // The case workflow tells its obligations about the proposal with its own clock: that instant is
    // in its history (the notifyStageChanged activity's input), not in PostgreSQL.
    const proposalNotifiedAt = await withTemporal(async (client) => {
      const events = (await client.workflow.getHandle(c.workflow_id).fetchHistory()).events ?? [];
      for (const e of events) {
        const a = e.activityTaskScheduledEventAttributes;
        if (a?.activityType?.name !== 'notifyStageChanged') continue;
        const input = defaultPayloadConverter.fromPayload<{ seq: number; at: string }>(a.input!.payloads![0]!);
        if (input.seq === 0) return new Date(input.at);
      }
      throw new Error('no proposal notification in the case history');
    });
    return {
      case: {
        id: c.id, programCode: c.program_code, kelurahanCode: c.kelurahan_code, kecamatanCode: c.kecamatan_code, rw: c.rw, name: c.name, theme: c.theme,
        profile: c.profile, proposer: c.proposer, createdBy: c.created_by, proposedAt: history[0]!.at, proposalNotifiedAt,
      },
      assignments: assignments.map((a) => ({ id: a.id, userId: a.user_id, role: a.role as AssignmentRole, lead: a.is_lead, startedAt: a.started_at, createdBy: a.created_by })),
      moves: history.slice(1).map((h): ScriptMove => ({ seq: h.seq, to: h.to_stage as Stage, at: h.at, actorId: h.actor_id, reason: h.reason, data: h.data })),
      visits: visits.map((v) => ({ id: v.id, assignmentId: v.assignment_id, visitedAt: v.visited_at, kind: v.kind, notes: v.notes, attendees: v.attendees, followUps: v.follow_ups })),
      waivers: [],
      reports: reports.map((r) => ({
        id: r.id, period: r.period, submittedAt: r.submitted_at, progressPercent: Number(r.progress_percent), budgetRealised: Number(r.budget_realised),
        problems: r.problems, explanation: r.explanation, submittedBy: r.submitted_by!,
      })),
    };
  }

  /** Reads the product's rows and the generator's, and compares them. Answers the product's obligations. */
  async function compare(caseId: string) {
    const script = await recordedScript(caseId);
    const policyRow = await db.selectFrom('program_policies').selectAll().where('program_code', '=', KT).where('version', '=', policyVersion).executeTakeFirstOrThrow();
    const policy = { version: policyVersion, policy: programPolicySchema.parse(policyRow.policy) };
    const readAt = Date.now();
    const actual = await rowsOf(caseId);
    const readEnd = Date.now();
    let n = 0;
    // A hold stops the timers once its signal is handled, a moment after the move: a step due around
    // then may or may not have been applied. The bounds hold the timers LAG earlier and later.
    const holdShifted = (by: number) => ({ ...script, moves: script.moves.map((m) => (m.to === 'ON_HOLD' ? { ...m, at: new Date(m.at.getTime() + by) } : m)) });
    const early = buildCaseRows(holdShifted(-LAG_MS), policy, new Date(readAt - LAG_MS), () => `early-${n++}`);
    const late = buildCaseRows(script, policy, new Date(readEnd), () => `gen-${n++}`);
    const upper = buildCaseRows(holdShifted(LAG_MS), policy, new Date(readEnd), () => `upper-${n++}`);
    const label = (o: { kind: string; seq: number }) => `${caseId.slice(0, 8)} ${o.kind} ${o.seq}`;

    // Which rows: every one the generator has by (read − lag), none it has not by the read.
    const actualKeys = new Set(actual.map(key));
    for (const o of early.obligations) assert.ok(actualKeys.has(key(o)), `${label(o)}: the product has not written it`);
    const lateByKey = new Map(late.obligations.map((o) => [key(o), o]));
    const upperByKey = new Map(upper.obligations.map((o) => [key(o), o]));
    const earlyByKey = new Map(early.obligations.map((o) => [key(o), o]));
    for (const o of actual) assert.ok(upperByKey.has(key(o)), `${label(o)}: the generator does not write it`);

    const idOfActual = new Map(actual.map((o) => [o.id, key(o)]));
    const idOfGenerated = new Map(late.obligations.map((o) => [o.id, key(o)]));
    for (const a of actual) {
      const g = lateByKey.get(key(a)) ?? upperByKey.get(key(a))!;
      const u = upperByKey.get(key(a))!;
      const e = earlyByKey.get(key(a));
      const exact = (o: ObligationRow | typeof a) => ({
        kind: o.kind, case_id: o.case_id, assignment_id: o.assignment_id, assignee_id: o.assignee_id, seq: o.seq,
        opens_at: ms(o.opens_at), due_at: ms(o.due_at), overdue_at: ms(o.overdue_at), escalates_at: ms(o.escalates_at),
        policy_version: o.policy_version, fulfilled_at: ms(o.fulfilled_at), fulfilled_by: o.fulfilled_by, late: o.late,
        waived_reason: o.waived_reason, period_label: o.period_label, stage: o.stage,
      });
      assert.deepEqual(exact(a), exact(g), `${label(a)}: columns`);
      const order = (s: string) => OPEN_STATUSES.indexOf(s as never);
      if (isOpenStatus(g.status) || (e && isOpenStatus(e.status))) {
        const lo = e ? order(e.status) : 0;
        assert.ok(order(a.status) >= lo && order(a.status) <= order(u.status), `${label(a)}: status ${a.status}, generator ${e?.status ?? '(none)'}…${u.status}`);
        const expectedAt = [g, u, e].find((x) => x?.status === a.status)?.status_changed_at ?? g.status_changed_at;
        assert.ok(Math.abs(a.status_changed_at.getTime() - expectedAt.getTime()) <= LAG_MS, `${label(a)}: changed at ${a.status_changed_at.toISOString()} vs ${expectedAt.toISOString()}`);
      } else {
        assert.equal(a.status, g.status, `${label(a)}: status`);
        assert.ok(Math.abs(a.status_changed_at.getTime() - g.status_changed_at.getTime()) <= LAG_MS, `${label(a)}: closed at ${a.status_changed_at.toISOString()} vs ${g.status_changed_at.toISOString()}`);
      }
    }

    // The case, its history, team, visits and reports.
    const c = await db.selectFrom('cases').selectAll().where('id', '=', caseId).executeTakeFirstOrThrow();
    const pick = (x: any) => ({
      stage: x.stage, resume_stage: x.resume_stage, stage_seq: x.stage_seq, stage_entered_at: ms(x.stage_entered_at),
      budget_allocated: x.budget_allocated === null ? null : Number(x.budget_allocated), budget_realised: x.budget_realised === null ? null : Number(x.budget_realised),
      budget_realised_period: x.budget_realised_period, rating: x.rating, rated_at: ms(x.rated_at), workflow_id: x.workflow_id, created_by: x.created_by,
    });
    assert.deepEqual(pick(c), pick(late.case), 'the case row');
    assert.ok(Math.abs(c.created_at.getTime() - late.case.created_at.getTime()) <= LAG_MS, 'created_at');
    const history = await db.selectFrom('stage_history').selectAll().where('case_id', '=', caseId).orderBy('seq').execute();
    assert.deepEqual(
      history.map((h) => ({ seq: h.seq, from: h.from_stage, to: h.to_stage, at: ms(h.at), actor: h.actor_id, reason: h.reason, data: h.data })),
      late.stageHistory.map((h) => ({ seq: h.seq, from: h.from_stage, to: h.to_stage, at: ms(h.at), actor: h.actor_id, reason: h.reason, data: h.data })),
      'stage history',
    );
    const team = await db.selectFrom('assignments').selectAll().where('case_id', '=', caseId).orderBy('started_at').execute();
    assert.deepEqual(team.map((a) => ({ ...a, started_at: ms(a.started_at) })), late.assignments.map((a) => ({ ...a, started_at: ms(a.started_at) })), 'assignments');
    const visits = await db.selectFrom('visits').selectAll().where('case_id', '=', caseId).orderBy('visited_at').execute();
    assert.deepEqual(
      visits.map(({ created_at: _c, obligation_id, visited_at, ...v }) => ({ ...v, visited_at: ms(visited_at), obligation: obligation_id && idOfActual.get(obligation_id) })),
      late.visits.map(({ created_at: _c, obligation_id, visited_at, ...v }) => ({ ...v, visited_at: ms(visited_at), obligation: obligation_id && idOfGenerated.get(obligation_id) })),
      'visits',
    );
    const reports = await db.selectFrom('monitoring_reports').selectAll().where('case_id', '=', caseId).orderBy('period').execute();
    assert.deepEqual(
      reports.map((r) => ({ ...r, progress_percent: Number(r.progress_percent), budget_realised: Number(r.budget_realised), target_percent: Number(r.target_percent), submitted_at: ms(r.submitted_at), obligation_id: r.obligation_id && idOfActual.get(r.obligation_id) })),
      late.reports.map((r) => ({ ...r, submitted_at: ms(r.submitted_at), obligation_id: r.obligation_id && idOfGenerated.get(r.obligation_id) })),
      'monitoring reports',
    );
    return actual;
  }

  test('when kampung go through the real product, then the generator fed their recorded inputs writes the same rows', async () => {
    // A: the long road: deadlines (one escalated), visits, reports (one red), evaluation, graduation, a check.
    const roadA = async () => {
      const kampung = await propose();
      await assign(kampung.id, ids.officer, 'DINSOS_OFFICER', true);
      const mentor = await assign(kampung.id, ids.mentor, 'MENTOR');
      await move(kampung.id, 'PROPOSAL', 'SURVEY');
      await sleep(2500);
      await visit(kampung.id, mentor);
      await sleep(3000); // the Survei deadline (PT2S) escalates meanwhile
      let stage: Stage = 'SURVEY';
      for (const to of FULL_PATH.slice(FULL_PATH.indexOf('VERIFICATION'), FULL_PATH.indexOf('IMPLEMENTATION') + 1)) {
        await move(kampung.id, stage, to);
        stage = to;
      }
      const first = await nth(kampung.id, 'MONITORING_REPORT', 1);
      await report(kampung.id, first.period_label!, 40); // red
      await visit(kampung.id, mentor);
      // Right after a period's obligation appears, the next period is seconds away: no move races it.
      await nth(kampung.id, 'MONITORING_REPORT', 2);
      await sleep(1100); // labels are to the second: the check's period must not share the report's
      await move(kampung.id, 'IMPLEMENTATION', 'EVALUATION');
      await move(kampung.id, 'EVALUATION', 'GRADUATED');
      const check = await nth(kampung.id, 'GRADUATE_CHECK', 1);
      await report(kampung.id, check.period_label!, 90);
      await sleep(9000); // the report of period 2 stays open after graduation and escalates
      return kampung.id;
    };
    // B: rejected at verification: everything open is cancelled, the visit cadence too.
    const roadB = async () => {
      const kampung = await propose();
      await assign(kampung.id, ids.officer, 'DINSOS_OFFICER', true);
      await move(kampung.id, 'PROPOSAL', 'SURVEY');
      await move(kampung.id, 'SURVEY', 'VERIFICATION');
      await sleep(6000); // the officer's first visit (PT5S) opens and goes overdue
      await move(kampung.id, 'VERIFICATION', 'REJECTED', 'Lokasi rawan banjir');
      return kampung.id;
    };
    // C: on hold in Survei: the timers stop where they were.
    const roadC = async () => {
      const kampung = await propose();
      const mentor = await assign(kampung.id, ids.mentor, 'MENTOR');
      await move(kampung.id, 'PROPOSAL', 'SURVEY');
      await sleep(1000);
      await visit(kampung.id, mentor);
      await move(kampung.id, 'SURVEY', 'ON_HOLD', 'Anggaran tertunda');
      await sleep(6000);
      return kampung.id;
    };
    const caseIds = await Promise.all([roadA(), roadB(), roadC()]);

    const [a, b, c] = await Promise.all(caseIds.map((id) => compare(id)));
    // The scenario covered what it meant to (so the comparison above was not of empty lists).
    const statuses = new Set([...a!, ...b!, ...c!].map((o) => `${o.kind}:${o.status}`));
    for (const expected of ['STAGE_DEADLINE:FULFILLED', 'VISIT:FULFILLED', 'VISIT:CANCELLED', 'MONITORING_REPORT:FULFILLED', 'EVALUATION:FULFILLED', 'GRADUATE_CHECK:FULFILLED', 'STAGE_DEADLINE:CANCELLED']) {
      assert.ok(statuses.has(expected), `the scenario has a ${expected} obligation: ${[...statuses].join(', ')}`);
    }
    assert.ok(a!.some((o) => o.kind === 'STAGE_DEADLINE' && o.stage === 'SURVEY' && o.late === true), 'a late stage deadline');
    assert.ok([...a!, ...b!, ...c!].some((o) => o.status === 'ESCALATED' || o.status === 'OVERDUE'), 'an overdue or escalated obligation');
  });
});
