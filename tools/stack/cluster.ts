/**
 * The cluster form: the product in production shape on this machine, no Docker.
 *   PostgreSQL (embedded; app data and Temporal's) → the real Temporal server on it
 *   (./temporal-cluster-server.ts) → replica 1 (migrations, users, search attributes, web build,
 *   a worker and an api) → replica 2 (another worker and api, same database, same Temporal)
 *   → a round-robin proxy in front of the two apis.
 * Each replica is a `startStack` against the shared PostgreSQL and Temporal (./stack.ts), so the
 * replicas start, are supervised and stop exactly as in `npm start`. Used by `npm run
 * start:cluster` (./start-cluster.ts), the cluster test and the cluster benchmark.
 */
import { join } from 'node:path';
import { createLog, prefixFor, type LineSink, type Log } from './log';
import { freePort, startPostgres } from './postgres';
import type { Exit, ManagedProcess } from './processes';
import { startRoundRobinProxy, type RoundRobinProxy } from './round-robin-proxy';
import { startStack, formatMs, type AppSteps, type RunningStack, type UserSpec } from './stack';
import { supervise, type RestartPolicy, type Running } from './supervisor';
import { launchTemporalCluster, prepareTemporalCluster, type RunningTemporalCluster } from './temporal-cluster-server';
import { resolveTemporalServer } from './temporal-server-build';

export interface ClusterOptions {
  root: string;
  /** PostgreSQL in `<dataDir>/postgres`, Temporal's config in `<dataDir>/temporal-cluster`. */
  dataDir: string;
  app: AppSteps;
  log: Log;
  colour: boolean;
  pgPort: number;
  /** Temporal frontend port (free one when omitted). */
  temporalPort?: number;
  /** One api per port: as many replicas (each with its worker) as ports. */
  apiPorts: readonly number[];
  /** A round-robin proxy in front of the apis on this port; none when omitted. */
  proxyPort?: number;
  namespace: string;
  taskQueue: string;
  logLevel: string;
  users: readonly UserSpec[];
  mail: { SMTP_URL: string; MAIL_FROM: string; MAIL_EVERY?: string };
  /** Where a process's output goes, by name (`postgres`, `temporal`, `api-1`, `worker-2`…); default the log. */
  sinkFor?: (name: string) => LineSink;
  /** Restart what dies (npm run start:cluster); without it a death is only reported (tests). */
  supervise?: { policy?: RestartPolicy; onGiveUp(name: string, message: string): void };
  onUnexpectedExit?: (name: string, exit: Exit, tail: string) => void;
  /** TEMPORAL_SERVER_DIR: prebuilt binaries instead of the cached Go build. */
  temporalServerDir?: string;
  signal?: AbortSignal;
}

export interface Replica {
  /** 1, 2, … */
  index: number;
  appUrl: string;
  /** The replica's processes now (after a supervised restart, the new ones). */
  readonly pids: { readonly api: number; readonly worker: number };
  stack: RunningStack;
}

export interface RunningCluster {
  databaseUrl: string;
  temporalAddress: string;
  temporalMetricsUrl: string;
  /** The proxy's URL, or the first replica's without a proxy. */
  appUrl: string;
  replicas: Replica[];
  readonly temporalPid: number;
  dataDir: string;
  stop(): Promise<void>;
}

