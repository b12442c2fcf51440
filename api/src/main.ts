import { Client, Connection } from '@temporalio/client';
import { createDb, householdsRepository } from '@kampung/db';
import pino from 'pino';
import { createApp } from './app';
import { loadApiConfig } from './config';

// Wiring only: config, connections, the HTTP server, a graceful stop on SIGTERM/SIGINT.
const config = loadApiConfig();
const log = pino({ level: config.LOG_LEVEL, base: { service: 'api' } });
const db = createDb(config.DATABASE_URL);
const connection = await Connection.connect({ address: config.TEMPORAL_ADDRESS });
const temporal = new Client({ connection, namespace: config.TEMPORAL_NAMESPACE });

// An import a restart cut off wrote nothing (its transaction rolled back): say so.
await householdsRepository.failInterruptedImports(db);

const app = createApp({ db, temporal, taskQueue: config.TEMPORAL_TASK_QUEUE, config, log });
const server = app.listen(config.PORT, config.HOST, () => {
  log.info({ port: config.PORT }, 'api listening');
});
// Idle keep-alive connections outlive the clients' own idle timeout (undici and browsers close
// first), so a client never reuses a socket the server is closing at that very moment.
server.keepAliveTimeout = 65_000;
server.headersTimeout = 66_000;

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  log.info({ signal }, 'api stopping');
  server.close();
  server.closeIdleConnections();
  setTimeout(() => server.closeAllConnections(), 10_000).unref();
  await new Promise((resolve) => server.once('close', resolve));
  await connection.close();
  await db.destroy();
  log.info('api stopped');
}
process.once('SIGTERM', () => void shutdown('SIGTERM'));
process.once('SIGINT', () => void shutdown('SIGINT'));
