import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';

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
  /** When the visit that closed the last obligation took place: the same visit sent again is refused. */
  lastVisitAt?: string | null;
  /** The instants of the assignment's recent visits (latest last): a copy of any of them is refused. */
  recentVisitsAt?: string[];
}

/** How many visit instants a cadence keeps (and carries into its next run) to know a copy. */
export const RECENT_VISITS_KEPT = 50;

export interface VisitLogged {
  visitId: string;
  visitedAt: string;
}

/** A visit was logged: fulfil the open obligation; answers which one. Refused (ApplicationFailure
 * of an ObligationRefusal type, nothing written) when the same visit is already logged, the case is
 * on hold or the assignment has ended. */
export const visitLoggedUpdate = defineUpdate<{ obligationId: string }, [VisitLogged]>('visitLogged');
/** An officer waived the open obligation (the reason stays in PostgreSQL); the next one counts
 * from the moment of the waiver. Answers which obligation was waived; refused (OBLIGATION_CLOSED)
 * when it is no longer the open one. */
export const waiveObligationUpdate = defineUpdate<{ obligationId: string }, [{ obligationId: string; waivedAt: string }]>('waiveObligation');

/** The assignment ended (its row in PostgreSQL says when, why and by whom): the open obligation is
 * cancelled and the cadence completes. Answers the cancelled obligation, if one was open. */
export const assignmentEndedUpdate = defineUpdate<{ cancelledObligationId: string | null }, [{ endedAt: string }]>('assignmentEnded');

/** Before SERIAL_MESSAGES_PATCH only: the assignment ended. Nothing sends it any more. */
export const endAssignmentSignal = defineSignal('endAssignment');

/** What the cadence holds now, for the reconciler: ids and instants only. */
export interface VisitCadenceState {
  assignmentId: string;
  /** The seq of the obligation open now (or of the next one, when none is open). */
  seq: number;
  openObligationId: string | null;
  heldAt: string | null;
  ended: boolean;
}
export const visitCadenceStateQuery = defineQuery<VisitCadenceState>('visitCadenceState');

export function visitCadenceWorkflowId(assignmentId: string): string {
  return `visits-${assignmentId}`;
}
