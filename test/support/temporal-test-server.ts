/**
 * Finds Temporal's time-skipping test server (the Java `io.temporal:temporal-test-server`) without
 * Temporal's download site, which these machines cannot reach:
 *   1. TEMPORAL_TEST_SERVER (an executable taking `<port> [--enable-time-skipping]`)
 *   2. the cached Maven resolution  3. resolve it once from Maven Central with `mvn`
 *   4. fail saying what to install.
 * The cache holds the server's jars (`lib/`) and a wrapper script that runs them with `java`; nothing
 * of it is in git.
 */
import { mkdir, mkdtemp, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  acquireBuildLock,
  captureOutput,
  findOnPath,
  isExecutableFile,
  removeAbandonedBuilds,
  runLogged,
  toolCacheDir,
} from '@kampung/tools/stack/cached-build';
import type { Log } from '@kampung/tools/stack/log';

export const TEMPORAL_TEST_SERVER_VERSION = '1.31.0';
const GROUP_ID = 'io.temporal';
const ARTIFACT_ID = 'temporal-test-server';
const MAIN_CLASS = 'io.temporal.testserver.TestServer';
/** Pinned, so that `mvn` does not pick whichever plugin version its super-POM names. */
const DEPENDENCY_PLUGIN = 'org.apache.maven.plugins:maven-dependency-plugin:3.8.1';
const WRAPPER = 'temporal-test-server';

export function testServerCacheDir(version = TEMPORAL_TEST_SERVER_VERSION): string {
  return toolCacheDir('temporal-test-server', version);
}

export function testServerInstallHint(missing: string[] = ['java', 'mvn']): string {
  return [
    `Not found on PATH: ${missing.map((m) => `\`${m}\``).join(', ')}. Temporal's time-skipping test server needs a Java runtime to run it and, once, Maven to fetch it.`,
    '  - Install a Java runtime (8 or newer; 17 is tested) and Maven, e.g. `apt-get install openjdk-17-jdk-headless maven`',
    '    or `brew install openjdk maven`; JAVA_HOME is honoured. The first run then resolves',
    `    ${GROUP_ID}:${ARTIFACT_ID}:${TEMPORAL_TEST_SERVER_VERSION} from Maven Central into ${testServerCacheDir()} (about a minute),`,
    '  - or point TEMPORAL_TEST_SERVER at an executable that runs the test server (`<executable> <port>`).',
  ].join('\n');
}

export interface ResolveTestServerOptions {
  /** TEMPORAL_TEST_SERVER (defaults to the environment variable). */
  serverPath?: string;
  signal?: AbortSignal;
}

/** The path of an executable that starts the test server: `<path> <port> [--enable-time-skipping]`. */
export async function resolveTemporalTestServer(
  log: Log,
  options: ResolveTestServerOptions = { serverPath: process.env.TEMPORAL_TEST_SERVER },
): Promise<string> {
  const fromEnv = options.serverPath;
  if (fromEnv !== undefined && fromEnv !== '') {
    if (!(await isExecutableFile(fromEnv))) {
      throw new Error(`TEMPORAL_TEST_SERVER=${fromEnv} is not an executable file. Fix the path or unset TEMPORAL_TEST_SERVER.`);
    }
    return fromEnv;
  }

  const java = await findJava();
  const dir = testServerCacheDir();
  const target = join(dir, WRAPPER);
  if (await isExecutableFile(target)) {
    if (!java) throw new Error(testServerInstallHint(['java']));
    return target;
  }
  const mvn = await findOnPath('mvn');
  const missing = [...(java ? [] : ['java']), ...(mvn ? [] : ['mvn'])];
  if (!java || !mvn) throw new Error(testServerInstallHint(missing));
  return await resolveWithMaven(mvn, dir, target, log, options.signal);
}

/** `$JAVA_HOME/bin/java` when JAVA_HOME is set (as the wrapper does), else `java` on PATH. */
async function findJava(): Promise<string | undefined> {
  const home = process.env.JAVA_HOME;
  if (home) return (await isExecutableFile(join(home, 'bin', 'java'))) ? join(home, 'bin', 'java') : undefined;
  return await findOnPath('java');
}

