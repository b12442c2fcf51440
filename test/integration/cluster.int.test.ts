// npm test: beside the shared stack (its own services)
/**
 * The cluster form (tools/stack/cluster.ts, `npm run start:cluster`): two API replicas and two
 * workers on one PostgreSQL, the real Temporal server on PostgreSQL. Cases are driven through both
 * APIs; one API replica and one worker are killed (SIGKILL) in the middle; every action is
 * answered, or retried with its idempotency key until it is; afterwards PostgreSQL and the
 * workflows agree, and nothing was done twice.
 *
 * It starts a cluster of its own (throwaway directory, free ports), not the stack of `npm test`.
 * The Temporal server is built once into ~/.cache/kampung/temporal-server (about a minute with a
 * warm Go cache, 12 minutes cold on a busy 2-core machine); later runs reuse it.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { sql } from 'kysely';
import { createDb, type Db } from '@kampung/db';
import type { CaseDetail, Stage } from '@kampung/domain';
import { ROOT } from '@kampung/tools/stack/throwaway-stack';
import { CLUSTER_NAMESPACE, CLUSTER_TASK_QUEUE, startThrowawayCluster, type ThrowawayCluster } from '@kampung/tools/stack/throwaway-cluster';
import { stateQuery } from '@kampung/workflows';
import { ApiClient, proposal, type ApiResponse } from './support/api-client';
import { env } from './support/env';
import { FULL_PATH, moverOf, validData } from './support/stage-data';
import { eventually } from './support/temporal';

const CASES = 6;
/** Moves per case (the first stages of the full path) and visits per case. */
const MOVES: Stage[] = FULL_PATH.slice(0, 4);
const VISITS = 3;
/** A request caught in the killed replica holds its idempotency key for the key's lease (2 minutes,
 * api/src/http/idempotency.ts): its retries are told REQUEST_IN_PROGRESS until then. */
const ANSWERED_WITHIN_MS = 200_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let cluster: ThrowawayCluster;
let db: Db;
let connection: Connection;
let temporal: Client;
const unexpectedExits: string[] = [];
const killed = new Set<string>();

before(async () => {
  const started = Date.now();
  cluster = await startThrowawayCluster({
    onUnexpectedExit: (name, exit) => {
      if (!killed.has(name)) unexpectedExits.push(`${name} exited (${exit.signal ?? exit.code})`);
    },
  });
  db = createDb(cluster.databaseUrl, { max: 4 });
  connection = await Connection.connect({ address: cluster.temporalAddress });
  temporal = new Client({ connection, namespace: CLUSTER_NAMESPACE });
  // The apis answer before the workers have built their workflow bundles: wait for both to poll.
  await eventually(
    async () => {
      const pids = new Set(await pollerPids());
      for (const replica of cluster.replicas) assert.ok(pids.has(replica.pids.worker), `worker ${replica.index} is not polling yet`);
    },
    { timeoutMs: 180_000, intervalMs: 1_000 },
  );
  process.stdout.write(`# cluster up in ${Math.round((Date.now() - started) / 1000)} s (logs in ${cluster.tempDir})\n`);
});

after(async () => {
  await connection?.close().catch(() => undefined);
  await db?.destroy().catch(() => undefined);
  await cluster?.stop();
});

/** The pids of the workers polling the case task queue (the SDK's identity is `pid@host`). */
async function pollerPids(): Promise<number[]> {
  const { pollers } = await connection.workflowService.describeTaskQueue({
    namespace: CLUSTER_NAMESPACE,
    taskQueue: { name: CLUSTER_TASK_QUEUE },
    taskQueueType: 1, // WORKFLOW
  });
  return (pollers ?? []).map((poller) => Number.parseInt(poller.identity ?? '', 10));
}

