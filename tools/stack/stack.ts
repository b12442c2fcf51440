/**
 * Starts the whole stack in order and stops it in reverse:
 *   PostgreSQL → schema, reference data, users → Temporal → web build → worker → api
 * Used by `npm start` (persistent, on fixed ports, each process supervised: restarted when it
 * dies, see ./supervisor.ts) and `npm test` (throwaway, on free ports: a process that dies is
 * reported, not hidden). What is specific to this application (its packages, entry
 * points, users, demo data) comes in as `app` (see ./app.ts).
 */
import { join } from 'node:path';
import type { Client, Connection } from '@temporalio/client';
import { createLog, describeError, type LineSink, type Log } from './log';
import { startPostgres } from './postgres';
import { describeExit, spawnNode, type Exit, type ManagedProcess } from './processes';
import { supervise, type RestartPolicy, type Running } from './supervisor';
import type { TemporalCli } from './temporal-cli';
import { startTemporalDevServer, type SearchAttributeSpec } from './temporal-server';
import { buildWebIfStale } from './web';
import { waitWorkerPolling } from './worker-polling';

export interface UserSpec {
  email: string;
  name: string;
  role: string;
  password: string;
}

/** The application's own start-up steps. */
export interface AppSteps {
  /** Entry points, relative to the repository root. */
  workerEntry: string;
  apiEntry: string;
  searchAttributes: readonly SearchAttributeSpec[];
  demoUsers: readonly UserSpec[];
  /** Migrations, reference data, and the given users (idempotent). */
  prepareDatabase(databaseUrl: string, users: readonly UserSpec[]): Promise<void>;
  /** Registers the search attributes on a server we did not start. */
  ensureSearchAttributes(connection: Connection, namespace: string): Promise<void>;
  /** Demo cases (idempotent); resolves to the number of cases it created. */
  seedDemo(input: { databaseUrl: string; client: Client; taskQueue: string }): Promise<number>;
}

export interface StackOptions {
  root: string;
  dataDir: string;
  app: AppSteps;
  log: Log;
  colour: boolean;
  /** An existing server (`url`) or embedded PostgreSQL in `<dataDir>/postgres`. */
  database: { url: string } | { embeddedPort: number };
  /** An existing server (`address`) or a dev server (in memory unless dbFile; headless unless uiPort). */
  temporal: { address: string } | { cli: TemporalCli; port: number; uiPort?: number; dbFile?: string };
  namespace: string;
  taskQueue: string;
  apiPort: number;
  logLevel: string;
  users: readonly UserSpec[];
  /** Where a process's output goes (default: the stack log, with colours). */
  sinkFor?: (name: ServiceName) => LineSink;
  /** Without `supervise`: called once when a process of the stack exits without being asked to. */
  onUnexpectedExit?: (name: string, exit: Exit, tail: string) => void;
  /** Restart a process that exits without being asked to (once started); `onGiveUp` when one fails
   * too often in a row to be kept running. */
  supervise?: { policy?: RestartPolicy; onGiveUp(name: string, message: string): void };
  /** Aborting stops the start-up after the current step (and what was started). */
  signal?: AbortSignal;
  /** Where the worker sends mail (SMTP_URL, MAIL_FROM, and optionally MAIL_EVERY). */
  mail: { SMTP_URL: string; MAIL_FROM: string; MAIL_EVERY?: string };
}

export type ServiceName = 'postgres' | 'temporal' | 'worker' | 'api';

export interface RunningStack {
  databaseUrl: string;
  temporalAddress: string;
  temporalUiUrl?: string;
  appUrl: string;
  dataDir: string;
  /** The application's processes now (for the benchmark's memory readings). */
  readonly pids: { readonly api: number; readonly worker: number };
  /** Stops api, worker, Temporal, PostgreSQL in that order. */
  stop(): Promise<void>;
}

const HEALTH_TIMEOUT_MS = 90_000;
/** The worker's default for BACKGROUND_TASK_QUEUE (worker/src/config.ts). */
const DEFAULT_BACKGROUND_TASK_QUEUE = 'kampung-background';

