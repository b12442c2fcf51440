/** Household imports and duplicate detection run on their own task queue (the API's
 * BACKGROUND_TASK_QUEUE, the worker's too), so that a long import never waits behind case work, nor
 * case work behind it. */
export const DEFAULT_BACKGROUND_TASK_QUEUE = 'kampung-background';

/** An import's workflow carries its id only: the file waits in PostgreSQL (personal data, and up to
 * 100 MB), its rows are read there by the activities. */
export interface HouseholdImportInput {
  importId: string;
}

export const householdImportWorkflowId = (importId: string) => `household-import-${importId}`;

/** How an import ended: written whole (DONE), refused whole with a report (REFUSED), stopped by a
 * person (CANCELLED) or failed (FAILED); in none of them is anything half-written. */
export type HouseholdImportOutcome = 'DONE' | 'REFUSED' | 'CANCELLED' | 'FAILED';

/** What the run of an import answers: its outcome, and whom the duplicate detection after it is
 * audited for (ids only). */
export interface HouseholdImportRun {
  outcome: 'DONE' | 'REFUSED';
  actorId: string;
  requestId: string | null;
}

/** The failure type of a file that cannot be read (not a CSV or XLSX it claims to be): a retry would
 * read it the same way, so it is not retried. */
export const IMPORT_FILE_UNREADABLE = 'IMPORT_FILE_UNREADABLE';

export interface HouseholdImportActivities {
  /** Reads the stored file, checks every row and, if none is refused, writes the whole file in one
   * transaction (with the import's status DONE); otherwise records REFUSED with its report.
   * Heartbeats with the rows processed, which it also writes to the import row the web polls. A
   * retry starts again from the file: nothing of an attempt that did not commit was written, and one
   * that did commit is found DONE and not written again. */
  runHouseholdImport(input: HouseholdImportInput): Promise<HouseholdImportRun>;
  /** Ends an import that is still running as CANCELLED or FAILED (an ended one keeps its status)
   * and deletes its file; answers the status it has now. */
  endHouseholdImport(input: HouseholdImportInput & { status: 'CANCELLED' | 'FAILED' }): Promise<string>;
}
