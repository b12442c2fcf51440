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
import { isSameVisit, nextVisitCountsFrom, type ObligationRefusal } from '@kampung/domain/obligation-rules';
import { isEndStage, type Stage } from '@kampung/domain/stages';
import type { ObligationActivities } from './activity-contract';
import { caseStageChangedSignal } from './case-obligations-messages';
import { shiftSteps, timedSteps, type TimedStep } from './obligation-steps';
import { visitCadenceBeforeSerialMessages } from './visit-cadence-v1';
import {
  assignmentEndedUpdate,
  visitCadenceStateQuery,
  visitLoggedUpdate,
  waiveObligationUpdate,
  RECENT_VISITS_KEPT,
  type VisitCadenceInput,
  type VisitLogged,
} from './visit-messages';

/** Messages are handled one at a time, in arrival order, under one lock: two visits at once can no
 * longer both take one obligation, nor wait forever for one the run will never open. Runs started
 * before this patch go on with visitCadenceBeforeSerialMessages until their next continue-as-new. */
export const SERIAL_MESSAGES_PATCH = 'visit-cadence-serial-messages';
/** A visit sent again is compared with the instants of the assignment's recent visits, not only
 * the latest one: a copy arriving after another visit no longer fulfils a second obligation. */
export const RECENT_VISITS_PATCH = 'visit-cadence-recent-visits';

const activities = proxyActivities<ObligationActivities>({
  startToCloseTimeout: '10 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
});

/** Obligations closed before a run continues as new, whatever the server suggests: keeps every run short. */
const CYCLES_PER_RUN = 25;

/** The visit cadence of one assignment: an obligation at a time, whose status moves UPCOMING → DUE →
 * OVERDUE → ESCALATED when its timers fire, until a logged visit (or a waiver) closes it and the next
 * one is counted from the visit's date. Carries ids and instants only. */
export async function visitCadenceWorkflow(input: VisitCadenceInput): Promise<void> {
  if (!patched(SERIAL_MESSAGES_PATCH)) return visitCadenceBeforeSerialMessages(input);
  return visitCadence(input);
}

interface OpenVisitObligation {
  obligationId: string;
  /** The instant this obligation was counted from (the previous visit, or the assignment's start). */
  countedFrom: string;
  steps: TimedStep[];
}

function refuse(type: ObligationRefusal, message: string, details: Record<string, unknown> = {}): never {
  throw ApplicationFailure.create({ type, message, nonRetryable: true, details: [details] });
}

