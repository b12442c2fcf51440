/**
 * The one door from the API to Temporal: workflow ids, typed starts (by function reference),
 * Updates with their ids, and the mapping of Temporal's errors to the API's problem codes.
 * Use-cases call these; none of them touches the client or its errors directly.
 */
import {
  ApplicationFailure,
  WorkflowExecutionAlreadyStartedError,
  WorkflowNotFoundError,
  WorkflowUpdateFailedError,
  type Client,
} from '@temporalio/client';
import { isObligationRefusal, type Stage } from '@kampung/domain';
import {
  CASE_STAGE,
  KECAMATAN_CODE,
  PROGRAM_CODE,
  assignmentEndedUpdate,
  caseObligationsWorkflowId,
  caseWorkflowId,
  closeObligationUpdate,
  stateQuery,
  transitionUpdate,
  visitCadenceWorkflowId,
  visitLoggedUpdate,
  waiveObligationUpdate,
  type CaseState,
  type CaseWorkflowInput,
  type CloseObligation,
  type TransitionCommand,
  type VisitCadenceInput,
  type VisitLogged,
} from '@kampung/workflows';
import { caseWorkflow, visitCadenceWorkflow } from '@kampung/workflows/workflows';
import { AppError, unavailable } from '../errors';

export interface TemporalDeps {
  temporal: Client;
  taskQueue: string;
}

/** How a message to a workflow ended, when it did not succeed. */
export type Outcome =
  /** The workflow refused it (nothing written): an ObligationRefusal, answered as a 409 of its own code. */
  | { refused: AppError }
  /** No such workflow is running (it completed, or never started). */
  | { notRunning: true }
  /** Temporal did not answer: whether the message arrived is unknown. */
  | { unknown: AppError };

/** Sorts a Temporal error into a refusal, a missing workflow or an unknown outcome. */
export function outcomeOf(error: unknown): Outcome {
  if (error instanceof WorkflowUpdateFailedError && error.cause instanceof ApplicationFailure) {
    const type = error.cause.type;
    if (isObligationRefusal(type)) return { refused: new AppError(type, error.cause.message) };
    return { refused: new AppError('CONFLICT', error.cause.message) };
  }
  if (error instanceof WorkflowNotFoundError) return { notRunning: true };
  return { unknown: unavailable('Temporal', 'The workflow service (Temporal) did not answer; try again shortly with the same request') };
}

/** Runs an Update; a refusal or an unknown outcome is thrown as the matching problem. */
async function update<T>(run: () => Promise<T>, notRunning: () => AppError): Promise<T> {
  try {
    return await run();
  } catch (error) {
    const outcome = outcomeOf(error);
    if ('refused' in outcome) throw outcome.refused;
    if ('notRunning' in outcome) throw notRunning();
    throw outcome.unknown;
  }
}

/** A move's refusal by the case workflow as its problem; anything else is an unknown outcome. */
function transitionRefusal(error: unknown, from: Stage, to: Stage): AppError | null {
  if (error instanceof WorkflowUpdateFailedError && error.cause instanceof ApplicationFailure) {
    if (error.cause.type === 'REASON_REQUIRED') return new AppError('REASON_REQUIRED', `Moving from ${from} to ${to} needs a reason`);
    if (error.cause.type === 'ILLEGAL_TRANSITION') return new AppError('ILLEGAL_TRANSITION', `A case in ${from} cannot move to ${to}`);
  }
  if (error instanceof WorkflowNotFoundError) return new AppError('ILLEGAL_TRANSITION', `The case's workflow has ended; it cannot move to ${to}`);
  return null;
}

const assignmentOver = () => new AppError('ASSIGNMENT_ENDED', 'This assignment has no visit cadence running (it ended, or its role has no visits)');

