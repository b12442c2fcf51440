/**
 * The manager's view at scale (issue 4): `seed:scale` grows the bench database to each of `sizes`
 * (BENCHMARKS.md: 1000, 10000, 100000), then the dashboard and the filtered lists are measured
 * under `clients` (50) clients, closed loop and with ~1 s think time, side by side with the same
 * SQL run directly in PostgreSQL. The SQL is what Kysely compiles for
 * the endpoint (captured by running the same repository functions on a logging Kysely); the bare
 * run goes through a plain pg pool of the api's size (10) under the same concurrency.
 */
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { Kysely, PostgresDialect } from 'kysely';
import { casesRepository, obligationsRepository, type Database } from '@kampung/db';
import { caseListQuerySchema, obligationListQuerySchema, type CaseReach } from '@kampung/domain';
import { dashboard } from '@kampung/api/src/dashboard/dashboard.service';
import { seedScale } from '../scale/seed-scale';
import type { Log } from '../stack/log';
import type { BenchPeople } from './people';
import { percentile } from './percentile';

/** Every case, as an unlimited reach sees them: the bench reads with such a login. */
const EVERY_CASE = { kind: "REGION", programCodes: [], kecamatanCodes: [] } satisfies CaseReach;

export interface ManagerSizes {
  /** Synthetic cases to grow the database to, one measurement at each size. */
  cases: number[];
  clients: number;
  /** Closed loop: at most this many requests… */
  requests: number;
  /** …and this long. */
  maxSeconds: number;
  /** How long the clients with think time read. */
  thinkSeconds: number;
  /** Their mean think time between requests (0.5–1.5 times it); default 1 s. */
  thinkMeanSeconds?: number;
}

/** Closed loop: each client sends its next request when the last one answered. */
async function closedLoop(sizes: ManagerSizes, run: () => Promise<void>): Promise<number[]> {
  const samples: number[] = [];
  const stopAt = performance.now() + sizes.maxSeconds * 1000;
  let sent = 0;
  await Promise.all(Array.from({ length: sizes.clients }, async () => {
    while (sent < sizes.requests && performance.now() < stopAt) {
      sent++;
      const t0 = performance.now();
      await run();
      samples.push(performance.now() - t0);
    }
  }));
  return samples;
}

/** People reading: each client waits 0.5–1.5 times the mean think time between requests. */
async function withThinkTime(sizes: ManagerSizes, run: () => Promise<void>): Promise<number[]> {
  const samples: number[] = [];
  const stopAt = performance.now() + sizes.thinkSeconds * 1000;
  const meanMs = (sizes.thinkMeanSeconds ?? 1) * 1000;
  await Promise.all(Array.from({ length: sizes.clients }, async () => {
    await new Promise((r) => setTimeout(r, Math.random() * meanMs));
    while (performance.now() < stopAt) {
      const t0 = performance.now();
      await run();
      samples.push(performance.now() - t0);
      await new Promise((r) => setTimeout(r, meanMs * (0.5 + Math.random())));
    }
  }));
  return samples;
}

/** `0.5–1.5 s`, as the think time is drawn. */
function thinkRange(sizes: ManagerSizes): string {
  const mean = sizes.thinkMeanSeconds ?? 1;
  return `${0.5 * mean}–${1.5 * mean} s`;
}

interface Captured { sql: string; parameters: readonly unknown[] }

/** The SQL one call of `run` sends, in order, as Kysely compiled it. */
async function capture(url: string, run: (db: Kysely<Database>) => Promise<unknown>): Promise<Captured[]> {
  const queries: Captured[] = [];
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  const db = new Kysely<Database>({
    dialect: new PostgresDialect({ pool }),
    log: (event) => {
      if (event.level === 'query') queries.push({ sql: event.query.sql, parameters: event.query.parameters });
    },
  });
  try {
    await run(db);
  } finally {
    await db.destroy();
  }
  return queries;
}

