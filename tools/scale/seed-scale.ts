/**
 * `npm run seed:scale -- --cases N [--seed S] [--years Y] [--now ISO]`
 *
 * Adds N synthetic kampung cases, over the real regions and both programs, with their history,
 * teams, obligations, visits and monitoring reports, to the database in DATABASE_URL, or to the
 * embedded PostgreSQL of `npm start` (DATA_DIR, PG_PORT; started for the run and stopped again).
 * The rows come from scale-rows.ts, which replays the product's obligation rules (proven against the
 * real workflows by test/integration/scale-seed.int.test.ts), and go in by bulk inserts.
 *
 * No Temporal workflow is started for these cases: they are read-only data for the manager's view
 * and the benchmarks, their statuses a snapshot at `--now`. Use a throwaway database.
 */
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { createDb, programPoliciesRepository } from '@kampung/db';
import { DEMO_USERS } from '../demo/demo-users';
import { hashPassword } from '@kampung/api/src/auth/passwords';
import { programPolicySchema } from '@kampung/domain';
import type { Log } from '../stack/log';
import { createRng, scaleCase, type ScaleContext, type ScaleRegion } from './scale-scenario';
import { maySkipTriggers, writeChunk, type WriteCounts } from './scale-writer';
import type { CaseRows } from './scale-rows';

export const SCALE_EMAIL_DOMAIN = 'skala.kampung.demo';
export const SCALE_PASSWORD = 'skala-demo-2026';
const CHUNK = 250;

export interface SeedScaleOptions {
  databaseUrl: string;
  cases: number;
  seed?: number;
  years?: number;
  now?: Date;
  log?: Log;
}
export interface SeedScaleReport extends WriteCounts {
  ms: number;
  users: number;
}

async function ensureUsers(pool: pg.Pool, specs: { email: string; name: string; supervisorEmail: string | null }[]) {
  const passwordHash = await hashPassword(SCALE_PASSWORD);
  await pool.query(
    `insert into users (email, name, role, password_hash)
     select e, n, 'OFFICER', $3 from unnest($1::text[], $2::text[]) as u(e, n)
     on conflict (email) do nothing`,
    [specs.map((s) => s.email), specs.map((s) => s.name), passwordHash],
  );
  await pool.query(
    `update users u set supervisor_id = s.id
       from unnest($1::text[], $2::text[]) as x(e, se) join users s on s.email = x.se
      where u.email = x.e and u.supervisor_id is distinct from s.id`,
    [specs.filter((s) => s.supervisorEmail).map((s) => s.email), specs.filter((s) => s.supervisorEmail).map((s) => s.supervisorEmail)],
  );
  const { rows } = await pool.query<{ id: string; email: string }>('select id, email from users where email = any($1::text[])', [specs.map((s) => s.email)]);
  return new Map(rows.map((r) => [r.email, r.id]));
}

const FIRST = ['Agus', 'Sri', 'Budi', 'Dewi', 'Eko', 'Fitri', 'Hadi', 'Indah', 'Joko', 'Kartika', 'Lestari', 'Made', 'Nur', 'Putri', 'Rizky', 'Slamet', 'Tri', 'Wahyu', 'Yuni', 'Zainal'];
const LAST = ['Santoso', 'Wibowo', 'Rahayu', 'Setiawan', 'Lestari', 'Hidayat', 'Saputra', 'Kurniawan', 'Susanti', 'Pratama', 'Handayani', 'Nugroho'];
const personName = (i: number) => `${FIRST[i % FIRST.length]} ${LAST[Math.floor(i / FIRST.length) % LAST.length]}`;
const pad = (i: number) => String(i + 1).padStart(5, '0');