export const gateway = {
  /** Starts a proposed case's workflow with ids only; its stage, program and kecamatan go as search
   * attributes. If it cannot be started, `undo` takes back what was written for it, and the failure
   * is answered as SERVICE_UNAVAILABLE. */
  async startCase(deps: TemporalDeps, input: CaseWorkflowInput, undo: () => Promise<void>): Promise<void> {
    try {
      await deps.temporal.workflow.start(caseWorkflow, {
        taskQueue: deps.taskQueue,
        workflowId: caseWorkflowId(input.caseId),
        args: [input],
        typedSearchAttributes: [
          { key: CASE_STAGE, value: 'PROPOSAL' },
          { key: PROGRAM_CODE, value: input.programCode },
          { key: KECAMATAN_CODE, value: input.kecamatanCode },
        ],
      });
    } catch (error) {
      await undo();
      throw unavailable('Temporal', `The case could not be started: the workflow service (Temporal) did not answer (${(error as Error).message})`);
    }
  },

  /** The moves the case workflow allows now; none when it is no longer running. */
  async allowedTransitions(deps: TemporalDeps, caseId: string): Promise<Stage[]> {
    try {
      return (await deps.temporal.workflow.getHandle(caseWorkflowId(caseId)).query(stateQuery)).allowedTransitions;
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) return [];
      throw unavailable('Temporal', 'The workflow service (Temporal) does not answer; try again shortly');
    }
  },

  /** Asks the case workflow to move (an Update whose id is the stored request's) and answers its
   * state after the move. A refusal (an illegal move, a missing reason, a workflow that has ended)
   * recorded nothing: `undoRefused` takes the request back, then the refusal is thrown. An unknown
   * outcome is thrown as SERVICE_UNAVAILABLE and keeps the request: the move may yet be recorded. */
  async moveCase(
    deps: TemporalDeps,
    caseId: string,
    command: TransitionCommand,
    { from, undoRefused }: { from: Stage; undoRefused: () => Promise<void> },
  ): Promise<CaseState> {
    try {
      return await deps.temporal.workflow.getHandle(caseWorkflowId(caseId)).executeUpdate(transitionUpdate, {
        args: [command],
        updateId: `transition-${command.requestId}`,
      });
    } catch (error) {
      const refusal = transitionRefusal(error, from, command.to);
      if (!refusal) throw unavailable('Temporal', 'The workflow service (Temporal) did not take the move; try again shortly');
      await undoRefused();
      throw refusal;
    }
  },

  /** Starts an assignment's visit cadence once: a second start with the same id is a no-op. */
  async startVisitCadence(deps: TemporalDeps, input: VisitCadenceInput): Promise<void> {
    try {
      await deps.temporal.workflow.start(visitCadenceWorkflow, {
        taskQueue: deps.taskQueue,
        workflowId: visitCadenceWorkflowId(input.assignmentId),
        args: [input],
      });
    } catch (error) {
      if (error instanceof WorkflowExecutionAlreadyStartedError) return;
      throw unavailable('Temporal', 'The visit cadence could not be started: the workflow service (Temporal) did not answer; try again shortly');
    }
  },

  /** The visit closes the assignment's open obligation; answers which one. */
  logVisit(deps: TemporalDeps, assignmentId: string, visit: VisitLogged): Promise<{ obligationId: string }> {
    return update(
      () => deps.temporal.workflow.getHandle(visitCadenceWorkflowId(assignmentId)).executeUpdate(visitLoggedUpdate, {
        args: [visit],
        updateId: `visit-${visit.visitId}`,
      }),
      assignmentOver,
    );
  },

  waiveVisit(deps: TemporalDeps, assignmentId: string, waiver: { obligationId: string; waivedAt: string }, updateId: string) {
    return update(
      () => deps.temporal.workflow.getHandle(visitCadenceWorkflowId(assignmentId)).executeUpdate(waiveObligationUpdate, { args: [waiver], updateId }),
      assignmentOver,
    );
  },

  /** Ends the cadence of an assignment whose end is recorded: its open obligation is cancelled. A
   * cadence that is not running has nothing left to end. */
  async endAssignment(deps: TemporalDeps, assignmentId: string, endedAt: string): Promise<{ cancelledObligationId: string | null }> {
    try {
      return await deps.temporal.workflow.getHandle(visitCadenceWorkflowId(assignmentId)).executeUpdate(assignmentEndedUpdate, {
        args: [{ endedAt }],
        updateId: `end-${assignmentId}`,
      });
    } catch (error) {
      const outcome = outcomeOf(error);
      if ('notRunning' in outcome) return { cancelledObligationId: null };
      throw 'refused' in outcome ? outcome.refused : outcome.unknown;
    }
  },

  /** A report or a waiver closes one of the case's obligations. */
  closeCaseObligation(deps: TemporalDeps, caseId: string, close: CloseObligation, updateId: string) {
    return update(
      () => deps.temporal.workflow.getHandle(caseObligationsWorkflowId(caseId)).executeUpdate(closeObligationUpdate, { args: [close], updateId }),
      () => new AppError('OBLIGATION_CLOSED', 'The case has no obligations running (it has ended)'),
    );
  },
};
