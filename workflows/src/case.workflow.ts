import {
  ApplicationFailure,
  allHandlersFinished,
  condition,
  continueAsNew,
  patched,
  proxyActivities,
  setHandler,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import { allowedTransitions, checkTransition, isEndStage } from '@kampung/domain/stages';
import type { CaseActivities } from './activity-contract';
import type { StageChange } from './case-obligations-messages';
import type { CaseState, CaseWorkflowInput, TransitionCommand } from './case-state';
import { stateQuery, transitionUpdate } from './messages';
import { CASE_STAGE } from './search-attributes';

/** Added after the first cases ran: the case tells its obligations workflow and visit cadences
 * about every move. Histories recorded before it replay without the notification. */
export const NOTIFY_OBLIGATIONS_PATCH = 'notify-obligations';
/** Later still: a move answers once it is written, and the main loop tells the obligations after,
 * in order, so a transition does not wait for the signals. */
export const NOTIFY_AFTER_ANSWER_PATCH = 'notify-after-answer';
/** Then: the main loop tells one move at a time and carries untold moves into the next run, so a
 * steady stream of moves can no longer hold continue-as-new off. */
export const NOTIFY_ONE_AT_A_TIME_PATCH = 'notify-one-at-a-time';

const { recordTransition, notifyStageChanged } = proxyActivities<CaseActivities>({
  startToCloseTimeout: '10 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
});

/** One kampung case, from proposal to its end. It decides which moves are allowed, writes every
 * move to PostgreSQL through an idempotent activity and keeps the CaseStage search attribute current. */
export async function caseWorkflow(input: CaseWorkflowInput): Promise<CaseState> {
  const current = input.state ?? { caseId: input.caseId, stage: 'PROPOSAL', resumeStage: null, seq: 0 };
  const snapshot = (): CaseState => ({ ...current, allowedTransitions: allowedTransitions(current) });
  /** Moves written but not yet told to the obligation workflows, oldest first. */
  const untold: StageChange[] = [...(input.untold ?? [])];

  setHandler(stateQuery, snapshot);
  setHandler(
    transitionUpdate,
    async (command: TransitionCommand) => {
      const from = current.stage;
      current.resumeStage = command.to === 'ON_HOLD' ? (from as typeof current.resumeStage) : null;
      current.stage = command.to;
      current.seq += 1;
      upsertSearchAttributes([{ key: CASE_STAGE, value: command.to }]);
      const move = {
        caseId: current.caseId,
        seq: current.seq,
        from,
        to: command.to,
        resumeStage: current.resumeStage,
        at: new Date().toISOString(),
        actorId: command.actorId,
      };
      await recordTransition({ ...move, requestId: command.requestId });
      if (patched(NOTIFY_AFTER_ANSWER_PATCH)) untold.push(move);
      else if (patched(NOTIFY_OBLIGATIONS_PATCH)) await notifyStageChanged(move);
      return snapshot();
    },
    {
      validator: (command: TransitionCommand) => {
        const refusal = checkTransition(current, command.to, command.hasReason);
        if (refusal) {
          throw ApplicationFailure.create({
            type: refusal,
            message: `${refusal}: ${current.stage} -> ${command.to}`,
            nonRetryable: true,
          });
        }
      },
    },
  );

  // Handlers first: a move may arrive with the very first activation.
  if (!input.state && patched(NOTIFY_OBLIGATIONS_PATCH)) {
    await notifyStageChanged({ caseId: current.caseId, seq: 0, from: null, to: 'PROPOSAL', resumeStage: null, at: new Date().toISOString(), actorId: null });
  }
  if (patched(NOTIFY_ONE_AT_A_TIME_PATCH)) {
    for (;;) {
      await condition(() => untold.length > 0 || isEndStage(current.stage) || workflowInfo().continueAsNewSuggested);
      if (isEndStage(current.stage) || workflowInfo().continueAsNewSuggested) break;
      // One at a time, looking again after each: a steady stream of moves must not keep it here.
      await notifyStageChanged(untold[0]!);
      untold.shift();
    }
    // Nothing is awaited between the handlers finishing and the next run: moves not yet told
    // travel with it, so a steady stream of moves cannot hold continue-as-new off.
    await condition(allHandlersFinished);
    if (isEndStage(current.stage)) {
      // No move follows an end stage, so nothing new arrives while the last moves are told.
      while (untold.length > 0) await notifyStageChanged(untold.shift()!);
      return snapshot();
    }
    return await continueAsNew<typeof caseWorkflow>({ ...input, state: { ...current }, untold: [...untold] });
  }
  // Before NOTIFY_ONE_AT_A_TIME_PATCH (runs started earlier replay this way).
  for (;;) {
    await condition(() => untold.length > 0 || isEndStage(current.stage) || workflowInfo().continueAsNewSuggested);
    while (untold.length > 0) await notifyStageChanged(untold[0]!).then(() => untold.shift());
    if (isEndStage(current.stage) || workflowInfo().continueAsNewSuggested) break;
  }
  for (;;) {
    while (untold.length > 0) await notifyStageChanged(untold[0]!).then(() => untold.shift());
    await condition(allHandlersFinished);
    if (untold.length === 0) break;
  }
  if (isEndStage(current.stage)) return snapshot();
  return await continueAsNew<typeof caseWorkflow>({ ...input, state: { ...current } });
}
