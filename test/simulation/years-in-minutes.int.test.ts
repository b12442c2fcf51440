/**
 * Years in minutes (issue 12, point 7): for each seed a case and its team live five simulated
 * years on the time-skipping server — the real workflows, the real activities, the real PostgreSQL —
 * while a seeded mix of messages arrives through the product's own use-cases, the worker is
 * restarted now and then, and after every step the invariants are checked.
 *
 *   SIM_SEEDS=N       seeds 1..N (default DEFAULT_SEEDS)
 *   SIM_SEED=123      that seed alone (what a failure prints)
 *   SIM_STEP_DAYS=30  simulated days between steps (messages arrive at each step)
 *   SIM_CONCURRENCY   cases living side by side on the one server (default 100)
 */
// npm test: beside the shared stack (its own services): the time-skipping server, its own worker
// and a database of its own on the shared PostgreSQL server (its policy changes touch no one else).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import { Client, Connection } from '@temporalio/client';
import { createDb, usersRepository, type Db } from '@kampung/db';
import { DEFAULT_POLICIES } from '@kampung/domain';
import type { SessionUser } from '@kampung/api/src/auth/sessions.service';
import type { CaseDeps } from '@kampung/api/src/cases/cases.service';
import { changePolicy, getCurrentPolicy } from '@kampung/api/src/policies/policies.service';
import { createLog } from '@kampung/tools/stack/log';
import { prepareDatabase } from '@kampung/tools/migrate/prepare-database';
import { dropDatabase, ensureDatabase, withDatabase } from '@kampung/tools/stack/postgres';
import { env } from '../integration/support/env';
import { eventually } from '../integration/support/temporal';
import { DAY, SimCase, type SimWorld } from './case-simulation';
import { rngOf } from './prng';
import { bundleSimWorkflows, startSimWorker, type SimWorker } from './sim-worker';
import { startTimeSkippingEnv, type TimeSkipping } from './time-skipping';

const YEARS = 5;
/** Seeds in a plain `npm test`. A seed's five years cost about 20 s of wall-clock time on a
 * 2-core machine (BENCHMARKS.md): 200 seeds would add more than an hour to the suite, so the suite
 * runs a few and `npm run bench` runs many (SIM_SEEDS=200 here does the same by hand). */
const DEFAULT_SEEDS = 8;
const STEP_DAYS = Number(process.env.SIM_STEP_DAYS ?? 30);
const CONCURRENCY = Number(process.env.SIM_CONCURRENCY ?? 100);
const SEEDS = process.env.SIM_SEED
  ? [Number(process.env.SIM_SEED)]
  : Array.from({ length: Number(process.env.SIM_SEEDS ?? DEFAULT_SEEDS) }, (_, i) => i + 1);
/** How long the invariants may take to settle after a step (the last activities finish in real time). */
const SETTLE_MS = 30_000;
/** Messages sent at once across cases (each case's own messages of a step go in its order). */
const PARALLEL_CASES = 12;
/** Workflows kept in the workflow worker's memory (a case has three or four). Fewer than run side
 * by side, and workflows are evicted and rebuilt from their histories all along (slower: every
 * query of an evicted one replays it); every history is replayed at the end anyway. */
const CACHED_WORKFLOWS = Number(process.env.SIM_CACHED_WORKFLOWS ?? 1000);
/** SIM_RESTARTS=0: no worker restarts. */
const RESTARTS = process.env.SIM_RESTARTS !== '0';
const PROGRAMS = ['KAMPUNG_TEMATIK', 'KAMPUNG_SEJAHTERA_MANDIRI'] as const;

const log = createLog('simulation', { colour: false });
const replay = (seed: number) => `SIM_SEED=${seed} npm test -- years-in-minutes`;

interface Defect {
  seed: number;
  day: number;
  what: string;
}

