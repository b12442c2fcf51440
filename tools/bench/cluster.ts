/**
 * The cluster form against the dev server, in the same run: transitions per second and timer lag
 * with 1 worker on the Temporal dev server (SQLite in memory, `npm start`'s form) and with 2 workers
 * and 2 apis on the real Temporal server on PostgreSQL (`npm run start:cluster`'s form, requests
 * spread over both apis by its round-robin proxy). One stack at a time, the same load on each:
 * `cases` proposals moved along the first stages of the full path by `concurrency` clients (the
 * transitions measured), then the timer benchmark (./timers.ts) at `timerCases`.
 */
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { Stage } from '@kampung/domain';
import { proposal, type ApiClient, type ApiResponse } from '../client/api-client';
import { FULL_PATH, validData } from '../demo/stage-data';
import type { Log } from '../stack/log';
import { startThrowawayCluster } from '../stack/throwaway-cluster';
import { startTestStack } from '../stack/throwaway-stack';
import { inParallel } from './in-parallel';
import { BenchPeople } from './people';
import { percentile } from './percentile';
import { benchTimers } from './timers';

export interface ClusterBenchSizes {
  cases: number;
  concurrency: number;
  /** Cases of the timer part on each stack (0: no timer part). */
  timerCases: number;
}

const MOVES: Stage[] = FULL_PATH.slice(0, 6);

interface Measured {
  /** Moves sent again after a 5xx (their time, retries included, is in the latency). */
  retried: number;
  transitionsPerSecond: number;
  transitionP50: number;
  transitionP99: number;
  /** Timer lateness p50/p99 and PostgreSQL DUE lag p50/p99 (ms), from the timer part's table. */
  timersFailed?: string;
  timers?: { firedP50: number; firedP99: number; dueP50: number; dueP99: number; table: string };
}

/** A write with an idempotency key, sent again (same key) while the answer is a 5xx or
 * REQUEST_IN_PROGRESS: on a loaded machine Temporal calls can pass the api's deadline (503), and a
 * load balancer's client would retry. Counts the retries. */
