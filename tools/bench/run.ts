/**
 * `npm run bench`: latency of the case endpoints on a throwaway stack (real PostgreSQL, Temporal
 * dev server, worker and api on this machine), the in-memory dedup of a synthetic household
 * registry (no stack), and the way back from outages on a stack of their own (./outages.ts).
 * Prints Markdown tables for BENCHMARKS.md.
 * Numbers, not assertions: nothing here fails on a slow machine. Each part is a function of its
 * sizes; test/integration/bench-smoke.int.test.ts runs every one at its smallest in `npm test`.
 */
import { createLog } from '../stack/log';
import { startTestStack } from '../stack/throwaway-stack';
import { benchBundle } from './bundle';
import { benchCluster } from './cluster';
import { runDedupBench } from './dedup';
import { benchEndpoints } from './endpoints';
import { benchHouseholdImport } from './household-import';
import { benchManager } from './manager';
import { benchOutages } from './outages';
import { BenchPeople } from './people';
import { benchSimulation } from './simulation';
import { benchSlowNetwork } from './slow-network';
import { benchTimers } from './timers';
import { benchVisits } from './visits';

const env = process.env;
const endpoints = {
  cases: Number(env.BENCH_CASES ?? 60),
  reads: Number(env.BENCH_READS ?? 600),
  concurrency: Number(env.BENCH_CONCURRENCY ?? 10),
};
const TIMER_CASES = Number(env.BENCH_TIMER_CASES ?? 1000);
/** Visits sent on one assignment at each level of concurrent senders (BENCH_VISIT_SENDERS, default 1,2,4). */
const visits = {
  visits: Number(env.BENCH_VISITS ?? 100),
  senders: (env.BENCH_VISIT_SENDERS ?? '1,2,4').split(',').map(Number).filter((n) => n > 0),
};
/** Households for the dedup part (about 4 people each); planted duplicates default to 1% each kind. */
const dedup = {
  households: Number(env.BENCH_DEDUP_HOUSEHOLDS ?? 100_000),
  planted: env.BENCH_DEDUP_PLANTED ? Number(env.BENCH_DEDUP_PLANTED) : undefined,
};
/** Seeds of the years-in-minutes simulation (its own time-skipping server and throwaway stack). */
const SIM_SEEDS = Number(env.BENCH_SIM_SEEDS ?? 200);
const IMPORT_HOUSEHOLDS = Number(env.BENCH_IMPORT_HOUSEHOLDS ?? 100_000);
const manager = {
  cases: (env.BENCH_MANAGER_CASES ?? '1000,10000,100000').split(',').map(Number).filter((n) => n > 0),
  clients: Number(env.BENCH_MANAGER_CLIENTS ?? 50),
  requests: Number(env.BENCH_MANAGER_REQUESTS ?? 400),
  maxSeconds: Number(env.BENCH_MANAGER_SECONDS ?? 15),
  thinkSeconds: Number(env.BENCH_MANAGER_THINK_SECONDS ?? 15),
};
/** Repetitions of each fault of the outages part (its own stack, of its own processes to stop, freeze and kill). */
const OUTAGE_REPETITIONS = Number(env.BENCH_OUTAGE_REPETITIONS ?? 5);
const ALL_PARTS = ['bundle', 'endpoints', 'visits', 'timers', 'import', 'manager', 'dedup', 'simulation', 'outages', 'slow-network', 'cluster'];
/** Which parts to run, by name on the command line (`npm run bench -- outages timers`) or in
 * BENCH_PARTS (e.g. BENCH_PARTS=manager); default: all of ALL_PARTS. */
const named = process.argv.slice(2).flatMap((arg) => arg.split(',')).map((p) => p.trim()).filter(Boolean);
const PARTS = new Set(named.length > 0 ? named : (env.BENCH_PARTS ?? ALL_PARTS.join(',')).split(',').map((p) => p.trim()));
const unknown = [...PARTS].filter((part) => !ALL_PARTS.includes(part));
if (unknown.length > 0) {
  console.error(`Unknown bench part(s): ${unknown.join(', ')}. The parts: ${ALL_PARTS.join(', ')}.`);
  process.exit(2);
}
/** The parts that need the throwaway stack; dedup runs in memory, before it starts. */
const STACK_PARTS = ['bundle', 'slow-network', 'endpoints', 'visits', 'timers', 'import', 'manager'];

const log = createLog('bench');
// First, while the process is fresh: its peak memory is part of the result.
if (PARTS.has('dedup')) console.log(`\n${await runDedupBench(dedup)}\n`);
if (PARTS.has('simulation') && SIM_SEEDS > 0) console.log(`\n${await benchSimulation({ seeds: SIM_SEEDS })}\n`);
// Its own stack, before the shared one starts: nothing else runs while it times the way back.
if (PARTS.has('outages') && OUTAGE_REPETITIONS > 0) console.log(`\n${await benchOutages({ repetitions: OUTAGE_REPETITIONS }, log)}\n`);
// The cluster form against the dev server, each on stacks of its own, one after the other.
if (PARTS.has('cluster')) console.log(`\n${await benchCluster({ cases: Number(env.BENCH_CLUSTER_CASES ?? 40), concurrency: Number(env.BENCH_CLUSTER_CONCURRENCY ?? 8), timerCases: Number(env.BENCH_CLUSTER_TIMER_CASES ?? 200) }, log)}\n`);
if (STACK_PARTS.some((part) => PARTS.has(part))) {
  const stack = await startTestStack({ log });
  try {
    const people = new BenchPeople(stack.env);
    if (PARTS.has('bundle')) console.log(`\n${await benchBundle(stack.env.APP_URL!)}\n`);
    if (PARTS.has('slow-network')) {
      const mentor = { email: stack.env.E2E_MENTOR_EMAIL!, password: stack.env.E2E_MENTOR_PASSWORD! };
      console.log(`\n${await benchSlowNetwork({ appUrl: stack.env.APP_URL!, mentor })}\n`);
    }
    if (PARTS.has('endpoints')) console.log(`\n${await benchEndpoints(people, endpoints)}\n`);
    if (PARTS.has('visits')) console.log(`\n${await benchVisits(people, stack.env.DATABASE_URL!, visits)}\n`);
    if (PARTS.has('timers') && TIMER_CASES > 0) console.log(`\n${await benchTimers(people, stack.env, { cases: TIMER_CASES })}\n`);
    if (PARTS.has('import')) console.log(`\n${await benchHouseholdImport(people, { households: IMPORT_HOUSEHOLDS }, stack.pids)}\n`);
    // Last: it fills the database with read-only synthetic cases.
    if (PARTS.has('manager')) console.log(`\n${await benchManager(people, stack.env.DATABASE_URL!, manager, log)}\n`);
  } finally {
    await stack.stop();
  }
}