/**
 * `mvn dependency:copy-dependencies` on a generated POM copies the server and every jar it needs
 * into a fresh directory next to the cache; the wrapper is written last, by rename, so a cache
 * with a wrapper is a complete one. A lock keeps two concurrent runs from resolving twice.
 */
async function resolveWithMaven(mvn: string, dir: string, target: string, log: Log, signal?: AbortSignal): Promise<string> {
  await mkdir(dir, { recursive: true });
  const release = await acquireBuildLock(dir, target, 'Temporal test server', log, signal);
  if (release === 'built-by-other') return target;
  try {
    if (await isExecutableFile(target)) return target;
    await removeAbandonedBuilds(dir);
    log.info(
      `Resolving the Temporal test server ${TEMPORAL_TEST_SERVER_VERSION} from Maven Central into ${dir} ` +
        '(about a minute the first time; later runs reuse it).',
    );
    const started = Date.now();
    const buildDir = await mkdtemp(join(dir, '.build-'));
    try {
      await writeFile(join(buildDir, 'pom.xml'), pom());
      const lib = join(buildDir, 'lib');
      await runLogged(
        mvn,
        ['-B', '-q', '-f', join(buildDir, 'pom.xml'), `${DEPENDENCY_PLUGIN}:copy-dependencies`, `-DoutputDirectory=${lib}`, '-DincludeScope=runtime'],
        { cwd: buildDir, env: process.env, signal },
        log.child('mvn'),
      );
      const serverJar = `${ARTIFACT_ID}-${TEMPORAL_TEST_SERVER_VERSION}.jar`;
      if (!(await readdir(lib)).includes(serverJar)) throw new Error(`Maven finished but ${serverJar} is not in ${lib}`);
      await writeFile(join(buildDir, WRAPPER), wrapperScript(), { mode: 0o755 });
      // The usage text proves the jars and the main class load (it exits 0 without a port).
      const usage = await captureOutput(join(buildDir, WRAPPER), []);
      if (!usage.includes('--enable-time-skipping')) throw new Error(`the test server did not answer as expected:\n${usage}`);

      await rm(join(dir, 'lib'), { recursive: true, force: true });
      await rename(lib, join(dir, 'lib'));
      await rename(join(buildDir, WRAPPER), target);
      log.info(`Temporal test server ${TEMPORAL_TEST_SERVER_VERSION} ready in ${Math.round((Date.now() - started) / 1000)} s: ${target}`);
      return target;
    } finally {
      await rm(buildDir, { recursive: true, force: true });
    }
  } finally {
    await release();
  }
}

function pom(): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<!-- Generated by test/support/temporal-test-server.ts: only to copy the test server's jars. -->
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>kampung.local</groupId>
  <artifactId>temporal-test-server-fetch</artifactId>
  <version>0</version>
  <packaging>pom</packaging>
  <dependencies>
    <dependency>
      <groupId>${GROUP_ID}</groupId>
      <artifactId>${ARTIFACT_ID}</artifactId>
      <version>${TEMPORAL_TEST_SERVER_VERSION}</version>
    </dependency>
  </dependencies>
</project>
`;
}

/** C1 only and the serial collector: the server opened its port ~1 s sooner on a busy 2-core
 * machine (2.1-2.5 s against 3.5 s), and it never runs long enough to miss the optimising compiler. */
function wrapperScript(): string {
  return `#!/bin/sh
# Temporal's time-skipping test server ${TEMPORAL_TEST_SERVER_VERSION} (${GROUP_ID}:${ARTIFACT_ID} from Maven Central),
# written by test/support/temporal-test-server.ts. Usage: ${WRAPPER} <port> [--enable-time-skipping]
here=$(cd "$(dirname "$0")" && pwd)
exec "\${JAVA_HOME:+$JAVA_HOME/bin/}java" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp "$here/lib/*" ${MAIN_CLASS} "$@"
`;
}
