/**
 * A stack whose parts may be stopped, frozen (SIGSTOP) and killed one by one, for the outage tests
 * (test/integration/dependency-outages.int.test.ts) and the outage benchmark (tools/bench/outages.ts):
 * its own PostgreSQL (data kept across a stop), a Temporal dev server on a SQLite file (workflows
 * kept across a kill), a mail catcher, and the real worker and API entry points as child processes.
 * Nothing is restarted behind the caller's back: every stop, start and signal is the caller's.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startMailCatcher, type MailCatcher } from '../mail/catcher';
import { kampungApp } from './app';
import { createLog, type Log } from './log';
import { freePort, startPostgres, type RunningPostgres } from './postgres';
import { spawnNode, type ManagedProcess } from './processes';
import { ROOT } from './throwaway-stack';
import type { UserSpec } from './stack';
import { resolveTemporalCli } from './temporal-cli';
import { startTemporalDevServer, type RunningTemporal } from './temporal-server';

export interface OutageStackOptions {
  /** Who may sign in (created with the schema). */
  users: readonly UserSpec[];
  taskQueue?: string;
  namespace?: string;
  /** The Temporal CLI (default: TEMPORAL_CLI, PATH, the build cache). */
  temporalCli?: string;
  /** Where the services' output goes (default: nowhere; each process keeps its last lines, see `tail`). */
  log?: Log;
}

export type AppProcessName = 'worker' | 'api';

/** A worker started again: when it was spawned, and when its Temporal worker reported RUNNING. */
export interface WorkerStart {
  spawnedAt: number;
  runningAt: number;
}

export interface OutageStack {
  /** http://127.0.0.1:<port> */
  readonly apiUrl: string;
  /** The same URL across a stop and start of PostgreSQL (same port, same data). */
  readonly databaseUrl: string;
  readonly temporalAddress: string;
  stopPostgres(): Promise<void>;
  /** Starts PostgreSQL again on its port and data; resolves once it accepts connections. */
  startPostgres(): Promise<void>;
  /** Signals the postmaster and its backends (SIGSTOP freezes the whole server, SIGCONT thaws it). */
  signalPostgres(signal: NodeJS.Signals): void;
  /** SIGKILL of the Temporal server; resolves once it is gone. */
  killTemporal(): Promise<void>;
  /** Starts the Temporal server again on its port and SQLite file; resolves once it serves. */
  startTemporal(): Promise<void>;
  signalTemporal(signal: NodeJS.Signals): void;
  /** `kill -9` of the worker; resolves once it is gone. */
  killWorker(): Promise<void>;
  /** A new worker process (with `env` added to its environment, e.g. WORKFLOW_BUNDLE); resolves once its worker is RUNNING. */
  startWorker(env?: Record<string, string>): Promise<WorkerStart>;
  signalApi(signal: NodeJS.Signals): void;
  /** Resolves with the API's exit code (null after a signal) once it has exited. */
  apiExited(): Promise<number | null>;
  /** Whether the process is still running. */
  isRunning(name: AppProcessName): boolean;
  /** The last lines of a process's output, for a failure message. */
  tail(name: AppProcessName): string;
  /** A folder of the stack's, removed with it. */
  readonly dir: string;
  /** Stops everything that still runs and removes the data. */
  stop(): Promise<void>;
}

const READY_TIMEOUT_MS = 120_000;

