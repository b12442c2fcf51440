// npm test: beside the shared stack (its own services)
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { fork, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { access, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SEARCH_ATTRIBUTES } from '@kampung/workflows';
import { ApiClient } from '@kampung/tools/client/api-client';
import { assembleRuntimeStage } from '@kampung/tools/build/runtime-stage';
import { createLog } from '@kampung/tools/stack/log';
import { dropDatabase, ensureDatabase, freePort, withDatabase } from '@kampung/tools/stack/postgres';
import { ROOT } from '@kampung/tools/stack/throwaway-stack';
import { startTemporalDevServer, type RunningTemporal } from '@kampung/tools/stack/temporal-server';
import { env } from './support/env';
import { eventually } from './support/temporal';
import { validData } from './support/stage-data';

/** The Dockerfile's runtime stage without Docker: `npm run build`'s output and production
 * dependencies only, in a folder that holds no source, started with plain `node` against a fresh
 * database and a Temporal server of its own. */
describe('the production build', () => {
  const log = createLog('production-build', { colour: false });
  // The Temporal server's own warnings (e.g. at shutdown) stay out of the test's output.
  const temporalLog = createLog('temporal', { colour: false, sink: () => undefined });
  const admin = { email: 'admin@production.test', password: 'a long secret for production' };
  let work: string;
  let app: string;
  let databaseUrl: string;
  const database = `kampung_prod_${randomBytes(4).toString('hex')}`;
  let temporal: RunningTemporal | undefined;
  const children: ChildProcess[] = [];
  const timings: Record<string, number> = {};

  // Only what the processes are given: no NODE_OPTIONS (a loader) leaks in from the test runner.
  const baseEnv = () => ({ PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: process.env.HOME ?? '/tmp', NODE_ENV: 'production', LOG_LEVEL: 'info' });

  before(async () => {
    work = await mkdtemp(join(tmpdir(), 'kampung-prod-'));
    app = join(work, 'app');
    let started = Date.now();
    const built = await run(process.execPath, ['--import', 'tsx', 'tools/build/build.ts', '--out', join(work, 'dist')], ROOT, process.env);
    assert.equal(built.code, 0, built.output);
    timings.build = Date.now() - started;
    started = Date.now();
    const { installMs } = await assembleRuntimeStage({ root: ROOT, distDir: join(work, 'dist'), target: app, npmArgs: ['--prefer-offline'] });
    timings.install = installMs;
    timings.assemble = Date.now() - started;

    await ensureDatabase(env.databaseUrl, database);
    databaseUrl = withDatabase(env.databaseUrl, database);
    temporal = await startTemporalDevServer({
      cli: { path: env.temporalCli },
      port: await freePort(),
      namespace: 'default',
      searchAttributes: SEARCH_ATTRIBUTES,
      log: temporalLog,
    });
  });

  after(async () => {
    for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await Promise.all(children.map((child) => (child.exitCode === null && child.signalCode === null ? new Promise((r) => child.once('exit', r)) : undefined)));
    await temporal?.stop();
    await dropDatabase(env.databaseUrl, database).catch(() => undefined);
    await rm(work, { recursive: true, force: true });
    log.info(`timings: ${Object.entries(timings).map(([k, v]) => `${k} ${(v / 1000).toFixed(1)} s`).join(', ')}`);
  });

  test('when the runtime folder is assembled, then it holds no TypeScript tooling and no sources', async () => {
    for (const pkg of ['tsx', 'typescript', 'vite', 'esbuild', '@temporalio/testing', 'playwright-core']) {
      const probe = await run(process.execPath, ['--input-type=module', '-e', `await import(${JSON.stringify(pkg)})`], app, baseEnv());
      assert.notEqual(probe.code, 0, `${pkg} must not be importable in the runtime folder`);
      assert.match(probe.output, /ERR_MODULE_NOT_FOUND|Cannot find package/, `${pkg}: ${probe.output.slice(0, 300)}`);
    }
    for (const source of ['workflows/src', 'api/src', 'worker/src', 'db/migrations', 'tools/migrate']) {
      await assert.rejects(access(join(app, source)), `${source} is not in the runtime folder`);
    }
    // A process the worker forks (duplicate detection) loads with what is installed: forked as the
    // worker forks it, it answers on its IPC channel (or ends cleanly) instead of failing to load.
    const forked = (await readdir(join(app, 'dist'), { recursive: true })).filter((file) => file.endsWith('.process.js'));
    for (const file of forked) {
      const loaded = await forkUntilFirstMessage(join(app, 'dist', file), app, baseEnv());
      assert.ok(loaded.ok, `${file}: ${loaded.output.slice(0, 1000)}`);
    }
  });

  test('when migrate, the worker and the api run compiled, then a case is created and moved through its workflow', async () => {
    const common = { ...baseEnv(), DATABASE_URL: databaseUrl, TEMPORAL_ADDRESS: temporal!.address, TEMPORAL_NAMESPACE: 'default', TEMPORAL_TASK_QUEUE: 'kampung-cases' };

    let started = Date.now();
    const migrate = await run(process.execPath, ['dist/tools/migrate/migrate.js'], app, { ...common, BOOTSTRAP_ADMIN_EMAIL: admin.email, BOOTSTRAP_ADMIN_PASSWORD: admin.password });
    timings.migrate = Date.now() - started;
    assert.equal(migrate.code, 0, migrate.output);
    assert.match(migrate.output, /applied .*_foundation/, migrate.output);
    const again = await run(process.execPath, ['dist/tools/migrate/migrate.js'], app, common);
    assert.equal(again.code, 0, again.output);
    assert.match(again.output, /schema up to date/, again.output);

    started = Date.now();
    const worker = await startUntil(process.execPath, ['dist/worker/src/main.js'], app, {
      ...common,
      WORKFLOW_BUNDLE: join(app, 'dist/worker/workflow-bundle.js'),
      SMTP_URL: process.env.SMTP_URL ?? '',
      MAIL_FROM: process.env.MAIL_FROM ?? 'Kampung <no-reply@kampung.test>',
    }, /"msg":"worker running"/);
    children.push(worker.child);
    timings.workerStart = Date.now() - started;
    assert.doesNotMatch(worker.output(), /Workflow bundle created|webpack/i, 'the worker loads the prebuilt bundle, it bundles nothing');

    const port = await freePort();
    started = Date.now();
    const api = await startUntil(process.execPath, ['dist/api/src/main.js'], app, { ...common, PORT: String(port), HOST: '127.0.0.1' }, /"msg":"api listening"/);
    children.push(api.child);
    timings.apiStart = Date.now() - started;
    const url = `http://127.0.0.1:${port}`;

    const health = await eventually(async () => {
      const res = await fetch(`${url}/healthz`);
      assert.equal(res.status, 200, 'healthz');
      return res;
    });
    assert.equal(health.status, 200);
    // The web app from dist/web/dist, found from where the API's bundle is (no WEB_DIST_DIR given).
    const page = await fetch(`${url}/`);
    assert.equal(page.status, 200);
    assert.match(await page.text(), /<div id="root">/);

    const client = await ApiClient.signedIn(admin, url);
    const created = await client.propose();
    assert.equal(created.stage, 'PROPOSAL');
    const moved = await client.move(created.id, 'SURVEY', { data: validData('PROPOSAL', 'SURVEY') });
    assert.equal(moved.status, 200, JSON.stringify(moved.body));
    const detail = await client.get(`/api/cases/${created.id}`);
    assert.equal(detail.body.stage, 'SURVEY');
    assert.deepEqual(detail.body.history.map((h: { to: string }) => h.to), ['PROPOSAL', 'SURVEY'], 'the workflow wrote the move');
    assert.equal(api.child.exitCode, null, `the api runs on:\n${api.output().slice(-2000)}`);
    assert.equal(worker.child.exitCode, null, `the worker runs on:\n${worker.output().slice(-2000)}`);
  });
});

function run(command: string, args: string[], cwd: string, environment: NodeJS.ProcessEnv): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd, env: environment, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('error', (error) => resolve({ code: -1, output: `${output}\n${error.message}` }));
    child.once('close', (code) => resolve({ code, output }));
  });
}

function forkUntilFirstMessage(file: string, cwd: string, environment: NodeJS.ProcessEnv): Promise<{ ok: boolean; output: string }> {
  const child = fork(file, [], { cwd, env: environment, execArgv: [], stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve) => {
    const timer = setTimeout(() => finish(false), 30_000);
    const finish = (ok: boolean) => {
      clearTimeout(timer);
      child.removeAllListeners('exit');
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      resolve({ ok, output });
    };
    child.once('message', () => finish(true));
    child.once('exit', (code) => finish(code === 0));
  });
}

/** Starts a long-running process, resolved once its output matches `ready` (rejected if it exits first). */
function startUntil(command: string, args: string[], cwd: string, environment: NodeJS.ProcessEnv, ready: RegExp): Promise<{ child: ChildProcess; output: () => string }> {
  const child = spawn(command, args, { cwd, env: environment, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${args.join(' ')} did not become ready within 120 s:\n${output.slice(-4000)}`));
    }, 120_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (ready.test(output)) {
        clearTimeout(timer);
        resolve({ child, output: () => output });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`${args.join(' ')} exited (${code ?? signal}) before it was ready:\n${output.slice(-4000)}`));
    });
  });
}
