/**
 * The real Temporal server on PostgreSQL (the production form, the server the compose file runs),
 * from the binaries of ./temporal-server-build.ts:
 *   databases `temporal` and `temporal_visibility` on the given PostgreSQL server
 *   → their schemas (temporal-sql-tool setup-schema, then update-schema to the newest version)
 *   → a config YAML (persistence postgres12, one cluster, 4 history shards, ports chosen free)
 *   → the server, all four services in one process → the namespace and our search attributes
 *   (on SQL visibility through the operator service) → ready.
 * `prepareTemporalCluster` does the first three once; `launchTemporalCluster` starts the server
 * from that config, again after a crash (same ports).
 */
import { randomUUID } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { Connection } from '@temporalio/client';
import { msToTs } from '@temporalio/common/lib/time';
import proto from '@temporalio/proto'; // CommonJS: no named ESM exports
import getPort from 'get-port';
import type { Log } from './log';
import { ensureDatabase } from './postgres';
import { describeExit, runToCompletion, spawnManaged, type ManagedProcess } from './processes';
import type { TemporalServerBinaries } from './temporal-server-build';
import type { RunningTemporal, SearchAttributeSpec, SearchAttributeTypeName } from './temporal-server';

const { IndexedValueType } = proto.temporal.api.enums.v1;

/** Fixed for the life of a cluster's data: the server refuses to start with another count. */
export const HISTORY_SHARDS = 4;
const DATABASES = { temporal: 'temporal', visibility: 'temporal_visibility' } as const;
const READY_TIMEOUT_MS = 90_000;
const STOP_TIMEOUT_MS = 15_000;
const IP = '127.0.0.1';
const RETENTION_DAYS = 30;

export interface TemporalClusterConfig {
  /** Directory holding config/development.yaml and config/dynamicconfig.yaml. */
  rootDir: string;
  /** host:port of the frontend gRPC service. */
  address: string;
  /** Prometheus metrics of the server (http://…/metrics). */
  metricsUrl: string;
  binaries: TemporalServerBinaries;
}

export interface PrepareClusterOptions {
  binaries: TemporalServerBinaries;
  /** Any database URL of the PostgreSQL server (its user must be able to create databases). */
  postgresUrl: string;
  rootDir: string;
  /** Frontend gRPC port; free one when omitted. */
  port?: number;
  log: Log;
  colour?: boolean;
}

/** Databases, schemas and the config file; idempotent (an existing schema is only updated). */
export async function prepareTemporalCluster(options: PrepareClusterOptions): Promise<TemporalClusterConfig> {
  const { binaries, postgresUrl, log } = options;
  const rootDir = resolve(options.rootDir);
  const db = new URL(postgresUrl);
  for (const [which, name] of Object.entries(DATABASES)) {
    await ensureDatabase(postgresUrl, name);
    const sqlTool = (...args: string[]) =>
      runToCompletion({
        name: 'temporal-sql',
        command: binaries.sqlTool,
        args: ['--plugin', 'postgres12', '--ep', db.hostname, '-p', db.port || '5432', '-u', decodeURIComponent(db.username), '--db', name, ...args],
        env: { ...process.env, SQL_PASSWORD: decodeURIComponent(db.password) },
        sink: () => undefined, // chatty; its output is in the error when it fails
        colour: options.colour,
      });
    // As the compose file's temporal-schema job: both are no-ops on a schema that is up to date
    // (setup-schema keeps a newer version; update-schema applies only the versions above it).
    await sqlTool('setup-schema', '-v', '0.0');
    await sqlTool('update-schema', '-d', join(binaries.postgresSchemaDir, which, 'versioned'));
  }
  log.info(`Temporal schemas up to date in databases ${DATABASES.temporal} and ${DATABASES.visibility}`);

  const ports = await freeLowPorts(10);
  const take = () => ports.pop()!;
  const frontend = options.port ?? take();
  const [frontendHttp, history, matching, worker, metricsPort] = [take(), take(), take(), take(), take()];
  const membership = [take(), take(), take(), take()];
  const configDir = join(rootDir, 'config');
  await mkdir(configDir, { recursive: true });
  const dynamicConfigFile = join(configDir, 'dynamicconfig.yaml');
  await writeFile(dynamicConfigFile, DYNAMIC_CONFIG);
  const store = (database: string, maxConns: number) => ({
    sql: {
      pluginName: 'postgres12',
      databaseName: database,
      connectAddr: `${db.hostname}:${db.port || '5432'}`,
      connectProtocol: 'tcp',
      user: decodeURIComponent(db.username),
      password: decodeURIComponent(db.password),
      maxConns,
      maxIdleConns: maxConns,
      maxConnLifetime: '1h',
    },
  });
  const rpc = (grpcPort: number, membershipPort: number, extra: Record<string, unknown> = {}) => ({
    rpc: { grpcPort, membershipPort, bindOnLocalHost: true, ...extra },
  });
  const config = {
    log: { stdout: true, level: 'warn', format: 'json' },
    persistence: {
      defaultStore: 'postgres-default',
      visibilityStore: 'postgres-visibility',
      numHistoryShards: HISTORY_SHARDS,
      datastores: { 'postgres-default': store(DATABASES.temporal, 20), 'postgres-visibility': store(DATABASES.visibility, 10) },
    },
    global: {
      membership: { maxJoinDuration: '30s', broadcastAddress: IP },
      metrics: { prometheus: { framework: 'tally', timerType: 'histogram', listenAddress: `${IP}:${metricsPort}` } },
    },
    services: {
      frontend: rpc(frontend, membership[0]!, { httpPort: frontendHttp }),
      history: rpc(history, membership[1]!),
      matching: rpc(matching, membership[2]!),
      worker: rpc(worker, membership[3]!),
    },
    clusterMetadata: {
      enableGlobalNamespace: false,
      failoverVersionIncrement: 10,
      masterClusterName: 'active',
      currentClusterName: 'active',
      clusterInformation: { active: { enabled: true, initialFailoverVersion: 1, rpcName: 'frontend', rpcAddress: `${IP}:${frontend}` } },
    },
    dcRedirectionPolicy: { policy: 'noop' },
    dynamicConfigClient: { filepath: dynamicConfigFile, pollInterval: '10s' },
  };
  // JSON is YAML: no YAML library needed.
  await writeFile(join(configDir, 'development.yaml'), `${JSON.stringify(config, null, 2)}\n`);
  return { rootDir, address: `${IP}:${frontend}`, metricsUrl: `http://${IP}:${metricsPort}/metrics`, binaries };
}

