/**
 * `npm run start:cluster`: the platform in production shape on this machine, no Docker.
 *   embedded PostgreSQL (app data, and Temporal's databases) → the real Temporal server on it,
 *   built once from go.temporal.io/server (the server the compose file runs) → two replicas, each
 *   a worker and an api (ports PORT+1, PORT+2) → a round-robin proxy on PORT → demo data.
 * Same settings as `npm start` (./config.ts), except that DATA_DIR defaults to ./data/cluster and
 * that PostgreSQL and Temporal are always its own (DATABASE_URL and TEMPORAL_ADDRESS are refused).
 * Every process is supervised as in `npm start`: one that dies is started again with backoff.
 */
import { fileURLToPath } from 'node:url';
import { startMailCatcher, type MailCatcher } from '../mail/catcher';
import { kampungApp } from './app';
import { startCluster, type RunningCluster } from './cluster';
import { ConfigError, parseStartConfig, type StartConfig } from './config';
import { colourEnabled, createLog, describeError, paint } from './log';
import { checkPostgresCanReach, maskPassword } from './postgres';
import { formatMs, type UserSpec } from './stack';
import { HISTORY_SHARDS } from './temporal-cluster-server';
import { TEMPORAL_SERVER_VERSION } from './temporal-server-build';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const colour = colourEnabled();
const log = createLog('cluster', { colour });

let config: StartConfig;
try {
  config = parseStartConfig({ ...process.env, DATA_DIR: process.env.DATA_DIR || 'data/cluster' });
  const refused = (['DATABASE_URL', 'TEMPORAL_ADDRESS'] as const).filter((key) => config[key]);
  if (refused.length > 0) {
    throw new ConfigError(
      `npm run start:cluster runs its own PostgreSQL and Temporal server; unset ${refused.join(' and ')} ` +
        '(to run the app against servers you already have, use `npm start` with them set).',
    );
  }
  if (config.PORT > 65_533) throw new ConfigError('PORT must leave room for the two replicas on PORT+1 and PORT+2');
} catch (error) {
  log.error(error instanceof ConfigError ? error.message : describeError(error));
  process.exit(2);
}

const controller = new AbortController();
let cluster: RunningCluster | undefined;
let catcher: MailCatcher | undefined;
let starting: Promise<RunningCluster> | undefined;
let shuttingDown = false;
let shutdownAt = 0;

async function shutdown(code: number, reason: string, fromSignal = false): Promise<void> {
  if (shuttingDown) {
    if (fromSignal && Date.now() - shutdownAt > 2_000) {
      log.warn('Stopping at once (second signal): killing what is left.');
      process.exit(130);
    }
    return;
  }
  shuttingDown = true;
  shutdownAt = Date.now();
  if (code === 0) log.info(reason);
  else log.error(reason);
  controller.abort();
  await starting?.catch(() => undefined);
  await cluster?.stop();
  await catcher?.stop();
  log.info('stopped');
  process.exit(code);
}

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.on(signal, () => void shutdown(0, `${signal} received: stopping the apis, workers, Temporal, PostgreSQL…`, true));
}

