import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';

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

import type { CaseObligationKind } from '@kampung/domain/obligation-rules';
export type { CaseObligationKind };
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
/** A report (stored already, referred to by id) or an officer's waiver (its reason stored already)
 * closes one open case-level obligation: the workflow writes the status and stops timing it; a
 * waived evaluation during implementation is followed by the next one. Refused (ApplicationFailure
 * of an ObligationRefusal type, nothing written) when the obligation is no longer open, or, for a
 * report, while the case is on hold. */
export interface CloseObligation {
  obligationId: string;
  how: 'REPORT' | 'WAIVER';
  /** REPORT: the stored report that fulfils it. */
  reportId?: string | null;
  at: string;
  actorId: string | null;
}
export const closeObligationUpdate = defineUpdate<{ obligationId: string; status: 'FULFILLED' | 'WAIVED' }, [CloseObligation]>('closeObligation');
/** Before CASE_SERIAL_MESSAGES_PATCH only: an obligation was closed outside the workflow. Nothing sends it any more. */
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