export async function startOutageStack(options: OutageStackOptions): Promise<OutageStack> {
  const log = options.log ?? createLog('outage', { sink: () => {} });
  const taskQueue = options.taskQueue ?? 'outage-test';
  const namespace = options.namespace ?? 'default';
  const dir = await mkdtemp(join(tmpdir(), 'kampung-outage-'));
  let pg: RunningPostgres | undefined;
  let temporal: RunningTemporal | undefined;
  let catcher: MailCatcher | undefined;
  const processes: Partial<Record<AppProcessName, { child: ManagedProcess; running: boolean }>> = {};

  const stopAll = async () => {
    for (const name of ['api', 'worker'] as const) {
      const entry = processes[name];
      if (entry?.running) await entry.child.stop();
    }
    await temporal?.stop();
    await pg?.stop();
    await catcher?.stop();
    await rm(dir, { recursive: true, force: true });
  };

  try {
    const pgPort = await freePort();
    const startPg = () => startPostgres({ dataDir: dir, port: pgPort, log: log.child('postgres') });
    pg = await startPg();
    const databaseUrl = pg.url;
    await kampungApp.prepareDatabase(databaseUrl, options.users);

    const cli = await resolveTemporalCli(log, { cliPath: options.temporalCli ?? process.env.TEMPORAL_CLI });
    const temporalPort = await freePort();
    const startTemporal = () =>
      startTemporalDevServer({
        cli,
        port: temporalPort,
        headless: true,
        dbFile: join(dir, 'temporal.sqlite'),
        namespace,
        searchAttributes: kampungApp.searchAttributes,
        log: log.child('temporal'),
      });
    temporal = await startTemporal();
    const temporalProcess = () => {
      if (!temporal?.process) throw new Error('the Temporal server runs without a process of ours (no Temporal CLI): it cannot be signalled');
      return temporal.process;
    };

    catcher = await startMailCatcher({ smtpPort: 0, webPort: 0 });
    const apiPort = await freePort();
    const childEnv: NodeJS.ProcessEnv = {
      ...process.env,
      DATABASE_URL: databaseUrl,
      TEMPORAL_ADDRESS: temporal.address,
      TEMPORAL_NAMESPACE: namespace,
      TEMPORAL_TASK_QUEUE: taskQueue,
      SMTP_URL: catcher.smtpUrl,
      MAIL_FROM: 'Kampung Outage <no-reply@kampung.test>',
      LOG_LEVEL: 'info',
      HOST: '127.0.0.1',
      PORT: String(apiPort),
      WEB_DIST_DIR: '/nonexistent',
    };

    /** Spawns the entry point; resolves once a line of its output matches `ready`. */
    const spawnApp = (name: AppProcessName, ready: RegExp, env: Record<string, string> = {}): Promise<ManagedProcess> => {
      const sink = log.child(name).sink;
      return new Promise((resolve, reject) => {
        let started = false;
        const child: ManagedProcess = spawnNode({
          name,
          entry: join(ROOT, name === 'api' ? kampungApp.apiEntry : kampungApp.workerEntry),
          cwd: ROOT,
          env: { ...childEnv, ...env },
          stopTimeoutMs: 15_000,
          sink: (line) => {
            sink(line);
            if (!started && ready.test(line)) {
              started = true;
              clearTimeout(timer);
              resolve(child);
            }
          },
        });
        const entry = { child, running: true };
        processes[name] = entry;
        void child.exited.then(({ code, signal }) => {
          entry.running = false;
          if (!started) {
            clearTimeout(timer);
            reject(new Error(`${name} exited during start-up (${signal ?? `exit code ${code}`}):\n${child.tail()}`));
          }
        });
        const timer = setTimeout(() => {
          if (started) return;
          void child.stop();
          reject(new Error(`${name} was not ready within ${READY_TIMEOUT_MS / 1000} s:\n${child.tail()}`));
        }, READY_TIMEOUT_MS);
      });
    };
    // The Temporal SDK's "Worker state changed" line, and the API's own.
    const spawnWorker = (env?: Record<string, string>) => spawnApp('worker', /\bstate=RUNNING\b/, env);
    const spawnApi = () => spawnApp('api', /\bapi listening\b/);
    await Promise.all([spawnWorker(), spawnApi()]);

    const current = (name: AppProcessName) => {
      const entry = processes[name];
      if (!entry) throw new Error(`no ${name} was started`);
      return entry;
    };

    return {
      apiUrl: `http://127.0.0.1:${apiPort}`,
      dir,
      databaseUrl,
      temporalAddress: temporal.address,
      async stopPostgres() {
        await pg?.stop();
        pg = undefined;
      },
      async startPostgres() {
        if (pg) throw new Error('PostgreSQL is running');
        pg = await startPg();
      },
      signalPostgres(signal) {
        if (!pg) throw new Error('PostgreSQL is not running');
        signalProcessAndChildren(pg.process.pid, signal);
      },
      async killTemporal() {
        const child = temporalProcess();
        signalGroup(child.pid, 'SIGKILL');
        await child.exited;
        temporal = undefined;
      },
      async startTemporal() {
        if (temporal) throw new Error('Temporal is running');
        temporal = await startTemporal();
      },
      signalTemporal(signal) {
        signalGroup(temporalProcess().pid, signal);
      },
      async killWorker() {
        const { child, running } = current('worker');
        if (!running) return;
        process.kill(child.pid, 'SIGKILL');
        await child.exited;
      },
      async startWorker(env) {
        if (processes.worker?.running) throw new Error('a worker is running');
        const spawnedAt = Date.now();
        await spawnWorker(env);
        return { spawnedAt, runningAt: Date.now() };
      },
      signalApi(signal) {
        process.kill(current('api').child.pid, signal);
      },
      async apiExited() {
        return (await current('api').child.exited).code;
      },
      isRunning: (name) => processes[name]?.running === true,
      tail: (name) => processes[name]?.child.tail() ?? '',
      stop: stopAll,
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}

const signalGroup = (pid: number, signal: NodeJS.Signals) => process.kill(-pid, signal);

/** PostgreSQL puts every backend in a session of its own (setsid), so its process group is the
 * postmaster alone: the whole server is the postmaster and its children. */
function signalProcessAndChildren(parent: number, signal: NodeJS.Signals): void {
  const children = execFileSync('ps', ['-A', '-o', 'pid=,ppid='], { encoding: 'utf8' })
    .split('\n')
    .map((line) => line.trim().split(/\s+/).map(Number))
    .filter(([, ppid]) => ppid === parent)
    .map(([pid]) => pid!);
  for (const pid of [parent, ...children]) {
    try {
      process.kill(pid, signal);
    } catch {
      // a backend that ended meanwhile
    }
  }
}

/** Asks until `done` says the answer is the one awaited, every `everyMs` (counted from the start of
 * each ask); answers the last answer, when it came, and every answer on the way. Throws after `timeoutMs`. */
export async function askUntil<T>(
  ask: () => Promise<T>,
  done: (answer: T) => boolean,
  { everyMs, timeoutMs = 60_000, what = 'the awaited answer' }: { everyMs: number; timeoutMs?: number; what?: string },
): Promise<{ last: T; at: number; answers: T[] }> {
  const start = Date.now();
  const answers: T[] = [];
  for (;;) {
    const asked = Date.now();
    const answer = await ask();
    answers.push(answer);
    if (done(answer)) return { last: answer, at: Date.now(), answers };
    if (Date.now() - start > timeoutMs) throw new Error(`no ${what} within ${timeoutMs} ms; the last: ${JSON.stringify(answer)}`);
    await new Promise((r) => setTimeout(r, Math.max(0, everyMs - (Date.now() - asked))));
  }
}
