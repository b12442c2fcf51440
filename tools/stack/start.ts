/**
 * `npm start`: the whole platform on this machine, no Docker.
 *   PostgreSQL (embedded, or DATABASE_URL) → migrations, reference data, users
 *   → Temporal dev server (SQLite in DATA_DIR, or TEMPORAL_ADDRESS) → web build
 *   → worker + api → demo data → banner.
 * A component that dies is started again, after a pause that grows with each quick failure
 * (./supervisor.ts); one that keeps failing stops the stack with a message saying which.
 * Ctrl-C (or SIGTERM) stops api, worker, Temporal and PostgreSQL in that order; everything
 * is kept in DATA_DIR for the next start.
 */
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startMailCatcher, type MailCatcher } from '../mail/catcher';
import { kampungApp } from './app';
import { ConfigError, parseStartConfig, type StartConfig } from './config';
import { colourEnabled, createLog, describeError, paint } from './log';
import { checkPostgresCanReach, maskPassword } from './postgres';
import { formatMs, startStack, type RunningStack, type UserSpec } from './stack';
import { resolveTemporalCli } from './temporal-cli';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const colour = colourEnabled();
const log = createLog('stack', { colour });

let config: StartConfig;
try {
  config = parseStartConfig();
} catch (error) {
  log.error(error instanceof ConfigError ? error.message : describeError(error));
  process.exit(2);
}

const controller = new AbortController();
let stack: RunningStack | undefined;
let catcher: MailCatcher | undefined;
let starting: Promise<RunningStack> | undefined;
let shuttingDown = false;
let shutdownAt = 0;

async function shutdown(code: number, reason: string, fromSignal = false): Promise<void> {
  if (shuttingDown) {
    // A Ctrl-C reaches us twice at once (from the terminal, and forwarded by npm): only a
    // signal that comes later means "stop now".
    if (fromSignal && Date.now() - shutdownAt > 2_000) {
      log.warn('Stopping at once (second signal): killing what is left.');
      process.exit(130); // the exit hook in ./processes SIGKILLs the children
    }
    return;
  }
  shuttingDown = true;
  shutdownAt = Date.now();
  if (code === 0) log.info(reason);
  else log.error(reason);
  controller.abort();
  await starting?.catch(() => undefined); // an interrupted start stops what it had started
  await stack?.stop();
  await catcher?.stop();
  log.info('stopped');
  process.exit(code);
}

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.on(signal, () => void shutdown(0, `${signal} received: stopping api, worker, Temporal, PostgreSQL…`, true));
}

