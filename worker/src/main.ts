import { NativeConnection, Runtime, makeTelemetryFilterString } from '@temporalio/worker';
import { createDb } from '@kampung/db';
import pino from 'pino';
import { Client } from '@temporalio/client';
import { durationMs, loadWorkerConfig } from './config';
import { ensureReconcilerSchedule } from './reconciler-schedule';
import { createCaseWorker } from './worker';

// Wiring only: config, connections, the worker; everything is closed on the way out.
const config = loadWorkerConfig();
const log = pino({ level: config.LOG_LEVEL, base: { service: 'worker' } });
Runtime.install({
  logger: {
    log: (level, message, meta) => log[level === 'TRACE' ? 'trace' : (level.toLowerCase() as 'info')]({ ...meta }, message),
    trace: (m, meta) => log.trace(meta ?? {}, m),
    debug: (m, meta) => log.debug(meta ?? {}, m),
    info: (m, meta) => log.info(meta ?? {}, m),
    warn: (m, meta) => log.warn(meta ?? {}, m),
    error: (m, meta) => log.error(meta ?? {}, m),
  },
  telemetryOptions: { logging: { filter: makeTelemetryFilterString({ core: 'WARN' }), forward: {} } },
  shutdownSignals: ['SIGINT', 'SIGTERM'],
});

const db = createDb(config.DATABASE_URL);
const connection = await NativeConnection.connect({ address: config.TEMPORAL_ADDRESS });
try {
  const worker = await createCaseWorker({
    db,
    connection,
    namespace: config.TEMPORAL_NAMESPACE,
    taskQueue: config.TEMPORAL_TASK_QUEUE,
    workflowBundlePath: config.WORKFLOW_BUNDLE,
  });
  const client = new Client({ connection, namespace: config.TEMPORAL_NAMESPACE });
  await ensureReconcilerSchedule(client, { taskQueue: config.TEMPORAL_TASK_QUEUE, everyMs: durationMs(config.RECONCILE_EVERY) });
  log.info({ taskQueue: config.TEMPORAL_TASK_QUEUE, reconcileEvery: config.RECONCILE_EVERY }, 'worker running');
  await worker.run();
  log.info('worker stopped');
} finally {
  await connection.close();
  await db.destroy();
}
