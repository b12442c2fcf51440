import { NativeConnection, Runtime, makeTelemetryFilterString } from '@temporalio/worker';
import { createDb, databaseProblem, describeDatabase } from '@kampung/db';
import pino from 'pino';
import { Client } from '@temporalio/client';
import { durationMs, loadWorkerConfig, type WorkerConfig } from './config';
import { ensureMailSchedules } from './mail-schedules';
import { createTransport, describeSmtp, smtpProblem } from './mail/transport';
import { ensureReconcilerSchedule } from './reconciler-schedule';
import { createBackgroundWorker, runTogether, sharedWorkflowBundle } from './background-worker';
import { createCaseWorker } from './worker';

// Wiring only: config, connections (each checked once at start), the worker; everything is closed
// on the way out. What cannot start is said in one line, without a stack trace, and the exit code
// is not 0. Once running, a lost PostgreSQL fails activities (Temporal retries them) and a lost
// Temporal server is polled again by the SDK: neither ends the process.
const config = configOrExit();
const log = pino({ level: config.LOG_LEVEL, base: { service: 'worker' } });
// A metrics address already in use is a start problem like the others: one line, exit 1.
try {
  Runtime.install({
    logger: {
      log: (level, message, meta) => log[level === 'TRACE' ? 'trace' : (level.toLowerCase() as 'info')]({ ...meta }, message),
      trace: (m, meta) => log.trace(meta ?? {}, m),
      debug: (m, meta) => log.debug(meta ?? {}, m),
      info: (m, meta) => log.info(meta ?? {}, m),
      warn: (m, meta) => log.warn(meta ?? {}, m),
      error: (m, meta) => log.error(meta ?? {}, m),
    },
    telemetryOptions: {
      logging: { filter: makeTelemetryFilterString({ core: 'WARN' }), forward: {} },
      // The SDK's own metrics (task failures, latencies, pollers, slots) and ours, in Prometheus format.
      ...(config.WORKER_METRICS_ADDRESS ? { metrics: { prometheus: { bindAddress: config.WORKER_METRICS_ADDRESS, useSecondsForDurations: true } } } : {}),
    },
    shutdownSignals: ['SIGINT', 'SIGTERM'],
  });
} catch (error) {
  const what = config.WORKER_METRICS_ADDRESS ? `its metrics cannot be served at ${config.WORKER_METRICS_ADDRESS} (WORKER_METRICS_ADDRESS)` : 'the Temporal SDK runtime cannot be installed';
  log.fatal(`worker cannot start: ${what} (${firstLine(error as Error)})`);
  process.exit(1);
}

const db = createDb(config.DATABASE_URL, {
  connectTimeoutMs: 5_000,
  onConnectionError: (error) => log.warn({ dependency: 'PostgreSQL', error: error.message }, 'a database connection broke; the next activity opens a new one'),
});

const transport = createTransport(config.SMTP_URL);

// All at once, so that one message names every dependency that is missing.
const [databaseDown, temporal, smtpDown] = await Promise.all([
  databaseProblem(db),
  NativeConnection.connect({ address: config.TEMPORAL_ADDRESS }).then(
    (connection) => ({ connection }),
    (error: Error) => ({ problem: firstLine(error) }),
  ),
  smtpProblem(transport),
]);
if (databaseDown || 'problem' in temporal || smtpDown) {
  const problems = [
    ...(databaseDown ? [`PostgreSQL at ${describeDatabase(config.DATABASE_URL)} cannot be used (${databaseDown})`] : []),
    ...('problem' in temporal ? [`Temporal at ${config.TEMPORAL_ADDRESS} cannot be reached (${temporal.problem})`] : []),
    ...(smtpDown ? [`the SMTP server at ${describeSmtp(config.SMTP_URL)} (SMTP_URL) cannot be reached (${smtpDown})`] : []),
  ];
  log.fatal(`worker cannot start: ${problems.join('; ')}`);
  if ('connection' in temporal) await temporal.connection.close().catch(() => undefined);
  await Promise.race([db.destroy().catch(() => undefined), sleep(1_000)]);
  process.exit(1);
}
const { connection } = temporal;
try {
  const workflowBundle = await sharedWorkflowBundle(config.WORKFLOW_BUNDLE);
  const worker = await createCaseWorker({
    db,
    connection,
    namespace: config.TEMPORAL_NAMESPACE,
    taskQueue: config.TEMPORAL_TASK_QUEUE,
    workflowBundle,
    mail: { transport, config: { smtpUrl: config.SMTP_URL, from: config.MAIL_FROM, maxAttempts: config.MAIL_MAX_ATTEMPTS } },
  });
  const background = await createBackgroundWorker({
    db,
    databaseUrl: config.DATABASE_URL,
    connection,
    namespace: config.TEMPORAL_NAMESPACE,
    taskQueue: config.BACKGROUND_TASK_QUEUE,
    workflowBundle,
  });
  const client = new Client({ connection, namespace: config.TEMPORAL_NAMESPACE });
  await ensureReconcilerSchedule(client, { taskQueue: config.TEMPORAL_TASK_QUEUE, everyMs: durationMs(config.RECONCILE_EVERY) });
  await ensureMailSchedules(client, { taskQueue: config.TEMPORAL_TASK_QUEUE, everyMs: durationMs(config.MAIL_EVERY) });
  log.info({ taskQueue: config.TEMPORAL_TASK_QUEUE, backgroundTaskQueue: config.BACKGROUND_TASK_QUEUE, reconcileEvery: config.RECONCILE_EVERY, metrics: config.WORKER_METRICS_ADDRESS ?? null }, 'worker running');
  // Both until the process is told to stop (the runtime shuts both down on SIGINT/SIGTERM).
  await runTogether([worker, background]);
  log.info('worker stopped');
} finally {
  // Bounded: a hung PostgreSQL never answers a goodbye.
  transport.close();
  await Promise.race([Promise.allSettled([connection.close(), db.destroy()]), sleep(5_000)]);
}

function configOrExit(): WorkerConfig {
  try {
    return loadWorkerConfig();
  } catch (error) {
    pino({ base: { service: 'worker' } }).fatal(`worker cannot start: ${(error as Error).message}`);
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
