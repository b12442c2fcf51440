/**
 * The product's case worker on a time-skipping environment: the real workflows (bundled from
 * workflows/ as the product bundles them) and the real activities on a real PostgreSQL, wired by
 * the worker's own `createCaseWorker()`, on a task queue of this run's own. The server gets the
 * case search attributes first, as the stack's start registers them on a dev server.
 */
import { randomUUID } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import proto from '@temporalio/proto'; // CommonJS: no named ESM exports
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { bundleWorkflowCode, DefaultLogger, type Worker } from '@temporalio/worker';
import { createDb } from '@kampung/db';
import { createCaseWorker } from '@kampung/worker';
import { SEARCH_ATTRIBUTES } from '@kampung/workflows';

const requireHere = createRequire(import.meta.url);
const { IndexedValueType } = proto.temporal.api.enums.v1;
/** Every type SEARCH_ATTRIBUTES uses (a new type fails to compile here until it is mapped). */
const INDEXED_VALUE_TYPES: Record<(typeof SEARCH_ATTRIBUTES)[number]['type'], proto.temporal.api.enums.v1.IndexedValueType> = {
  Keyword: IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD,
};

export interface SimWorker {
  taskQueue: string;
  /** Wall-clock milliseconds the workers' creation took (mostly bundling the workflow code). */
  createMs: number;
  /** Stops the activity worker (its running activities may finish) and starts a new one; the
   * workflow worker goes on. */
  restartActivities(): Promise<void>;
  /** Shuts both workers down, then closes the database pool. */
  stop(): Promise<void>;
}

export interface SimWorkerOptions {
  env: TestWorkflowEnvironment;
  databaseUrl: string;
  /** Default: `simulation-<uuid>`, so that runs never share a queue. */
  taskQueue?: string;
  /** A workflow bundle built once (see bundleSimWorkflows): a restarted worker skips the bundling. */
  workflowBundlePath?: string;
  /** Connections of the activities' pool (default 4). */
  dbPoolMax?: number;
  /** Workflows the workflow worker keeps in memory (default 500): fewer than are running, and the
   * evicted ones are rebuilt from their histories at their next task, as after a worker restart. */
  maxCachedWorkflows?: number;
}

/** The product's workflows bundled once, as a worker would bundle them, to a file the workers of
 * a run share. */
export async function bundleSimWorkflows(path: string): Promise<string> {
  const { code } = await bundleWorkflowCode({ workflowsPath: requireHere.resolve('@kampung/workflows/workflows'), logger: new DefaultLogger('WARN') });
  await writeFile(path, code);
  return path;
}

interface Running {
  worker: Worker;
  /** Settles when the worker stops; rejects if it fails while running. */
  running: Promise<void>;
}

function run(worker: Worker): Running {
  const running = worker.run();
  running.catch(() => undefined); // observed by stop()
  return { worker, running };
}

async function stopRunning({ worker, running }: Running): Promise<void> {
  if (worker.getState() === 'RUNNING') worker.shutdown();
  await running;
}

/** The product's case worker, as two: one polls the workflow tasks, one the activity tasks.
 * Temporal's Java test server sends a workflow's tasks to the sticky queue of the worker that last
 * ran it and, unlike Temporal's own server, never moves them back to the normal queue when that
 * worker is gone (no sticky schedule-to-start timeout, no ResetStickyTaskQueue): after a whole
 * worker was restarted nothing was answered again. So the simulation restarts the activity worker
 * (activities cut off mid-way are retried), and workflow state is rebuilt from history by a cache
 * smaller than the running workflows. A whole worker killed outright, on the dev server, is
 * test/integration/timer-durability.int.test.ts. */
export async function startSimWorker(options: SimWorkerOptions): Promise<SimWorker> {
  const namespace = options.env.namespace ?? 'default';
  await registerSearchAttributes(options.env, namespace);
  const db = createDb(options.databaseUrl, { max: options.dbPoolMax ?? 4 });
  const taskQueue = options.taskQueue ?? `simulation-${randomUUID()}`;
  const common = { db, connection: options.env.nativeConnection, namespace, taskQueue, workflowBundlePath: options.workflowBundlePath };
  const started = Date.now();
  let workflows: Running | undefined;
  let activities: Running | undefined;
  try {
    workflows = run(await createCaseWorker({ ...common, polls: 'workflows', maxCachedWorkflows: options.maxCachedWorkflows }));
    activities = run(await createCaseWorker({ ...common, polls: 'activities' }));
  } catch (error) {
    if (workflows) await stopRunning(workflows);
    await db.destroy();
    throw error;
  }
  const createMs = Date.now() - started;
  return {
    taskQueue,
    createMs,
    restartActivities: async () => {
      await stopRunning(activities!);
      activities = run(await createCaseWorker({ ...common, polls: 'activities' }));
    },
    stop: async () => {
      try {
        await Promise.all([stopRunning(workflows!), stopRunning(activities!)]);
      } finally {
        await db.destroy();
      }
    },
  };
}

/** The case search attributes (the case workflow starts with them). Not the worker's
 * ensureSearchAttributes(): it lists them first, and the Java test server has no
 * ListSearchAttributes (UNIMPLEMENTED); it does have AddSearchAttributes, and a fresh server has none. */
async function registerSearchAttributes(env: TestWorkflowEnvironment, namespace: string): Promise<void> {
  try {
    await env.connection.operatorService.addSearchAttributes({
      namespace,
      searchAttributes: Object.fromEntries(SEARCH_ATTRIBUTES.map(({ name, type }) => [name, INDEXED_VALUE_TYPES[type]])),
    });
  } catch (error) {
    // A worker started again on the same server (a restart): they are there already.
    if ((error as { code?: number }).code !== ALREADY_EXISTS) throw error;
  }
}
const ALREADY_EXISTS = 6; // gRPC status code
