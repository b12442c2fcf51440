/**
 * The Temporal dev server (`temporal server start-dev`): in memory, or with a
 * SQLite file that keeps every workflow across restarts.
 */
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { Connection } from '@temporalio/client';
import type { SearchAttributeType } from '@temporalio/common';
import { TestWorkflowEnvironment, type EphemeralServerExecutable } from '@temporalio/testing';
import type { Log } from './log';
import { describeExit, spawnManaged, type ManagedProcess } from './processes';
import { installHint, type TemporalCli } from './temporal-cli';

/** The dev server's type names (`--search-attribute Name=Keyword`). */
export type SearchAttributeTypeName = 'Text' | 'Keyword' | 'Int' | 'Double' | 'Bool' | 'Datetime' | 'KeywordList';

export interface SearchAttributeSpec {
  name: string;
  type: SearchAttributeTypeName;
}

export interface TemporalDevServerOptions {
  cli: TemporalCli;
  port: number;
  /** Web UI port; omit (or set headless) for no UI. */
  uiPort?: number;
  headless?: boolean;
  /** SQLite file; omit for an in-memory server. */
  dbFile?: string;
  namespace: string;
  searchAttributes: readonly SearchAttributeSpec[];
  dynamicConfig?: Record<string, unknown>;
  log: Log;
  colour?: boolean;
  signal?: AbortSignal;
}

export interface RunningTemporal {
  /** host:port of the frontend gRPC service */
  address: string;
  uiUrl?: string;
  stop(): Promise<void>;
  /** The server process (absent when the SDK runs it). */
  readonly process?: ManagedProcess;
}

const READY_TIMEOUT_MS = 30_000;
const STOP_TIMEOUT_MS = 10_000;
const IP = '127.0.0.1';

export async function startTemporalDevServer(options: TemporalDevServerOptions): Promise<RunningTemporal> {
  if (options.dbFile) await mkdir(dirname(options.dbFile), { recursive: true });
  if ('sdkDownload' in options.cli) return startWithSdkDownload(options);

  const { port, log } = options;
  const headless = options.headless === true || options.uiPort === undefined;
  const args = ['server', 'start-dev', '--ip', IP, '--port', String(port)];
  if (headless) args.push('--headless');
  else args.push('--ui-port', String(options.uiPort));
  if (options.dbFile) {
    // WAL: readers do not block the writer, and a crash loses at most the last transaction.
    args.push('--db-filename', options.dbFile, '--sqlite-pragma', 'journal_mode=wal', '--sqlite-pragma', 'synchronous=normal');
  }
  args.push('--namespace', options.namespace);
  for (const { name, type } of options.searchAttributes) args.push('--search-attribute', `${name}=${type}`);
  for (const [key, value] of Object.entries(options.dynamicConfig ?? {})) {
    args.push('--dynamic-config-value', `${key}=${JSON.stringify(value)}`);
  }
  args.push('--log-level', 'warn', '--log-format', 'json');

  const child = spawnManaged({
    name: 'temporal',
    command: options.cli.path,
    args,
    sink: log.sink,
    colour: options.colour,
    stopSignal: 'SIGTERM',
    stopTimeoutMs: STOP_TIMEOUT_MS,
    // While shutting down, its internal clients log a burst of "connection refused" warnings.
    quietAfterStop: true,
  });
  const address = `${IP}:${port}`;
  try {
    await waitUntilServing(address, options.namespace, options.searchAttributes, child, options.signal);
  } catch (error) {
    await child.stop();
    throw error;
  }
  return {
    address,
    uiUrl: headless ? undefined : `http://${IP}:${options.uiPort}`,
    process: child,
    stop: async () => {
      await child.stop();
    },
  };
}

/** Ready = the frontend answers, the namespace exists and our search attributes are registered. */
async function waitUntilServing(
  address: string,
  namespace: string,
  searchAttributes: readonly SearchAttributeSpec[],
  child: ManagedProcess,
  signal?: AbortSignal,
): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  let exited: string | undefined;
  void child.exited.then((exit) => (exited = describeExit(exit)));
  let lastError: unknown;
  while (Date.now() < deadline) {
    signal?.throwIfAborted();
    if (exited) throw new Error(`The Temporal dev server exited during start-up (${exited}):\n${child.tail()}`);
    let connection: Connection | undefined;
    try {
      connection = await Connection.connect({ address, connectTimeout: 2_000 });
      await connection.workflowService.getSystemInfo({});
      const { customAttributes } = await connection.operatorService.listSearchAttributes({ namespace });
      const missing = searchAttributes.filter(({ name }) => !(customAttributes && name in customAttributes));
      if (missing.length === 0) return;
      lastError = new Error(`search attributes not yet registered: ${missing.map((a) => a.name).join(', ')}`);
    } catch (error) {
      lastError = error;
    } finally {
      await connection?.close().catch(() => undefined);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(
    `The Temporal dev server at ${address} was not ready within ${READY_TIMEOUT_MS / 1000} s: ${String(lastError)}\n${child.tail()}`,
  );
}

const SDK_TYPES: Record<SearchAttributeTypeName, SearchAttributeType> = {
  Text: 'TEXT',
  Keyword: 'KEYWORD',
  Int: 'INT',
  Double: 'DOUBLE',
  Bool: 'BOOL',
  Datetime: 'DATETIME',
  KeywordList: 'KEYWORD_LIST',
};

/** No CLI on this machine but the internet is reachable: the SDK downloads and runs the dev server. */
export async function startWithSdkDownload(
  options: TemporalDevServerOptions,
  executable: EphemeralServerExecutable = { type: 'cached-download' },
): Promise<RunningTemporal> {
  const { log } = options;
  log.info(`Starting the Temporal dev server through the Temporal SDK (${executable.type})…`);
  const headless = options.headless === true || options.uiPort === undefined;
  const extraArgs: string[] = [];
  if (options.dbFile) extraArgs.push('--sqlite-pragma', 'journal_mode=wal');
  for (const [key, value] of Object.entries(options.dynamicConfig ?? {})) {
    extraArgs.push('--dynamic-config-value', `${key}=${JSON.stringify(value)}`);
  }
  let env: TestWorkflowEnvironment;
  try {
    env = await TestWorkflowEnvironment.createLocal({
      server: {
        executable,
        ip: IP,
        port: options.port,
        namespace: options.namespace,
        ...(options.dbFile ? { dbFilename: options.dbFile } : {}),
        ...(headless ? { ui: false } : { ui: true, uiPort: options.uiPort }),
        searchAttributes: options.searchAttributes.map(({ name, type }) => ({ name, type: SDK_TYPES[type] })),
        extraArgs,
      },
    });
  } catch (error) {
    throw new Error(`${installHint()}\n(The SDK download failed: ${String(error)})`, { cause: error });
  }
  return {
    address: env.address,
    uiUrl: headless ? undefined : `http://${IP}:${options.uiPort}`,
    stop: () => env.teardown(),
  };
}
