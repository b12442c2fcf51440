import {
  allHandlersFinished,
  condition,
  continueAsNew,
  proxyActivities,
  setHandler,
  workflowInfo,
} from '@temporalio/workflow';
import { isEndStage, type Stage } from '@kampung/domain/stages';
import type { ObligationActivities, ScheduledObligation } from './activity-contract';
import { caseStageChangedSignal } from './case-obligations-messages';
import {
  endAssignmentSignal,
  visitLoggedUpdate,
  waiveObligationUpdate,
  type VisitCadenceInput,
  type VisitLogged,
} from './visit-messages';

const activities = proxyActivities<ObligationActivities>({
  startToCloseTimeout: '10 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
});

/** Cycles before a run continues as new, whatever the server suggests: keeps every run short. */
const CYCLES_PER_RUN = 25;

/** FROZEN: the visit cadence as it ran before SERIAL_MESSAGES_PATCH (visit-cadence.workflow.ts).
 * Runs recorded before that patch replay through this code and, at their next continue-as-new,
 * start the current code. Do not change it: recorded histories depend on every line. */
export async function visitCadenceBeforeSerialMessages(input: VisitCadenceInput): Promise<void> {
  let seq = input.seq;
  let from = input.from;
  let current: ScheduledObligation | null = null;
  let visit: VisitLogged | null = null;
  /** A visit has taken this cycle's obligation (its fulfilment may still be being written). */
  let claimed = false;
  let ended = false;
  /** The case is ON_HOLD since this instant (for the obligation of this cycle: since it began). */
  let heldAt: string | null = input.heldAt ?? null;
  let resumedAt: string | null = null;
  let stageSeq = input.stageSeq ?? -1;

  setHandler(endAssignmentSignal, () => {
    ended = true;
  });
  // The case moved: a hold pauses the cadence, the resume gives back the remaining time, and
  // graduation or an end stage ends it (the lighter post-graduation checks are case-level).
  setHandler(caseStageChangedSignal, ({ seq, stage, at }) => {
    if (seq <= stageSeq) return;
    stageSeq = seq;
    if (stage === 'ON_HOLD') heldAt = at;
    else if (heldAt) resumedAt = at;
    if (stage === 'GRADUATED' || isEndStage(stage as Stage)) ended = true;
  });
  setHandler(
    visitLoggedUpdate,
    async (logged) => {
      // The open obligation of this cycle; a second visit in the same instant waits for the next one.
      await condition(() => current !== null && !claimed);
      const obligation = current!;
      claimed = true;
      await activities.fulfilVisitObligation({ obligationId: obligation.obligationId, ...logged });
      visit = logged;
      return { obligationId: obligation.obligationId };
    },
    {
      validator: (_logged: VisitLogged) => {
        if (ended) throw new Error('ASSIGNMENT_ENDED');
      },
    },
  );

  // A waiver ends the cycle like a visit would, counting the next obligation from the waiver.
  setHandler(
    waiveObligationUpdate,
    async ({ obligationId, waivedAt }) => {
      claimed = true;
      await activities.waiveObligation({ obligationId });
      visit = { visitId: '', visitedAt: waivedAt };
      return { obligationId };
    },
    {
      validator: ({ obligationId }) => {
        if (ended || claimed || current?.obligationId !== obligationId) throw new Error('NOT_THE_OPEN_OBLIGATION');
      },
    },
  );

  for (let cycle = 0; ; cycle++) {
    current = null;
    visit = null;
    claimed = false;
    const scheduled = await activities.scheduleVisitObligation({ assignmentId: input.assignmentId, seq, from });
    if (!scheduled) return; // this role has no visit cadence in the program's policy
    current = scheduled;

    const steps = [
      { status: 'DUE', at: scheduled.opensAt },
      { status: 'OVERDUE', at: scheduled.overdueAt },
      { status: 'ESCALATED', at: scheduled.escalatesAt },
    ] as const;
    /** Time held while this obligation was open: its instants still ahead move by it. */
    let shiftMs = 0;
    if (heldAt && resumedAt) {
      heldAt = null; // held and resumed between obligations: nothing of this one was held
      resumedAt = null;
    }
    if (heldAt && Date.parse(heldAt) < Date.parse(from)) heldAt = from;
    for (const step of steps) {
      while (visit === null && !ended) {
        if (heldAt) {
          await condition(() => visit !== null || ended || resumedAt !== null);
          if (resumedAt) {
            shiftMs += Date.parse(resumedAt) - Date.parse(heldAt);
            await activities.shiftObligationWindows({ obligationIds: [scheduled.obligationId], heldAt, resumedAt });
            heldAt = null;
            resumedAt = null;
          }
          continue;
        }
        const wait = Date.parse(step.at) + shiftMs - Date.now(); // workflow time: deterministic on replay
        if (wait <= 0) break;
        const woken = await condition(() => visit !== null || ended || heldAt !== null, wait);
        if (!woken) break; // the timer fired
      }
      if (visit || ended) break;
      await activities.setObligationStatus({ obligationId: scheduled.obligationId, status: step.status });
      if (step.status === 'ESCALATED') await activities.escalateObligation({ obligationId: scheduled.obligationId });
    }
    await condition(() => visit !== null || ended);
    if (ended && !visit) {
      await activities.cancelObligation({ obligationId: scheduled.obligationId });
      await condition(allHandlersFinished);
      return;
    }
    seq += 1;
    from = visit!.visitedAt;
    if (ended) return;
    if (cycle + 1 >= CYCLES_PER_RUN || workflowInfo().continueAsNewSuggested) {
      await condition(allHandlersFinished);
      return await continueAsNew<typeof visitCadenceBeforeSerialMessages>({ ...input, seq, from, heldAt, stageSeq });
    }
  }
}