interface Target {
  name: string;
  path: string;
  /** The repository calls the endpoint makes, for the bare SQL. */
  repo: (db: Kysely<Database>) => Promise<unknown>;
  dashboard?: boolean;
}

export async function benchManager(people: BenchPeople, databaseUrl: string, sizes: ManagerSizes, log: Log): Promise<string> {
  const api = await people.allowedTo('dashboard.read');
  const out: string[] = [];
  const seeding: string[] = ['| cases (total) | obligations (total) | history | assignments | visits | reports | seed time for the step |', '|---|---|---|---|---|---|---|'];
  const bare = new pg.Pool({ connectionString: databaseUrl, max: 10 });
  try {
    let have = 0;
    const totals = { obligations: 0, stageHistory: 0, assignments: 0, visits: 0, reports: 0 };
    for (const size of sizes.cases) {
      if (size > have) {
        log.info(`seed:scale: ${have} → ${size} cases`);
        const r = await seedScale({ databaseUrl, cases: size - have, seed: 42, log });
        have = size;
        for (const k of Object.keys(totals) as (keyof typeof totals)[]) totals[k] += r[k];
        seeding.push(`| ${size.toLocaleString('en')} | ${totals.obligations.toLocaleString('en')} | ${totals.stageHistory.toLocaleString('en')} | ${totals.assignments.toLocaleString('en')} | ${totals.visits.toLocaleString('en')} | ${totals.reports.toLocaleString('en')} | ${(r.ms / 1000).toFixed(1)} s (${r.cases.toLocaleString('en')} cases, ${Math.round(r.obligations / (r.ms / 1000)).toLocaleString('en')} obligation rows/s) |`);
      }
      // Filters that hit real rows: the busiest kecamatan, a busy mentor.
      const { rows: [kec] } = await bare.query<{ kecamatan_code: string }>(`select c.kecamatan_code from obligations o join cases c on c.id = o.case_id where o.status = 'OVERDUE' group by 1 order by count(*) desc limit 1`);
      const { rows: [mentor] } = await bare.query<{ assignee_id: string }>(`select assignee_id from obligations where assignee_id is not null group by 1 order by count(*) desc limit 1`);
      const obligations = (qs: string): Target => ({
        name: `GET /api/obligations?${qs}`,
        path: `/api/obligations?${qs}`,
        repo: (db) => obligationsRepository.listObligations(db, obligationListQuerySchema.parse(Object.fromEntries(new URLSearchParams(qs))), EVERY_CASE),
      });
      const cases = (qs: string): Target => ({
        name: `GET /api/cases?${qs}`,
        path: `/api/cases?${qs}`,
        repo: (db) => casesRepository.listCases(db, caseListQuerySchema.parse(Object.fromEntries(new URLSearchParams(qs))), EVERY_CASE),
      });
      const targets: Target[] = [
        { name: 'GET /api/dashboard', path: '/api/dashboard', repo: (db) => dashboard(db, {}), dashboard: true },
        { name: 'GET /api/dashboard?program=KAMPUNG_TEMATIK', path: '/api/dashboard?program=KAMPUNG_TEMATIK', repo: (db) => dashboard(db, { program: 'KAMPUNG_TEMATIK' }), dashboard: true },
        obligations(`status=OVERDUE&kecamatan=${kec?.kecamatan_code ?? '33.74.08'}&pageSize=50`),
        obligations(`assignee=${mentor?.assignee_id}&pageSize=50`),
        obligations(`assignee=${mentor?.assignee_id}&pageSize=50&page=10`),
        obligations('program=KAMPUNG_TEMATIK&kind=VISIT&open=true&pageSize=50'),
        obligations('program=KAMPUNG_TEMATIK&kind=VISIT&open=true&pageSize=50&page=20'),
        cases('stage=IMPLEMENTATION&pageSize=50'),
        cases('stage=IMPLEMENTATION&pageSize=50&page=20'),
        cases(`kecamatan=${kec?.kecamatan_code ?? '33.74.08'}&pageSize=50`),
        cases('stalledMinDays=30&pageSize=50'),
      ];
      const rows: string[] = [];
      const thinkRows: string[] = [];
      for (const t of targets) {
        const queries = await capture(databaseUrl, t.repo);
        const get = (headers: Record<string, string> = {}) => async () => {
          const res = await fetch(new URL(t.path, people.appUrl), { headers: { cookie: api.cookieHeader(), ...headers } });
          await res.arrayBuffer();
          if (res.status !== 200) throw new Error(`${t.path}: ${res.status}`);
        };
        // The endpoint's queries, as the repository sends them: concurrently where it does (Promise.all).
        const runBare = async () => {
          await Promise.all(queries.map((q) => bare.query(q.sql, q.parameters as unknown[])));
        };
        await closedLoop(sizes, get()); // warm-up
        const cold = t.dashboard ? await closedLoop(sizes, get({ 'cache-control': 'no-cache' })) : null;
        const apiSamples = await closedLoop(sizes, get());
        const bareSamples = await closedLoop(sizes, runBare);
        const think = await withThinkTime(sizes, get(t.dashboard ? { 'cache-control': 'no-cache' } : {}));
        // The dashboard as served (cache on) to people reading, and a cold one computed alone.
        const thinkCached = t.dashboard ? await withThinkTime(sizes, get()) : null;
        const alone: number[] = [];
        if (t.dashboard) {
          for (let i = 0; i < 20; i++) {
            const t0 = performance.now();
            await get({ 'cache-control': 'no-cache' })();
            alone.push(performance.now() - t0);
          }
        }
        const p = (s: number[], q: number) => percentile(s, q).toFixed(1);
        const ratio = (s: number[]) => (percentile(s, 99) / percentile(bareSamples, 99)).toFixed(2);
        if (cold) rows.push(`| ${t.name} — cold (no-cache) | ${cold.length} | ${p(cold, 50)} | ${p(cold, 99)} | ${p(bareSamples, 50)} | ${p(bareSamples, 99)} | ${ratio(cold)} |`);
        rows.push(`| ${t.name}${t.dashboard ? ' — cached (2 s, stale-while-revalidate ≤ 10 s)' : ''} | ${apiSamples.length} | ${p(apiSamples, 50)} | ${p(apiSamples, 99)} | ${p(bareSamples, 50)} | ${p(bareSamples, 99)} | ${ratio(apiSamples)} |`);
        thinkRows.push(`| ${t.name}${t.dashboard ? ' (no-cache)' : ''} | ${think.length} | ${p(think, 50)} | ${p(think, 99)} |`);
        if (thinkCached) thinkRows.push(`| ${t.name} (cached, as served) | ${thinkCached.length} | ${p(thinkCached, 50)} | ${p(thinkCached, 99)} |`);
        if (alone.length) thinkRows.push(`| ${t.name} (no-cache, one request at a time) | ${alone.length} | ${p(alone, 50)} | ${p(alone, 99)} |`);
        log.info(`${size} cases: ${t.name} done`);
      }
      out.push(
        `#### ${size.toLocaleString('en')} cases, ${totals.obligations.toLocaleString('en')} obligations — ${sizes.clients} clients, closed loop`,
        '',
        '| endpoint | requests | API p50 ms | API p99 ms | bare SQL p50 ms | bare SQL p99 ms | API/bare p99 |',
        '|---|---|---|---|---|---|---|',
        ...rows,
        '',
        `${sizes.clients} users with ${thinkRange(sizes)} think time (${sizes.thinkSeconds} s):`,
        '',
        '| endpoint | requests | p50 ms | p99 ms |',
        '|---|---|---|---|',
        ...thinkRows,
        '',
      );
    }
  } finally {
    await bare.end();
  }
  return ['### Seeding (`seed:scale`, cumulative)', '', ...seeding, '', ...out].join('\n');
}
