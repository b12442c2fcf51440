/**
 * The bulk path of `npm run seed:scale`, pure: one case's script (what people did and when) and the
 * program's policy in, the rows the product would have written out. It replays what the workflows
 * and their activities do (workflows/src/case-obligations.workflow.ts, visit-cadence.workflow.ts,
 * worker/src/activities/*, db/src/*.repository.ts) with the same domain code for every instant
 * (obligationWindow, firstReportPeriodStart, reportPeriodEnd, reportPeriodLabel, addDuration), so
 * test/integration/scale-seed.int.test.ts can compare its rows with the real product's.
 *
 * Scope (what the script can say): proposals, assignments from the start (no handovers, no ended
 * assignments), forward and backward moves, end stages, a hold only as a case's last move (no
 * resume: the window shift after a hold is not modelled), visits and visit waivers, monitoring
 * reports and post-graduation checks. One policy version for the whole life of the case.
 * Statuses are those at `now` (the product's timers move them; seeded data is a snapshot).
 */
import {
  addDuration,
  CASE_OBLIGATION_ROLES,
  caseObligationKindsFor,
  firstReportPeriodStart,
  isEndStage,
  isLate,
  isOpenStatus,
  nextVisitCountsFrom,
  obligationWindow,
  reportPeriodEnd,
  reportPeriodLabel,
  type AssignmentRole,
  type CaseObligationKind,
  type ObligationKind,
  type ObligationStatus,
  type ProgramPolicy,
  type Stage,
} from '@kampung/domain';

export interface ScriptCase {
  id: string;
  programCode: string;
  kelurahanCode: string;
  kecamatanCode: string;
  rw: string;
  name: string;
  theme: string;
  profile: unknown;
  proposer: unknown;
  createdBy: string | null;
  /** The proposal's instant (stage_history seq 0, cases.created_at). */
  proposedAt: Date;
  /** The instant the case workflow told its obligations about the proposal (its own clock, a moment
   * after `proposedAt`); the PROPOSAL deadline counts from it. Default: `proposedAt`. */
  proposalNotifiedAt?: Date;
}
export interface ScriptAssignment {
  id: string;
  userId: string;
  role: AssignmentRole;
  lead: boolean;
  startedAt: Date;
  createdBy: string | null;
}
export interface ScriptMove {
  seq: number;
  to: Stage;
  at: Date;
  actorId: string | null;
  reason: string | null;
  data: Record<string, unknown> | null;
}
export interface ScriptVisit {
  id: string;
  assignmentId: string;
  visitedAt: Date;
  kind: string;
  notes: string;
  attendees: number;
  followUps: string[];
}
export interface ScriptWaiver {
  assignmentId: string;
  at: Date;
  reason: string;
}
export interface ScriptReport {
  id: string;
  period: string;
  submittedAt: Date;
  progressPercent: number;
  budgetRealised: number;
  problems: string;
  explanation: string | null;
  submittedBy: string;
}
export interface CaseScript {
  case: ScriptCase;
  assignments: ScriptAssignment[];
  moves: ScriptMove[];
  visits: ScriptVisit[];
  waivers: ScriptWaiver[];
  reports: ScriptReport[];
}
export interface PolicyAt {
  version: number;
  policy: ProgramPolicy;
}


