/** Types only: the workflow imports these with `import type`; the worker implements them. */
export interface RecordTransitionInput {
  caseId: string;
  seq: number;
  from: string;
  to: string;
  resumeStage: string | null;
  at: string;
  actorId: string | null;
  requestId: string | null;
}

export interface CaseActivities {
  recordTransition(input: RecordTransitionInput): Promise<void>;
}

/** A visit obligation as written to PostgreSQL: its id and the instants its timers wait for. */
export interface ScheduledObligation {
  obligationId: string;
  opensAt: string;
  dueAt: string;
  overdueAt: string;
  escalatesAt: string;
}

export interface ObligationActivities {
  /** Writes (once per assignment and seq) the next visit obligation under the program's current
   * policy; null when the assignment's role has no visit cadence or the assignment has ended. */
  scheduleVisitObligation(input: { assignmentId: string; seq: number; from: string }): Promise<ScheduledObligation | null>;
  /** Moves an open obligation forward to DUE, OVERDUE or ESCALATED (never backward, never once fulfilled). */
  setObligationStatus(input: { obligationId: string; status: 'DUE' | 'OVERDUE' | 'ESCALATED' }): Promise<void>;
  /** Puts the escalation in the inbox of the assignee's supervisors and the program's managers, and the outbox. */
  escalateObligation(input: { obligationId: string }): Promise<void>;
  fulfilVisitObligation(input: { obligationId: string; visitId: string; visitedAt: string }): Promise<void>;
  cancelObligation(input: { obligationId: string }): Promise<void>;
  /** Marks the obligation WAIVED (the reason was stored with the request). */
  waiveObligation(input: { obligationId: string }): Promise<void>;
}
