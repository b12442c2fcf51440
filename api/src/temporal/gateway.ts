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
import { isObligationRefusal } from '@kampung/domain';
import {
  assignmentEndedUpdate,
  caseObligationsWorkflowId,
  closeObligationUpdate,
  visitCadenceWorkflowId,
  visitLoggedUpdate,
  waiveObligationUpdate,
  type CloseObligation,
  type VisitCadenceInput,
  type VisitLogged,
} from '@kampung/workflows';
import { visitCadenceWorkflow } from '@kampung/workflows/workflows';
import { AppError } from '../errors';

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
  return { unknown: new AppError('SERVICE_UNAVAILABLE', 'The workflow service did not answer; try again shortly with the same request') };
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

const assignmentOver = () => new AppError('ASSIGNMENT_ENDED', 'This assignment has no visit cadence running (it ended, or its role has no visits)');

export const gateway = {
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
      throw new AppError('SERVICE_UNAVAILABLE', 'The visit cadence could not be started; try again shortly');
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
