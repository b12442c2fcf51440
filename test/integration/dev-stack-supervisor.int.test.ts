// npm test: beside the shared stack (its own services)
/**
 * `npm start` as a developer or a demo runs it, beside the test stack: its own PostgreSQL, Temporal
 * dev server, worker and api, on free ports, with its data in a temporary DATA_DIR. A component
 * that dies is started again; only Ctrl-C stops the stack, and then every process is gone.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEMO_USERS } from '@kampung/tools/demo/demo-users';
import { freePort } from '@kampung/tools/stack/postgres';
import type { CaseDetail, Stage } from '@kampung/domain';
import { ApiClient, proposal, type ApiResponse } from './support/api-client';
import { env } from './support/env';
import { descendantsOf, exists, listProcesses, type ProcessInfo } from './support/process-tree';
import { validData } from './support/stage-data';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const START_TIMEOUT_MS = 180_000;
const RESTART_TIMEOUT_MS = 45_000;

type Component = 'postgres' | 'temporal' | 'worker' | 'api';
const COMPONENTS: Record<Component, (args: string) => boolean> = {
  postgres: (args) => /\/postgres -D /.test(args),
  temporal: (args) => args.includes('server start-dev'),
  worker: (args) => args.includes('worker/src/main.ts'),
  api: (args) => args.includes('api/src/main.ts'),
};

interface DevStack {
  child: ChildProcess;
  appUrl: string;
  dataDir: string;
  output(): string;
  /** The processes the stack started (its direct children) by component, now. */
  components(): Promise<Partial<Record<Component, ProcessInfo>>>;
  /** Every process seen below the stack so far (recorded at each components() call). */
  seen: Map<number, ProcessInfo>;
}