export interface CaseRow {
  id: string;
  workflow_id: string;
  program_code: string;
  kelurahan_code: string;
  kecamatan_code: string;
  rw: string;
  name: string;
  theme: string;
  profile: unknown;
  proposer: unknown;
  created_by: string | null;
  stage: string;
  resume_stage: string | null;
  stage_seq: number;
  stage_entered_at: Date;
  created_at: Date;
  updated_at: Date;
  budget_allocated: number | null;
  budget_realised: number | null;
  budget_realised_period: string | null;
  rating: string | null;
  rated_at: Date | null;
}
export interface StageHistoryRow {
  case_id: string;
  seq: number;
  from_stage: string | null;
  to_stage: string;
  at: Date;
  actor_id: string | null;
  reason: string | null;
  data: Record<string, unknown> | null;
}
export interface AssignmentRow {
  id: string;
  case_id: string;
  user_id: string;
  role: string;
  is_lead: boolean;
  kecamatan_code: string;
  started_at: Date;
  ended_at: Date | null;
  end_reason: string | null;
  ended_by: string | null;
  created_by: string | null;
}
export interface ObligationRow {
  id: string;
  kind: ObligationKind;
  case_id: string;
  assignment_id: string | null;
  assignee_id: string | null;
  seq: number;
  status: ObligationStatus;
  opens_at: Date;
  due_at: Date;
  overdue_at: Date;
  escalates_at: Date;
  policy_version: number;
  status_changed_at: Date;
  fulfilled_at: Date | null;
  fulfilled_by: string | null;
  late: boolean | null;
  waived_reason: string | null;
  period_label: string | null;
  stage: string | null;
}
export interface VisitRow {
  id: string;
  case_id: string;
  assignment_id: string;
  visitor_id: string;
  visited_at: Date;
  kind: string;
  notes: string;
  attendees: number;
  follow_ups: string[];
  obligation_id: string | null;
  created_at: Date;
  /** The phone's location, when the visitor let it be taken: none in the synthetic kampung (the
   * writer leaves the columns to their null default). */
  latitude: null;
  longitude: null;
  location_accuracy_m: null;
  location_captured_at: null;
}
export interface MonitoringReportRow {
  id: string;
  case_id: string;
  period: string;
  progress_percent: number;
  budget_realised: number;
  problems: string;
  explanation: string | null;
  target_percent: number;
  red: boolean;
  policy_version: number;
  obligation_id: string | null;
  submitted_by: string | null;
  submitted_at: Date;
}
export interface CaseRows {
  case: CaseRow;
  stageHistory: StageHistoryRow[];
  assignments: AssignmentRow[];
  obligations: ObligationRow[];
  visits: VisitRow[];
  reports: MonitoringReportRow[];
}

interface Schedule {
  kind: 'MONITORING_REPORT' | 'GRADUATE_CHECK';
  seq: number;
  periodStart: Date;
  align: boolean;
}

const t = (d: Date) => d.getTime();
const isOpen = (o: ObligationRow) => isOpenStatus(o.status);

/** An open obligation's status at `at`: each timer whose instant has come has moved it (the
 * workflows apply a step once workflow time reaches its instant). */
export function openStatusAt(o: Pick<ObligationRow, 'opens_at' | 'overdue_at' | 'escalates_at'>, createdAt: Date, at: Date): { status: ObligationStatus; changedAt: Date } {
  if (t(o.escalates_at) <= t(at)) return { status: 'ESCALATED', changedAt: o.escalates_at };
  if (t(o.overdue_at) <= t(at)) return { status: 'OVERDUE', changedAt: o.overdue_at };
  if (t(o.opens_at) <= t(at)) return { status: 'DUE', changedAt: new Date(Math.max(t(o.opens_at), t(createdAt))) };
  return { status: 'UPCOMING', changedAt: createdAt };
}

/** The rows one case leaves behind at `now`. `newId` names each obligation (random in the product,
 * from the seed's PRNG here). */
