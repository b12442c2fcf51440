/**
 * What an operator watches: the API's /metrics (latency by route pattern, gauges read from
 * PostgreSQL at scrape time) and the worker's own /metrics (the SDK's metrics and failed activity
 * attempts by type), in Prometheus text format, with no personal data in them.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { createDb, type Db } from '@kampung/db';
import { RECONCILER_SCHEDULE_ID } from '@kampung/workflows';
import { freePort } from '@kampung/tools/stack/postgres';
import { ApiClient, proposal } from './support/api-client';
import { env } from './support/env';
import { eventually, withTemporal } from './support/temporal';
import { startApiProcess } from './support/api-process';
import { exited, startWorkerProcess } from './support/worker-process';

const WORKER_MAIN = fileURLToPath(new URL('../../worker/src/main.ts', import.meta.url));

interface Sample { name: string; labels: Record<string, string>; value: number }

/** The samples of a Prometheus text exposition. */
function parse(text: string): Sample[] {
  return text
    .split('\n')
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => {
      const m = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})?\s+(\S+)/.exec(line);
      assert.ok(m, `a sample line: ${line}`);
      const labels = Object.fromEntries([...(m[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((l) => [l[1]!, l[2]!]));
      return { name: m[1]!, labels, value: Number(m[3]) };
    });
}
const find = (samples: Sample[], name: string, labels: Record<string, string> = {}) =>
  samples.filter((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v));
const one = (samples: Sample[], name: string, labels: Record<string, string> = {}) => {
  const found = find(samples, name, labels);
  assert.equal(found.length, 1, `one ${name} ${JSON.stringify(labels)}: ${JSON.stringify(found)}`);
  return found[0]!.value;
};

async function scrape(url = `${env.appUrl}/metrics`): Promise<{ text: string; samples: Sample[] }> {
  const res = await fetch(url);
  assert.equal(res.status, 200);
  assert.match(res.headers.get('content-type') ?? '', /^text\/plain/);
  const text = await res.text();
  return { text, samples: parse(text) };
}

