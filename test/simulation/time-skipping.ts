/**
 * A Temporal time-skipping environment on the Java test server, started by us rather than by the
 * SDK: `TestWorkflowEnvironment.createTimeSkipping()` gives its server 5 s to answer (core's
 * ephemeral_server: 50 tries, 100 ms apart), and a cold JVM on a busy 2-core machine can take
 * longer. So the server is spawned on a free port, awaited until it answers gRPC (60 s by
 * default), and the SDK's environment is connected to it with the test service enabled: `sleep()`
 * skips time, `currentTimeMs()` reads the server's clock, and awaiting a result through
 * `env.client` lets time run forward.
 *
 * The server starts with time skipping locked, as the SDK starts it: time stands still for
 * skipping purposes (it moves with the wall clock) except while `env.sleep()` or a result await
 * unlocks it.
 */
import { Connection } from '@temporalio/client';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { DefaultLogger, Runtime } from '@temporalio/worker';
import { createLog, type LineSink, type Log } from '@kampung/tools/stack/log';
import { freePort } from '@kampung/tools/stack/postgres';
import { describeExit, spawnManaged, type ManagedProcess } from '@kampung/tools/stack/processes';
import { resolveTemporalTestServer } from '../support/temporal-test-server';

export interface TimeSkipping {
  env: TestWorkflowEnvironment;
  /** host:port of the test server's gRPC frontend. */
  address: string;
  /** Wall-clock milliseconds from spawning the server to its first gRPC answer. */
  serverStartMs: number;
  /** The server process's last output lines (for a failure report). */
  serverTail(): string;
  /** Closes the environment's connections, then stops the server. */
  stop(): Promise<void>;
}

export interface TimeSkippingOptions {
  log?: Log;
  /** Where the server's output lines go; by default only kept for error messages. */
  sink?: LineSink;
  readyTimeoutMs?: number;
  signal?: AbortSignal;
}

const IP = '127.0.0.1';
const NAMESPACE = 'default';
const READY_TIMEOUT_MS = 60_000;

export async function startTimeSkippingEnv(options: TimeSkippingOptions = {}): Promise<TimeSkipping> {
  const log = options.log ?? createLog('simulation', { colour: false });
  installQuietRuntime();
  const executable = await resolveTemporalTestServer(log, { serverPath: process.env.TEMPORAL_TEST_SERVER, signal: options.signal });
  const port = await freePort();
  const address = `${IP}:${port}`;
  const started = Date.now();
  const server = spawnManaged({
    name: 'test-server',
    command: executable,
    args: [String(port)],
    sink: options.sink ?? (() => undefined),
    stopSignal: 'SIGTERM',
    stopTimeoutMs: 5_000,
    quietAfterStop: true,
    signal: options.signal,
  });
  let env: TestWorkflowEnvironment | undefined;
  try {
    await waitUntilAnswering(address, server, options.readyTimeoutMs ?? READY_TIMEOUT_MS, options.signal);
    const serverStartMs = Date.now() - started;
    env = await connectTimeSkippingEnv(address);
    // The test service answers: this is a time-skipping server, not a dev server on a reused port.
    await env.currentTimeMs();
    const connected = env;
    return {
      env: connected,
      address,
      serverStartMs,
      serverTail: () => server.tail(),
      stop: async () => {
        try {
          await connected.teardown();
        } finally {
          await server.stop();
        }
      },
    };
  } catch (error) {
    await env?.teardown().catch(() => undefined);
    await server.stop();
    throw error;
  }
}

/** The worker's native runtime logs warnings and errors only (it is installed once per process,
 * before the environment's first connection would install a default one). */
function installQuietRuntime(): void {
  if (Runtime._instance) return;
  Runtime.install({ logger: new DefaultLogger('WARN') });
}

async function waitUntilAnswering(address: string, server: ManagedProcess, timeoutMs: number, signal?: AbortSignal): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let exited: string | undefined;
  void server.exited.then((exit) => (exited = describeExit(exit)));
  let lastError: unknown;
  while (Date.now() < deadline) {
    signal?.throwIfAborted();
    if (exited) throw new Error(`The Temporal test server exited during start-up (${exited}):\n${server.tail()}`);
    let connection: Connection | undefined;
    try {
      connection = await Connection.connect({ address, connectTimeout: 1_000 });
      await connection.workflowService.getSystemInfo({});
      return;
    } catch (error) {
      lastError = error;
    } finally {
      await connection?.close().catch(() => undefined);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`The Temporal test server at ${address} did not answer within ${timeoutMs / 1000} s: ${String(lastError)}\n${server.tail()}`);
}

/**
 * The SDK's own environment on a server that is already running. `createFromExistingServer()`
 * would turn time skipping off; the private `create()` it calls takes the flag that turns it on
 * (the same call `createTimeSkipping()` makes once its server is up), so that is what we call.
 * Checked against @temporalio/testing 1.24.0 (pinned): if a later version renames it, this fails
 * here, loudly, rather than silently running in real time.
 */
async function connectTimeSkippingEnv(address: string): Promise<TestWorkflowEnvironment> {
  const sdk = TestWorkflowEnvironment as unknown as {
    create?: (options: {
      server: { type: 'existing' };
      supportsTimeSkipping: boolean;
      address: string;
      namespace: string;
    }) => Promise<TestWorkflowEnvironment>;
  };
  if (typeof sdk.create !== 'function') {
    throw new Error('@temporalio/testing no longer has TestWorkflowEnvironment.create(): see test/simulation/time-skipping.ts');
  }
  const env = await sdk.create({ server: { type: 'existing' }, supportsTimeSkipping: true, address, namespace: NAMESPACE });
  if (!env.supportsTimeSkipping) throw new Error('the test environment did not enable time skipping');
  return env;
}
