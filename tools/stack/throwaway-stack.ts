/**
 * A throwaway stack for integration, end-to-end and benchmark runs: temporary
 * data directory, PostgreSQL on a free port (or a fresh database on
 * DATABASE_URL's server), an in-memory headless Temporal dev server, and the
 * worker and api on free ports. Service logs go to files in the temporary
 * directory; stop() removes everything.
 */
import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { randomBytes } from 'node:crypto';
import { findOnPath, resolveTemporalCli } from './temporal-cli';
import { startMailCatcher, type MailCatcher } from '../mail/catcher';
import type { Log } from './log';
import { dropDatabase, ensureDatabase, freePort, withDatabase } from './postgres';
import type { Exit } from './processes';
import { startStack, type AppSteps, type RunningStack, type ServiceName } from './stack';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface TestStack extends RunningStack {
  /** Environment for test processes: where the stack is and who may sign in. */
  env: Record<string, string>;
  tempDir: string;
  /** Service log files, by service name. */
  logFiles: Record<ServiceName, string>;
  /** The last `lines` lines of every service log, for a failure report. */
  readLogs(lines?: number): Promise<string>;
}

export interface TestStackOptions {
  log: Log;
  colour?: boolean;
  /** The application's steps; default: this repository's (./app). */
  app?: AppSteps;
  namespace?: string;
  taskQueue?: string;
  logLevel?: string;
  onUnexpectedExit?: (name: string, exit: Exit, tail: string) => void;
  signal?: AbortSignal;
}

export async function startTestStack(options: TestStackOptions): Promise<TestStack> {
  const { log } = options;
  const app = options.app ?? (await import('./app')).kampungApp;
  const namespace = options.namespace ?? 'default';
  const taskQueue = options.taskQueue ?? 'kampung-cases';
  const tempDir = await mkdtemp(join(tmpdir(), 'kampung-test-'));
  const logDir = join(tempDir, 'logs');
  await mkdir(logDir);

  const streams: WriteStream[] = [];
  const logFiles = {} as Record<ServiceName, string>;
  const sinkFor = (name: ServiceName) => {
    const file = join(logDir, `${name}.log`);
    const stream = createWriteStream(file, { flags: 'a' });
    streams.push(stream);
    logFiles[name] = file;
    return (line: string) => void stream.write(`${line}\n`);
  };

  let freshDatabase: { serverUrl: string; name: string } | undefined;
  let catcher: MailCatcher | undefined;
  const cleanUp = async () => {
    await catcher?.stop();
    await Promise.all(streams.map((stream) => new Promise((resolve) => stream.end(resolve))));
    if (freshDatabase) await dropDatabase(freshDatabase.serverUrl, freshDatabase.name).catch((error) => log.warn(`Could not drop ${freshDatabase?.name}: ${String(error)}`));
    await rm(tempDir, { recursive: true, force: true });
  };

  try {
    const externalUrl = process.env.DATABASE_URL;
    let database: { url: string } | { embeddedPort: number };
    if (externalUrl) {
      const name = `kampung_test_${randomBytes(4).toString('hex')}`;
      await ensureDatabase(externalUrl, name);
      freshDatabase = { serverUrl: externalUrl, name };
      database = { url: withDatabase(externalUrl, name) };
      log.info(`Using a fresh database ${name} on the DATABASE_URL server`);
    } else {
      database = { embeddedPort: await freePort() };
    }
    const cli = await resolveTemporalCli(log, { cliPath: process.env.TEMPORAL_CLI, signal: options.signal });
    const apiPort = await freePort();
    // Mail goes to a catcher the tests read (MAIL_CATCHER_URL/messages).
    catcher = await startMailCatcher({ smtpPort: 0, webPort: 0 });
    const mail = { SMTP_URL: catcher.smtpUrl, MAIL_FROM: 'Kampung Test <no-reply@kampung.test>', MAIL_EVERY: 'PT2S' };

    // Sign-in lockout of a few seconds, so the lockout test sees one end (the product's default is 15 minutes).
    process.env.LOGIN_LOCK_SECONDS ??= '3';
    const stack = await startStack({
      root: ROOT,
      dataDir: tempDir,
      app,
      log,
      colour: options.colour ?? false,
      database,
      // With its web UI, so the operators' link from a case to its workflow can be followed.
      temporal: { cli, port: await freePort(), uiPort: await freePort() },
      namespace,
      taskQueue,
      apiPort,
      logLevel: options.logLevel ?? 'info',
      users: app.demoUsers,
      sinkFor,
      onUnexpectedExit: options.onUnexpectedExit,
      signal: options.signal,
      mail,
    });

    const env: Record<string, string> = {
      DATABASE_URL: stack.databaseUrl,
      TEMPORAL_ADDRESS: stack.temporalAddress,
      TEMPORAL_NAMESPACE: namespace,
      TEMPORAL_TASK_QUEUE: taskQueue,
      APP_URL: stack.appUrl,
      ...mail,
      MAIL_CATCHER_URL: catcher.webUrl,
      LOGIN_LOCK_SECONDS: process.env.LOGIN_LOCK_SECONDS,
      ...(stack.temporalUiUrl ? { TEMPORAL_UI_URL: stack.temporalUiUrl } : {}),
      CHROMIUM_PATH: process.env.CHROMIUM_PATH ?? (await chromiumPath()),
      ...('path' in cli ? { TEMPORAL_CLI: cli.path } : {}),
      // One demo login per role: E2E_<ROLE>_EMAIL and E2E_<ROLE>_PASSWORD.
      ...Object.fromEntries(
        app.demoUsers.flatMap((user) => [[`E2E_${user.role}_EMAIL`, user.email], [`E2E_${user.role}_PASSWORD`, user.password]]),
      ),
    };

    return {
      ...stack,
      env,
      tempDir,
      logFiles,
      readLogs: (lines = 200) => readLogs(logFiles, lines),
      stop: async () => {
        try {
          await stack.stop();
        } finally {
          await cleanUp();
        }
      },
    };
  } catch (error) {
    await cleanUp();
    throw error;
  }
}

async function chromiumPath(): Promise<string> {
  for (const name of ['chromium', 'chromium-browser', 'google-chrome']) {
    const found = await findOnPath(name);
    if (found) return found;
  }
  return '/usr/bin/chromium';
}

async function readLogs(files: Partial<Record<ServiceName, string>>, lines: number): Promise<string> {
  const parts: string[] = [];
  for (const [name, file] of Object.entries(files)) {
    const text = await readFile(file, 'utf8').catch(() => '');
    const all = text.split('\n').filter((line) => line !== '');
    const shown = all.slice(-lines);
    const skipped = all.length - shown.length;
    parts.push(`----- ${name} log (${file})${skipped > 0 ? `, last ${shown.length} of ${all.length} lines` : ''} -----`, ...shown);
  }
  return parts.join('\n');
}
