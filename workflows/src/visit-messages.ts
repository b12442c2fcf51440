import { defineSignal, defineUpdate } from '@temporalio/workflow';

export interface VisitCadenceInput {
  assignmentId: string;
  /** Number of the next visit obligation of this assignment (1 for the first). */
  seq: number;
  /** The instant the cadence counts from: the assignment's start, then each visit's date. */
  from: string;
  /** Set when the case is ON_HOLD (since this instant): the cadence waits for the resume. */
  heldAt?: string | null;
  /** The last case stage change this cadence has seen. */
  stageSeq?: number;
}

export interface VisitLogged {
  visitId: string;
  visitedAt: string;
}

/** A visit was logged: fulfil the open obligation; answers which one. */
export const visitLoggedUpdate = defineUpdate<{ obligationId: string }, [VisitLogged]>('visitLogged');
/** An officer waived the open obligation (the reason stays in PostgreSQL); the next one counts
 * from the moment of the waiver. Answers which obligation was waived. */
export const waiveObligationUpdate = defineUpdate<{ obligationId: string }, [{ obligationId: string; waivedAt: string }]>('waiveObligation');

/** The assignment ended (handover or case end): cancel the open obligation and stop. */
export const endAssignmentSignal = defineSignal('endAssignment');

export function visitCadenceWorkflowId(assignmentId: string): string {
  return `visits-${assignmentId}`;
}
