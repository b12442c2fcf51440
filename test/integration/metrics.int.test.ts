/**
 * What an operator watches: the API's /metrics (latency by route pattern, gauges read from
 * PostgreSQL at scrape time), in Prometheus text format, with no personal data in it.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { createDb, operationsRepository, type Db } from '@kampung/db';
import { ApiClient, proposal } from './support/api-client';
import { env } from './support/env';
import { eventually, withTemporal } from './support/temporal';

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

    await eventually(async () => {
      // Tests run one file at a time, but mail delivery or an import may move between the two reads: retried.
      const [outbox, imports, reconciler] = await Promise.all([
        operationsRepository.outboxBacklog(db),
        operationsRepository.importProgress(db),
        operationsRepository.reconcilerSummary(db),
      ]);
      const { samples } = await scrape();
      assert.equal(one(samples, 'kampung_metrics_database_up'), 1);
      assert.equal(one(samples, 'kampung_outbox_unsent'), outbox.unsent);
      assert.ok(one(samples, 'kampung_outbox_oldest_unsent_age_seconds') >= 0);
      assert.ok(imports.length > 0, 'at least the import above');
      for (const i of imports) {
        assert.equal(one(samples, 'kampung_household_imports', { status: i.status }), i.imports, i.status);
        assert.equal(one(samples, 'kampung_household_import_rows_processed', { status: i.status }), i.processedRows, i.status);
        assert.equal(one(samples, 'kampung_household_import_rows_total', { status: i.status }), i.totalRows, i.status);
      }
      assert.ok(reconciler);
      assert.equal(one(samples, 'kampung_reconciler_last_pass_timestamp_seconds'), reconciler.finishedAt.getTime() / 1000);
      assert.equal(one(samples, 'kampung_reconciler_last_pass_cases_checked'), reconciler.casesChecked);
      assert.equal(one(samples, 'kampung_reconciler_last_pass_unrepaired'), reconciler.unrepaired);
      assert.equal(one(samples, 'kampung_reconciler_last_pass_repaired'), reconciler.repaired);
      for (const f of reconciler.findings) assert.equal(one(samples, 'kampung_reconciler_last_pass_findings', { kind: f.kind, repaired: String(f.repaired) }), f.count);
    });
    const health = (await (await fetch(`${env.appUrl}/healthz`)).json()) as { reconciliation: { lastPassAt: string } };
    const { samples } = await scrape();
    assert.ok(one(samples, 'kampung_reconciler_last_pass_timestamp_seconds') * 1000 >= Date.parse(health.reconciliation.lastPassAt), 'the pass /healthz shows, or a later one');
  });
});