export async function seedScale(options: SeedScaleOptions): Promise<SeedScaleReport> {
  const started = performance.now();
  const now = options.now ?? new Date();
  const pool = new pg.Pool({ connectionString: options.databaseUrl, max: 3 });
  const db = createDb(options.databaseUrl, { max: 1 });
  try {
    const existing = Number((await pool.query<{ n: string }>('select count(*) as n from cases')).rows[0]!.n);
    const total = existing + options.cases;

    const { rows: regionRows } = await pool.query<{ program_code: string; kelurahan_code: string; kelurahan_name: string; kecamatan_code: string }>(
      `select p.code as program_code, k.code as kelurahan_code, k.name as kelurahan_name, k.kecamatan_code
         from programs p join kecamatan kc on kc.city_code = p.city_code join kelurahan k on k.kecamatan_code = kc.code
        order by p.code, k.code`,
    );
    const regions: Record<string, ScaleRegion[]> = {};
    for (const r of regionRows) (regions[r.program_code] ??= []).push({ kelurahanCode: r.kelurahan_code, kelurahanName: r.kelurahan_name, kecamatanCode: r.kecamatan_code });
    const policies: ScaleContext['policies'] = {};
    for (const code of Object.keys(regions)) {
      const current = await programPoliciesRepository.findCurrentPolicy(db, code);
      if (!current) throw new Error(`program ${code} has no policy`);
      policies[code] = { version: current.version, policy: programPolicySchema.parse(current.policy) };
    }

    // People: a Dinas Sosial officer leads about 40 kampung and has a supervisor (one per 8
    // officers); a mentor serves about 12; Kampung Tematik has two IAI architects per kecamatan.
    const specs: { email: string; name: string; supervisorEmail: string | null }[] = [];
    const officerEmails: Record<string, string[]> = {};
    let n = 0;
    for (const [p, code] of Object.keys(regions).entries()) {
      const officers = Math.max(2, Math.ceil(total / 2 / 40));
      const supervisors = Math.max(1, Math.ceil(officers / 8));
      const tag = code === 'KAMPUNG_TEMATIK' ? 'kt' : 'ksm';
      for (let i = 0; i < supervisors; i++) specs.push({ email: `kabid-${tag}-${pad(i)}@${SCALE_EMAIL_DOMAIN}`, name: `${personName(n++)} (Kabid Dinsos)`, supervisorEmail: null });
      officerEmails[code] = [];
      for (let i = 0; i < officers; i++) {
        const email = `petugas-${tag}-${pad(i)}@${SCALE_EMAIL_DOMAIN}`;
        officerEmails[code].push(email);
        specs.push({ email, name: `${personName(n++ + p)} (Petugas Dinsos)`, supervisorEmail: `kabid-${tag}-${pad(i % supervisors)}@${SCALE_EMAIL_DOMAIN}` });
      }
    }
    const mentorEmails: string[] = [];
    const mentorCount = Math.max(3, Math.ceil(total / 12));
    for (let i = 0; i < mentorCount; i++) {
      const email = `pendamping-${pad(i)}@${SCALE_EMAIL_DOMAIN}`;
      mentorEmails.push(email);
      const programOfficers = officerEmails[i % 2 === 0 ? 'KAMPUNG_TEMATIK' : 'KAMPUNG_SEJAHTERA_MANDIRI'] ?? Object.values(officerEmails)[0]!;
      specs.push({ email, name: `${personName(n++)} (Pendamping)`, supervisorEmail: programOfficers[i % programOfficers.length]! });
    }
    const architectEmails: Record<string, string[]> = {};
    for (const kecamatan of [...new Set((regions.KAMPUNG_TEMATIK ?? []).map((r) => r.kecamatanCode))]) {
      architectEmails[kecamatan] = [1, 2].map((k) => `iai-${kecamatan.replaceAll('.', '')}-${k}@${SCALE_EMAIL_DOMAIN}`);
      for (const email of architectEmails[kecamatan]) specs.push({ email, name: `${personName(n++)} (Arsitek IAI)`, supervisorEmail: null });
    }
    const ids = await ensureUsers(pool, specs);
    const id = (email: string) => ids.get(email)!;
    const ctx: ScaleContext = {
      now,
      years: options.years ?? 5.5,
      regions,
      policies,
      people: {
        officers: Object.fromEntries(Object.entries(officerEmails).map(([code, emails]) => [code, emails.map(id)])),
        mentors: mentorEmails.map(id),
        architectsByKecamatan: Object.fromEntries(Object.entries(architectEmails).map(([k, emails]) => [k, emails.map(id)])),
      },
    };

    // Cases, a chunk at a time; building the next chunk overlaps writing the previous one.
    const rng = createRng(((options.seed ?? 1) ^ Math.imul(existing + 1, 2_654_435_761)) >>> 0);
    const skipTriggers = await maySkipTriggers(pool);
    const counts: WriteCounts = { cases: 0, stageHistory: 0, assignments: 0, obligations: 0, visits: 0, reports: 0 };
    const inFlight = new Set<Promise<void>>();
    let lastLog = performance.now();
    for (let first = 0; first < options.cases; first += CHUNK) {
      const chunk: CaseRows[] = [];
      for (let i = first; i < Math.min(options.cases, first + CHUNK); i++) chunk.push(scaleCase(rng, ctx, existing + i + 1).rows);
      const write: Promise<void> = writeChunk(pool, chunk, counts, { skipTriggers }).finally(() => inFlight.delete(write));
      inFlight.add(write);
      if (inFlight.size >= 2) await Promise.race(inFlight);
      if (options.log && performance.now() - lastLog > 10_000) {
        lastLog = performance.now();
        options.log.info(`${counts.cases} of ${options.cases} cases written (${counts.obligations} obligations)`);
      }
    }
    await Promise.all(inFlight);
    await pool.query('analyze cases; analyze obligations; analyze assignments; analyze stage_history; analyze visits; analyze monitoring_reports; analyze users');
    return { ...counts, users: specs.length, ms: performance.now() - started };
  } finally {
    await db.destroy();
    await pool.end();
  }
}