async function write(client: ApiClient, path: string, body: unknown, retries: { n: number }): Promise<ApiResponse> {
  const key = `bench-${randomUUID()}`;
  for (let attempt = 1; ; attempt++) {
    const res = await client.request('POST', path, body, { 'Idempotency-Key': key });
    const again = res.status >= 500 || (res.status === 409 && res.body?.code === 'REQUEST_IN_PROGRESS');
    if (!again || attempt >= 30) return res;
    retries.n += 1;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

async function measure(env: Record<string, string | undefined>, sizes: ClusterBenchSizes): Promise<Measured> {
  const people = new BenchPeople(env);
  const proposer = await people.allowedTo('case.propose');
  let from: Stage = 'PROPOSAL';
  for (const to of MOVES) {
    await people.mover(from, to); // signed in before the clock starts
    from = to;
  }
  const ids: string[] = [];
  const retries = { n: 0 };
  await inParallel(sizes.cases, sizes.concurrency, async () => {
    const res = await write(proposer, '/api/cases', proposal({ kelurahanCode: '33.74.08.1005' }), retries);
    if (res.status !== 201) throw new Error(`proposal: ${res.status} ${JSON.stringify(res.body)}`);
    ids.push(res.body.id);
  });
  retries.n = 0;
  const latencies: number[] = [];
  const started = performance.now();
  await inParallel(ids.length, sizes.concurrency, async (i) => {
    let stage: Stage = 'PROPOSAL';
    for (const to of MOVES) {
      const mover = await people.mover(stage, to);
      const t = performance.now();
      const res = await write(mover, `/api/cases/${ids[i]!}/transitions`, { to, data: validData(stage, to) }, retries);
      latencies.push(performance.now() - t);
      if (res.status !== 200) throw new Error(`move to ${to}: ${res.status} ${JSON.stringify(res.body)}`);
      stage = to;
    }
  });
  const seconds = (performance.now() - started) / 1000;
  const measured: Measured = {
    retried: retries.n,
    transitionsPerSecond: latencies.length / seconds,
    transitionP50: percentile(latencies, 50),
    transitionP99: percentile(latencies, 99),
  };
  if (sizes.timerCases > 0) {
    let table: string;
    try {
      table = await benchTimers(people, env, { cases: sizes.timerCases });
    } catch (error) {
      // ./timers.ts sends its proposals once: a 503 from an overloaded machine ends the part.
      measured.timersFailed = error instanceof Error ? error.message.split('\n')[0] : String(error);
      return measured;
    }
    // The timer part's own rows (./timers.ts): | name | samples | p50 | p99 | max |
    const row = (prefix: string) => {
      const line = table.split('\n').find((l) => l.startsWith(`| ${prefix}`));
      const cells = line?.split('|').map((c) => c.trim()) ?? [];
      return { p50: Number(cells[3]), p99: Number(cells[4]) };
    };
    const fired = row('timer lateness');
    const due = row('PostgreSQL shows DUE');
    measured.timers = { firedP50: fired.p50, firedP99: fired.p99, dueP50: due.p50, dueP99: due.p99, table };
  }
  return measured;
}

export async function benchCluster(sizes: ClusterBenchSizes, log: Log): Promise<string> {
  log.info('cluster bench: the dev server form (1 worker) first');
  const stack = await startTestStack({ log: log.child('dev-stack') });
  let dev: Measured;
  try {
    dev = await measure(stack.env, sizes);
  } finally {
    await stack.stop();
  }
  log.info('cluster bench: the cluster form (Temporal server on PostgreSQL, 2 workers, 2 apis)');
  const cluster = await startThrowawayCluster();
  let clustered: Measured;
  try {
    // The apis answer before the workers poll: a first move waits for them, outside the clock.
    await measure(cluster.env, { cases: 2, concurrency: 1, timerCases: 0 });
    clustered = await measure(cluster.env, sizes);
  } catch (error) {
    log.error(await cluster.readLogs(40));
    throw error;
  } finally {
    await cluster.stop();
  }

  const ratio = (a: number, b: number) => (b > 0 ? (a / b).toFixed(2) : '–');
  const row = (name: string, a: number, b: number, digits = 1) => `| ${name} | ${a.toFixed(digits)} | ${b.toFixed(digits)} | ${ratio(b, a)} |`;
  const lines = [
    `${sizes.cases} cases × ${MOVES.length} moves, ${sizes.concurrency} concurrent clients, on each form in turn; timers: ${sizes.timerCases} cases × 2 cadences`,
    '',
    '| measure | dev server, 1 worker | cluster server on PostgreSQL, 2 workers, 2 apis | cluster ÷ dev |',
    '|---|---|---|---|',
    row('transitions/s', dev.transitionsPerSecond, clustered.transitionsPerSecond),
    row('transition p50 ms', dev.transitionP50, clustered.transitionP50),
    row('transition p99 ms', dev.transitionP99, clustered.transitionP99),
    `| moves sent again after a 5xx (same key) | ${dev.retried} | ${clustered.retried} | |`,
  ];
  for (const [form, m] of [['dev server', dev], ['cluster', clustered]] as const) {
    if (m.timersFailed) lines.push('', `Timer part on the ${form} did not finish: ${m.timersFailed}`);
  }
  if (dev.timers && clustered.timers) {
    lines.push(
      row('timer lateness p50 ms (TimerFired − due)', dev.timers.firedP50, clustered.timers.firedP50, 0),
      row('timer lateness p99 ms', dev.timers.firedP99, clustered.timers.firedP99, 0),
      row('PostgreSQL shows DUE p50 ms', dev.timers.dueP50, clustered.timers.dueP50, 0),
      row('PostgreSQL shows DUE p99 ms', dev.timers.dueP99, clustered.timers.dueP99, 0),
      '',
      'Timer part, dev server:',
      '',
      dev.timers.table,
      '',
      'Timer part, cluster:',
      '',
      clustered.timers.table,
    );
  }
  return lines.join('\n');
}