/** What differs from the server's defaults, each for a reason. */
const DYNAMIC_CONFIG = `# Written by tools/stack/temporal-cluster-server.ts
# The API sends Updates (commands from people) and update-with-start.
frontend.enableUpdateWorkflowExecution:
  - value: true
frontend.enableUpdateWorkflowExecutionAsyncAccepted:
  - value: true
frontend.enableExecuteMultiOperation:
  - value: true
# Workflow ids carry business keys.
limit.maxIDLength:
  - value: 255
`;

export interface LaunchClusterOptions {
  config: TemporalClusterConfig;
  namespace: string;
  searchAttributes: readonly SearchAttributeSpec[];
  log: Log;
  colour?: boolean;
  signal?: AbortSignal;
}

export interface RunningTemporalCluster extends RunningTemporal {
  readonly process: ManagedProcess;
  metricsUrl: string;
}

/** Starts the server and resolves once it serves the namespace with our search attributes. */
export async function launchTemporalCluster(options: LaunchClusterOptions): Promise<RunningTemporalCluster> {
  const { config, log } = options;
  const child = spawnManaged({
    name: 'temporal',
    command: config.binaries.server,
    args: ['--root', config.rootDir, '--config', 'config', '--env', 'development', '--allow-no-auth', 'start'],
    cwd: config.rootDir,
    sink: log.sink,
    colour: options.colour,
    stopSignal: 'SIGTERM',
    stopTimeoutMs: STOP_TIMEOUT_MS,
    quietAfterStop: true,
  });
  try {
    await waitUntilServing(config.address, options, child);
  } catch (error) {
    await child.stop();
    throw error;
  }
  return {
    address: config.address,
    metricsUrl: config.metricsUrl,
    process: child,
    stop: async () => {
      await child.stop();
    },
  };
}

const INDEXED_TYPES: Record<SearchAttributeTypeName, number> = {
  Text: IndexedValueType.INDEXED_VALUE_TYPE_TEXT,
  Keyword: IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD,
  Int: IndexedValueType.INDEXED_VALUE_TYPE_INT,
  Double: IndexedValueType.INDEXED_VALUE_TYPE_DOUBLE,
  Bool: IndexedValueType.INDEXED_VALUE_TYPE_BOOL,
  Datetime: IndexedValueType.INDEXED_VALUE_TYPE_DATETIME,
  KeywordList: IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD_LIST,
};

