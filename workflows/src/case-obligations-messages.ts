import { defineQuery, defineSignal } from '@temporalio/workflow';

/** A move of the case, as the case workflow recorded it. Ids and instants only. */
export interface StageChange {
  caseId: string;
  seq: number;
  from: string | null;
  to: string;
  resumeStage: string | null;
  at: string;
  actorId: string | null;
}

export type CaseObligationKind = 'MONITORING_REPORT' | 'EVALUATION' | 'STAGE_DEADLINE' | 'GRADUATE_CHECK';
export type TimedStatus = 'DUE' | 'OVERDUE' | 'ESCALATED';

/** An open case-level obligation and the status changes still ahead of it. */
export interface OpenObligation {
  obligationId: string;
  kind: CaseObligationKind;
  /** STAGE_DEADLINE: the stage it watches. */
  stage: string | null;
  steps: { status: TimedStatus; at: string }[];
}

/** The next period of a periodic obligation: it opens when its period starts. */
export interface PeriodicSchedule {
  kind: 'MONITORING_REPORT' | 'GRADUATE_CHECK';
  seq: number;
  periodStart: string;
  /** The first period aligns to the calendar (a whole month starts on the 1st, WIB). */
  align: boolean;
}

export interface CaseObligationsState {
  stage: string;
  /** The last stage change applied: repeated or late signals are ignored. */
  lastSeq: number;
  /** When the case went ON_HOLD; null when it is not held. */
  heldAt: string | null;
  open: OpenObligation[];
  schedules: PeriodicSchedule[];
  /** The next sequence number per kind. */
  seqs: Partial<Record<CaseObligationKind, number>>;
}

export interface CaseObligationsInput {
  caseId: string;
  /** Present when the workflow continues as new. */
  state?: CaseObligationsState;
}

export const stageChangedSignal = defineSignal<[StageChange]>('stageChanged');
/** An obligation was fulfilled (a report) or waived outside the workflow: stop timing it. */
export const obligationClosedSignal = defineSignal<[{ obligationId: string; at: string }]>('obligationClosed');
export const caseObligationsStateQuery = defineQuery<CaseObligationsState>('obligationsState');

export function caseObligationsWorkflowId(caseId: string): string {
  return `obligations-${caseId}`;
}

/** The case's stage as a visit cadence needs it: held, resumed or over. */
export interface CaseStageForVisits {
  seq: number;
  stage: string;
  at: string;
}
export const caseStageChangedSignal = defineSignal<[CaseStageForVisits]>('caseStageChanged');
