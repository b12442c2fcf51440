import { Client } from '@temporalio/client';
import { createDb, databaseProblem, describeDatabase } from '@kampung/db';
import pino from 'pino';
import { createApp } from './app';
import { loadApiConfig, type ApiConfig } from './config';
import { connectTemporal } from './temporal/connection';

// Wiring only: config, connections (each checked once at start), the HTTP server, a bounded stop on
// SIGTERM/SIGINT. What cannot start is said in one line, without a stack trace, and the exit code
// is not 0.
const config = configOrExit();
const log = pino({ level: config.LOG_LEVEL, base: { service: 'api' } });
const db = createDb(config.DATABASE_URL, {
  statementTimeoutMs: config.DATABASE_STATEMENT_TIMEOUT_MS,
  connectTimeoutMs: config.DATABASE_CONNECT_TIMEOUT_MS,
  onConnectionError: (error) => log.warn({ dependency: 'PostgreSQL', error: error.message }, 'a database connection broke; the next request opens a new one'),
});

// Both at once, so that one message names every dependency that is missing.
const [databaseDown, temporal] = await Promise.all([
  databaseProblem(db),
  connectTemporal(config.TEMPORAL_ADDRESS, { callTimeoutMs: config.TEMPORAL_CALL_TIMEOUT_MS }).then(
    (connection) => ({ connection }),
    (error: Error) => ({ problem: firstLine(error) }),
  ),
]);
if (databaseDown || 'problem' in temporal) {
  const problems = [
    ...(databaseDown ? [`PostgreSQL at ${describeDatabase(config.DATABASE_URL)} cannot be used (${databaseDown})`] : []),
    ...('problem' in temporal ? [`Temporal at ${config.TEMPORAL_ADDRESS} cannot be reached (${temporal.problem})`] : []),
  ];
  log.fatal(`api cannot start: ${problems.join('; ')}`);
  await Promise.race([db.destroy().catch(() => undefined), sleep(1_000)]);
  process.exit(1);
}
const { connection } = temporal;
const client = new Client({ connection, namespace: config.TEMPORAL_NAMESPACE });

const app = createApp({ db, temporal: client, taskQueue: config.TEMPORAL_TASK_QUEUE, config, log });
const server = app.listen(config.PORT, config.HOST, () => {
  log.info({ port: config.PORT }, 'api listening');
});
// Idle keep-alive connections outlive the clients' own idle timeout (undici and browsers close
// first), so a client never reuses a socket the server is closing at that very moment.
server.keepAliveTimeout = 65_000;
server.headersTimeout = 66_000;

let stopping = false;
// While stopping, a keep-alive connection is closed as soon as its answer is sent.
server.on('request', (_req, res) => res.once('finish', () => stopping && setImmediate(() => server.closeIdleConnections())));

/** Takes no new connections, lets the requests in flight finish (at most SHUTDOWN_TIMEOUT_MS), then
 * closes the pools (bounded too: a hung PostgreSQL never answers a goodbye) and exits. */
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  log.info({ signal }, 'api stopping');
  const drained = new Promise((resolve) => server.close(resolve));
  server.closeIdleConnections();
  const cut = setTimeout(() => {
    log.warn({ afterMs: config.SHUTDOWN_TIMEOUT_MS }, 'requests still running: closing their connections');
    server.closeAllConnections();
  }, config.SHUTDOWN_TIMEOUT_MS);
  await drained;
  clearTimeout(cut);
  await Promise.race([Promise.allSettled([connection.close(), db.destroy()]), sleep(2_000)]);
  log.info('api stopped');
  process.exit(0);
}
process.once('SIGTERM', () => void shutdown('SIGTERM'));
process.once('SIGINT', () => void shutdown('SIGINT'));

function configOrExit(): ApiConfig {
  try {
    return loadApiConfig();
  } catch (error) {
    pino({ base: { service: 'api' } }).fatal(`api cannot start: ${(error as Error).message}`);
    process.exit(2);
  }
}

function firstLine(error: Error): string {
  const cause = error.cause instanceof Error ? `: ${error.cause.message}` : '';
  return `${error.message}${cause}`.split('\n')[0]!;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}