export async function startCluster(options: ClusterOptions): Promise<RunningCluster> {
  const { log, signal } = options;
  const sinkOf = (name: string): LineSink => options.sinkFor?.(name) ?? log.sink;
  const stoppers: { name: string; stop: () => Promise<void> }[] = [];
  const stopAll = async () => {
    for (const { name, stop } of stoppers.reverse().splice(0)) {
      const started = Date.now();
      await stop().then(
        () => log.info(`${name} stopped (${formatMs(Date.now() - started)})`),
        (error: unknown) => log.error(`Stopping ${name} failed: ${String(error)}`),
      );
    }
  };
  /** A shared component, restarted by the supervisor or watched. */
  const keep = (name: string, first: Running, restart: (restartSignal: AbortSignal) => Promise<Running>): (() => ManagedProcess) => {
    if (!options.supervise) {
      stoppers.push({ name, stop: first.stop });
      void first.process.exited.then((exit) => {
        if (!first.process.stopping) options.onUnexpectedExit?.(name, exit, first.process.tail());
      });
      return () => first.process;
    }
    const { policy, onGiveUp } = options.supervise;
    const component = supervise({ name, first, start: restart, policy, log, onGiveUp: (message) => onGiveUp(name, message) });
    stoppers.push({ name, stop: component.stop });
    return () => component.current;
  };
  const serviceLog = (name: string) => createLog(name, { sink: sinkOf(name), colour: options.sinkFor ? false : options.colour });

  try {
    // The Temporal server binaries first: the one slow step (a Go build) the first time.
    const binaries = await resolveTemporalServer(log, { dir: options.temporalServerDir, signal });

    const pgLog = serviceLog('postgres');
    const startPg = (pgSignal?: AbortSignal) =>
      startPostgres({ dataDir: options.dataDir, port: options.pgPort, log: pgLog, colour: options.colour, signal: pgSignal });
    let started = Date.now();
    const pg = await startPg(signal);
    keep('PostgreSQL', pg, startPg);
    log.info(`PostgreSQL ready on 127.0.0.1:${options.pgPort} (${formatMs(Date.now() - started)})`);

    signal?.throwIfAborted();
    started = Date.now();
    const temporalLog = serviceLog('temporal');
    const config = await prepareTemporalCluster({
      binaries,
      postgresUrl: pg.url,
      rootDir: join(options.dataDir, 'temporal-cluster'),
      port: options.temporalPort,
      log,
      colour: options.colour,
    });
    const launch = (launchSignal?: AbortSignal): Promise<RunningTemporalCluster> =>
      launchTemporalCluster({
        config,
        namespace: options.namespace,
        searchAttributes: options.app.searchAttributes,
        log: temporalLog,
        colour: options.colour,
        signal: launchSignal,
      });
    const temporal = await launch(signal);
    const temporalProcess = keep('Temporal', temporal, launch);
    log.info(`Temporal server (PostgreSQL persistence) ready on ${temporal.address} (${formatMs(Date.now() - started)})`);

    // The replicas one after the other: the first migrates and builds the web app, the second
    // finds both done.
    const replicas: Replica[] = [];
    for (const [i, apiPort] of options.apiPorts.entries()) {
      signal?.throwIfAborted();
      const index = i + 1;
      const replicaLog = log.child(`replica-${index}`);
      const stack = await startStack({
        root: options.root,
        dataDir: options.dataDir,
        app: options.app,
        log: replicaLog,
        colour: options.colour,
        database: { url: pg.url },
        temporal: { address: temporal.address },
        namespace: options.namespace,
        taskQueue: options.taskQueue,
        apiPort,
        logLevel: options.logLevel,
        users: options.users,
        mail: options.mail,
        signal,
        // `api` and `worker` of this replica become `api-2`, `worker-2`.
        sinkFor: (name) => renamed(sinkOf(`${name}-${index}`), name, `${name}-${index}`, options.colour && !options.sinkFor),
        ...(options.supervise
          ? { supervise: { policy: options.supervise.policy, onGiveUp: (name: string, message: string) => options.supervise!.onGiveUp(`${name}-${index}`, message) } }
          : { onUnexpectedExit: (name: string, exit: Exit, tail: string) => options.onUnexpectedExit?.(`${name}-${index}`, exit, tail) }),
      });
      stoppers.push({ name: `replica ${index} (api and worker)`, stop: stack.stop });
      replicas.push({ index, appUrl: stack.appUrl, stack, pids: stack.pids });
    }

    let proxy: RoundRobinProxy | undefined;
    if (options.proxyPort !== undefined) {
      proxy = await startRoundRobinProxy({ port: options.proxyPort, targets: replicas.map((replica) => replica.appUrl) });
      stoppers.push({ name: 'proxy', stop: proxy.stop });
      log.info(`Round-robin proxy on ${proxy.url} → ${replicas.map((replica) => replica.appUrl).join(', ')}`);
    }

    return {
      databaseUrl: pg.url,
      temporalAddress: temporal.address,
      temporalMetricsUrl: temporal.metricsUrl,
      appUrl: proxy?.url ?? replicas[0]!.appUrl,
      replicas,
      get temporalPid() {
        return temporalProcess().pid;
      },
      dataDir: options.dataDir,
      stop: stopAll,
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}

/** The stack names a replica's processes `api` and `worker` (plain, as it writes to a sink);
 * the cluster's output shows which replica. */
function renamed(sink: LineSink, from: string, to: string, colour: boolean): LineSink {
  const plain = prefixFor(from, false);
  return (line) => sink(line.startsWith(plain) ? `${prefixFor(to, colour)} ${line.slice(plain.length).trimStart()}` : line);
}

export { freePort };
