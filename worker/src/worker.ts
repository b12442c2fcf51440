import { createRequire } from 'node:module';
import { Client } from '@temporalio/client';
import { NativeConnection, Worker, type Logger as SdkLogger } from '@temporalio/worker';
import type { Db } from '@kampung/db';
import { createActivities } from './activities';

const require = createRequire(import.meta.url);

export interface CaseWorkerOptions {
  db: Db;
  connection: NativeConnection;
  namespace: string;
  taskQueue: string;
  workflowBundlePath?: string;
}

/** The case worker: the workflow code (bundled from workflows/, or prebuilt) and its activities. */
export async function createCaseWorker(options: CaseWorkerOptions): Promise<Worker> {
  return Worker.create({
    connection: options.connection,
    namespace: options.namespace,
    taskQueue: options.taskQueue,
    ...(options.workflowBundlePath
      ? { workflowBundle: { codePath: options.workflowBundlePath } }
      : { workflowsPath: require.resolve('@kampung/workflows/workflows') }),
    activities: createActivities({
      db: options.db,
      temporal: new Client({ connection: options.connection, namespace: options.namespace }),
      taskQueue: options.taskQueue,
    }),
    maxCachedWorkflows: 500,
    shutdownGraceTime: '20 seconds',
  });
}

export type { SdkLogger };
