/**
 * The api serves the built web app (web/dist). Rebuild it when it is missing
 * or older than its sources.
 */
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Log } from './log';
import { runToCompletion } from './processes';

/** What the bundle is built from: the web sources and the domain code they import. */
const SOURCES = ['web/src', 'web/index.html', 'web/vite.config.ts', 'web/package.json', 'domain/src'];

async function newestMtime(path: string): Promise<number> {
  let info;
  try {
    info = await stat(path);
  } catch {
    return 0;
  }
  if (!info.isDirectory()) return info.mtimeMs;
  let newest = info.mtimeMs; // a deleted file shows as a newer directory
  for (const entry of await readdir(path, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    newest = Math.max(newest, await newestMtime(join(path, entry.name)));
  }
  return newest;
}

export async function webBuildIsStale(root: string): Promise<{ stale: boolean; reason: string }> {
  const builtAt = await stat(join(root, 'web/dist/index.html')).then((info) => info.mtimeMs, () => undefined);
  if (builtAt === undefined) return { stale: true, reason: 'web/dist/index.html is missing' };
  const sourcesAt = Math.max(...(await Promise.all(SOURCES.map((source) => newestMtime(join(root, source))))));
  return sourcesAt > builtAt
    ? { stale: true, reason: 'web sources changed since the last build' }
    : { stale: false, reason: 'web/dist is up to date' };
}

/** Runs `npm run build --workspace web` when web/dist is missing or stale. */
export async function buildWebIfStale(root: string, log: Log, colour?: boolean, signal?: AbortSignal): Promise<void> {
  const { stale, reason } = await webBuildIsStale(root);
  if (!stale) return;
  log.info(`Building the web app (${reason})…`);
  const started = Date.now();
  await runToCompletion({
    name: 'web',
    command: process.platform === 'win32' ? 'npm.cmd' : 'npm',
    args: ['run', 'build', '--workspace', 'web'],
    cwd: root,
    sink: log.sink,
    colour,
    signal,
  });
  log.info(`Built the web app in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