describe('metrics', () => {
  let admin: ApiClient;
  let db: Db;
  before(async () => {
    admin = await ApiClient.signedIn(env.admin());
    db = createDb(env.databaseUrl, { max: 2 });
  });
  after(async () => {
    await db.destroy();
  });

  test('when a few requests were answered, then /metrics has their latency by method, route pattern and status class, never a URL with ids', async () => {
    const created = await admin.post('/api/cases', proposal());
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const id: string = created.body.id;
    const before = find((await scrape()).samples, 'http_request_duration_seconds_count', { method: 'GET', route: '/api/cases/:id', status_class: '2xx' })[0]?.value ?? 0;
    assert.equal((await admin.get(`/api/cases/${id}`)).status, 200);
    assert.equal((await admin.get(`/api/cases/${id}`)).status, 200);
    assert.equal((await admin.get(`/api/cases/${randomUUID()}`)).status, 404);
    assert.equal((await admin.get('/api/no-such-thing')).status, 404);

    const { text, samples } = await scrape();
    assert.equal(one(samples, 'http_request_duration_seconds_count', { method: 'GET', route: '/api/cases/:id', status_class: '2xx' }), before + 2);
    assert.ok(one(samples, 'http_request_duration_seconds_count', { method: 'GET', route: '/api/cases/:id', status_class: '4xx' }) >= 1);
    assert.ok(one(samples, 'http_request_duration_seconds_count', { method: 'POST', route: '/api/cases', status_class: '2xx' }) >= 1);
    assert.ok(find(samples, 'http_request_duration_seconds_bucket', { route: '/api/cases/:id', le: '+Inf' }).length > 0, 'a histogram, with buckets');
    assert.ok(one(samples, 'http_request_duration_seconds_count', { method: 'GET', route: '(no route)', status_class: '4xx' }) >= 1, 'an unknown path is one series, not its own');
    const routes = new Set(find(samples, 'http_request_duration_seconds_count').map((s) => s.labels.route));
    assert.ok([...routes].every((route) => !/[0-9a-f]{8}-[0-9a-f]{4}-/.test(route!)), `route patterns only: ${[...routes].join(', ')}`);
    assert.ok(!text.includes(id) && !text.includes(env.admin().email) && !text.includes('no-such-thing'), 'no ids, emails or raw paths anywhere');
    assert.ok(one(samples, 'process_resident_memory_bytes') > 0, 'the process itself too');
  });

  test('the outbox backlog, household imports and the reconciler\'s last pass are read from PostgreSQL at each scrape', async () => {
    // A pass over one case, and an import (refused or not, it is a row with a status).
    const kampung = (await admin.post('/api/cases', proposal())).body;
    const pass = (await withTemporal((client) =>
      client.workflow.execute('reconcilerWorkflow', { taskQueue: env.taskQueue, workflowId: `reconciler-metrics-${randomUUID()}`, args: [{ caseIds: [kampung.id] }] }),
    )) as { passId: string; casesChecked: number };
    assert.equal(pass.casesChecked, 1);
    const upload = await fetch(`${env.appUrl}/api/household-imports?filename=kosong.csv`, {
      method: 'POST',
      headers: { 'content-type': 'text/csv', cookie: admin.cookieHeader(), 'x-csrf-token': admin.csrfToken() },
      body: 'no_kk,nik\n',
    });
    assert.ok(upload.status < 500, `an import row (${upload.status})`);
    // A dead letter, as mail delivery leaves one after its last attempt (removed again below).
    const me = (await admin.get('/api/me')).body as { id: string };
    const dedupeKey = `metrics-test-${randomUUID()}`;
    await sql`insert into outbox (dedupe_key, recipient_id, template, payload, status, attempts, last_error, dead_at)
      values (${dedupeKey}, ${me.id}, 'INVITATION', '{}', 'DEAD', 10, 'test', now())`.execute(db);
    try {
      await eventually(async () => {
        // Each figure beside its source, read here on its own: PostgreSQL, and /healthz for the reconciler.
        // Tests run one file at a time, but mail delivery or a scheduled pass may move between the reads: retried.
        const outbox = (await sql<{ unsent: string; digest: string; dead: string }>`
          select count(*) filter (where status = 'PENDING' and template <> 'OBLIGATION_ESCALATED') as unsent,
                 count(*) filter (where status = 'PENDING' and template = 'OBLIGATION_ESCALATED') as digest,
                 count(*) filter (where status = 'DEAD') as dead
          from outbox`.execute(db)).rows[0]!;
        const imports = (await sql<{ status: string; n: string; processed: string; total: string }>`
          select status, count(*) as n, sum(processed_rows) as processed, sum(total_rows) as total from household_imports group by status`.execute(db)).rows;
        const health = (await (await fetch(`${env.appUrl}/healthz`)).json()) as { reconciliation: { lastPassAt: string; casesChecked: number; repaired: number; unrepaired: number } };
        const { samples } = await scrape();
        assert.equal(one(samples, 'kampung_metrics_database_up'), 1);
        assert.equal(one(samples, 'kampung_outbox_unsent'), Number(outbox.unsent));
        assert.ok(one(samples, 'kampung_outbox_oldest_unsent_age_seconds') >= 0);
        assert.equal(one(samples, 'kampung_outbox_escalations_awaiting_digest'), Number(outbox.digest));
        assert.equal(one(samples, 'kampung_outbox_dead'), Number(outbox.dead));
        assert.ok(Number(outbox.dead) >= 1, 'the dead letter above');
        assert.ok(imports.length > 0, 'at least the import above');
        assert.equal(find(samples, 'kampung_household_imports').length, imports.length, 'one series per status');
        for (const i of imports) {
          assert.equal(one(samples, 'kampung_household_imports', { status: i.status }), Number(i.n), i.status);
          assert.equal(one(samples, 'kampung_household_import_rows_processed', { status: i.status }), Number(i.processed), i.status);
          assert.equal(one(samples, 'kampung_household_import_rows_total', { status: i.status }), Number(i.total), i.status);
        }
        const pass = health.reconciliation;
        assert.equal(one(samples, 'kampung_reconciler_last_pass_timestamp_seconds') * 1000, Date.parse(pass.lastPassAt));
        assert.equal(one(samples, 'kampung_reconciler_last_pass_cases_checked'), pass.casesChecked);
        assert.equal(one(samples, 'kampung_reconciler_last_pass_repaired'), pass.repaired);
        assert.equal(one(samples, 'kampung_reconciler_last_pass_unrepaired'), pass.unrepaired);
        const findings = (repaired: boolean) => find(samples, 'kampung_reconciler_last_pass_findings', { repaired: String(repaired) }).reduce((n, f) => n + f.value, 0);
        assert.deepEqual([findings(true), findings(false)], [pass.repaired, pass.unrepaired], 'the findings by kind add up to the pass');
      });
    } finally {
      await sql`delete from outbox where dedupe_key = ${dedupeKey}`.execute(db);
    }
  });

  test('when the api runs with METRICS_TOKEN, then /metrics answers only that bearer token', async () => {
    const token = randomUUID();
    const api = await startApiProcess(await freePort(), { METRICS_TOKEN: token });
    try {
      const without = await fetch(`${api.url}/metrics`);
      assert.equal(without.status, 401);
      assert.match(without.headers.get('www-authenticate') ?? '', /^Bearer/);
      assert.equal((await fetch(`${api.url}/metrics`, { headers: { authorization: `Bearer ${randomUUID()}` } })).status, 401);
      const right = await fetch(`${api.url}/metrics`, { headers: { authorization: `Bearer ${token}` } });
      assert.equal(right.status, 200);
      assert.match(await right.text(), /^# HELP /m);
      assert.equal((await fetch(`${api.url}/healthz`)).status, 200, 'the token guards /metrics only');
    } finally {
      api.child.kill('SIGTERM');
      await exited(api.child);
    }
  });

  test('a worker with WORKER_METRICS_ADDRESS serves the SDK\'s metrics and counts failed activity attempts by type and kind of error', async () => {
    const port = await freePort();
    const taskQueue = `metrics-${randomUUID()}`;
    const worker = await startWorkerProcess({ TEMPORAL_TASK_QUEUE: taskQueue, WORKER_METRICS_ADDRESS: `127.0.0.1:${port}` });
    const workflowId = `reconciler-fails-${randomUUID()}`;
    try {
      // A pass over a case id PostgreSQL refuses (not a uuid): its activity fails at every attempt.
      await withTemporal((client) => client.workflow.start('reconcilerWorkflow', { taskQueue, workflowId, args: [{ caseIds: ['not-a-uuid'] }] }));
      // The SDK exports its own counts a moment later than ours: all are waited for.
      await eventually(async () => {
        const { samples } = await scrape(`http://127.0.0.1:${port}/metrics`);
        const failed = find(samples, 'kampung_activity_failures', { activity_type: 'reconcileCases' });
        assert.equal(failed.length, 1, JSON.stringify(failed));
        assert.ok(failed[0]!.value >= 1, 'a failed attempt counted');
        assert.equal(failed[0]!.labels.error_type, 'DatabaseError', 'the kind of error, not its message');
        assert.ok(find(samples, 'temporal_activity_execution_failed', { activity_type: 'reconcileCases' }).some((s) => s.value >= 1), 'and the SDK\'s own count');
        assert.ok(find(samples, 'temporal_num_pollers', { task_queue: taskQueue }).length > 0, 'the SDK\'s worker metrics, by task queue');
      }, { timeoutMs: 60_000 });
    } finally {
      await withTemporal((client) => client.workflow.getHandle(workflowId).terminate('metrics test done')).catch(() => undefined);
      worker.kill('SIGTERM');
      await exited(worker);
      // The worker pointed the reconciler schedule at its own queue: back to the stack's worker.
      await withTemporal((client) => client.schedule.getHandle(RECONCILER_SCHEDULE_ID).update((previous) => ({ ...previous, action: { ...previous.action, taskQueue: env.taskQueue } } as typeof previous)));
    }
  });

  test('when the worker\'s metrics address is taken, then it stops at start with one line that names it, exit 1', async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const address = `127.0.0.1:${(taken.address() as { port: number }).port}`;
    try {
      const child = spawn(process.execPath, ['--import', 'tsx', WORKER_MAIN], {
        env: { ...process.env, TEMPORAL_TASK_QUEUE: `metrics-${randomUUID()}`, WORKER_METRICS_ADDRESS: address },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let output = '';
      child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
      const code = await new Promise((resolve) => child.once('exit', resolve));
      assert.equal(code, 1, output);
      assert.match(output, new RegExp(`worker cannot start: its metrics cannot be served at ${address} \\(WORKER_METRICS_ADDRESS\\)`));
      assert.doesNotMatch(output, /\n\s+at /, 'no stack trace');
    } finally {
      taken.close();
    }
  });
});