async function main(): Promise<void> {
  log.info(`Starting the kampung case platform, cluster form (data in ${config.DATA_DIR})`);
  await checkPostgresCanReach(config.DATA_DIR, log);
  const users: UserSpec[] = [...kampungApp.demoUsers];
  if (config.BOOTSTRAP_ADMIN_EMAIL && config.BOOTSTRAP_ADMIN_PASSWORD) {
    users.push({ email: config.BOOTSTRAP_ADMIN_EMAIL, password: config.BOOTSTRAP_ADMIN_PASSWORD, name: 'Administrator', role: 'ADMIN' });
  }
  if (!config.SMTP_URL) {
    catcher = await startMailCatcher({ smtpPort: config.MAIL_CATCHER_SMTP_PORT, webPort: config.MAIL_CATCHER_PORT });
    log.info(`Mail catcher ready: SMTP ${catcher.smtpUrl}, sent mail at ${catcher.webUrl}`);
  }
  starting = startCluster({
    root: ROOT,
    dataDir: config.DATA_DIR,
    app: kampungApp,
    log,
    colour,
    pgPort: config.PG_PORT,
    temporalPort: config.TEMPORAL_PORT,
    apiPorts: [config.PORT + 1, config.PORT + 2],
    proxyPort: config.PORT,
    namespace: config.TEMPORAL_NAMESPACE,
    taskQueue: config.TEMPORAL_TASK_QUEUE,
    logLevel: config.LOG_LEVEL,
    users,
    mail: { SMTP_URL: config.SMTP_URL ?? catcher!.smtpUrl, MAIL_FROM: config.MAIL_FROM },
    supervise: { onGiveUp: (_name, message) => void shutdown(1, message) },
    temporalServerDir: process.env.TEMPORAL_SERVER_DIR || undefined,
    signal: controller.signal,
  });
  cluster = await starting;

  if (config.SEED_DEMO) {
    const seeded = Date.now();
    const { Client, Connection } = await import('@temporalio/client');
    const connection = await Connection.connect({ address: cluster.temporalAddress });
    let created: number;
    try {
      const client = new Client({ connection, namespace: config.TEMPORAL_NAMESPACE });
      created = await kampungApp.seedDemo({ databaseUrl: cluster.databaseUrl, client, taskQueue: config.TEMPORAL_TASK_QUEUE });
    } finally {
      await connection.close();
    }
    log.info(`Demo data in place, ${created} new case(s) (${formatMs(Date.now() - seeded)})`);
  }
  printBanner(cluster);
}

function printBanner(running: RunningCluster): void {
  const bold = (text: string) => paint(1, text, colour);
  const rows: [string, string][] = [
    ['App', `${bold(running.appUrl.replace('127.0.0.1', 'localhost'))}  (round-robin over the replicas)`],
    ...running.replicas.map((replica): [string, string] => [
      `Replica ${replica.index}`,
      `api ${replica.appUrl} (pid ${replica.pids.api}), worker pid ${replica.pids.worker}; ${replica.appUrl}/healthz, ${replica.appUrl}/metrics`,
    ]),
    ['Temporal', `${running.temporalAddress}  server ${TEMPORAL_SERVER_VERSION} on PostgreSQL, ${HISTORY_SHARDS} history shards, namespace ${config.TEMPORAL_NAMESPACE}`],
    ['', `its metrics ${running.temporalMetricsUrl}; no web UI (use \`temporal --address ${running.temporalAddress} workflow list\`)`],
    ['PostgreSQL', `${maskPassword(running.databaseUrl)} (and databases temporal, temporal_visibility)`],
    ['Mail', catcher ? `${bold(catcher.webUrl)}  sent mail, caught here (SMTP ${catcher.smtpUrl})` : `sent through ${config.SMTP_URL?.replace(/\/\/[^@/]*@/, '//')}`],
    ['Data', running.dataDir],
  ];
  const lines = [
    '',
    bold(`Kampung case platform, cluster form, is running (started in ${formatMs(Math.round(process.uptime() * 1000))})`),
    ...rows.map(([label, value]) => `  ${label.padEnd(12)} ${value}`),
    '',
    '  Logins',
    ...kampungApp.demoUsers.map((user) => `    ${user.email} / ${user.password}  (${user.role})`),
    '',
    '  A process that stops is started again (after 1 s, doubling to 30 s while it keeps failing).',
    '  Press Ctrl-C to stop. Data stays in the data directory for the next start.',
    '',
  ];
  for (const line of lines) log.info(line);
}

try {
  await main();
} catch (error) {
  if (!shuttingDown) {
    log.error(`Start-up failed: ${describeError(error)}`);
    await shutdown(1, 'Stopping what was started.');
  }
}
