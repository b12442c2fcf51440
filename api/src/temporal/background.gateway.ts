/**
 * The API's door to the background workflows (household imports, duplicate detection), which run on
 * their own task queue (BACKGROUND_TASK_QUEUE) on the worker. The API starts and cancels them and
 * waits for them within a bound; their progress it reads from PostgreSQL, never from Temporal.
 * Their arguments are ids only.
 */
import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import {
  DUPLICATE_DETECTION_WORKFLOW_ID,
  householdImportWorkflowId,
  type DuplicateDetectionInput,
  type DuplicateRunSummary,
} from '@kampung/workflows';
import { duplicateDetectionWorkflow, householdImportWorkflow } from '@kampung/workflows/workflows';
import { AppError, unavailable } from '../errors';

export interface BackgroundDeps {
  temporal: Client;
  /** BACKGROUND_TASK_QUEUE */
  backgroundTaskQueue: string;
}

const noAnswer = (what: string, error: unknown) =>
  unavailable('Temporal', `${what}: the workflow service (Temporal) did not answer (${(error as Error).message}); try again shortly`);

/** Waits for a workflow's end at most `ms`: true if it ended (however), false if still running. */
async function ended(deps: BackgroundDeps, workflowId: string, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  try {
    await deps.temporal.withDeadline(deadline, () => deps.temporal.workflow.getHandle(workflowId).result());
    return true;
  } catch (error) {
    if (Date.now() >= deadline - 50) return false;
    if (error instanceof WorkflowNotFoundError) return true;
    // It failed or was cancelled: it has ended.
    if ((error as Error).name === 'WorkflowFailedError') return true;
    throw noAnswer('The import was not followed to its end', error);
  }
}

export const backgroundGateway = {
  /** Starts an uploaded import's workflow (its id from the import's). If it cannot be started, `undo`
   * takes the upload back and the failure is answered as SERVICE_UNAVAILABLE. */
  async startImport(deps: BackgroundDeps, importId: string, undo: () => Promise<void>): Promise<void> {
    try {
      await deps.temporal.workflow.start(householdImportWorkflow, {
        taskQueue: deps.backgroundTaskQueue,
        workflowId: householdImportWorkflowId(importId),
        args: [{ importId }],
      });
    } catch (error) {
      await undo();
      throw noAnswer('The import could not be started; nothing was kept', error);
    }
  },

  /** Asks a running import to stop, and waits for it up to `waitMs` (its activity stops at its next
   * heartbeat, and the import is then CANCELLED). An import whose workflow has ended is left as it is. */
  async cancelImport(deps: BackgroundDeps, importId: string, waitMs: number): Promise<void> {
    const workflowId = householdImportWorkflowId(importId);
    try {
      await deps.temporal.workflow.getHandle(workflowId).cancel();
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) return;
      throw noAnswer('The import could not be cancelled', error);
    }
    await ended(deps, workflowId, waitMs);
  },

  /** Runs duplicate detection, or joins the one running (its workflow id is fixed, so two clicks run
   * it once), and answers its summary if it ends within `waitMs`, else null (it goes on). */
  async detectDuplicates(deps: BackgroundDeps, input: DuplicateDetectionInput, waitMs: number): Promise<DuplicateRunSummary | null> {
    let handle;
    try {
      handle = await deps.temporal.workflow.start(duplicateDetectionWorkflow, {
        taskQueue: deps.backgroundTaskQueue,
        workflowId: DUPLICATE_DETECTION_WORKFLOW_ID,
        args: [input],
        workflowIdConflictPolicy: 'USE_EXISTING',
        workflowIdReusePolicy: 'ALLOW_DUPLICATE',
      });
    } catch (error) {
      throw noAnswer('Duplicate detection could not be started', error);
    }
    const deadline = Date.now() + waitMs;
    try {
      return await deps.temporal.withDeadline(deadline, () => handle.result());
    } catch (error) {
      if (Date.now() >= deadline - 50) return null;
      if ((error as Error).name === 'WorkflowFailedError') throw new AppError('INTERNAL', 'Duplicate detection failed; try again, or tell the administrator');
      throw noAnswer('Duplicate detection was not followed to its end', error);
    }
  },
};
