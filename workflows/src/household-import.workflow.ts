import { WorkflowExecutionAlreadyStartedError } from '@temporalio/common';
import { ActivityCancellationType, CancellationScope, ParentClosePolicy, isCancellation, log, proxyActivities, startChild } from '@temporalio/workflow';
import { DUPLICATE_DETECTION_WORKFLOW_ID } from './duplicate-detection-messages';
import { duplicateDetectionWorkflow } from './duplicate-detection.workflow';
import { IMPORT_FILE_UNREADABLE, type HouseholdImportActivities, type HouseholdImportInput, type HouseholdImportOutcome } from './household-import-messages';

const { runHouseholdImport } = proxyActivities<HouseholdImportActivities>({
  // A 400,000-person file takes minutes; a worker that dies is noticed by the missing heartbeat and
  // the import is run again from its stored file on another (or the restarted) worker.
  startToCloseTimeout: '2 hours',
  heartbeatTimeout: '30 seconds',
  // A cancelled import ends only once its activity has stopped (its transaction rolled back), so
  // that CANCELLED is never written beside a file that is still being written.
  cancellationType: ActivityCancellationType.WAIT_CANCELLATION_COMPLETED,
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute', maximumAttempts: 20, nonRetryableErrorTypes: [IMPORT_FILE_UNREADABLE] },
});

const { endHouseholdImport } = proxyActivities<HouseholdImportActivities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

/** One uploaded household list, from its stored file to the registry: written whole or not at all
 * (see runHouseholdImport), then duplicate detection over the registry. Cancelling the workflow
 * stops the import with nothing written, and it ends CANCELLED. */
export async function householdImportWorkflow({ importId }: HouseholdImportInput): Promise<HouseholdImportOutcome> {
  let run;
  try {
    run = await runHouseholdImport({ importId });
  } catch (error) {
    if (isCancellation(error)) {
      await CancellationScope.nonCancellable(() => endHouseholdImport({ importId, status: 'CANCELLED' }));
      throw error;
    }
    log.warn('household import failed', { importId });
    await endHouseholdImport({ importId, status: 'FAILED' });
    return 'FAILED';
  }
  if (run.outcome === 'DONE') {
    // New people may be someone already known: duplicate detection (a review queue, no change to
    // anyone) runs on as a workflow of its own, the one a reviewer starts too. If one is running
    // already it is left to finish; the import is written whatever becomes of it.
    try {
      await startChild(duplicateDetectionWorkflow, {
        workflowId: DUPLICATE_DETECTION_WORKFLOW_ID,
        args: [{ actorId: run.actorId, requestId: run.requestId }],
        parentClosePolicy: ParentClosePolicy.ABANDON,
      });
    } catch (error) {
      if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
      log.info('duplicate detection is running already', { importId });
    }
  }
  return run.outcome;
}
