/**
 * Backups of the application's database (and, in the cluster form, Temporal's `temporal` and
 * `temporal_visibility` on the same server): one pg_dump custom-format archive per database and a
 * manifest, in a folder. A restore builds each database anew beside the current one from its
 * archive, then swaps the names: the database as it was before is kept, renamed
 * `<name>_before_restore_<time>`, until an operator drops it.
 */
import { execFile } from 'node:child_process';
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { findPgClient, type PgClient } from './pg-client';

const run = promisify(execFile);

export const TEMPORAL_DATABASES = ['temporal', 'temporal_visibility'] as const;
export const MANIFEST = 'manifest.json';

export interface BackupManifest {
  format: 'kampung-backup/1';
  createdAt: string;
  serverVersion: string;
  client: string;
  databases: { role: 'app' | 'temporal'; name: string; file: string; bytes: number; ms: number }[];
}

export function databaseOf(url: string): string {
  const name = decodeURIComponent(new URL(url).pathname.replace(/^\//, ''));
  if (!name) throw new Error('DATABASE_URL names no database');
  return name;
}

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${encodeURIComponent(database)}`;
  return parsed.toString();
}

async function withClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  client.on('error', () => undefined);
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function serverInfo(url: string): Promise<{ major: number; version: string }> {
  return withClient(url, async (client) => {
    const { rows } = await client.query<{ num: string; version: string }>("select current_setting('server_version_num') as num, current_setting('server_version') as version");
    return { major: Math.floor(Number(rows[0]!.num) / 10_000), version: rows[0]!.version };
  });
}

/** libpq reads the password from the URL too; pg_dump gets the URL as --dbname. */
async function pgProgram(binary: string, args: string[]): Promise<void> {
  try {
    await run(binary, args, { maxBuffer: 64 * 1024 * 1024 });
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr?.trim();
    throw new Error(`${binary.split('/').at(-1)} failed: ${stderr || (error as Error).message}`, { cause: error });
  }
}

/** Backs up DATABASE_URL's database (and Temporal's, with `temporal`) into `dir`. */
export async function backup(options: {
  databaseUrl: string;
  dir: string;
  temporal?: boolean;
  temporalDatabases?: readonly string[];
  log?: (line: string) => void;
  client?: PgClient;
}): Promise<BackupManifest> {
  const log = options.log ?? (() => undefined);
  const server = await serverInfo(options.databaseUrl);
  const client = options.client ?? (await findPgClient(server.major, log));
  await mkdir(options.dir, { recursive: true });
  const targets: { role: 'app' | 'temporal'; name: string }[] = [{ role: 'app', name: databaseOf(options.databaseUrl) }];
  if (options.temporal) for (const name of options.temporalDatabases ?? TEMPORAL_DATABASES) targets.push({ role: 'temporal', name });

  const manifest: BackupManifest = { format: 'kampung-backup/1', createdAt: new Date().toISOString(), serverVersion: server.version, client: client.version, databases: [] };
  for (const { role, name } of targets) {
    const file = `${name}.dump`;
    const started = Date.now();
    // One consistent snapshot per database (pg_dump runs in one REPEATABLE READ transaction).
    await pgProgram(client.pgDump, ['--format=custom', '--no-owner', '--no-privileges', `--file=${join(options.dir, file)}`, `--dbname=${withDatabase(options.databaseUrl, name)}`]);
    const { size } = await stat(join(options.dir, file));
    manifest.databases.push({ role, name, file, bytes: size, ms: Date.now() - started });
    log(`${name}: ${file} (${Math.round(size / 1024)} KB, ${Date.now() - started} ms)`);
  }
  await writeFile(join(options.dir, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

export async function readManifest(dir: string): Promise<BackupManifest> {
  const manifest = JSON.parse(await readFile(join(dir, MANIFEST), 'utf8')) as BackupManifest;
  if (manifest.format !== 'kampung-backup/1') throw new Error(`${join(dir, MANIFEST)} is not a backup manifest`);
  return manifest;
}

/**
 * Restores the databases of the backup in `dir` (only the application's, or only Temporal's, with
 * `only`) onto DATABASE_URL's server: the application's archive becomes DATABASE_URL's database,
 * Temporal's keep their names. Each is built as `<name>_restoring` first (nothing changes if the
 * archive fails), then the sessions still connected to the current one are ended and the names
 * swapped. Stop the API, the worker (and, for Temporal's, the Temporal server) first.
 */
export async function restore(options: {
  databaseUrl: string;
  dir: string;
  only?: 'app' | 'temporal';
  log?: (line: string) => void;
  client?: PgClient;
}): Promise<{ restored: string[]; keptAs: string[] }> {
  const log = options.log ?? (() => undefined);
  const manifest = await readManifest(options.dir);
  const server = await serverInfo(options.databaseUrl);
  const client = options.client ?? (await findPgClient(server.major, log));
  const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\..*$/, '').replace('T', '_').toLowerCase();
  const restored: string[] = [];
  const keptAs: string[] = [];
  // The swaps are made from the server's maintenance database.
  const admin = withDatabase(options.databaseUrl, 'postgres');
  for (const entry of manifest.databases) {
    if (options.only && entry.role !== options.only) continue;
    const name = entry.role === 'app' ? databaseOf(options.databaseUrl) : entry.name;
    const building = `${name}_restoring`;
    const started = Date.now();
    await withClient(admin, async (c) => {
      await c.query(`drop database if exists ${c.escapeIdentifier(building)} with (force)`);
      await c.query(`create database ${c.escapeIdentifier(building)}`);
    });
    try {
      await pgProgram(client.pgRestore, ['--no-owner', '--no-privileges', '--exit-on-error', '--single-transaction', `--dbname=${withDatabase(options.databaseUrl, building)}`, join(options.dir, entry.file)]);
    } catch (error) {
      await withClient(admin, (c) => c.query(`drop database if exists ${c.escapeIdentifier(building)} with (force)`)).catch(() => undefined);
      throw error;
    }
    const before = `${name}_before_restore_${stamp}`.slice(0, 63);
    await withClient(admin, async (c) => {
      const { rowCount } = await c.query('select 1 from pg_database where datname = $1', [name]);
      if (rowCount) {
        // No new sessions, then the API's and the worker's are ended (their pools open new ones,
        // on the restored database, after the swap). The old one stays closed to connections.
        await c.query(`alter database ${c.escapeIdentifier(name)} with allow_connections false`);
        await c.query('select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()', [name]);
        await c.query(`alter database ${c.escapeIdentifier(name)} rename to ${c.escapeIdentifier(before)}`);
        keptAs.push(before);
      }
      await c.query(`alter database ${c.escapeIdentifier(building)} rename to ${c.escapeIdentifier(name)}`);
    });
    restored.push(name);
    log(`${name}: restored from ${entry.file} of ${manifest.createdAt} (${Date.now() - started} ms)${keptAs.includes(before) ? `; the database as it was is kept as ${before}` : ''}`);
  }
  return { restored, keptAs };
}