describe('years in minutes: seeded cases live five simulated years on the time-skipping server', () => {
  let sim: TimeSkipping;
  let worker: SimWorker;
  let bundleDir: string;
  let bundlePath: string;
  let db: Db;
  let connection: Connection;
  let world: SimWorld;
  let restarts = 0;
  /** The server's clock while time is locked: it moves with the wall clock from the last reading. */
  let clock = { simMs: 0, wallMs: 0 };
  const now = () => new Date(clock.simMs + (Date.now() - clock.wallMs));
  const readClock = async () => {
    clock = { simMs: await sim.env.currentTimeMs(), wallMs: Date.now() };
  };

  /** This file's own database: the seeds change the programs' policies, which the shared stack's
   * cases read too. */
  const databaseName = `simulation_${randomUUID().slice(0, 8)}`;
  const databaseUrl = withDatabase(env.databaseUrl, databaseName);

  before(async () => {
    await ensureDatabase(env.databaseUrl, databaseName);
    await prepareDatabase(databaseUrl, [
      { ...env.admin(), name: 'Admin Simulasi', role: 'ADMIN' },
      { ...env.manager(), name: 'Manajer Simulasi', role: 'MANAGER' },
    ]);
    sim = await startTimeSkippingEnv({ log });
    bundleDir = await mkdtemp(join(tmpdir(), 'kampung-sim-'));
    bundlePath = await bundleSimWorkflows(join(bundleDir, 'workflows.js'));
    worker = await startSimWorker({ env: sim.env, databaseUrl, workflowBundlePath: bundlePath, dbPoolMax: 8, maxCachedWorkflows: CACHED_WORKFLOWS });
    db = createDb(databaseUrl, { max: 10 });
    connection = await Connection.connect({ address: sim.address });
    const client = new Client({ connection, namespace: env.namespace });
    await readClock();
    const deps: CaseDeps = { db, temporal: client, taskQueue: worker.taskQueue, now };
    const user = async (email: string, role: SessionUser['role']): Promise<SessionUser> => {
      const row = (await usersRepository.findUserByEmail(db, email))!;
      return { id: row.id, email: row.email, name: row.name, role, programCodes: [], kecamatanCodes: [], agencyCode: null };
    };
    const people = async (role: string, n: number) => {
      const ids: string[] = [];
      for (let i = 1; i <= n; i++) {
        ids.push(await usersRepository.upsertUser(db, { email: `simulasi-${role.toLowerCase()}-${i}@uji.kampung`, name: `Simulasi ${role} ${i}`, role, passwordHash: 'tanpa-login' }));
      }
      return ids;
    };
    const holders = { MENTOR: await people('MENTOR', 3), DINSOS_OFFICER: await people('OFFICER', 3), IAI_ARCHITECT: await people('IAI_ARCHITECT', 2) };
    world = {
      deps,
      client,
      admin: await user(env.admin().email, 'ADMIN'),
      manager: await user(env.manager().email, 'MANAGER'),
      holders,
      kelurahan: {
        KAMPUNG_TEMATIK: await kelurahanWithoutOtherArchitects(db, 'KAMPUNG_TEMATIK', holders.IAI_ARCHITECT),
        KAMPUNG_SEJAHTERA_MANDIRI: await kelurahanWithoutOtherArchitects(db, 'KAMPUNG_SEJAHTERA_MANDIRI', holders.IAI_ARCHITECT),
      },
      requestRestart: () => undefined,
    };
    await restoreDefaultPolicies(world);
    log.info(`test server answered in ${(sim.serverStartMs / 1000).toFixed(1)} s, worker created in ${(worker.createMs / 1000).toFixed(1)} s`);
  });

  after(async () => {
    if (world) await restoreDefaultPolicies(world).catch(() => undefined);
    await connection?.close();
    await db?.destroy();
    await worker?.stop();
    await sim?.stop();
    if (bundleDir) await rm(bundleDir, { recursive: true, force: true });
    await dropDatabase(env.databaseUrl, databaseName).catch(() => undefined);
  });

  /** Stops the activity worker (what it runs may finish) and starts a new one (see startSimWorker). */
  async function restartWorker(): Promise<void> {
    await worker.restartActivities();
    restarts += 1;
  }

  test(`${SEEDS.length} seeded cases each live ${YEARS} simulated years under concurrent messages; every step keeps the invariants`, { timeout: 60 * 60_000 }, async () => {
    const wallStart = Date.now();
    const defects: Defect[] = [];
    const outcomes = new Map<string, number>();
    let messages = 0;
    let runs = 0;
    let longest = 0;
    let steps = 0;
    /** Wall-clock time spent skipping time (timers firing), sending messages, checking invariants. */
    const wallIn = { skipping: 0, messages: 0, invariants: 0 };

    for (let i = 0; i < SEEDS.length; i += CONCURRENCY) {
      const batch = SEEDS.slice(i, i + CONCURRENCY);
      await readClock();
      const simStart = clock.simMs;
      let restartWanted = false;
      world.requestRestart = () => (restartWanted = true);
      const cases = batch.map((seed) => new SimCase(seed, rngOf(seed), world, simStart));
      let alive: SimCase[] = [];
      const fail = (c: SimCase, what: string) => {
        defects.push({ seed: c.seed, day: Math.round(c.simulatedDays), what });
        log.info(`seed ${c.seed} FAILED on simulated day ${Math.round(c.simulatedDays)}: ${what}\n  replay: ${replay(c.seed)}`);
        alive = alive.filter((x) => x !== c);
      };
      await inParallel(cases, PARALLEL_CASES, async (c) => {
        try {
          await c.start();
          alive.push(c);
        } catch (error) {
          alive.push(c);
          fail(c, `start: ${(error as Error).message}`);
        }
      });
      alive.sort((a, b) => a.seed - b.seed);

      const totalSteps = Math.ceil((YEARS * 365 + 1) / STEP_DAYS);
      for (let step = 1; step <= totalSteps; step++) {
        let mark = Date.now();
        const lap = (part: keyof typeof wallIn) => {
          wallIn[part] += Date.now() - mark;
          mark = Date.now();
        };
        await sim.env.sleep(simStart + step * STEP_DAYS * DAY - (await sim.env.currentTimeMs()));
        await readClock();
        lap('skipping');
        const day = (clock.simMs - simStart) / DAY;
        await inParallel([...alive], PARALLEL_CASES, async (c) => {
          try {
            await c.step(day);
          } catch (error) {
            fail(c, (error as Error).message);
          }
        });
        lap('messages');
        await inParallel([...alive], PARALLEL_CASES, async (c) => {
          try {
            await eventually(async () => {
              const found = await c.violations();
              assert.ok(found.length === 0, found.join('; '));
            }, { timeoutMs: SETTLE_MS, intervalMs: 250 });
          } catch (error) {
            fail(c, `invariant broken after step ${step}: ${(error as Error).message}`);
          }
        });
        lap('invariants');
        steps += 1;
        if (restartWanted && RESTARTS) {
          // Between steps, once everything has settled; the next step's skip of time follows.
          await restartWorker();
        }
        if (step % 12 === 0) {
          const parts = Object.entries(wallIn).map(([part, ms]) => `${part} ${(ms / 1000).toFixed(0)} s`).join(', ');
          log.info(`seeds ${batch[0]}–${batch.at(-1)}: simulated day ${Math.round(day)}, ${alive.length} alive, ${restarts} restarts, ${((Date.now() - wallStart) / 1000).toFixed(0)} s (${parts})`);
        }
        restartWanted = false;
      }
      await inParallel([...alive], PARALLEL_CASES, async (c) => {
        const histories = await c.checkHistories(bundlePath).catch((error: unknown) => ({ runs: 0, longest: 0, problems: [String(error)] }));
        runs += histories.runs;
        longest = Math.max(longest, histories.longest);
        if (histories.problems.length) fail(c, `histories: ${histories.problems.join('; ')}`);
      });
      for (const c of cases) {
        messages += c.messages;
        for (const [key, n] of c.outcomes) outcomes.set(key, (outcomes.get(key) ?? 0) + n);
        assert.ok(defects.some((d) => d.seed === c.seed) || c.simulatedDays >= YEARS * 365, `seed ${c.seed} lived ${c.simulatedDays.toFixed(0)} days`);
      }
      log.info(`seeds ${batch[0]}–${batch.at(-1)}: ${YEARS} simulated years each, ${((Date.now() - wallStart) / 1000).toFixed(0)} s so far`);
    }

    const minutes = (Date.now() - wallStart) / 60_000;
    const caseYears = SEEDS.length * YEARS;
    log.info(`outcomes: ${[...outcomes].sort().map(([k, n]) => `${k} ${n}`).join(', ')}`);
    log.info(
      `checked after each of ${steps} steps (every ${STEP_DAYS} simulated days): ${messages} messages, ${restarts} worker restarts, ` +
        `${runs} workflow runs, longest run ${longest} events`,
    );
    log.info(
      `SIMULATION THROUGHPUT: ${SEEDS.length} seeds x ${YEARS} years = ${caseYears} simulated case-years in ${minutes.toFixed(2)} min wall-clock: ` +
        `${(caseYears / minutes).toFixed(1)} simulated case-years per minute, ${(SEEDS.length / minutes).toFixed(1)} seeds per minute`,
    );
    assert.deepEqual(
      defects.map((d) => `seed ${d.seed}, simulated day ${d.day}: ${d.what}\n    replay: ${replay(d.seed)}`),
      [],
      'every seed keeps every invariant',
    );
  });
});