async function startDevStack(): Promise<DevStack> {
  const dataDir = await mkdtemp(join(tmpdir(), 'kampung-npm-start-'));
  const port = await freePort();
  // The test stack's settings stay out: this is a stack of its own.
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !/^(DATABASE_URL|TEMPORAL_|PORT$|PG_PORT$|APP_URL$|BOOTSTRAP_ADMIN_|E2E_|SEED_DEMO$|DATA_DIR$)/.test(key)),
  );
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'tools/stack/start.ts')], {
    cwd: ROOT,
    env: {
      ...inherited,
      DATA_DIR: dataDir,
      PORT: String(port),
      PG_PORT: String(await freePort()),
      TEMPORAL_PORT: String(await freePort()),
      TEMPORAL_UI_PORT: String(await freePort()),
      TEMPORAL_CLI: env.temporalCli,
      SEED_DEMO: 'false',
      NO_COLOR: '1',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const seen = new Map<number, ProcessInfo>();
  const stack: DevStack = {
    child,
    appUrl: `http://127.0.0.1:${port}`,
    dataDir,
    output: () => output,
    seen,
    async components() {
      const tree = await descendantsOf(child.pid!);
      for (const info of tree) seen.set(info.pid, info);
      const found: Partial<Record<Component, ProcessInfo>> = {};
      for (const info of tree.filter((p) => p.ppid === child.pid)) {
        for (const [name, matches] of Object.entries(COMPONENTS) as [Component, (args: string) => boolean][]) {
          if (matches(info.args)) found[name] = info;
        }
      }
      return found;
    },
  };
  return stack;
}

async function waitFor(what: string, timeoutMs: number, stack: DevStack, ready: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await ready().catch(() => false)) return;
    if (stack.child.exitCode !== null || stack.child.signalCode !== null) {
      assert.fail(`npm start exited (${stack.child.exitCode ?? stack.child.signalCode}) while waiting for ${what}:\n${stack.output()}`);
    }
    if (Date.now() > deadline) assert.fail(`no ${what} within ${timeoutMs / 1000} s:\n${stack.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** Waits until `name` runs as another process than `before`, and answers with the new one. */
async function restarted(stack: DevStack, name: Component, before: ProcessInfo): Promise<ProcessInfo> {
  let now: ProcessInfo | undefined;
  await waitFor(`new ${name} process`, RESTART_TIMEOUT_MS, stack, async () => {
    now = (await stack.components())[name];
    return now !== undefined && now.pid !== before.pid;
  });
  return now!;
}

/** A move, sent again while the API answers 503 (a worker that is starting again is not yet polling):
 * one Idempotency-Key, so a retry after a move that did happen is answered with it. */
async function moveAnswered(stack: DevStack, api: ApiClient, caseId: string, from: Stage, to: Stage): Promise<ApiResponse> {
  const key = `supervisor-${caseId}-${to}`;
  let answer: ApiResponse | undefined;
  await waitFor(`an answer to the move to ${to} other than 503`, RESTART_TIMEOUT_MS, stack, async () => {
    answer = await api.request('POST', `/api/cases/${caseId}/transitions`, { to, data: validData(from, to) }, { 'idempotency-key': key });
    return answer.status !== 503;
  });
  return answer!;
}

/**
 * What is left of the stack once it exited: a process seen below it, or one of the process groups it
 * made (each component runs in its own), or anything naming its data directory. Helpers that npm start
 * itself ran in its own group (tsx's esbuild service) go when their parent does: a few seconds are allowed.
 */
async function strays(stack: DevStack): Promise<string[]> {
  const deadline = Date.now() + 5_000;
  for (;;) {
    const left = [...stack.seen.values()].filter((info) => exists(info.pid) || (info.pgid === info.pid && exists(-info.pgid)));
    const byDataDir = (await listProcesses()).filter((info) => info.args.includes(stack.dataDir));
    const found = [...left, ...byDataDir].map((info) => `${info.pid} ${info.args}`);
    if (found.length === 0 || Date.now() > deadline) return found;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

const healthy = (appUrl: string) => async () => (await fetch(`${appUrl}/healthz`, { signal: AbortSignal.timeout(3_000) })).status === 200;

describe('npm start supervises its components', () => {
  test('when the worker and then the api are killed, each is started again and cases keep moving; Ctrl-C then stops every process', async () => {
    const stack = await startDevStack();
    try {
      await waitFor('npm start to print its banner', START_TIMEOUT_MS, stack, async () => stack.output().includes('is running'));
      const first = await stack.components();
      for (const name of Object.keys(COMPONENTS) as Component[]) assert.ok(first[name], `npm start runs ${name}:\n${stack.output()}`);
      const admin = DEMO_USERS.find((user) => user.role === 'ADMIN')!;
      const api = new ApiClient(stack.appUrl);
      await api.signIn({ email: admin.email, password: admin.password });
      // A fresh Temporal may answer its first starts late (503): the first proposal is retried.
      let proposed: ApiResponse<CaseDetail> | undefined;
      await waitFor('a first proposal', RESTART_TIMEOUT_MS, stack, async () => (proposed = await api.post<CaseDetail>('/api/cases', proposal())).status === 201);
      const kampung = proposed!.body;

      // The worker dies: it is started again, the api stays as it was, and the case's workflow moves on.
      process.kill(first.worker!.pid, 'SIGKILL');
      const worker = await restarted(stack, 'worker', first.worker!);
      assert.match(stack.output(), /worker.*(restart|again)/i, 'the restart is logged');
      const afterWorker = await stack.components();
      assert.equal(afterWorker.api?.pid, first.api!.pid, 'the api kept running');
      assert.equal(afterWorker.postgres?.pid, first.postgres!.pid, 'PostgreSQL kept running');
      assert.equal(afterWorker.temporal?.pid, first.temporal!.pid, 'Temporal kept running');
      const moved = await moveAnswered(stack, api, kampung.id, 'PROPOSAL', 'SURVEY');
      assert.equal(moved.status, 200, `${JSON.stringify(moved.body)}\n${stack.output()}`);
      assert.equal(moved.body.stage, 'SURVEY');

      // The api dies: it is started again and answers as before (the session is kept in PostgreSQL).
      process.kill(first.api!.pid, 'SIGKILL');
      await restarted(stack, 'api', first.api!);
      await waitFor('healthy api after its restart', RESTART_TIMEOUT_MS, stack, healthy(stack.appUrl));
      const read = await api.get(`/api/cases/${kampung.id}`);
      assert.equal(read.status, 200);
      assert.equal(read.body.stage, 'SURVEY');
      const next = await moveAnswered(stack, api, kampung.id, 'SURVEY', 'VERIFICATION');
      assert.equal(next.status, 200, `${JSON.stringify(next.body)}\n${stack.output()}`);
      assert.equal((await stack.components()).worker?.pid, worker.pid, 'the worker kept running');

      // Ctrl-C: the stack stops, and nothing it started is left.
      await stack.components();
      const exit = new Promise<number | null>((resolve) => stack.child.once('exit', (code) => resolve(code)));
      stack.child.kill('SIGINT');
      let timer: NodeJS.Timeout | undefined;
      const code = await Promise.race([exit, new Promise<'hung'>((resolve) => (timer = setTimeout(() => resolve('hung'), 60_000)))]);
      clearTimeout(timer);
      assert.notEqual(code, 'hung', `npm start did not stop within 60 s of Ctrl-C:\n${stack.output()}`);
      assert.equal(code, 0, stack.output());
      assert.deepEqual(await strays(stack), [], 'no process outlives the stack');
    } finally {
      if (stack.child.exitCode === null && stack.child.signalCode === null) {
        stack.child.kill('SIGKILL'); // its exit hook is gone with it: end what it started
        for (const info of stack.seen.values()) {
          if (info.pgid !== info.pid) continue; // only the groups the stack made (it starts each child in its own)
          try {
            process.kill(-info.pgid, 'SIGKILL');
          } catch {
            // gone
          }
        }
      }
      await rm(stack.dataDir, { recursive: true, force: true });
    }
  });
});