/** Someone signed in once (on replica 1); every request, to either replica, carries that session. */
class Person {
  private constructor(private readonly session: ApiClient) {}
  static async signIn(credentials: { email: string; password: string }): Promise<Person> {
    return new Person(await ApiClient.signedIn(credentials, cluster.replicas[0]!.appUrl));
  }
  async request(appUrl: string, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<ApiResponse> {
    const res = await fetch(appUrl + path, {
      method,
      headers: {
        cookie: this.session.cookieHeader(),
        ...(method === 'GET' ? {} : { 'x-csrf-token': this.session.csrfToken() }),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(60_000),
    });
    const text = await res.text();
    return { status: res.status, contentType: res.headers.get('content-type') ?? '', headers: res.headers, body: text ? JSON.parse(text) : undefined };
  }
}

/** `ECONNREFUSED from api-1 ×3; 409 REQUEST_IN_PROGRESS from api-2 ×2` */
function summary(met: string[]): string {
  const counts = new Map<string, number>();
  for (const what of met) counts.set(what, (counts.get(what) ?? 0) + 1);
  return [...counts].map(([what, n]) => (n > 1 ? `${what} ×${n}` : what)).join('; ');
}

interface Outcome {
  res: ApiResponse;
  /** Tries it took (1: answered at once). */
  tries: number;
  /** What the tries before the last met. */
  met: string[];
}

let turn = 0;
/**
 * A write as a careful client sends it: one idempotency key for all its tries; replicas in turn
 * (the next one after a refused connection, a 5xx or a 409 REQUEST_IN_PROGRESS), until an answer
 * that is the request's own.
 */
async function send(who: Person, method: string, path: string, body: unknown): Promise<Outcome> {
  const key = `cluster-${randomUUID()}`;
  const met: string[] = [];
  const deadline = Date.now() + ANSWERED_WITHIN_MS;
  let index = turn++;
  for (let tries = 1; ; tries++) {
    const replica = cluster.replicas[index++ % cluster.replicas.length]!;
    try {
      const res = await who.request(replica.appUrl, method, path, body, { 'Idempotency-Key': key });
      const retry = res.status >= 500 || (res.status === 409 && res.body?.code === 'REQUEST_IN_PROGRESS');
      if (!retry) return { res, tries, met };
      met.push(`${res.status} ${res.body?.code ?? ''} from api-${replica.index}`);
    } catch (error) {
      met.push(`${(error as Error).cause ? String((error as Error & { cause: { code?: string } }).cause.code) : (error as Error).message} from api-${replica.index}`);
    }
    if (Date.now() > deadline) throw new Error(`${method} ${path} was not answered within ${ANSWERED_WITHIN_MS / 1000} s: ${met.join('; ')}`);
    await sleep(500);
  }
}

describe('the cluster form: two API replicas and two workers on one PostgreSQL, the real Temporal server', () => {
  test('when both replicas run, then each answers /healthz and a session opened on one is valid on the other', async () => {
    assert.deepEqual(unexpectedExits, []);
    for (const replica of cluster.replicas) {
      const res = await fetch(`${replica.appUrl}/healthz`);
      assert.equal(res.status, 200, `api-${replica.index} /healthz`);
    }
    const admin = await Person.signIn(env.admin());
    const me = await admin.request(cluster.replicas[1]!.appUrl, 'GET', '/api/me');
    assert.equal(me.status, 200, 'the session lives in PostgreSQL, not in a replica');
    assert.equal(me.body.email, env.admin().email);
  });

  test('when an officer takes a case through the web app behind the round-robin proxy, then the browser journey passes as on one api', { timeout: 300_000 }, async () => {
    // test/e2e/case-journey.e2e.test.ts as it is, pointed at the cluster: its requests alternate
    // between the two apis (sign-in on one, the next page on the other).
    const journey = spawn(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=spec', 'test/e2e/case-journey.e2e.test.ts'], {
      cwd: ROOT,
      // Without NODE_TEST_CONTEXT (ours): a child that has it takes itself for a nested run and runs nothing.
      env: { ...Object.fromEntries(Object.entries(process.env).filter(([name]) => name !== 'NODE_TEST_CONTEXT')), ...cluster.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    journey.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    journey.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => journey.on('close', resolve));
    assert.equal(code, 0, `the journey against the cluster failed:\n${output}`);
    assert.match(output, /\bpass 1\b/, output);
    const served = await Promise.all(cluster.replicas.map(async (replica) => (await readFile(join(cluster.tempDir, `api-${replica.index}.log`), 'utf8')).split('/api/cases').length));
    assert.ok(served.every((n) => n > 1), `both apis served the journey's case requests (${served.join(', ')})`);
  });

  test('when one api replica and one worker are killed mid-run, then every action is answered, nothing is lost and nothing is done twice', async () => {
    const admin = await Person.signIn(env.admin());
    const manager = await Person.signIn(env.manager());
    const mentorId = (await (await Person.signIn(env.mentor())).request(cluster.replicas[0]!.appUrl, 'GET', '/api/me')).body.id as string;

    // Each case: proposal, mentor assignment, the moves, the visits; the kill lands in the middle.
    const actionsPerCase = 2 + MOVES.length + VISITS;
    const killAfter = Math.round((CASES * actionsPerCase) / 3);
    const outcomes: { what: string; outcome: Outcome }[] = [];
    let killedAt: number | undefined;
    const killOneOfEach = () => {
      killed.add('api-1').add('worker-2');
      killedAt = Date.now();
      process.kill(cluster.replicas[0]!.pids.api, 'SIGKILL');
      process.kill(cluster.replicas[1]!.pids.worker, 'SIGKILL');
    };
    const act = async (what: string, who: Person, method: string, path: string, body: unknown) => {
      const outcome = await send(who, method, path, body);
      outcomes.push({ what, outcome });
      if (outcomes.length === killAfter) killOneOfEach();
      return outcome.res;
    };

    const driveCase = async (n: number) => {
      const created = await act(`case ${n}: proposal`, admin, 'POST', '/api/cases', proposal({ name: `Kampung Klaster ${n} ${randomUUID().slice(0, 6)}` }));
      assert.equal(created.status, 201, `case ${n}: ${JSON.stringify(created.body)}`);
      const caseId = (created.body as CaseDetail).id;
      const assigned = await act(`case ${n}: mentor`, admin, 'POST', `/api/cases/${caseId}/assignments`, { userId: mentorId, role: 'MENTOR' });
      assert.equal(assigned.status, 201, `case ${n} assignment: ${JSON.stringify(assigned.body)}`);
      const assignmentId = assigned.body.id as string;
      let stage: Stage = 'PROPOSAL';
      const hour = 3_600_000;
      for (const [step, to] of MOVES.entries()) {
        const moved = await act(`case ${n}: ${stage} → ${to}`, moverOf(stage, to, admin, manager), 'POST', `/api/cases/${caseId}/transitions`, {
          to,
          data: validData(stage, to),
        });
        assert.equal(moved.status, 200, `case ${n} move to ${to}: ${JSON.stringify(moved.body)}`);
        assert.equal(moved.body.stage, to);
        stage = to;
        if (step < VISITS) {
          const visited = await act(`case ${n}: visit ${step + 1}`, admin, 'POST', `/api/cases/${caseId}/visits`, {
            assignmentId,
            visitedOn: new Date(Date.now() - (VISITS - step) * hour).toISOString(),
            kind: 'MENTORING',
            notes: `Pendampingan klaster ${step + 1}`,
          });
          assert.equal(visited.status, 201, `case ${n} visit ${step + 1}: ${JSON.stringify(visited.body)}`);
        }
      }
      return { caseId, assignmentId };
    };

    let cases: { caseId: string; assignmentId: string }[];
    try {
      cases = await Promise.all(Array.from({ length: CASES }, (_, n) => driveCase(n + 1)));
    } catch (error) {
      process.stdout.write(`${await cluster.readLogs(40)}\n`);
      throw error;
    }
    assert.ok(killedAt, 'the kill happened during the run');
    const retried = outcomes.filter(({ outcome }) => outcome.tries > 1);
    process.stdout.write(
      `# ${outcomes.length} actions answered; ${retried.length} needed retries:\n` +
        retried.map(({ what, outcome }) => `#   ${what}: ${outcome.tries} tries (${summary(outcome.met)}) → ${outcome.res.status}\n`).join(''),
    );
    assert.equal(outcomes.length, CASES * actionsPerCase, 'every action was answered');
    assert.deepEqual(unexpectedExits, [], 'no other process died');

    const survivor = cluster.replicas[1]!.appUrl;
    for (const { caseId, assignmentId } of cases) {
      // The API (through the surviving replica), PostgreSQL and the workflow tell the same story.
      const detail = (await admin.request(survivor, 'GET', `/api/cases/${caseId}`)).body as CaseDetail;
      assert.equal(detail.stage, MOVES.at(-1));
      assert.deepEqual(detail.history.map((h) => h.to), ['PROPOSAL', ...MOVES], `case ${caseId}: each move once`);

      const row = await db.selectFrom('cases').select(['stage', 'stage_seq', 'workflow_id']).where('id', '=', caseId).executeTakeFirstOrThrow();
      const history = await db.selectFrom('stage_history').select(['seq', 'to_stage']).where('case_id', '=', caseId).orderBy('seq').execute();
      assert.deepEqual(history.map((h) => h.to_stage), ['PROPOSAL', ...MOVES], 'stage_history: each move once');
      assert.equal(row.stage, MOVES.at(-1));
      const state = await temporal.workflow.getHandle(row.workflow_id).query(stateQuery);
      assert.deepEqual({ stage: state.stage, seq: state.seq }, { stage: row.stage, seq: row.stage_seq }, 'the workflow and PostgreSQL agree');

      const assignments = await db.selectFrom('assignments').select('id').where('case_id', '=', caseId).execute();
      assert.deepEqual(assignments.map((a) => a.id), [assignmentId], 'one mentor assignment');
      const visits = await db.selectFrom('visits').select(['id', 'obligation_id']).where('assignment_id', '=', assignmentId).execute();
      assert.equal(visits.length, VISITS, 'each visit kept once');
      const fulfilled = visits.map((v) => v.obligation_id).filter((id) => id !== null);
      assert.equal(new Set(fulfilled).size, fulfilled.length, 'no obligation fulfilled by two visits');
    }
    // No obligation was opened twice (the same assignment, kind and number) anywhere.
    const { rows: twice } = await sql<{ n: number }>`
      select count(*)::int as n from (
        select case_id, assignment_id, kind, seq from obligations group by 1, 2, 3, 4 having count(*) > 1
      ) d`.execute(db);
    assert.equal(twice[0]!.n, 0, 'no obligation opened twice');

    // The survivors carry on: a new case moves through the surviving api and worker.
    const after = await send(admin, 'POST', '/api/cases', proposal());
    assert.equal(after.res.status, 201);
    const moved = await send(admin, 'POST', `/api/cases/${after.res.body.id}/transitions`, { to: 'SURVEY', data: validData('PROPOSAL', 'SURVEY') });
    assert.equal(moved.res.status, 200, JSON.stringify(moved.res.body));
    assert.equal(moved.res.body.stage, 'SURVEY');
  });
});
