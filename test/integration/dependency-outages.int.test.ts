import { after, before, describe, test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { HttpSession, type Answer } from '@kampung/tools/client/http-session';
import { askUntil, startOutageStack, type OutageStack } from '@kampung/tools/stack/outage-stack';
import { proposal, uniqueName } from './support/api-client';
import { env } from './support/env';

/**
 * The product's promise when PostgreSQL or Temporal goes away or hangs (issue 13): the API answers
 * within 5 s with a 503 naming the dependency and recovers by itself, the worker lives on and takes
 * the next task. This file runs its own PostgreSQL, Temporal server, worker and API
 * (@kampung/tools/stack/outage-stack, which the outage benchmark uses too) so that it may stop,
 * kill and freeze them.
 */
const ADMIN = { email: 'outage-admin@kampung.test', password: 'uji-ketahanan-1', name: 'Admin Uji Ketahanan', role: 'ADMIN' };
const ANSWER_BOUND_MS = 5_000;

let stack: OutageStack;
let session: HttpSession;

const since = (start: number) => Date.now() - start;

async function propose(): Promise<string> {
  const res = await session.post('/api/cases', proposal({ name: uniqueName('Kampung Uji Ketahanan') }));
  assert.equal(res.status, 201, `proposal: ${JSON.stringify(res.body)}`);
  return res.body.id as string;
}

/** A move the worker must record: ON_HOLD and back. */
function move(caseId: string, to: 'ON_HOLD' | 'PROPOSAL', key: string) {
  return session.post(`/api/cases/${caseId}/transitions`, { to, ...(to === 'ON_HOLD' ? { reason: 'uji ketahanan' } : {}) }, { 'Idempotency-Key': key });
}

function assertUnavailable(res: Answer, dependency: 'PostgreSQL' | 'Temporal', what: string) {
  assert.equal(res.status, 503, `${what}: ${res.status} ${JSON.stringify(res.body)}`);
  assert.match(res.headers.get('content-type') ?? '', /application\/problem\+json/, what);
  assert.equal(res.body.code, 'SERVICE_UNAVAILABLE', what);
  assert.equal(res.body.dependency, dependency, `${what}: names the dependency`);
  assert.match(res.body.detail, new RegExp(dependency), `${what}: the message names it`);
  assert.match(res.headers.get('retry-after') ?? '', /^\d+$/, `${what}: Retry-After`);
  assert.ok(res.ms < ANSWER_BOUND_MS, `${what}: answered in ${res.ms} ms, within ${ANSWER_BOUND_MS} ms`);
}

/** Asks until the answer is `status`; answers how long that took. Every answer on the way must come
 * within the bound (a 503, not a hang). */
async function untilStatus(ask: () => Promise<Answer>, status: number, what: string, timeoutMs = 60_000): Promise<{ ms: number; last: Answer }> {
  const start = Date.now();
  const { last, at } = await askUntil(
    ask,
    (res) => {
      if (res.status === status) return true;
      assert.ok(res.ms < ANSWER_BOUND_MS, `${what}: an answer on the way back took ${res.ms} ms`);
      return false;
    },
    { everyMs: 100, timeoutMs, what: `${status} (${what})` },
  );
  return { ms: at - start, last };
}

function assertAlive(what: string) {
  assert.ok(stack.isRunning('api'), `${what}: the API is still running\n${stack.tail('api')}`);
  assert.ok(stack.isRunning('worker'), `${what}: the worker is still running\n${stack.tail('worker')}`);
}

function record(t: TestContext, figures: Record<string, number>) {
  t.diagnostic(Object.entries(figures).map(([name, ms]) => `${name}: ${ms} ms`).join('; '));
}

describe('when a dependency goes away or hangs, the product answers 503 and recovers by itself', () => {
  before(async () => {
    stack = await startOutageStack({ users: [ADMIN], taskQueue: 'outage-test', namespace: env.namespace, temporalCli: env.temporalCli });
    session = await HttpSession.signIn(stack.apiUrl, { email: ADMIN.email, password: ADMIN.password });
  });

  after(async () => {
    await stack?.stop();
  });

  test('when PostgreSQL stops, then the API and the worker stay up, requests get a 503 naming PostgreSQL within 5 s, and once it is back the first 200 and the next move come by themselves', async (t) => {
    // Connections in both pools, as in a product in use: the stop terminates them.
    const caseId = await propose();
    assert.equal((await move(caseId, 'ON_HOLD', `pg-stop-1-${caseId}`)).status, 200);

    await stack.stopPostgres();
    await new Promise((r) => setTimeout(r, 1_000));
    assertAlive('PostgreSQL stopped');
    const list = await session.get('/api/cases');
    assertUnavailable(list, 'PostgreSQL', 'GET /api/cases');
    assertUnavailable(await move(caseId, 'PROPOSAL', `pg-stop-2-${caseId}`), 'PostgreSQL', 'a move');
    assertAlive('a few requests later');

    await stack.startPostgres();
    const back = Date.now();
    const first200 = await untilStatus(() => session.get('/api/cases'), 200, 'GET /api/cases after PostgreSQL is back');
    const moved = await untilStatus(() => move(caseId, 'PROPOSAL', `pg-stop-2-${caseId}`), 200, 'the move after PostgreSQL is back');
    assert.equal(moved.last.body.stage, 'PROPOSAL', 'the worker recorded the move');
    assertAlive('PostgreSQL back');
    record(t, { 'time to 503 (PostgreSQL stopped)': list.ms, 'PostgreSQL back → first 200': first200.ms, 'PostgreSQL back → next move recorded': since(back) });
  });

  test('when PostgreSQL freezes (SIGSTOP), then requests get a 503 naming PostgreSQL within 5 s, and after SIGCONT the first 200 comes by itself', async (t) => {
    assert.equal((await session.get('/api/cases')).status, 200);
    stack.signalPostgres('SIGSTOP');
    let frozen = true;
    try {
      // More requests than the pool has connections, at once.
      const answers = await Promise.all(Array.from({ length: 12 }, () => session.get('/api/cases')));
      answers.forEach((res, i) => assertUnavailable(res, 'PostgreSQL', `GET /api/cases #${i + 1}`));
      assertAlive('PostgreSQL frozen');
      stack.signalPostgres('SIGCONT');
      frozen = false;
      const first200 = await untilStatus(() => session.get('/api/cases'), 200, 'GET /api/cases after SIGCONT');
      record(t, { 'time to 503 (PostgreSQL frozen), slowest of 12': Math.max(...answers.map((a) => a.ms)), 'SIGCONT → first 200': first200.ms });
    } finally {
      if (frozen) stack.signalPostgres('SIGCONT');
    }
  });

  test('when the Temporal server is killed, then reads still answer, a move and a proposal get a 503 naming Temporal within 5 s, and once it is back the worker takes moves again', async (t) => {
    const caseId = await propose();
    await stack.killTemporal();
    try {
      assert.equal((await session.get('/api/cases')).status, 200, 'the list is read from PostgreSQL alone');
      const moveAnswer = await move(caseId, 'ON_HOLD', `temporal-kill-${caseId}`);
      assertUnavailable(moveAnswer, 'Temporal', 'a move');
      assertUnavailable(await session.post('/api/cases', proposal()), 'Temporal', 'a proposal');
      assertUnavailable(await session.get(`/api/cases/${caseId}`), 'Temporal', 'a case (its allowed moves come from its workflow)');
      assertAlive('Temporal killed');
      record(t, { 'time to 503 (Temporal killed), a move': moveAnswer.ms });
    } finally {
      await stack.startTemporal();
    }
    const back = Date.now();
    const first200 = await untilStatus(() => session.get(`/api/cases/${caseId}`), 200, 'the case after Temporal is back');
    const moved = await untilStatus(() => move(caseId, 'ON_HOLD', `temporal-kill-${caseId}`), 200, 'the move after Temporal is back');
    assert.equal(moved.last.body.stage, 'ON_HOLD');
    assertAlive('Temporal back');
    record(t, { 'Temporal back → first 200 (case with its workflow query)': first200.ms, 'Temporal back → next move recorded': since(back) });
  });

  test('when the Temporal server freezes (SIGSTOP), then a move gets a 503 naming Temporal within 5 s, and after SIGCONT it goes through', async (t) => {
    const caseId = await propose();
    stack.signalTemporal('SIGSTOP');
    let frozen = true;
    try {
      const moveAnswer = await move(caseId, 'ON_HOLD', `temporal-freeze-${caseId}`);
      assertUnavailable(moveAnswer, 'Temporal', 'a move');
      assertUnavailable(await session.post('/api/cases', proposal()), 'Temporal', 'a proposal');
      assertAlive('Temporal frozen');
      stack.signalTemporal('SIGCONT');
      frozen = false;
      const resumed = Date.now();
      const moved = await untilStatus(() => move(caseId, 'ON_HOLD', `temporal-freeze-${caseId}`), 200, 'the move after SIGCONT');
      assert.equal(moved.last.body.stage, 'ON_HOLD');
      record(t, { 'time to 503 (Temporal frozen), a move': moveAnswer.ms, 'SIGCONT → move recorded': since(resumed) });
    } finally {
      if (frozen) stack.signalTemporal('SIGCONT');
    }
  });

  test('when the worker is killed, then a new worker process takes the next move', async (t) => {
    const caseId = await propose();
    await stack.killWorker();
    const killed = Date.now();
    const pending = move(caseId, 'ON_HOLD', `worker-kill-${caseId}`);
    await stack.startWorker();
    const running = since(killed);
    const first = await pending;
    // The API's bound may end the first ask before the new worker runs: asked again with the same key.
    const moved = first.status === 200 ? { last: first } : await untilStatus(() => move(caseId, 'ON_HOLD', `worker-kill-${caseId}`), 200, 'the move');
    assert.equal(moved.last.body.stage, 'ON_HOLD');
    record(t, { 'worker kill → new worker running': running, 'worker kill → next move recorded': since(killed) });
  });

  test('when the API gets SIGTERM while a request waits on a frozen PostgreSQL, then that request still gets its answer and the API exits within 10 s', async (t) => {
    stack.signalPostgres('SIGSTOP');
    try {
      const pending = session.get('/api/cases');
      await new Promise((r) => setTimeout(r, 300));
      const signalled = Date.now();
      stack.signalApi('SIGTERM');
      const answer = await pending;
      assertUnavailable(answer, 'PostgreSQL', 'the request in flight');
      const exit = await Promise.race([
        stack.apiExited(),
        new Promise((r) => setTimeout(() => r('still running'), 10_000)),
      ]);
      assert.equal(exit, 0, `the API exited by itself within 10 s of SIGTERM\n${stack.tail('api')}`);
      record(t, { 'SIGTERM → exit (PostgreSQL frozen)': since(signalled) });
    } finally {
      stack.signalPostgres('SIGCONT');
    }
  });
});
