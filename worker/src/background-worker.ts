import { createRequire } from 'node:module';
import { bundleWorkflowCode, NativeConnection, Runtime, Worker, type WorkflowBundleOption } from '@temporalio/worker';
import type { Db } from '@kampung/db';
import { createDuplicateDetectionActivities } from './activities/duplicates';
import { createHouseholdImportActivities } from './activities/household-import';
import { activityFailureMetrics } from './activity-metrics';

const require = createRequire(import.meta.url);

export interface BackgroundWorkerOptions {
  db: Db;
  /** For the duplicate detection process, which opens its own connection. */
  databaseUrl: string;
  connection: NativeConnection;
  namespace: string;
  /** BACKGROUND_TASK_QUEUE: imports and duplicate detection, apart from the case work. */
  taskQueue: string;
  workflowBundle: WorkflowBundleOption;
}

/** The workflow code both workers run: the prebuilt bundle when there is one, else bundled here
 * once (bundling takes seconds: twice would double the worker's start). */
export async function sharedWorkflowBundle(prebuiltPath: string | undefined): Promise<WorkflowBundleOption> {
  if (prebuiltPath) return { codePath: prebuiltPath };
  return bundleWorkflowCode({ workflowsPath: require.resolve('@kampung/workflows/workflows'), logger: Runtime.instance().logger });
}

/** The background worker: household imports and duplicate detection (their workflows, from the same
 * bundle as the case worker's, and their activities), on a task queue of their own so that a long
 * import never holds up case work. It runs in the worker process beside the case worker. */
export async function createBackgroundWorker(options: BackgroundWorkerOptions): Promise<Worker> {
  return Worker.create({
    connection: options.connection,
    namespace: options.namespace,
    taskQueue: options.taskQueue,
    workflowBundle: options.workflowBundle,
    activities: {
      ...createHouseholdImportActivities({ db: options.db }),
      ...createDuplicateDetectionActivities({ db: options.db, databaseUrl: options.databaseUrl }),
    },
    interceptors: { activity: [activityFailureMetrics] },
    // Heartbeats reach the server at most once a second (not every 24 s, 0.8 of their timeout): a
    // cancellation comes back in the answer to one, so an import stops within a second or two.
    maxHeartbeatThrottleInterval: '1 second',
    defaultHeartbeatThrottleInterval: '1 second',
    // An import holds its rows in memory: two imports at a time per worker at most, beside the one
    // duplicate detection that runs at a time (in a process of its own).
    maxConcurrentActivityTaskExecutions: 3,
    shutdownGraceTime: '20 seconds',
  });
}

/** Runs the workers until each has stopped; if one fails, the others are shut down too (the
 * process then ends with its error instead of running half its work). */
export async function runTogether(workers: Worker[]): Promise<void> {
  const results = await Promise.allSettled(
    workers.map((worker) =>
      worker.run().catch((error: unknown) => {
        for (const other of workers) if (other !== worker && other.getState() === 'RUNNING') other.shutdown();
        throw error;
      }),
    ),
  );
  const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) throw failed.reason;
}
