/**
 * `npm run bench` keeps working: each of its parts runs here at its smallest, against the test
 * stack, and must finish with a figure in every cell it reports. No timing is asserted (a slow
 * machine is no failure); the figures themselves are measured by `npm run bench` for BENCHMARKS.md.
 * The outages part, on a stack of its own, is bench-outages-smoke.int.test.ts (it runs beside).
 */
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { benchBundle } from '@kampung/tools/bench/bundle';
import { runDedupBench } from '@kampung/tools/bench/dedup';
import { benchEndpoints } from '@kampung/tools/bench/endpoints';
import { benchHouseholdImport } from '@kampung/tools/bench/household-import';
import { benchManager } from '@kampung/tools/bench/manager';
import { BenchPeople } from '@kampung/tools/bench/people';
import { benchTimers } from '@kampung/tools/bench/timers';
import { benchVisits } from '@kampung/tools/bench/visits';
import { createLog } from '@kampung/tools/stack/log';
import { env } from './support/env';

const NUMBER = /^-?\d[\d,]*(\.\d+)?$/;
const SECONDS = /^\d+\.\d s$/;
/** A part's run is bounded: a hang fails instead of stalling the suite. */
const BOUNDED = { timeout: 3 * 60_000 };

/** The cells of the first table row whose first cell starts with `label`. */
function rowOf(out: string, label: string): string[] {
  const line = out.split('\n').find((l) => l.startsWith(`| ${label}`));
  assert.ok(line, `a row "${label}" in:\n${out}`);
  return line.split('|').slice(1, -1).map((cell) => cell.trim());
}

function assertFigures(out: string, label: string, columns: number[]) {
  const cells = rowOf(out, label);
  for (const column of columns) assert.match(cells[column] ?? '', NUMBER, `column ${column} of "${label}" in:\n${out}`);
}

/** No figure computed from nothing (an empty sample) or never filled in. */
function assertNothingMissing(out: string) {
  assert.doesNotMatch(out, /NaN|Infinity|undefined|null/, out);
}

