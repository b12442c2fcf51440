import {
  ApplicationFailure,
  allHandlersFinished,
  condition,
  continueAsNew,
  patched,
  proxyActivities,
  setHandler,
  workflowInfo,
} from '@temporalio/workflow';
import { Mutex } from 'async-mutex';
import type { ObligationRefusal } from '@kampung/domain/obligation-rules';
import { isEndStage, type Stage } from '@kampung/domain/stages';
import type { CaseObligationActivities, ObligationActivities, ScheduledObligation } from './activity-contract';
import { caseObligationsBeforeSerialMessages } from './case-obligations-v1';
import {
  caseObligationsStateQuery,
  closeObligationUpdate,
  stageChangedSignal,
  type CaseObligationKind,
  type CaseObligationsInput,
  type CaseObligationsState,
  type OpenObligation,
  type StageChange,
} from './case-obligations-messages';
import { shiftSteps, timedSteps } from './obligation-steps';

/** Messages are handled one at a time, in arrival order, under one lock, and reports and waivers
 * close their obligation through this workflow (an Update) instead of writing it themselves. Runs
 * started before this patch go on with caseObligationsBeforeSerialMessages until their next
 * continue-as-new. */
export const CASE_SERIAL_MESSAGES_PATCH = 'case-obligations-serial-messages';

const activities = proxyActivities<ObligationActivities & CaseObligationActivities>({
  startToCloseTimeout: '10 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
});

/** Wake-ups before a run continues as new, whatever the server suggests: keeps every run short. */
const WAKEUPS_PER_RUN = 100;
const CASE_KINDS: CaseObligationKind[] = ['MONITORING_REPORT', 'EVALUATION', 'STAGE_DEADLINE', 'GRADUATE_CHECK'];

/** The case-level obligations of one kampung: the deadline of the stage it is in, monthly monitoring
 * reports and evaluations once implementation starts, and the lighter checks after graduation. It
 * follows the case's moves (signals from the case workflow's activity), moves each obligation's
 * status when its timer fires, closes one when a report or a waiver asks it to, pauses while the
 * case is ON_HOLD and cancels everything at an end. */
export async function caseObligationsWorkflow(input: CaseObligationsInput): Promise<void> {
  if (!patched(CASE_SERIAL_MESSAGES_PATCH)) return caseObligationsBeforeSerialMessages(input);
  return caseObligations(input);
}

function refuse(type: ObligationRefusal, message: string): never {
  throw ApplicationFailure.create({ type, message, nonRetryable: true });
}