export async function startStack(options: StackOptions): Promise<RunningStack> {
  const { log, root, app, signal } = options;
  // A service's own log: to its sink when one is given (plain text), else to the stack's output.
  const serviceLog = (name: ServiceName): { log: Log; colour: boolean } => {
    const sink = options.sinkFor?.(name);
    return sink ? { log: createLog(name, { sink, colour: false }), colour: false } : { log: log.child(name), colour: options.colour };
  };
  const stoppers: { name: string; stop: () => Promise<void> }[] = [];
  let reported = false;

  const watch = (child: ManagedProcess) => {
    void child.exited.then((exit) => {
      if (child.stopping || reported) return;
      reported = true;
      options.onUnexpectedExit?.(child.name, exit, child.tail());
    });
  };
  /** Registers a started component: supervised (restarted by `restart`) or watched. The answer
   * gives its process now. */
  const keep = (label: string, first: Running, restart: (signal: AbortSignal) => Promise<Running>): (() => ManagedProcess) => {
    if (!options.supervise) {
      stoppers.push({ name: label, stop: first.stop });
      watch(first.process);
      return () => first.process;
    }
    const { policy, onGiveUp } = options.supervise;
    const component = supervise({ name: label, first, start: restart, policy, log, onGiveUp: (message) => onGiveUp(label, message) });
    stoppers.push({ name: label, stop: component.stop });
    return () => component.current;
  };
  // Safe to call concurrently and repeatedly: each call also stops what was started since.
  let stopping = Promise.resolve();
  const stopAll = (): Promise<void> => {
    stopping = stopping.then(async () => {
      for (const { name, stop } of stoppers.reverse().splice(0)) {
        const started = Date.now();
        try {
          await stop();
          log.info(`${name} stopped (${formatMs(Date.now() - started)})`);
        } catch (error) {
          log.error(`Stopping ${name} failed: ${describeError(error)}`);
        }
      }
    });
    return stopping;
  };
  const step = async <T>(name: string, run: () => Promise<T>): Promise<T> => {
    signal?.throwIfAborted();
    const started = Date.now();
    const result = await run();
    log.info(`${name} (${formatMs(Date.now() - started)})`);
    return result; // an abort now is noticed by the next step, once this one's stopper is registered
  };

  try {
    // PostgreSQL
    let databaseUrl: string;
    if ('url' in options.database) {
      databaseUrl = options.database.url;
    } else {
      const { embeddedPort } = options.database;
      const pgLog = serviceLog('postgres');
      const pg = await step(`PostgreSQL ready on 127.0.0.1:${embeddedPort}`, () =>
        startPostgres({ dataDir: options.dataDir, port: embeddedPort, ...pgLog, signal }),
      );
      keep('PostgreSQL', pg, (restartSignal) => startPostgres({ dataDir: options.dataDir, port: embeddedPort, ...pgLog, signal: restartSignal }));
      databaseUrl = pg.url;
    }
    await step('Database migrated, reference data and users in place', () => app.prepareDatabase(databaseUrl, options.users));

    // Temporal
    let temporalAddress: string;
    let temporalUiUrl: string | undefined;
    if ('address' in options.temporal) {
      temporalAddress = options.temporal.address;
      await step(`Connected to Temporal at ${temporalAddress}, search attributes registered`, () =>
        withTemporalConnection(temporalAddress, (connection) => app.ensureSearchAttributes(connection, options.namespace)),
      );
    } else {
      const { cli, port, uiPort, dbFile } = options.temporal;
      const temporalLog = serviceLog('temporal');
      const startTemporal = (startSignal?: AbortSignal) =>
        startTemporalDevServer({
          cli,
          port,
          uiPort,
          headless: uiPort === undefined,
          dbFile,
          namespace: options.namespace,
          searchAttributes: app.searchAttributes,
          ...temporalLog,
          signal: startSignal,
        });
      const temporal = await step(`Temporal dev server ready on 127.0.0.1:${port}${dbFile ? '' : ' (in memory)'}`, () => startTemporal(signal));
      const temporalProcess = temporal.process;
      if (temporalProcess) {
        keep('Temporal', { process: temporalProcess, stop: temporal.stop }, async (restartSignal) => {
          const again = await startTemporal(restartSignal);
          if (!again.process) throw new Error('the Temporal dev server came back without a process to watch');
          return { process: again.process, stop: again.stop };
        });
      } else {
        // Run by the Temporal SDK (downloaded): it has no process of ours to watch or restart.
        stoppers.push({ name: 'Temporal', stop: temporal.stop });
      }
      temporalAddress = temporal.address;
      temporalUiUrl = temporal.uiUrl;
    }

    // Web app, then the worker and the api
    await step('Web app ready', () => buildWebIfStale(root, log, options.colour, signal));
    const childEnv: NodeJS.ProcessEnv = {
      ...process.env,
      DATABASE_URL: databaseUrl,
      TEMPORAL_ADDRESS: temporalAddress,
      TEMPORAL_NAMESPACE: options.namespace,
      TEMPORAL_TASK_QUEUE: options.taskQueue,
      PORT: String(options.apiPort),
      LOG_LEVEL: options.logLevel,
      WEB_DIST_DIR: join(root, 'web', 'dist'),
      ...options.mail,
      ...(temporalUiUrl ? { TEMPORAL_UI_URL: temporalUiUrl } : {}),
    };
    const spawnChild = (name: 'worker' | 'api', entry: string): (() => ManagedProcess) => {
      const output = serviceLog(name);
      const spawnIt = (): Running => {
        const child = spawnNode({
          name,
          entry: join(root, entry),
          cwd: root,
          env: childEnv,
          sink: output.log.sink,
          colour: output.colour,
          stopTimeoutMs: 15_000,
        });
        return { process: child, stop: async () => void (await child.stop()) };
      };
      // Started again as soon as spawned: a run that ends early counts as a quick failure.
      return keep(name, spawnIt(), async () => spawnIt());
    };
    const worker = spawnChild('worker', app.workerEntry);
    const api = spawnChild('api', app.apiEntry);
    const appUrl = `http://127.0.0.1:${options.apiPort}`;
    await step(`api healthy at ${appUrl}/healthz`, () => waitHealthy(`${appUrl}/healthz`, [api(), worker()], signal));
    const taskQueues = [options.taskQueue, childEnv.BACKGROUND_TASK_QUEUE || DEFAULT_BACKGROUND_TASK_QUEUE];
    await step(`worker polling ${taskQueues.join(' and ')}`, () =>
      waitWorkerPolling({ temporalAddress, namespace: options.namespace, taskQueues, worker: worker(), timeoutMs: HEALTH_TIMEOUT_MS, signal }),
    );
    signal?.throwIfAborted();

    return {
      databaseUrl,
      temporalAddress,
      temporalUiUrl,
      appUrl,
      dataDir: options.dataDir,
      pids: {
        get api() {
          return api().pid;
        },
        get worker() {
          return worker().pid;
        },
      },
      stop: stopAll,
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}

/** Polls GET url until 200; fails early (with its last output) if one of `children` exits. */
async function waitHealthy(url: string, children: ManagedProcess[], signal?: AbortSignal): Promise<void> {
  const deadline = Date.now() + HEALTH_TIMEOUT_MS;
  const exits = new Map<ManagedProcess, Exit>();
  for (const child of children) void child.exited.then((exit) => exits.set(child, exit));
  let last = 'no answer yet';
  while (Date.now() < deadline) {
    signal?.throwIfAborted();
    const [exited] = exits;
    if (exited) {
      const [child, exit] = exited;
      throw new Error(`${child.name} exited during start-up (${describeExit(exit)}):\n${child.tail()}`);
    }
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      if (response.status === 200) return;
      last = `HTTP ${response.status}`;
    } catch (error) {
      last = error instanceof Error ? error.message : String(error);
    }
    await sleep(250);
  }
  throw new Error(`${url} did not answer 200 within ${HEALTH_TIMEOUT_MS / 1000} s (last: ${last})`);
}

export async function withTemporalConnection<T>(address: string, run: (connection: Connection) => Promise<T>): Promise<T> {
  const { Connection } = await import('@temporalio/client');
  const connection = await Connection.connect({ address, connectTimeout: 10_000 });
  try {
    return await run(connection);
  } finally {
    await connection.close();
  }
}

export function formatMs(ms: number): string {
  return ms < 1_000 ? `${ms} ms` : `${(ms / 1000).toFixed(1)} s`;
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