export function buildCaseRows(script: CaseScript, { version, policy }: PolicyAt, now: Date, newId: () => string): CaseRows {
  const c = script.case;
  const moves = [...script.moves].sort((a, b) => a.seq - b.seq);
  const obligations: ObligationRow[] = [];
  const createdAt = new Map<ObligationRow, Date>();
  const holdMove = moves.find((m) => m.to === 'ON_HOLD');
  if (holdMove && holdMove !== moves.at(-1)) throw new Error(`case ${c.id}: a hold must be the last move (resumes are not modelled)`);
  /** Timers stop here: at a hold (nothing moves until the resume) or now. */
  const freezeAt = holdMove && t(holdMove.at) < t(now) ? holdMove.at : now;

  function newObligation(o: Omit<ObligationRow, 'id' | 'status' | 'status_changed_at' | 'fulfilled_at' | 'fulfilled_by' | 'late' | 'waived_reason' | 'opens_at' | 'overdue_at' | 'escalates_at'> & { created: Date }): ObligationRow {
    const { created, ...rest } = o;
    const w = obligationWindow(created, o.due_at, policy);
    const row: ObligationRow = {
      id: newId(),
      ...rest,
      status: 'UPCOMING',
      opens_at: w.opensAt,
      due_at: w.dueAt,
      overdue_at: w.overdueAt,
      escalates_at: w.escalatesAt,
      status_changed_at: created,
      fulfilled_at: null,
      fulfilled_by: null,
      late: null,
      waived_reason: null,
    };
    obligations.push(row);
    createdAt.set(row, created);
    return row;
  }
  const fulfil = (o: ObligationRow, at: Date, by: string | null) => {
    Object.assign(o, { status: 'FULFILLED', status_changed_at: at, fulfilled_at: at, fulfilled_by: by, late: isLate(o.due_at, at) });
  };
  const cancel = (o: ObligationRow, at: Date) => Object.assign(o, { status: 'CANCELLED', status_changed_at: at });

  // ---- Case-level obligations: caseObligationsWorkflow and its activities ------------------------
  const assignmentsStarted = (at: Date) => script.assignments.filter((a) => t(a.startedAt) <= t(at));
  /** assignmentsRepository.responsibleAssignment: the lead of the first role that has one, else a backup. */
  const responsible = (kind: CaseObligationKind, at: Date) => {
    const active = [...assignmentsStarted(at)].sort((a, b) => Number(b.lead) - Number(a.lead) || t(a.startedAt) - t(b.startedAt));
    for (const role of CASE_OBLIGATION_ROLES[kind]) {
      const found = active.find((a) => a.role === role);
      if (found) return found;
    }
    return null;
  };
  const writeCase = (kind: CaseObligationKind, seq: number, created: Date, due: Date, extra: { period_label?: string; stage?: string } = {}) => {
    const who = responsible(kind, created);
    return newObligation({
      kind,
      case_id: c.id,
      assignment_id: who?.id ?? null,
      assignee_id: who?.userId ?? null,
      seq,
      due_at: due,
      policy_version: version,
      period_label: extra.period_label ?? null,
      stage: extra.stage ?? null,
      created,
    });
  };
  const seqs: Partial<Record<CaseObligationKind, number>> = {};
  const nextSeq = (kind: CaseObligationKind) => {
    const seq = seqs[kind] ?? 1;
    seqs[kind] = seq + 1;
    return seq;
  };
  let schedules: Schedule[] = [];
  let tracked: ObligationRow[] = []; // the workflow's `open` list
  let ended = false;
  let stage = 'PROPOSAL' as Stage;
  const take = (p: (o: ObligationRow) => boolean) => {
    const taken = tracked.filter(p);
    tracked = tracked.filter((o) => !p(o));
    return taken;
  };
  const openEvaluation = (from: Date) => tracked.push(writeCase('EVALUATION', nextSeq('EVALUATION'), from, addDuration(from, policy.evaluationInterval)));
  const openStageDeadline = (to: Stage, seq: number, entered: Date) => {
    const max = policy.stageMaxDuration[to as keyof ProgramPolicy['stageMaxDuration']];
    if (max) tracked.push(writeCase('STAGE_DEADLINE', seq, entered, addDuration(entered, max), { stage: to }));
  };
  /** Periods whose start has come (the workflow's timer loop), up to `until`. */
  const runSchedules = (until: Date) => {
    if (ended || t(until) > t(freezeAt)) until = freezeAt;
    if (ended) return;
    for (const s of schedules) {
      while (t(s.periodStart) <= t(until)) {
        const period = s.kind === 'MONITORING_REPORT' ? policy.monitoringReportPeriod : policy.graduatedMonitoringCadence;
        const start = s.align ? firstReportPeriodStart(s.periodStart, period) : s.periodStart;
        const end = reportPeriodEnd(start, period);
        const due = s.kind === 'MONITORING_REPORT' ? addDuration(end, policy.monitoringReportDueAfter) : end;
        tracked.push(writeCase(s.kind, s.seq, new Date(Math.max(t(start), t(s.periodStart))), due, { period_label: reportPeriodLabel(start, period) }));
        s.seq = nextSeq(s.kind);
        s.periodStart = end;
        s.align = false;
      }
    }
  };
  const applyMove = (m: { seq: number; to: Stage; at: Date; actorId: string | null }) => {
    stage = m.to;
    if (m.to === 'ON_HOLD') return;
    if (isEndStage(m.to)) {
      for (const o of obligations) if (o.kind !== 'VISIT' && isOpen(o)) cancel(o, m.at);
      tracked = [];
      schedules = [];
      ended = true;
      return;
    }
    for (const o of take((o) => o.kind === 'STAGE_DEADLINE' && o.stage !== m.to)) fulfil(o, m.at, m.actorId);
    if (m.to === 'EVALUATION') for (const o of take((o) => o.kind === 'EVALUATION')) fulfil(o, m.at, m.actorId);
    if (m.to === 'IMPLEMENTATION') {
      if (!tracked.some((o) => o.kind === 'EVALUATION')) openEvaluation(m.at);
      if (!schedules.some((s) => s.kind === 'MONITORING_REPORT')) schedules.push({ kind: 'MONITORING_REPORT', seq: nextSeq('MONITORING_REPORT'), periodStart: m.at, align: true });
    }
    if (m.to === 'GRADUATED') {
      schedules = schedules.filter((s) => s.kind !== 'MONITORING_REPORT');
      for (const o of take((o) => o.kind === 'EVALUATION')) cancel(o, m.at);
      if (!schedules.some((s) => s.kind === 'GRADUATE_CHECK')) schedules.push({ kind: 'GRADUATE_CHECK', seq: nextSeq('GRADUATE_CHECK'), periodStart: m.at, align: false });
    } else if (!tracked.some((o) => o.kind === 'STAGE_DEADLINE' && o.stage === m.to)) {
      openStageDeadline(m.to, m.seq, m.at);
    }
  };

  const reportRows: MonitoringReportRow[] = [];
  let budgetRealised: { amount: number; period: string } | null = null;
  type Event =
    | { at: Date; order: number; kind: 'assign'; a: ScriptAssignment }
    | { at: Date; order: number; kind: 'move'; m: ScriptMove }
    | { at: Date; order: number; kind: 'report'; r: ScriptReport };
  const events: Event[] = [
    ...script.assignments.map((a) => ({ at: a.startedAt, order: 0, kind: 'assign' as const, a })),
    ...moves.map((m) => ({ at: m.at, order: 1, kind: 'move' as const, m })),
    ...script.reports.map((r) => ({ at: r.submittedAt, order: 2, kind: 'report' as const, r })),
  ].sort((a, b) => t(a.at) - t(b.at) || a.order - b.order);

  applyMove({ seq: 0, to: 'PROPOSAL', at: c.proposalNotifiedAt ?? c.proposedAt, actorId: null });
  for (const e of events) {
    runSchedules(e.at);
    if (e.kind === 'assign') {
      // assignmentsRepository.claimUnassignedObligations: open case obligations nobody holds yet.
      const kinds: string[] = caseObligationKindsFor(e.a.role);
      for (const o of obligations) {
        if (o.kind !== 'VISIT' && isOpen(o) && o.assignee_id === null && kinds.includes(o.kind)) {
          o.assignment_id = e.a.id;
          o.assignee_id = e.a.userId;
        }
      }
    } else if (e.kind === 'move') {
      if (!ended) applyMove(e.m);
    } else {
      // monitoringReportsRepository.insertReport: the report fulfils its period's open obligation.
      const r = e.r;
      // Its update fulfils every open report or check with that label (a report period and a check
      // period can share one: both '2026-10'); the report names the first.
      const matching = obligations.filter((x) => (x.kind === 'MONITORING_REPORT' || x.kind === 'GRADUATE_CHECK') && x.period_label === r.period && isOpen(x));
      for (const x of matching) fulfil(x, r.submittedAt, r.submittedBy);
      tracked = tracked.filter((x) => !matching.includes(x));
      const o = matching[0];
      reportRows.push({
        id: r.id,
        case_id: c.id,
        period: r.period,
        progress_percent: r.progressPercent,
        budget_realised: r.budgetRealised,
        problems: r.problems,
        explanation: r.explanation,
        target_percent: policy.monitoringTargetPercent,
        red: r.progressPercent < policy.monitoringTargetPercent,
        policy_version: version,
        obligation_id: o?.id ?? null,
        submitted_by: r.submittedBy,
        submitted_at: r.submittedAt,
      });
      if (!budgetRealised || budgetRealised.period <= r.period) budgetRealised = { amount: r.budgetRealised, period: r.period };
    }
  }
  runSchedules(now);

  // ---- Visit cadences: one visitCadenceWorkflow per assignment ----------------------------------
  const visitRows: VisitRow[] = [];
  /** The cadence ends at graduation or an end stage (caseStageChangedSignal). */
  const cadenceEnd = moves.find((m) => m.to === 'GRADUATED' || isEndStage(m.to));
  for (const a of script.assignments) {
    const cadence = policy.visitCadence[a.role];
    if (!cadence) continue;
    if (cadenceEnd && t(cadenceEnd.at) <= t(a.startedAt)) continue;
    const acts = [
      ...script.visits.filter((v) => v.assignmentId === a.id).map((v) => ({ at: v.visitedAt, visit: v, waiver: null })),
      ...script.waivers.filter((w) => w.assignmentId === a.id).map((w) => ({ at: w.at, visit: null, waiver: w })),
    ].sort((x, y) => t(x.at) - t(y.at));
    let from = a.startedAt;
    for (let seq = 1; ; seq++) {
      const o = newObligation({
        kind: 'VISIT',
        case_id: c.id,
        assignment_id: a.id,
        assignee_id: a.userId,
        seq,
        due_at: addDuration(from, cadence),
        policy_version: version,
        period_label: null,
        stage: null,
        created: from,
      });
      const act = acts.shift();
      if (cadenceEnd && (!act || t(cadenceEnd.at) < t(act.at))) {
        cancel(o, cadenceEnd.at);
        break;
      }
      if (!act) break;
      if (act.visit) {
        fulfil(o, act.visit.visitedAt, a.userId);
        visitRows.push({
          id: act.visit.id,
          case_id: c.id,
          assignment_id: a.id,
          visitor_id: a.userId,
          visited_at: act.visit.visitedAt,
          kind: act.visit.kind,
          notes: act.visit.notes,
          attendees: act.visit.attendees,
          follow_ups: act.visit.followUps,
          obligation_id: o.id,
          created_at: act.visit.visitedAt,
          latitude: null,
          longitude: null,
          location_accuracy_m: null,
          location_captured_at: null,
        });
      } else {
        Object.assign(o, { status: 'WAIVED', status_changed_at: act.at, waived_reason: act.waiver!.reason });
      }
      // The workflows' own rule: the next visit counts from the later of the two.
      from = new Date(nextVisitCountsFrom(from.toISOString(), act.at.toISOString()));
    }
  }

  // ---- Statuses of what is still open, where the timers have brought them -------------------------
  for (const o of obligations) {
    if (!isOpen(o)) continue;
    const s = openStatusAt(o, createdAt.get(o)!, freezeAt);
    o.status = s.status;
    o.status_changed_at = s.changedAt;
  }

  // ---- The case, its history and team --------------------------------------------------------------
  const last = moves.at(-1);
  let allocated: number | null = null;
  let rating: { rating: string; at: Date } | null = null;
  for (const m of moves) {
    const budget = m.data?.budget as { apbd?: number; csr?: { amount: number }[] } | undefined;
    if (m.to === 'DESIGNATION' && budget?.apbd !== undefined) allocated = budget.apbd + (budget.csr ?? []).reduce((sum, s) => sum + s.amount, 0);
    if (typeof m.data?.rating === 'string' && (!rating || t(rating.at) <= t(m.at))) rating = { rating: m.data.rating, at: m.at };
  }
  const previousStage = (i: number) => (i === 0 ? 'PROPOSAL' : moves[i - 1]!.to);
  return {
    case: {
      id: c.id,
      workflow_id: `case-${c.id}`,
      program_code: c.programCode,
      kelurahan_code: c.kelurahanCode,
      kecamatan_code: c.kecamatanCode,
      rw: c.rw,
      name: c.name,
      theme: c.theme,
      profile: c.profile,
      proposer: c.proposer,
      created_by: c.createdBy,
      stage,
      resume_stage: stage === 'ON_HOLD' ? previousStage(moves.length - 1) : null,
      stage_seq: last?.seq ?? 0,
      stage_entered_at: last?.at ?? c.proposedAt,
      created_at: c.proposedAt,
      updated_at: last?.at ?? c.proposedAt,
      budget_allocated: allocated,
      budget_realised: budgetRealised?.amount ?? null,
      budget_realised_period: budgetRealised?.period ?? null,
      rating: rating?.rating ?? null,
      rated_at: rating?.at ?? null,
    },
    stageHistory: [
      { case_id: c.id, seq: 0, from_stage: null, to_stage: 'PROPOSAL', at: c.proposedAt, actor_id: c.createdBy, reason: null, data: null },
      ...moves.map((m, i) => ({ case_id: c.id, seq: m.seq, from_stage: previousStage(i), to_stage: m.to, at: m.at, actor_id: m.actorId, reason: m.reason, data: m.data })),
    ],
    assignments: script.assignments.map((a) => ({
      id: a.id,
      case_id: c.id,
      user_id: a.userId,
      role: a.role,
      is_lead: a.lead,
      kecamatan_code: c.kecamatanCode,
      started_at: a.startedAt,
      ended_at: null,
      end_reason: null,
      ended_by: null,
      created_by: a.createdBy,
    })),
    obligations,
    visits: visitRows,
    reports: reportRows,
  };
}
