/**
 * The real Temporal server (`go.temporal.io/server` `cmd/server`, the multi-service server the
 * `temporalio/server` image runs) and its schema tool (`cmd/tools/sql`, `temporal-sql-tool`),
 * built once with Go from the module proxy into `~/.cache/kampung/temporal-server/<version>`,
 * with the module's PostgreSQL schema files copied beside them. Same cache, lock and logging as
 * the Temporal CLI build (./temporal-cli.ts, ./cached-build.ts).
 */
import { cp, mkdir, mkdtemp, rename, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  acquireBuildLock,
  captureOutput,
  findOnPath,
  isExecutableFile,
  removeAbandonedBuilds,
  runLogged,
  toolCacheDir,
} from './cached-build';
import type { Log } from './log';

/** The server the compose file runs (`temporalio/server:1.29.1`), and the dev server's CLI embeds. */
export const TEMPORAL_SERVER_VERSION = '1.29.1';
const MODULE = 'go.temporal.io/server';

export interface TemporalServerBinaries {
  server: string;
  sqlTool: string;
  /** `schema/postgresql/v12` of the module: `temporal/versioned` and `visibility/versioned`. */
  postgresSchemaDir: string;
}

export function serverCacheDir(version = TEMPORAL_SERVER_VERSION): string {
  return toolCacheDir('temporal-server', version);
}

function binariesIn(dir: string): TemporalServerBinaries {
  return {
    server: join(dir, 'temporal-server'),
    sqlTool: join(dir, 'temporal-sql-tool'),
    postgresSchemaDir: join(dir, 'schema', 'postgresql', 'v12'),
  };
}

async function isBuilt(binaries: TemporalServerBinaries): Promise<boolean> {
  if (!(await isExecutableFile(binaries.server)) || !(await isExecutableFile(binaries.sqlTool))) return false;
  return stat(join(binaries.postgresSchemaDir, 'temporal', 'versioned')).then(
    (info) => info.isDirectory(),
    () => false,
  );
}

/**
 * The cached server binaries, built first if they are missing (about 4 minutes on 2 cores with a
 * warm module cache; longer when Go must download the modules). `TEMPORAL_SERVER_DIR` may point
 * at a directory laid out the same way (temporal-server, temporal-sql-tool, schema/postgresql/v12).
 */
export async function resolveTemporalServer(
  log: Log,
  options: { dir?: string; signal?: AbortSignal } = {},
): Promise<TemporalServerBinaries> {
  if (options.dir) {
    const given = binariesIn(options.dir);
    if (!(await isBuilt(given))) {
      throw new Error(`TEMPORAL_SERVER_DIR=${options.dir} lacks temporal-server, temporal-sql-tool or schema/postgresql/v12.`);
    }
    return given;
  }
  const dir = serverCacheDir();
  const cached = binariesIn(dir);
  if (await isBuilt(cached)) return cached;
  const go = await findOnPath('go');
  if (!go) {
    throw new Error(
      `The Temporal server ${TEMPORAL_SERVER_VERSION} is not built yet (${dir}) and Go is not installed. ` +
        'Install Go >= 1.24 (https://go.dev/dl/) and start again: it is built once from the Go module proxy. ' +
        'Or set TEMPORAL_SERVER_DIR to a directory with temporal-server, temporal-sql-tool and schema/postgresql/v12.',
    );
  }
  await mkdir(dir, { recursive: true });
  const release = await acquireBuildLock(dir, cached.server, 'Temporal server', log, options.signal);
  if (release === 'built-by-other') {
    // The other builder renames the sql tool and copies the schema after the server: wait for all.
    while (!(await isBuilt(cached))) await new Promise((resolve) => setTimeout(resolve, 1_000));
    return cached;
  }
  try {
    if (await isBuilt(cached)) return cached;
    await removeAbandonedBuilds(dir);
    await build(go, dir, log, options.signal);
    return cached;
  } finally {
    await release();
  }
}

/** Builds both binaries in a module of our own that requires the server's, then moves them (and
 * the schema) into place: nothing half-built is ever at the cached paths. */
async function build(go: string, dir: string, log: Log, signal?: AbortSignal): Promise<void> {
  log.info(
    `Building the Temporal server ${TEMPORAL_SERVER_VERSION} and its SQL tool from the Go module proxy into ${dir}. ` +
      'The first time takes ~4 minutes or more (later starts reuse it).',
  );
  const started = Date.now();
  const buildDir = await mkdtemp(join(dir, '.build-'));
  const moduleDir = await mkdtemp(join(tmpdir(), 'kampung-temporal-server-go-'));
  const heartbeat = setInterval(() => {
    log.info(`…still building the Temporal server (${Math.round((Date.now() - started) / 1000)} s)`);
  }, 30_000);
  const goLog = log.child('go');
  const env = { ...process.env, CGO_ENABLED: '0' };
  const run = (args: string[]) => runLogged(go, args, { cwd: moduleDir, env, signal }, goLog);
  try {
    await writeFile(join(moduleDir, 'go.mod'), 'module kampung.local/temporal-server-build\n\ngo 1.24\n');
    await run(['get', `${MODULE}/cmd/server@v${TEMPORAL_SERVER_VERSION}`, `${MODULE}/cmd/tools/sql@v${TEMPORAL_SERVER_VERSION}`]);
    await run(['build', '-ldflags', '-s -w', '-o', join(buildDir, 'temporal-server'), `${MODULE}/cmd/server`]);
    await run(['build', '-ldflags', '-s -w', '-o', join(buildDir, 'temporal-sql-tool'), `${MODULE}/cmd/tools/sql`]);
    const moduleInfo = JSON.parse(await captureOutput(go, ['mod', 'download', '-json', `${MODULE}@v${TEMPORAL_SERVER_VERSION}`])) as { Dir?: string };
    if (!moduleInfo.Dir) throw new Error(`go mod download did not say where ${MODULE} is`);
    await cp(join(moduleInfo.Dir, 'schema', 'postgresql', 'v12'), join(buildDir, 'schema', 'postgresql', 'v12'), { recursive: true });
    // The module cache is read-only; our copy need not be (so it can be replaced and removed).
    await captureOutput('chmod', ['-R', 'u+w', join(buildDir, 'schema')]);
    await captureOutput(join(buildDir, 'temporal-sql-tool'), ['--help']);
    // Schema first, server last: the server's presence is what a waiting builder looks for.
    await rm(join(dir, 'schema'), { recursive: true, force: true });
    await rename(join(buildDir, 'schema'), join(dir, 'schema'));
    await rename(join(buildDir, 'temporal-sql-tool'), join(dir, 'temporal-sql-tool'));
    await rename(join(buildDir, 'temporal-server'), join(dir, 'temporal-server'));
    log.info(`Built the Temporal server ${TEMPORAL_SERVER_VERSION} in ${Math.round((Date.now() - started) / 1000)} s: ${dir}`);
  } finally {
    clearInterval(heartbeat);
    await rm(buildDir, { recursive: true, force: true });
    await rm(moduleDir, { recursive: true, force: true });
  }
}
