/** One move of a case as the case workflow records it (a stage_history row): ids and instants only,
 * the request id naming the stored reason and data. Pure types, so the workflows may import it too
 * (workflows/src/activity-contract.ts still declares the same shape as RecordTransitionInput). */
export interface RecordedTransition {
  caseId: string;
  seq: number;
  from: string;
  to: string;
  resumeStage: string | null;
  at: string;
  actorId: string | null;
  requestId: string | null;
}
