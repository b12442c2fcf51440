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
