import { createRequire } from 'node:module';
import { Client } from '@temporalio/client';
import { NativeConnection, Worker, type Logger as SdkLogger, type WorkflowBundleOption } from '@temporalio/worker';
import type { Db } from '@kampung/db';
import { createActivities } from './activities';
import type { MailDeps } from './activities/mail';
import { activityFailureMetrics } from './activity-metrics';

const require = createRequire(import.meta.url);

export interface CaseWorkerOptions {
  db: Db;
  connection: NativeConnection;
  namespace: string;
  taskQueue: string;
  workflowBundlePath?: string;
  /** The workflow code bundled once for this worker and the background worker (wins over the path). */
  workflowBundle?: WorkflowBundleOption;
  /** Workflows kept in memory between tasks (default 500); a workflow evicted from the cache is
   * rebuilt from its history at its next task. */
  maxCachedWorkflows?: number;
  /** Which tasks it polls: both (the product's worker, the default), or one side only. */
  polls?: 'all' | 'workflows' | 'activities';
  /** SMTP for the mail activities. */
  mail?: MailDeps;
}

/** The case worker: the workflow code (bundled from workflows/, or prebuilt) and its activities. */
export async function createCaseWorker(options: CaseWorkerOptions): Promise<Worker> {
  const polls = options.polls ?? 'all';
  return Worker.create({
    connection: options.connection,
    namespace: options.namespace,
    taskQueue: options.taskQueue,
    ...(polls === 'activities'
      ? {}
      : options.workflowBundle
        ? { workflowBundle: options.workflowBundle }
        : options.workflowBundlePath
        ? { workflowBundle: { codePath: options.workflowBundlePath } }
        : { workflowsPath: require.resolve('@kampung/workflows/workflows') }),
    ...(polls === 'workflows'
      ? {}
      : {
          activities: createActivities({
            db: options.db,
            temporal: new Client({ connection: options.connection, namespace: options.namespace }),
            taskQueue: options.taskQueue,
            mail: options.mail,
          }),
        }),
    interceptors: { activity: [activityFailureMetrics] },
    maxCachedWorkflows: options.maxCachedWorkflows ?? 500,
    shutdownGraceTime: '20 seconds',
  });
}

export type { SdkLogger };
