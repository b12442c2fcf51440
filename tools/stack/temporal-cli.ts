/**
 * Finds a `temporal` CLI (it embeds the dev server) without needing Temporal's
 * download site, which these machines cannot reach:
 *   1. TEMPORAL_CLI  2. `temporal` on PATH  3. the cached Go build
 *   4. build it once from the Go module proxy  5. let the SDK download it
 *   6. fail with install instructions.
 */
import { mkdir, mkdtemp, rename, rm } from 'node:fs/promises';
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

export { findOnPath };

export const TEMPORAL_CLI_VERSION = '1.5.1';
const GO_MODULE = 'github.com/temporalio/cli/cmd/temporal';
const VERSION_LDFLAG = 'github.com/temporalio/cli/temporalcli.Version';
const SDK_DOWNLOAD_PROBE_URL = 'https://temporal.download/';

export type TemporalCli = { path: string } | { sdkDownload: true };

export function installHint(): string {
  return [
    'No Temporal CLI found and none could be built or downloaded. Install one of:',
    '  - the Temporal CLI: `brew install temporal` (macOS/Linux) or https://docs.temporal.io/cli#install,',
    `  - or point TEMPORAL_CLI at an existing \`temporal\` binary (version ${TEMPORAL_CLI_VERSION} is what we test with),`,
    '  - or install Go >= 1.25 (https://go.dev/dl/) and run `npm start` again: the CLI is then built once',
  `    from the Go module proxy into ${cliCacheDir()} (about 5 minutes the first time),`,
    '  - or set TEMPORAL_ADDRESS to use a Temporal server you already run.',
  ].join('\n');
}

export function cliCacheDir(version = TEMPORAL_CLI_VERSION): string {
  return toolCacheDir('temporal-cli', version);
}

export interface ResolveOptions {
  /** TEMPORAL_CLI (defaults to the environment variable). */
  cliPath?: string;
  signal?: AbortSignal;
}

export async function resolveTemporalCli(
  log: Log,
  options: ResolveOptions = { cliPath: process.env.TEMPORAL_CLI },
): Promise<TemporalCli> {
  const fromEnv = options.cliPath;
  if (fromEnv !== undefined && fromEnv !== '') {
    if (!(await isExecutableFile(fromEnv))) {
      throw new Error(`TEMPORAL_CLI=${fromEnv} is not an executable file. Fix the path or unset TEMPORAL_CLI.`);
    }
    return { path: fromEnv };
  }

  const onPath = await findOnPath('temporal');
  if (onPath) return { path: onPath };

  const cached = join(cliCacheDir(), 'temporal');
  if (await isExecutableFile(cached)) return { path: cached };

  let goFailure: string | undefined;
  const go = await findOnPath('go');
  if (go) {
    try {
      return { path: await buildWithGo(go, log, options.signal) };
    } catch (error) {
      if (options.signal?.aborted) throw error;
      goFailure = error instanceof Error ? error.message : String(error);
      log.warn(`Building the Temporal CLI with Go failed: ${goFailure}`);
    }
  }

  if (await canReachTemporalDownloads()) {
    log.info('No Temporal CLI found: the Temporal SDK will download one (cached-download).');
    return { sdkDownload: true };
  }
  throw new Error(goFailure ? `${installHint()}\n(Go build error: ${goFailure})` : installHint());
}

async function canReachTemporalDownloads(): Promise<boolean> {
  try {
    const response = await fetch(SDK_DOWNLOAD_PROBE_URL, { method: 'HEAD', signal: AbortSignal.timeout(5_000) });
    return response.status < 500;
  } catch {
    return false;
  }
}

/**
 * `go install` into a fresh directory next to the cache, check the binary runs,
 * then rename it into place: a half-built binary is never at the cached path.
 * A lock file (holding our pid) keeps two concurrent starts from building twice.
 */
async function buildWithGo(go: string, log: Log, signal?: AbortSignal): Promise<string> {
  const dir = cliCacheDir();
  const target = join(dir, 'temporal');
  await mkdir(dir, { recursive: true });
  const release = await acquireBuildLock(dir, target, 'Temporal CLI', log, signal);
  if (release === 'built-by-other') return target;
  try {
    if (await isExecutableFile(target)) return target;
    await removeAbandonedBuilds(dir);
    log.info(
      `Building Temporal CLI ${TEMPORAL_CLI_VERSION} from the Go module proxy into ${dir}. ` +
        'The first time takes ~5 minutes (later starts reuse it).',
    );
    const started = Date.now();
    const buildDir = await mkdtemp(join(dir, '.build-'));
    const workDir = await mkdtemp(join(tmpdir(), 'kampung-temporal-go-'));
    // `go install` is silent while it compiles: say now and then that it is still going.
    const heartbeat = setInterval(() => {
      log.info(`…still building the Temporal CLI (${Math.round((Date.now() - started) / 1000)} s)`);
    }, 30_000);
    try {
      await runLogged(
        go,
        ['install', '-ldflags', `-s -w -X ${VERSION_LDFLAG}=${TEMPORAL_CLI_VERSION}`, `${GO_MODULE}@v${TEMPORAL_CLI_VERSION}`],
        { cwd: workDir, env: { ...process.env, GOBIN: buildDir, CGO_ENABLED: '0' }, signal },
        log.child('go'),
      );
      const built = join(buildDir, 'temporal');
      const version = await captureOutput(built, ['--version']);
      if (!version.includes(TEMPORAL_CLI_VERSION)) {
        throw new Error(`the built binary reports "${version.trim()}", expected ${TEMPORAL_CLI_VERSION}`);
      }
      await rename(built, target);
      log.info(`Built ${version.trim()} in ${Math.round((Date.now() - started) / 1000)} s: ${target}`);
      return target;
    } finally {
      clearInterval(heartbeat);
      await rm(buildDir, { recursive: true, force: true });
      await rm(workDir, { recursive: true, force: true });
    }
  } finally {
    await release();
  }
}