async function visitCadence(input: VisitCadenceInput): Promise<void> {
  const { assignmentId } = input;
  /** Every handler and every timer step takes it: one change at a time, in arrival order. */
  const lock = new Mutex();
  let seq = input.seq;
  let from = input.from;
  let heldAt = input.heldAt ?? null;
  let stageSeq = input.stageSeq ?? -1;
  let lastVisitAt = input.lastVisitAt ?? null;
  /** The instants of the last RECENT_VISITS_KEPT visits, latest last. */
  let recentVisitsAt = input.recentVisitsAt ?? (lastVisitAt ? [lastVisitAt] : []);
  let ended = false;
  // Declared by assertion: handlers change it between awaits, so it must not narrow to null here.
  let current = null as OpenVisitObligation | null;
  /** No cadence for this role (or the assignment or case is over): nothing is scheduled. */
  let idle = false;
  let closedThisRun = 0;
  /** Bumped by every handler that changed something: the timer loop looks again. */
  let changes = 0;

  /** Opens (once per assignment and seq) the obligation counted from `from`. */
  async function openNext(): Promise<void> {
    const scheduled = await activities.scheduleVisitObligation({ assignmentId, seq, from });
    current = scheduled ? { obligationId: scheduled.obligationId, countedFrom: from, steps: timedSteps(scheduled) } : null;
    idle = scheduled === null;
  }
  /** The obligation of this run's seq, opened by whichever comes first: the run's start, or a
   * message delivered with the run's first activation (its handler runs before the main code). */
  async function ensureOpen(): Promise<void> {
    if (!current && !idle && !ended) await openNext();
  }
  /** The open obligation was closed at `at`: the next one counts from then. */
  async function closeCurrent(at: string): Promise<void> {
    current = null;
    seq += 1;
    from = nextVisitCountsFrom(from, at);
    closedThisRun += 1;
    await openNext();
  }
  function refuseWhenOver(): void {
    if (ended) refuse('ASSIGNMENT_ENDED', 'The assignment has ended');
  }

  setHandler(visitCadenceStateQuery, () => ({
    assignmentId,
    seq,
    openObligationId: current?.obligationId ?? null,
    heldAt,
    ended: ended || idle,
  }));

  setHandler(
    visitLoggedUpdate,
    (logged) =>
      lock.runExclusive(async () => {
        refuseWhenOver();
        if (heldAt) refuse('CASE_ON_HOLD', `The case is on hold since ${heldAt}`, { since: heldAt });
        const loggedBefore = patched(RECENT_VISITS_PATCH)
          ? recentVisitsAt.find((at) => isSameVisit(logged.visitedAt, at))
          : lastVisitAt && isSameVisit(logged.visitedAt, lastVisitAt) ? lastVisitAt : undefined;
        if (loggedBefore) {
          refuse('VISIT_ALREADY_LOGGED', `A visit at ${loggedBefore} is already logged on this assignment`, { visitedAt: loggedBefore });
        }
        await ensureOpen();
        if (!current) refuse('ASSIGNMENT_ENDED', 'This assignment has no visit cadence');
        const obligation = current;
        await activities.fulfilVisitObligation({ obligationId: obligation.obligationId, ...logged });
        lastVisitAt = logged.visitedAt;
        recentVisitsAt = [...recentVisitsAt, logged.visitedAt].slice(-RECENT_VISITS_KEPT);
        await closeCurrent(logged.visitedAt);
        // After the next obligation is open: the timer loop wakes to time it.
        changes += 1;
        return { obligationId: obligation.obligationId };
      }),
    { validator: (_logged: VisitLogged) => refuseWhenOver() },
  );

  // A waiver closes the obligation like a visit would, counting the next one from the waiver.
  setHandler(
    waiveObligationUpdate,
    ({ obligationId, waivedAt }) =>
      lock.runExclusive(async () => {
        refuseWhenOver();
        await ensureOpen();
        if (current?.obligationId !== obligationId) refuse('OBLIGATION_CLOSED', 'The obligation is no longer the open one of its assignment');
        await activities.waiveObligation({ obligationId });
        await closeCurrent(waivedAt);
        changes += 1;
        return { obligationId };
      }),
    {
      validator: ({ obligationId }) => {
        refuseWhenOver();
        if (current && current.obligationId !== obligationId) refuse('OBLIGATION_CLOSED', 'The obligation is no longer the open one of its assignment');
      },
    },
  );

  setHandler(assignmentEndedUpdate, () =>
    lock.runExclusive(async () => {
      if (ended) return { cancelledObligationId: null };
      await ensureOpen();
      const open = current;
      if (open) await activities.cancelObligation({ obligationId: open.obligationId });
      ended = true;
      current = null;
      changes += 1;
      return { cancelledObligationId: open?.obligationId ?? null };
    }),
  );

  // The case moved: a hold pauses the cadence, the resume gives back the remaining time, and
  // graduation or an end stage ends it (the lighter post-graduation checks are case-level).
  setHandler(caseStageChangedSignal, (change) =>
    lock.runExclusive(async () => {
      if (change.seq <= stageSeq) return;
      await ensureOpen();
      stageSeq = change.seq;
      if (change.stage === 'ON_HOLD') {
        heldAt ??= change.at;
      } else if (heldAt) {
        if (current) {
          // Held since the later of the hold and the obligation's own start.
          const since = nextVisitCountsFrom(heldAt, current.countedFrom);
          await activities.shiftObligationWindows({ obligationIds: [current.obligationId], heldAt: since, resumedAt: change.at });
          current.steps = shiftSteps(current.steps, since, change.at);
        }
        heldAt = null;
      }
      if (change.stage === 'GRADUATED' || isEndStage(change.stage as Stage)) {
        if (current && !ended) await activities.cancelObligation({ obligationId: current.obligationId });
        ended = true;
        current = null;
      }
      changes += 1;
    }),
  );

  await lock.runExclusive(ensureOpen);
  // The timers: each step of the open obligation at its instant, unless a handler closed it first.
  while (!ended && !idle && closedThisRun < CYCLES_PER_RUN && !workflowInfo().continueAsNewSuggested) {
    const seen = changes;
    const next = heldAt ? undefined : current?.steps[0];
    if (!next) {
      await condition(() => changes !== seen);
      continue;
    }
    const wait = Date.parse(next.at) - Date.now(); // workflow time: deterministic on replay
    if (wait > 0 && (await condition(() => changes !== seen, wait))) continue;
    await lock.runExclusive(async () => {
      // Looked at again under the lock: a handler may have closed it or held the case meanwhile.
      if (heldAt || !current || current.steps[0] !== next) return;
      const obligationId = current.obligationId;
      current.steps.shift();
      await activities.setObligationStatus({ obligationId, status: next.status });
      if (next.status === 'ESCALATED') await activities.escalateObligation({ obligationId });
    });
  }
  // Handlers that arrived meanwhile finish first (each takes the lock in turn); nothing is awaited
  // after, so no message can start between them and the next run.
  await condition(allHandlersFinished);
  if (ended || idle) return;
  return await continueAsNew<typeof visitCadenceWorkflow>({ assignmentId, seq, from, heldAt, stageSeq, lastVisitAt, recentVisitsAt });
}
