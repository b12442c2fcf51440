/** One detection at a time over the whole registry: a second request while one runs joins it. */
export const DUPLICATE_DETECTION_WORKFLOW_ID = 'duplicate-detection';

/** Who asked (ids only; an import's detection is asked by the person who uploaded the file). */
export interface DuplicateDetectionInput {
  actorId: string;
  requestId: string | null;
}

export interface DuplicateRunSummary {
  /** People compared (all not merged away). */
  people: number;
  /** Candidate pairs found, and how many of them were new to the review queue. */
  candidates: number;
  new: number;
}

export interface DuplicateDetectionActivities {
  /** Compares the registry's people (in a process of its own, so that the worker goes on answering)
   * and puts new pairs in the review queue, with an audit entry. Heartbeats while it runs; safe to
   * repeat (a pair found before keeps its state). */
  detectDuplicates(input: DuplicateDetectionInput): Promise<DuplicateRunSummary>;
}