/**
 * Ready = the frontend answers, the namespace exists (registered now if missing), our search
 * attributes are registered (added now if missing), and a workflow that sets them is accepted: the
 * server's caches of namespaces and attributes lag their writes by seconds, and the first case
 * must not be the one to find out. The probe workflow is terminated at once.
 */
async function waitUntilServing(address: string, options: LaunchClusterOptions, child: ManagedProcess): Promise<void> {
  const { namespace, searchAttributes, signal } = options;
  const deadline = Date.now() + READY_TIMEOUT_MS;
  let exited: string | undefined;
  void child.exited.then((exit) => (exited = describeExit(exit)));
  let lastError: unknown = 'no answer yet';
  let step = 'connecting';
  while (Date.now() < deadline) {
    signal?.throwIfAborted();
    if (exited) throw new Error(`The Temporal server exited during start-up (${exited}):\n${child.tail()}`);
    let connection: Connection | undefined;
    try {
      connection = await Connection.connect({ address, connectTimeout: 2_000 });
      step = 'waiting for the frontend';
      await connection.workflowService.getSystemInfo({});
      step = `registering namespace ${namespace}`;
      await ensureNamespace(connection, namespace);
      step = 'registering search attributes';
      const { customAttributes } = await connection.operatorService.listSearchAttributes({ namespace });
      const missing = searchAttributes.filter(({ name }) => !(customAttributes && name in customAttributes));
      if (missing.length > 0) {
        await connection.operatorService.addSearchAttributes({
          namespace,
          searchAttributes: Object.fromEntries(missing.map(({ name, type }) => [name, INDEXED_TYPES[type]])),
        });
        lastError = `search attributes just added: ${missing.map((a) => a.name).join(', ')}`;
      } else {
        step = 'probing a workflow start with the search attributes';
        await probeWorkflowStart(connection, namespace, searchAttributes);
        return;
      }
    } catch (error) {
      lastError = error;
    } finally {
      await connection?.close().catch(() => undefined);
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(
    `The Temporal server at ${address} was not ready within ${READY_TIMEOUT_MS / 1000} s (${step}): ${String(lastError)}\n${child.tail()}`,
  );
}

async function ensureNamespace(connection: Connection, namespace: string): Promise<void> {
  try {
    await connection.workflowService.describeNamespace({ namespace });
    return;
  } catch (error) {
    if (grpcCode(error) !== 5) throw error; // 5 = NOT_FOUND
  }
  try {
    await connection.workflowService.registerNamespace({ namespace, workflowExecutionRetentionPeriod: msToTs(RETENTION_DAYS * 24 * 3_600_000) });
  } catch (error) {
    if (grpcCode(error) !== 6) throw error; // 6 = ALREADY_EXISTS
  }
  await connection.workflowService.describeNamespace({ namespace }); // fails until the frontend sees it
}

async function probeWorkflowStart(connection: Connection, namespace: string, searchAttributes: readonly SearchAttributeSpec[]): Promise<void> {
  const workflowId = `kampung-cluster-readiness-probe-${randomUUID()}`;
  const encode = (value: string) => ({ metadata: { encoding: Buffer.from('json/plain') }, data: Buffer.from(JSON.stringify(value)) });
  await connection.workflowService.startWorkflowExecution({
    namespace,
    workflowId,
    requestId: randomUUID(),
    workflowType: { name: 'kampungClusterReadinessProbe' },
    taskQueue: { name: 'kampung-cluster-readiness-probe' },
    searchAttributes: { indexedFields: Object.fromEntries(searchAttributes.filter((a) => a.type === 'Keyword').map((a) => [a.name, encode('probe')])) },
  });
  await connection.workflowService.terminateWorkflowExecution({ namespace, workflowExecution: { workflowId }, reason: 'readiness probe of the cluster start' });
}

function grpcCode(error: unknown): number | undefined {
  const code = (error as { code?: unknown } | undefined)?.code;
  return typeof code === 'number' ? code : undefined;
}

/**
 * Free ports at or below 32767: the server keeps membership ports in a `smallint` column and dies
 * with "value … is out of range for type smallint" above it. Picked at random in 20000-32767 so that
 * two clusters started at once (a test and a bench) rarely try the same ones.
 */
async function freeLowPorts(count: number): Promise<number[]> {
  const chosen: number[] = [];
  while (chosen.length < count) {
    const candidates = Array.from({ length: 50 }, () => 20_000 + Math.floor(Math.random() * 12_768));
    const port = await getPort({ host: IP, port: candidates, exclude: chosen });
    if (port <= 32_767 && !chosen.includes(port)) chosen.push(port);
  }
  return chosen;
}