async function main(): Promise<void> {
  log.info(`Starting the kampung case platform (data in ${config.DATA_DIR})`);
  // Before anything slow (a Temporal CLI build): run as root, can PostgreSQL's own user reach DATA_DIR?
  if (!config.DATABASE_URL) await checkPostgresCanReach(config.DATA_DIR, log);
  const users: UserSpec[] = [...kampungApp.demoUsers];
  if (config.BOOTSTRAP_ADMIN_EMAIL && config.BOOTSTRAP_ADMIN_PASSWORD) {
    users.push({ email: config.BOOTSTRAP_ADMIN_EMAIL, password: config.BOOTSTRAP_ADMIN_PASSWORD, name: 'Administrator', role: 'ADMIN' });
  }

  // Without SMTP_URL, mail goes to a catcher on this machine, read on its page.
  if (!config.SMTP_URL) {
    catcher = await startMailCatcher({ smtpPort: config.MAIL_CATCHER_SMTP_PORT, webPort: config.MAIL_CATCHER_PORT });
    log.info(`Mail catcher ready: SMTP ${catcher.smtpUrl}, sent mail at ${catcher.webUrl}`);
  }
  starting = startStack({
    root: ROOT,
    dataDir: config.DATA_DIR,
    app: kampungApp,
    log,
    colour,
    database: config.DATABASE_URL ? { url: config.DATABASE_URL } : { embeddedPort: config.PG_PORT },
    temporal: config.TEMPORAL_ADDRESS
      ? { address: config.TEMPORAL_ADDRESS }
      : {
          cli: await resolveTemporalCli(log, { cliPath: config.TEMPORAL_CLI, signal: controller.signal }),
          port: config.TEMPORAL_PORT,
          uiPort: config.TEMPORAL_UI_PORT,
          dbFile: join(config.DATA_DIR, 'temporal', 'temporal.sqlite'),
        },
    namespace: config.TEMPORAL_NAMESPACE,
    taskQueue: config.TEMPORAL_TASK_QUEUE,
    apiPort: config.PORT,
    logLevel: config.LOG_LEVEL,
    users,
    signal: controller.signal,
    supervise: { onGiveUp: (_name, message) => void shutdown(1, message) },
    mail: { SMTP_URL: config.SMTP_URL ?? catcher!.smtpUrl, MAIL_FROM: config.MAIL_FROM },
  });
  stack = await starting;

  if (config.SEED_DEMO) {
    const seeded = Date.now();
    let created: number;
    const { Client, Connection } = await import('@temporalio/client');
    const connection = await Connection.connect({ address: stack.temporalAddress });
    try {
      const client = new Client({ connection, namespace: config.TEMPORAL_NAMESPACE });
      created = await kampungApp.seedDemo({ databaseUrl: stack.databaseUrl, client, taskQueue: config.TEMPORAL_TASK_QUEUE });
    } finally {
      await connection.close();
    }
    log.info(`Demo data in place, ${created} new case(s) (${formatMs(Date.now() - seeded)})`);
  }
  printBanner(stack);
}

function printBanner(running: RunningStack): void {
  const bold = (text: string) => paint(1, text, colour);
  const kept = [config.DATABASE_URL ? '' : 'PostgreSQL', config.TEMPORAL_ADDRESS ? '' : 'Temporal'].filter(Boolean);
  const rows: [string, string][] = [
    ['App', bold(`http://localhost:${config.PORT}`)],
    ['Temporal UI', running.temporalUiUrl ?? `(external Temporal at ${running.temporalAddress})`],
    ['Temporal', `${running.temporalAddress}  namespace ${config.TEMPORAL_NAMESPACE}, task queue ${config.TEMPORAL_TASK_QUEUE}`],
    ['PostgreSQL', maskPassword(running.databaseUrl)],
    ['Mail', catcher ? `${bold(catcher.webUrl)}  sent mail, caught here (SMTP ${catcher.smtpUrl})` : `sent through ${config.SMTP_URL?.replace(/\/\/[^@/]*@/, '//')}`],
    ['Data', `${running.dataDir}${kept.length ? ` (${kept.join(' and ')} state)` : ''}`],
  ];
  const logins = kampungApp.demoUsers.map((user) => `${user.email} / ${user.password}  (${user.role})`);
  if (config.BOOTSTRAP_ADMIN_EMAIL) logins.push(`${config.BOOTSTRAP_ADMIN_EMAIL} / (BOOTSTRAP_ADMIN_PASSWORD)  (ADMIN)`);
  const lines = [
    '',
    bold(`Kampung case platform is running (started in ${formatMs(Math.round(process.uptime() * 1000))})`),
    ...rows.map(([label, value]) => `  ${label.padEnd(12)} ${value}`),
    '',
    '  Logins',
    ...logins.map((login) => `    ${login}`),
    '',
    '  A component that stops is started again (after 1 s, doubling to 30 s while it keeps failing).',
    `  Press Ctrl-C to stop. Data stays in ${displayPath(running.dataDir)} for the next start.`,
    '',
  ];
  for (const line of lines) log.info(line);
}

function displayPath(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel === '' ? '.' : rel.startsWith('..') ? path : `./${rel}`;
}

try {
  await main();
} catch (error) {
  if (!shuttingDown) {
    log.error(`Start-up failed: ${describeError(error)}`);
    await shutdown(1, 'Stopping what was started.');
  }
}