describe('npm run bench, every part at its smallest', () => {
  let people: BenchPeople;
  before(() => {
    people = new BenchPeople({ ...process.env, APP_URL: env.appUrl });
  });

  test('when 8 cases go along the full path, as a role allowed each move, then every endpoint has timings', BOUNDED, async () => {
    // Eight cases: the eighth goes as far as the bench takes any (GRADUATED, a manager's move).
    const out = await benchEndpoints(people, { cases: 8, reads: 8, concurrency: 8 });
    assertNothingMissing(out);
    assert.deepEqual(rowOf(out, 'POST /api/cases (').slice(1, 2), ['8']);
    assert.deepEqual(rowOf(out, 'POST /api/cases/{id}/transitions').slice(1, 2), ['52'], 'every move of every case: 3 + 4 + … + 10');
    for (const label of ['POST /api/cases (', 'POST /api/cases/{id}/transitions', 'GET /api/cases (', 'GET /api/cases/{id}']) assertFigures(out, label, [1, 2, 3]);
  });

  test('when 1 and 2 senders log 3 visits each at their own instants on one assignment, then every visit closes its own obligation and is timed', BOUNDED, async () => {
    const admin = await people.allowedTo('policy.edit');
    const policy = async () => (await admin.get('/api/programs/KAMPUNG_SEJAHTERA_MANDIRI/policy')).body.policy;
    const policyBefore = await policy();
    const out = await benchVisits(people, env.databaseUrl, { visits: 3, senders: [1, 2] });
    assertNothingMissing(out);
    for (const senders of ['1', '2']) {
      assertFigures(out, `${senders} |`, [1, 2, 3, 4]);
      assert.deepEqual(rowOf(out, `${senders} |`).slice(5), ['0', '0', '3 / 3 / 3'], 'no error, no double claim, three obligations fulfilled');
    }
    assert.deepEqual(await policy(), policyBefore, 'the program has its policy back');
  });

  test('when one case has two visit cadences of seconds, then both first obligations fall DUE and their lateness is measured', BOUNDED, async () => {
    const admin = await people.allowedTo('policy.edit');
    const policy = async () => (await admin.get('/api/programs/KAMPUNG_SEJAHTERA_MANDIRI/policy')).body.policy;
    const policyBefore = await policy();
    const out = await benchTimers(people, { ...process.env, DATABASE_URL: env.databaseUrl, TEMPORAL_ADDRESS: env.temporalAddress }, { cases: 1, minCadenceSeconds: 10 });
    assertNothingMissing(out);
    assert.match(out, /2\/2 first obligations DUE/, out);
    assertFigures(out, 'timer lateness', [1, 2, 3, 4]);
    assertFigures(out, 'PostgreSQL shows DUE', [1, 2, 3, 4]);
    assert.deepEqual(await policy(), policyBefore, 'the program has its policy back');
  });

  test('when a registry list of 10 households is imported twice and searched for duplicates, then each step is timed', BOUNDED, async () => {
    const out = await benchHouseholdImport(people, { households: 10 });
    assertNothingMissing(out);
    for (const label of ['first', 'same file again']) assert.match(rowOf(out, label)[4] ?? '', SECONDS, out);
    assert.match(rowOf(out, 'first')[5] ?? '', /^[1-9][\d,]* \/ \d+ \/ \d+$/, 'people created');
    assert.match(out, /\d[\d,]* people, \d[\d,]* candidate pairs \(\d[\d,]* new\) in \d+\.\d s/, out);
    assert.match(out, /answered in at most \d+ ms \(median \d+ ms, [1-9]\d* requests\)/, out);
  });

  test('when 3 synthetic cases are seeded, then the dashboard and every list are measured through the API and as bare SQL', BOUNDED, async () => {
    const log = createLog('bench', { colour: false });
    const out = await benchManager(people, env.databaseUrl, { cases: [3], clients: 2, requests: 4, maxSeconds: 1, thinkSeconds: 0.2, thinkMeanSeconds: 0.05 }, log);
    assertNothingMissing(out);
    assertFigures(out, '3 |', [0, 1, 2, 3, 4, 5]);
    for (const label of ['GET /api/dashboard — cold', 'GET /api/dashboard — cached', 'GET /api/dashboard?program=KAMPUNG_TEMATIK — cached', 'GET /api/obligations?status=OVERDUE', 'GET /api/obligations?assignee=', 'GET /api/obligations?program=', 'GET /api/cases?stage=', 'GET /api/cases?kecamatan=', 'GET /api/cases?stalledMinDays=']) {
      assertFigures(out, label, [1, 2, 3, 4, 5, 6]);
    }
    assertFigures(out, 'GET /api/dashboard (no-cache, one request at a time)', [1, 2, 3]);
  });

  test('when the web app is fetched as a browser would, then each file of its first download has its raw, gzip and brotli size as sent', BOUNDED, async () => {
    const out = await benchBundle(env.appUrl);
    assertNothingMissing(out);
    assertFigures(out, '/ (page)', [1, 2, 3]);
    assertFigures(out, 'initial JavaScript', [1, 2, 3]);
    const [raw, gzip, brotli] = rowOf(out, 'initial JavaScript').slice(1).map(Number);
    assert.ok(brotli! < gzip! && gzip! < raw!, `brotli < gzip < raw in:\n${out}`);
  });

  test('when 200 households are searched for planted duplicates in memory, then recall and precision are counted', BOUNDED, async () => {
    const out = await runDedupBench({ households: 200 });
    assertNothingMissing(out);
    for (const kind of ['typo', 'swappedNik', 'moved', 'all']) assertFigures(out, `${kind} |`, [1, 2]);
    assertFigures(out, 'SAME_NIK', [1, 2]);
  });
});