async function inParallel<T>(items: T[], limit: number, run: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) await run(items[next++]!);
  });
  await Promise.all(lanes);
}

/** A kelurahan of the program's city whose kecamatan has no IAI architect but ours (two per kecamatan). */
async function kelurahanWithoutOtherArchitects(db: Db, programCode: string, ours: string[]): Promise<string> {
  const row = await db
    .selectFrom('kelurahan')
    .innerJoin('kecamatan', 'kecamatan.code', 'kelurahan.kecamatan_code')
    .innerJoin('programs', 'programs.city_code', 'kecamatan.city_code')
    .select('kelurahan.code')
    .where('programs.code', '=', programCode)
    .where((eb) => eb.not(eb.exists(
      eb.selectFrom('assignments').select('assignments.id')
        .whereRef('assignments.kecamatan_code', '=', 'kecamatan.code')
        .where('assignments.role', '=', 'IAI_ARCHITECT')
        .where('assignments.ended_at', 'is', null)
        .where('assignments.user_id', 'not in', ours),
    )))
    .orderBy('kelurahan.code')
    .executeTakeFirstOrThrow();
  return row.code;
}

async function restoreDefaultPolicies(world: SimWorld): Promise<void> {
  for (const program of PROGRAMS) {
    const current = await getCurrentPolicy(world.deps.db, program);
    if (!isDeepStrictEqual(current.policy, DEFAULT_POLICIES[program])) {
      await changePolicy(world.deps.db, program, { baseVersion: current.version, changeNote: 'Simulasi: kebijakan bawaan', policy: DEFAULT_POLICIES[program] }, world.admin);
    }
  }
}
