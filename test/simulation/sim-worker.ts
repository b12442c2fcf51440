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
import { createDb, type Db } from '@kampung/db';
import { createCaseWorker } from '@kampung/worker';
import { SEARCH_ATTRIBUTES } from '@kampung/workflows';

const requireHere = createRequire(import.meta.url);
const { IndexedValueType } = proto.temporal.api.enums.v1;
/** Every type SEARCH_ATTRIBUTES uses (a new type fails to compile here until it is mapped). */
const INDEXED_VALUE_TYPES: Record<(typeof SEARCH_ATTRIBUTES)[number]['type'], proto.temporal.api.enums.v1.IndexedValueType> = {
  Keyword: IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD,
};

export interface SimWorker {
  db: Db;
  taskQueue: string;
  worker: Worker;
  /** Settles when the worker stops; rejects if it fails while running. */
  running: Promise<void>;
  /** Wall-clock milliseconds Worker.create took (mostly bundling the workflow code). */
  createMs: number;
  /** Shuts the worker down (its activities may finish), then closes the database pool. */
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
}

/** The product's workflows bundled once, as a worker would bundle them, to a file the workers of
 * a run share. */
export async function bundleSimWorkflows(path: string): Promise<string> {
  const { code } = await bundleWorkflowCode({ workflowsPath: requireHere.resolve('@kampung/workflows/workflows'), logger: new DefaultLogger('WARN') });
  await writeFile(path, code);
  return path;
}

export async function startSimWorker(options: SimWorkerOptions): Promise<SimWorker> {
  const namespace = options.env.namespace ?? 'default';
  await registerSearchAttributes(options.env, namespace);
  const db = createDb(options.databaseUrl, { max: options.dbPoolMax ?? 4 });
  const taskQueue = options.taskQueue ?? `simulation-${randomUUID()}`;
  const started = Date.now();
  let worker: Worker;
  try {
    worker = await createCaseWorker({
      db,
      connection: options.env.nativeConnection,
      namespace,
      taskQueue,
      workflowBundlePath: options.workflowBundlePath,
    });
  } catch (error) {
    await db.destroy();
    throw error;
  }
  const createMs = Date.now() - started;
  const running = worker.run();
  running.catch(() => undefined); // observed by stop() or by the test that races it
  return {
    db,
    taskQueue,
    worker,
    running,
    createMs,
    stop: async () => {
      try {
        if (worker.getState() === 'RUNNING') worker.shutdown();
        await running;
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
