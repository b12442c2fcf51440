import type { ChainStage, Stage } from '@kampung/domain/stages';
import type { StageChange } from './case-obligations-messages';

/** Everything the workflow carries: ids and stages only. Names, reasons and stage data live in
 * PostgreSQL (transition_requests, stage_history); the workflow refers to them by request id. */
export interface CaseState {
  caseId: string;
  stage: Stage;
  resumeStage: ChainStage | null;
  /** Sequence number of the last transition; 0 is the proposal. */
  seq: number;
  allowedTransitions: Stage[];
}

export interface CaseWorkflowInput {
  caseId: string;
  programCode: string;
  kecamatanCode: string;
  /** Present when the case continues as new. */
  state?: Omit<CaseState, 'allowedTransitions'>;
  /** Moves the previous run wrote but had not yet told the obligation workflows about. */
  untold?: StageChange[];
}

export interface TransitionCommand {
  to: Stage;
  /** Whether the request stored in PostgreSQL carries a reason (the text itself stays there). */
  hasReason: boolean;
  requestId: string;
  actorId: string | null;
}

export function caseWorkflowId(caseId: string): string {
  return `case-${caseId}`;
}
