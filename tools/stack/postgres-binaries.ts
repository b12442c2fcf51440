/**
 * Run as root, PostgreSQL runs as the `postgres` user, which must be able to reach its binaries.
 * In a clone under /root (mode 0700), or in any folder it cannot enter, it cannot: initdb fails with
 * EACCES. Then the binaries (bin, lib, share: about 60 MB) are copied once per version into
 * `<tmpdir>/kampung-postgres-<version>`, a folder owned by root that others may read but not change,
 * and run from there.
 */
import { constants } from 'node:fs';
import { access, chmod, cp, lstat, mkdtemp, readFile, rename, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { StartError, type Log } from './log';

export interface RunAs {
  uid: number;
  gid: number;
}

export interface Binaries {
  initdb: string;
  postgres: string;
}

export interface Blocked {
  dir: string;
  mode: number;
  uid: number;
}

/** The first existing directory from `dir` up to / that `runAs` may not enter (no x bit for it). */
export async function firstBlockedDirectory(dir: string, runAs: RunAs): Promise<Blocked | undefined> {
  for (let current = dir; ; current = dirname(current)) {
    const info = await stat(current).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return undefined; // made later, by us, with a mode others may enter
      throw error;
    });
    if (info && !mayEnter(info, runAs)) return { dir: current, mode: info.mode & 0o777, uid: info.uid };
    if (current === dirname(current)) return undefined;
  }
}

function mayEnter(info: { uid: number; gid: number; mode: number }, runAs: RunAs): boolean {
  if (info.uid === runAs.uid) return (info.mode & 0o100) !== 0;
  if (info.gid === runAs.gid) return (info.mode & 0o010) !== 0;
  return (info.mode & 0o001) !== 0;
}

/** `binaries` if `runAs` reaches them, else a copy it reaches (made once per version). */
export async function binariesReachableBy(binaries: Binaries, runAs: RunAs, log: Log, baseDir = tmpdir()): Promise<Binaries> {
  const blocked = await firstBlockedDirectory(dirname(binaries.initdb), runAs);
  if (!blocked) return binaries;

  const nativeDir = dirname(dirname(binaries.initdb)); // …/native (bin, lib, share)
  const version = await packageVersion(nativeDir);
  const target = join(baseDir, `kampung-postgres-${version}`);
  const relocated = (dir: string): Binaries => ({
    initdb: join(dir, 'bin', basename(binaries.initdb)),
    postgres: join(dir, 'bin', basename(binaries.postgres)),
  });
  const reachable = await firstBlockedDirectory(baseDir, runAs);
  if (reachable) {
    throw new StartError(
      `The \`postgres\` user cannot enter ${blocked.dir} (mode ${blocked.mode.toString(8)}), where the PostgreSQL binaries are, ` +
        `nor ${reachable.dir}, where they would be copied for it. Set TMPDIR to a folder it may enter (e.g. TMPDIR=/tmp), ` +
        'clone the repository elsewhere, run as a normal user, or set DATABASE_URL.',
    );
  }

  if (await isOurs(target)) return relocated(target);
  log.info(
    `The \`postgres\` user cannot enter ${blocked.dir} (mode ${blocked.mode.toString(8)}): ` +
      `copying the PostgreSQL ${version} binaries to ${target} for it (once).`,
  );
  // Copied beside the target and renamed into place: a copy cut off halfway is never used.
  const building = await mkdtemp(join(baseDir, `.kampung-postgres-${version}-`));
  try {
    await cp(nativeDir, building, { recursive: true, verbatimSymlinks: true });
    await chmod(building, 0o755);
    await rename(building, target); // fails when the target exists (never replaced: a start may be using it)
  } catch (error) {
    await rm(building, { recursive: true, force: true });
    if (await isOurs(target)) return relocated(target); // another start made it meanwhile
    throw new StartError(`Could not copy the PostgreSQL binaries to ${target}: ${(error as Error).message}. Remove ${target} and start again.`, { cause: error });
  }
  return relocated(target);
}

/**
 * True for a complete copy made by root that nobody else can change; false when there is none.
 * Throws when something else sits at that name: another user's folder must never be run.
 */
async function isOurs(target: string): Promise<boolean> {
  const info = await lstat(target).catch(() => undefined);
  if (!info) return false;
  if (!info.isDirectory() || info.uid !== 0 || (info.mode & 0o022) !== 0) {
    throw new StartError(`${target} exists but is not a folder only root may change; remove it and start again.`);
  }
  try {
    await access(join(target, 'bin', 'initdb'), constants.X_OK);
    await access(join(target, 'bin', 'postgres'), constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

async function packageVersion(nativeDir: string): Promise<string> {
  const manifest = JSON.parse(await readFile(join(dirname(nativeDir), 'package.json'), 'utf8')) as { version?: unknown };
  if (typeof manifest.version !== 'string' || !/^[\w.-]+$/.test(manifest.version)) {
    throw new Error(`No usable version in ${join(dirname(nativeDir), 'package.json')}`);
  }
  return manifest.version;
}
