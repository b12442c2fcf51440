/**
 * What the test stack's fetched tools share (the Temporal CLI built with Go, the Java time-skipping
 * test server resolved with Maven): a cache directory per tool and version, one build at a time
 * (a lock file holding the builder's pid), and commands whose output goes to the stack's log.
 */
import { spawn } from 'node:child_process';
import { constants } from 'node:fs';
import { access, open, readdir, readFile, rm, stat } from 'node:fs/promises';
import { homedir } from 'node:os';
import { delimiter, join } from 'node:path';
import { createInterface } from 'node:readline';
import { stripVTControlCharacters } from 'node:util';
import type { Log } from './log';

const LOCK_STALE_AFTER_MS = 30 * 60_000;

/** `$XDG_CACHE_HOME/kampung/<tool>/<version>`, `~/.cache/kampung/<tool>/<version>` by default. */
export function toolCacheDir(tool: string, version: string): string {
  const cacheHome = process.env.XDG_CACHE_HOME || join(homedir(), '.cache');
  return join(cacheHome, 'kampung', tool, version);
}

export async function isExecutableFile(path: string): Promise<boolean> {
  try {
    const info = await stat(path);
    if (!info.isFile()) return false;
    await access(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

export async function findOnPath(command: string): Promise<string | undefined> {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (dir === '') continue;
    const candidate = join(dir, command);
    if (await isExecutableFile(candidate)) return candidate;
  }
  return undefined;
}

export type Release = () => Promise<void>;

/**
 * Takes `<dir>/.build.lock`, or waits while another process holds it; 'built-by-other' when
 * `target` appeared meanwhile. A lock whose holder is gone (or older than 30 minutes) is removed.
 */
export async function acquireBuildLock(
  dir: string,
  target: string,
  what: string,
  log: Log,
  signal?: AbortSignal,
): Promise<Release | 'built-by-other'> {
  const lockPath = join(dir, '.build.lock');
  let announced = false;
  for (;;) {
    signal?.throwIfAborted();
    try {
      const handle = await open(lockPath, 'wx');
      await handle.writeFile(String(process.pid));
      await handle.close();
      return () => rm(lockPath, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    if (await lockIsStale(lockPath)) {
      log.warn(`Removing a stale ${what} build lock: ${lockPath}`);
      await rm(lockPath, { force: true });
      continue;
    }
    if (!announced) {
      log.info(`Another process is building the ${what} (lock ${lockPath}); waiting for it.`);
      announced = true;
    }
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    if (await isExecutableFile(target)) return 'built-by-other';
  }
}

async function lockIsStale(lockPath: string): Promise<boolean> {
  try {
    const [content, info] = await Promise.all([readFile(lockPath, 'utf8'), stat(lockPath)]);
    if (Date.now() - info.mtimeMs > LOCK_STALE_AFTER_MS) return true;
    const pid = Number.parseInt(content, 10);
    if (!Number.isInteger(pid) || pid <= 0) return Date.now() - info.mtimeMs > 10_000;
    try {
      process.kill(pid, 0);
      return false;
    } catch (error) {
      return (error as NodeJS.ErrnoException).code === 'ESRCH';
    }
  } catch {
    return false; // vanished between open and read: just retry
  }
}

/** Build directories left by an interrupted build (call it holding the lock: no build is running). */
export async function removeAbandonedBuilds(dir: string): Promise<void> {
  for (const entry of await readdir(dir)) {
    if (entry.startsWith('.build-')) await rm(join(dir, entry), { recursive: true, force: true });
  }
}

/** Runs a command, its output lines to `log`; rejects with the last lines when it fails. */
export function runLogged(
  command: string,
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv; signal?: AbortSignal },
  log: Log,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
    const tail: string[] = [];
    for (const stream of [child.stdout, child.stderr]) {
      createInterface({ input: stream }).on('line', (raw) => {
        // Maven 3.8 prints colour resets even with -B -q: a line with nothing to read is dropped.
        const line = stripVTControlCharacters(raw);
        if (line.trim() === '') return;
        log.info(line);
        tail.push(line);
        if (tail.length > 20) tail.shift();
      });
    }
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (code === 0) resolve();
      else reject(new Error(`${command} ${args.join(' ')} exited with ${signal ?? code}:\n${tail.join('\n')}`));
    });
  });
}

/** stdout and stderr of a command that must exit 0. */
export function captureOutput(command: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(output) : reject(new Error(`${command} exited with ${code}: ${output}`))));
  });
}
