import type { CaseObligationKind, StageChange } from './case-obligations-messages';

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
  /** Tells the case's obligations workflow (starting it if need be) and the visit cadences of its
   * active assignments that the case moved. At-least-once; receivers ignore a seq they have seen. */
  notifyStageChanged(input: StageChange): Promise<void>;
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
  /** After a hold: every instant of these obligations still ahead at `heldAt` moves by the time held. */
  shiftObligationWindows(input: { obligationIds: string[]; heldAt: string; resumedAt: string }): Promise<void>;
}

export interface CaseObligationActivities {
  /** The deadline of the stage just entered (once per case and transition seq); null when the
   * program sets no expected duration for the stage. */
  openStageDeadline(input: { caseId: string; stage: string; seq: number; enteredAt: string }): Promise<ScheduledObligation | null>;
  /** The next evaluation, due an evaluation interval after `from`. */
  openEvaluation(input: { caseId: string; seq: number; from: string }): Promise<ScheduledObligation | null>;
  /** The report (or post-graduation check) of the period starting at `periodStart`, under the
   * current policy; answers the period's actual start and end, the end being the next one's start. */
  openPeriodicObligation(input: {
    caseId: string;
    kind: 'MONITORING_REPORT' | 'GRADUATE_CHECK';
    seq: number;
    periodStart: string;
    align: boolean;
  }): Promise<{ obligation: ScheduledObligation | null; periodStart: string; periodEnd: string }>;
  /** Fulfilled by a stored monitoring report (or post-graduation check): the status, lateness and
   * the report's link, in one transaction. */
  fulfilObligationByReport(input: { obligationId: string; reportId: string; at: string; actorId: string | null }): Promise<void>;
  /** Fulfilled by a move of the case (leaving a stage, the evaluation transition). */
  fulfilObligationByTransition(input: { obligationId: string; at: string; actorId: string | null }): Promise<void>;
  /** The case ended: every open obligation of these kinds is CANCELLED. */
  cancelCaseObligations(input: { caseId: string; kinds: CaseObligationKind[] }): Promise<void>;
}

/** What one reconciliation pass did. */
export interface ReconciliationSummary {
  passId: string;
  casesChecked: number;
  repaired: number;
  reported: number;
}

export interface ReconcilerActivities {
  startReconciliation(input: { passId: string; at: string }): Promise<void>;
  /** Compares the workflows of a page of cases (after `after`, in id order) with PostgreSQL, repairs
   * what is safe to repair and records the rest; answers how many it checked and the last case id
   * (null once there are no more). */
  reconcileCases(input: { passId: string; after: string | null; limit: number; caseIds?: string[] }): Promise<{ checked: number; last: string | null }>;
  finishReconciliation(input: { passId: string; casesChecked: number; at: string }): Promise<ReconciliationSummary>;
}

/** What one mail pass did (counts only: addresses and names stay in PostgreSQL). */
export interface MailPassSummary {
  sent: number;
  dead: number;
  /** Found already sent (by another pass) or gone. */
  skipped: number;
}

export interface MailActivities {
  /** Ids of outbox rows waiting to be sent, oldest first. */
  pendingMail(input: { limit: number }): Promise<string[]>;
  /** Sends one outbox row and marks it SENT in the same transaction (Message-ID from the row id);
   * a failure is counted on the row and thrown, so Temporal retries it with backoff; at the
   * configured number of attempts the row is DEAD and the answer says so. */
  deliverMail(input: { outboxId: string }): Promise<'SENT' | 'SKIPPED' | 'DEAD'>;
  /** One digest row per recipient of the escalations waiting, for the day (WIB) of `at`. */
  writeEscalationDigests(input: { at: string }): Promise<number>;
}