async function caseObligations(input: CaseObligationsInput): Promise<void> {
  const caseId = input.caseId;
  const s: CaseObligationsState = input.state ?? {
    stage: 'PROPOSAL',
    lastSeq: -1,
    heldAt: null,
    open: [],
    schedules: [],
    seqs: {},
  };
  /** Every handler and every timer wake-up takes it: one change at a time, in arrival order. */
  const lock = new Mutex();
  let over = false;
  /** Bumped by every handler that changed something: the timer loop looks again. */
  let changes = 0;

  const nextSeq = (kind: CaseObligationKind): number => {
    const seq = s.seqs[kind] ?? 1;
    s.seqs[kind] = seq + 1;
    return seq;
  };
  const track = (kind: CaseObligationKind, o: ScheduledObligation | null, stage: string | null = null) => {
    if (!o || s.open.some((x) => x.obligationId === o.obligationId)) return;
    s.open.push({ obligationId: o.obligationId, kind, stage, steps: timedSteps(o) });
  };
  const take = (predicate: (o: OpenObligation) => boolean): OpenObligation[] => {
    const taken = s.open.filter(predicate);
    s.open = s.open.filter((o) => !predicate(o));
    return taken;
  };
  const openEvaluation = async (from: string) => {
    track('EVALUATION', await activities.openEvaluation({ caseId, seq: nextSeq('EVALUATION'), from }));
  };

  /** Applies one move of the case; sets `over` once the case has ended. */
  async function applyMove(m: StageChange): Promise<void> {
    const previous = s.stage;
    s.stage = m.to;
    s.lastSeq = m.seq;
    if (m.to === 'ON_HOLD') {
      s.heldAt ??= m.at;
      return;
    }
    if (previous === 'ON_HOLD' && s.heldAt) {
      // Resume with the remaining time: everything still ahead when the hold began moves by its length.
      const heldAt = s.heldAt;
      for (const o of s.open) o.steps = shiftSteps(o.steps, heldAt, m.at);
      const held = Date.parse(m.at) - Date.parse(heldAt);
      for (const schedule of s.schedules) {
        if (Date.parse(schedule.periodStart) > Date.parse(heldAt)) schedule.periodStart = new Date(Date.parse(schedule.periodStart) + held).toISOString();
      }
      await activities.shiftObligationWindows({ obligationIds: s.open.map((o) => o.obligationId), heldAt, resumedAt: m.at });
      s.heldAt = null;
      // Back in the stage it was held in: what follows finds its obligations already open.
    }
    if (isEndStage(m.to as Stage)) {
      await activities.cancelCaseObligations({ caseId, kinds: CASE_KINDS });
      s.open = [];
      s.schedules = [];
      over = true;
      return;
    }
    // Leaving a stage fulfils its deadline; entering EVALUATION fulfils the evaluation due.
    for (const o of take((o) => o.kind === 'STAGE_DEADLINE' && o.stage !== m.to)) {
      await activities.fulfilObligationByTransition({ obligationId: o.obligationId, at: m.at, actorId: m.actorId });
    }
    if (m.to === 'EVALUATION') {
      for (const o of take((o) => o.kind === 'EVALUATION')) {
        await activities.fulfilObligationByTransition({ obligationId: o.obligationId, at: m.at, actorId: m.actorId });
      }
    }
    if (m.to === 'IMPLEMENTATION') {
      if (!s.open.some((o) => o.kind === 'EVALUATION')) await openEvaluation(m.at);
      if (!s.schedules.some((x) => x.kind === 'MONITORING_REPORT')) {
        s.schedules.push({ kind: 'MONITORING_REPORT', seq: nextSeq('MONITORING_REPORT'), periodStart: m.at, align: true });
      }
    }
    if (m.to === 'GRADUATED') {
      // Monthly reports and evaluations give way to the lighter checks after graduation.
      s.schedules = s.schedules.filter((x) => x.kind !== 'MONITORING_REPORT');
      for (const o of take((o) => o.kind === 'EVALUATION')) await activities.cancelObligation({ obligationId: o.obligationId });
      if (!s.schedules.some((x) => x.kind === 'GRADUATE_CHECK')) {
        s.schedules.push({ kind: 'GRADUATE_CHECK', seq: nextSeq('GRADUATE_CHECK'), periodStart: m.at, align: false });
      }
    } else if (!s.open.some((o) => o.kind === 'STAGE_DEADLINE' && o.stage === m.to)) {
      track('STAGE_DEADLINE', await activities.openStageDeadline({ caseId, stage: m.to, seq: m.seq, enteredAt: m.at }), m.to);
    }
  }

  /** Opens the periods that have begun and moves each open obligation to the status its time has come for. */
  async function fireTimers(): Promise<void> {
    if (s.heldAt || over) return;
    const now = Date.now(); // workflow time: deterministic on replay
    for (const schedule of s.schedules) {
      while (Date.parse(schedule.periodStart) <= now) {
        const opened = await activities.openPeriodicObligation({ caseId, ...schedule });
        track(schedule.kind, opened.obligation);
        schedule.seq = nextSeq(schedule.kind);
        schedule.periodStart = opened.periodEnd;
        schedule.align = false;
      }
    }
    for (const o of s.open) {
      while (o.steps.length > 0 && Date.parse(o.steps[0]!.at) <= now) {
        const step = o.steps.shift()!;
        await activities.setObligationStatus({ obligationId: o.obligationId, status: step.status });
        if (step.status === 'ESCALATED') await activities.escalateObligation({ obligationId: o.obligationId });
      }
    }
  }

  setHandler(caseObligationsStateQuery, () => s);
  setHandler(stageChangedSignal, (change) =>
    lock.runExclusive(async () => {
      // A repeated or late signal (the notification is at-least-once) changes nothing.
      if (over || change.seq <= s.lastSeq) return;
      await applyMove(change);
      changes += 1;
    }),
  );
  const refuseUnlessOpen = (obligationId: string) => {
    if (!s.open.some((o) => o.obligationId === obligationId)) refuse('OBLIGATION_CLOSED', 'The obligation is no longer open');
  };
  setHandler(
    closeObligationUpdate,
    (close) =>
      lock.runExclusive(async () => {
        refuseUnlessOpen(close.obligationId);
        if (close.how === 'REPORT' && s.heldAt) refuse('CASE_ON_HOLD', `The case is on hold since ${s.heldAt}`);
        if (close.how === 'REPORT') {
          await activities.fulfilObligationByReport({ obligationId: close.obligationId, reportId: close.reportId!, at: close.at, actorId: close.actorId });
        } else {
          await activities.waiveObligation({ obligationId: close.obligationId });
        }
        for (const o of take((o) => o.obligationId === close.obligationId)) {
          // A waived evaluation during implementation is followed by the next one.
          if (o.kind === 'EVALUATION' && s.stage === 'IMPLEMENTATION') await openEvaluation(close.at);
        }
        changes += 1;
        return { obligationId: close.obligationId, status: close.how === 'REPORT' ? ('FULFILLED' as const) : ('WAIVED' as const) };
      }),
    // No validator on the open set: a timer step holds the lock while it opens an obligation, whose
    // row PostgreSQL already shows; under the lock the handler sees it tracked.
  );

  for (let wakeups = 0; !over && wakeups < WAKEUPS_PER_RUN && !workflowInfo().continueAsNewSuggested; wakeups++) {
    const seen = changes;
    await lock.runExclusive(fireTimers);
    if (over) break;
    const instants = s.heldAt
      ? []
      : [...s.open.flatMap((o) => o.steps.slice(0, 1).map((x) => Date.parse(x.at))), ...s.schedules.map((x) => Date.parse(x.periodStart))];
    const next = instants.length > 0 ? Math.min(...instants) : null;
    const woken = () => changes !== seen;
    if (next === null) await condition(woken);
    else if (next > Date.now()) await condition(woken, next - Date.now());
  }
  // Handlers that arrived meanwhile finish first (each takes the lock in turn); nothing is awaited
  // after, so no message can start between them and the next run.
  await condition(allHandlersFinished);
  if (over) return;
  return await continueAsNew<typeof caseObligationsWorkflow>({ caseId, state: s });
}