/** The command line: DATABASE_URL, or the embedded PostgreSQL of `npm start`. */
async function main() {
  const { createLog, describeError } = await import('../stack/log');
  const log = createLog('seed:scale', { colour: false });
  const { values } = parseArgs({
    options: { cases: { type: 'string' }, seed: { type: 'string', default: '1' }, years: { type: 'string' }, now: { type: 'string' } },
  });
  const cases = Number(values.cases);
  if (!Number.isInteger(cases) || cases < 1) {
    log.error('Usage: npm run seed:scale -- --cases N [--seed S] [--years Y] [--now 2026-11-24T00:00:00Z]');
    process.exit(2);
  }
  const { parseStartConfig } = await import('../stack/config');
  const config = parseStartConfig();
  let stopPostgres: (() => Promise<void>) | undefined;
  try {
    let databaseUrl = config.DATABASE_URL;
    if (!databaseUrl) {
      const { startPostgres } = await import('../stack/postgres');
      const postgres = await startPostgres({ dataDir: config.DATA_DIR, port: config.PG_PORT, log });
      stopPostgres = postgres.stop;
      databaseUrl = postgres.url;
      log.info(`Embedded PostgreSQL in ${config.DATA_DIR} on port ${config.PG_PORT}`);
    }
    const { kampungApp } = await import('../stack/app');
    await kampungApp.prepareDatabase(databaseUrl, DEMO_USERS);
    const report = await seedScale({ databaseUrl, cases, seed: Number(values.seed), years: values.years ? Number(values.years) : undefined, now: values.now ? new Date(values.now) : undefined, log });
    log.info(
      `Added ${report.cases} cases in ${(report.ms / 1000).toFixed(1)} s: ${report.obligations} obligations, ${report.stageHistory} history rows, ` +
        `${report.assignments} assignments, ${report.visits} visits, ${report.reports} monitoring reports; ${report.users} staff users ` +
        `(password ${SCALE_PASSWORD}). No workflows were started: these cases are read-only data.`,
    );
  } catch (error) {
    log.error(`seed:scale failed: ${describeError(error)}`);
    process.exitCode = 1;
  } finally {
    await stopPostgres?.();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
