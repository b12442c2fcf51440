export interface ReconcilerInput {
  /** Cases per activity. */
  pageSize?: number;
  /** Only these cases (an operator's look at a few, or a test); all open cases when absent. */
  caseIds?: string[];
  /** Present when a long pass continues as new. */
  resume?: { passId: string; after: string; casesChecked: number };
}

/** The Temporal Schedule that starts a reconciler pass (every hour unless configured). */
export const RECONCILER_SCHEDULE_ID = 'obligations-reconciler';
