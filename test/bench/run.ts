/**
 * `npm run bench`: latency of the case endpoints on a throwaway stack (real PostgreSQL, Temporal
 * dev server, worker and api on this machine), and the in-memory dedup of a synthetic household
 * registry (no stack). Prints Markdown tables for BENCHMARKS.md.
 * Numbers, not assertions: nothing here fails on a slow machine.
 */
import { performance } from 'node:perf_hooks';
import type { Stage } from '@kampung/domain';
import { createLog } from '../stack/log';
import { startTestStack } from '../support/stack';
import { ApiClient } from '../integration/support/api-client';
import { FULL_PATH, validData } from '../integration/support/stage-data';
import { benchManager } from './manager';
import { benchTimers } from './timers';
import { percentile } from './percentile';
import { runDedupBench } from './dedup';
import { benchHouseholdImport } from './household-import';

const CASES = Number(process.env.BENCH_CASES ?? 60);
const READS = Number(process.env.BENCH_READS ?? 600);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 10);
const TIMER_CASES = Number(process.env.BENCH_TIMER_CASES ?? 1000);
/** Households for the dedup part (about 4 people each); planted duplicates default to 1% each kind. */
const DEDUP_HOUSEHOLDS = Number(process.env.BENCH_DEDUP_HOUSEHOLDS ?? 100_000);
const DEDUP_PLANTED = process.env.BENCH_DEDUP_PLANTED ? Number(process.env.BENCH_DEDUP_PLANTED) : undefined;
/** Which parts to run, e.g. BENCH_PARTS=manager: endpoints, timers, import, manager, dedup (default: all). */
const PARTS = new Set((process.env.BENCH_PARTS ?? 'endpoints,timers,import,manager,dedup').split(',').map((p) => p.trim()));
/** The parts that need the throwaway stack; dedup runs in memory, before it starts. */
const STACK_PARTS = ['endpoints', 'timers', 'import', 'manager'];

async function timed<T>(samples: number[], run: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const result = await run();
  samples.push(performance.now() - started);
  return result;
}

async function inParallel(total: number, concurrency: number, run: (i: number) => Promise<void>) {
  let next = 0;
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (next < total) await run(next++);
  }));
}

const log = createLog('bench');
// First, while the process is fresh: its peak memory is part of the result.
if (PARTS.has('dedup')) console.log(`\n${await runDedupBench({ households: DEDUP_HOUSEHOLDS, planted: DEDUP_PLANTED })}\n`);
if (STACK_PARTS.some((part) => PARTS.has(part))) {
  const stack = await startTestStack({ log });
  try {
    process.env.APP_URL = stack.env.APP_URL;
    const api = await ApiClient.signedIn({ email: stack.env.E2E_ADMIN_EMAIL!, password: stack.env.E2E_ADMIN_PASSWORD! });
    if (PARTS.has('endpoints')) await benchEndpoints(api);
    if (PARTS.has('timers') && TIMER_CASES > 0) console.log(`\n${await benchTimers(api, stack.env, TIMER_CASES)}\n`);
    if (PARTS.has('import')) console.log(`\n${await benchHouseholdImport(api, stack.env.APP_URL!, stack.pids.api)}\n`);
    // Last: it fills the database with read-only synthetic cases.
    if (PARTS.has('manager')) console.log(`\n${await benchManager(api, stack.env.DATABASE_URL!, log)}\n`);
  } finally {
    await stack.stop();
  }
}

async function benchEndpoints(api: ApiClient) {
  const propose: number[] = [];
  const transition: number[] = [];
  const ids: string[] = [];
  const wallStart = performance.now();
  await inParallel(CASES, CONCURRENCY, async (i) => {
    const created = await timed(propose, () => api.propose({ kelurahanCode: '33.74.08.1005' }));
    ids.push(created.id);
    let stage: Stage = 'PROPOSAL';
    for (const to of FULL_PATH.slice(0, 3 + (i % 8))) {
      const res = await timed(transition, () => api.move(created.id, to, { data: validData(stage, to) }));
      if (res.status !== 200) throw new Error(`move to ${to}: ${res.status}`);
      stage = to;
    }
  });
  const writeWall = performance.now() - wallStart;

  const list: number[] = [];
  const detail: number[] = [];
  await inParallel(READS, CONCURRENCY, async (i) => {
    if (i % 2) await timed(list, () => api.get(`/api/cases?stage=${FULL_PATH[i % 8]}&kecamatan=33.74.08&pageSize=20`));
    else await timed(detail, () => api.get(`/api/cases/${ids[i % ids.length]}`));
  });

  const row = (name: string, s: number[]) =>
    `| ${name} | ${s.length} | ${percentile(s, 50).toFixed(1)} | ${percentile(s, 99).toFixed(1)} |`;
  const table = [
    `${CASES} cases, ${CONCURRENCY} concurrent clients, writes took ${(writeWall / 1000).toFixed(1)} s ` +
      `(${((propose.length + transition.length) / (writeWall / 1000)).toFixed(1)} writes/s)`,
    '',
    '| endpoint | requests | p50 ms | p99 ms |',
    '|---|---|---|---|',
    row('POST /api/cases (insert + start workflow + read back)', propose),
    row('POST /api/cases/{id}/transitions (Update + activity + read back)', transition),
    row('GET /api/cases (filtered page)', list),
    row('GET /api/cases/{id} (PostgreSQL + workflow query)', detail),
  ].join('\n');
  console.log(`\n${table}\n`);
}
