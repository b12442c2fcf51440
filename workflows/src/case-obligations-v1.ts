import { allHandlersFinished, condition, continueAsNew, proxyActivities, setHandler, workflowInfo } from '@temporalio/workflow';
import { isEndStage, type Stage } from '@kampung/domain/stages';
import type { CaseObligationActivities, ObligationActivities, ScheduledObligation } from './activity-contract';
import {
  caseObligationsStateQuery,
  obligationClosedSignal,
  stageChangedSignal,
  type CaseObligationKind,
  type CaseObligationsInput,
  type CaseObligationsState,
  type OpenObligation,
  type StageChange,
} from './case-obligations-messages';

const activities = proxyActivities<ObligationActivities & CaseObligationActivities>({
  startToCloseTimeout: '10 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
});

/** Wake-ups before a run continues as new, whatever the server suggests: keeps every run short. */
const WAKEUPS_PER_RUN = 100;
const CASE_KINDS: CaseObligationKind[] = ['MONITORING_REPORT', 'EVALUATION', 'STAGE_DEADLINE', 'GRADUATE_CHECK'];

/** FROZEN: the case-level obligations as they ran before CASE_SERIAL_MESSAGES_PATCH
 * (case-obligations.workflow.ts). Runs recorded before that patch replay through this code and, at
 * their next continue-as-new, start the current code. Do not change it: recorded histories depend
 * on every line. */
export async function caseObligationsBeforeSerialMessages(input: CaseObligationsInput): Promise<void> {
  const caseId = input.caseId;
  const s: CaseObligationsState = input.state ?? {
    stage: 'PROPOSAL',
    lastSeq: -1,
    heldAt: null,
    open: [],
    schedules: [],
    seqs: {},
  };
  const moves: StageChange[] = [];
  const closed: { obligationId: string; at: string }[] = [];

  setHandler(stageChangedSignal, (change) => {
    if (change.seq > s.lastSeq && !moves.some((m) => m.seq === change.seq)) moves.push(change);
  });
  setHandler(obligationClosedSignal, (c) => {
    closed.push(c);
  });
  setHandler(caseObligationsStateQuery, () => s);

  const nextSeq = (kind: CaseObligationKind): number => {
    const seq = s.seqs[kind] ?? 1;
    s.seqs[kind] = seq + 1;
    return seq;
  };
  const track = (kind: CaseObligationKind, o: ScheduledObligation | null, stage: string | null = null) => {
    if (!o || s.open.some((x) => x.obligationId === o.obligationId)) return;
    const steps = [
      { status: 'DUE' as const, at: o.opensAt },
      { status: 'OVERDUE' as const, at: o.overdueAt },
      { status: 'ESCALATED' as const, at: o.escalatesAt },
    ];
    s.open.push({ obligationId: o.obligationId, kind, stage, steps });
  };
  const take = (predicate: (o: OpenObligation) => boolean): OpenObligation[] => {
    const taken = s.open.filter(predicate);
    s.open = s.open.filter((o) => !predicate(o));
    return taken;
  };
  const openEvaluation = async (from: string) => {
    track('EVALUATION', await activities.openEvaluation({ caseId, seq: nextSeq('EVALUATION'), from }));
  };

  /** Applies one move of the case; answers false once the case has ended. */
  async function applyMove(m: StageChange): Promise<boolean> {
    const previous = s.stage;
    s.stage = m.to;
    s.lastSeq = m.seq;
    if (m.to === 'ON_HOLD') {
      s.heldAt = m.at;
      return true;
    }
    if (previous === 'ON_HOLD' && s.heldAt) {
      // Resume with the remaining time: everything still ahead when the hold began moves by its length.
      const heldAt = Date.parse(s.heldAt);
      const held = Date.parse(m.at) - heldAt;
      for (const o of s.open) {
        o.steps = o.steps.map((step) => (Date.parse(step.at) > heldAt ? { ...step, at: new Date(Date.parse(step.at) + held).toISOString() } : step));
      }
      for (const schedule of s.schedules) {
        if (Date.parse(schedule.periodStart) > heldAt) schedule.periodStart = new Date(Date.parse(schedule.periodStart) + held).toISOString();
      }
      await activities.shiftObligationWindows({ obligationIds: s.open.map((o) => o.obligationId), heldAt: s.heldAt, resumedAt: m.at });
      s.heldAt = null;
      // Back in the stage it was held in: what follows finds its obligations already open.
    }
    if (isEndStage(m.to as Stage)) {
      await activities.cancelCaseObligations({ caseId, kinds: CASE_KINDS });
      s.open = [];
      s.schedules = [];
      return false;
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
    return true;
  }

  for (let wakeups = 0; ; wakeups++) {
    // Obligations closed outside (a report, a waiver): stop timing them; a waived evaluation
    // during implementation is followed by the next one.
    for (const c of closed.splice(0)) {
      for (const o of take((o) => o.obligationId === c.obligationId)) {
        if (o.kind === 'EVALUATION' && s.stage === 'IMPLEMENTATION') await openEvaluation(c.at);
      }
    }
    moves.sort((a, b) => a.seq - b.seq);
    while (moves.length > 0) {
      const move = moves.shift()!;
      if (move.seq <= s.lastSeq) continue;
      if (!(await applyMove(move))) {
        await condition(allHandlersFinished);
        return;
      }
    }

    if (!s.heldAt) {
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

    if (moves.length === 0 && closed.length === 0 && (wakeups + 1 >= WAKEUPS_PER_RUN || workflowInfo().continueAsNewSuggested)) {
      await condition(allHandlersFinished);
      return await continueAsNew<typeof caseObligationsBeforeSerialMessages>({ caseId, state: s });
    }

    const instants = s.heldAt
      ? []
      : [...s.open.flatMap((o) => o.steps.slice(0, 1).map((x) => Date.parse(x.at))), ...s.schedules.map((x) => Date.parse(x.periodStart))];
    const next = instants.length > 0 ? Math.min(...instants) : null;
    const woken = () => moves.length > 0 || closed.length > 0;
    if (next === null) await condition(woken);
    else if (next > Date.now()) await condition(woken, next - Date.now());
  }
}
