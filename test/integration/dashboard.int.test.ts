import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { createDb, type Db } from '@kampung/db';
import { DEFAULT_POLICIES, reportPeriodLabel, type CaseDetail, type Stage } from '@kampung/domain';
import { ApiClient } from './support/api-client';
import { env } from './support/env';
import { FULL_PATH, moverOf, validData } from './support/stage-data';
import { eventually } from './support/temporal';

const KT = 'KAMPUNG_TEMATIK';
const DAY = 86_400_000;
const OPEN = ['UPCOMING', 'DUE', 'OVERDUE', 'ESCALATED'];

/** Every figure of the dashboard, computed again here from the raw rows, the plain way. */
async function directFigures(db: Db, program: string, now: number, agingDays: number[]) {
  const cases = await db.selectFrom('cases').selectAll().where('program_code', '=', program).execute();
  const ids = new Set(cases.map((c) => c.id));
  const obligations = (await db.selectFrom('obligations').selectAll().execute()).filter((o) => ids.has(o.case_id));
  const users = new Map((await db.selectFrom('users').select(['id', 'name']).execute()).map((u) => [u.id, u.name]));
  const kecamatanNames = new Map((await db.selectFrom('kecamatan').select(['code', 'name']).execute()).map((k) => [k.code, k.name]));
  const count = <T>(items: T[], key: (t: T) => string) => {
    const m = new Map<string, number>();
    for (const item of items) m.set(key(item), (m.get(key(item)) ?? 0) + 1);
    return m;
  };

  const stages = [...count(cases, (c) => c.stage)].map(([stage, n]) => ({ programCode: program, stage, count: n }));
  const stalledAges = obligations
    .filter((o) => o.kind === 'STAGE_DEADLINE' && OPEN.includes(o.status) && o.due_at.getTime() < now)
    .map((o) => (now - o.due_at.getTime()) / DAY);
  const edges = [0, ...agingDays];
  const buckets = edges.map((from, i) => ({
    fromDays: from,
    toDays: edges[i + 1] ?? null,
    count: stalledAges.filter((a) => a >= from && (edges[i + 1] === undefined || a < edges[i + 1]!)).length,
  }));
  const late = obligations.filter((o) => o.status === 'OVERDUE' || o.status === 'ESCALATED');
  const byKind = [...count(late, (o) => `${o.status}|${o.kind}`)].map(([k, n]) => ({ status: k.split('|')[0], kind: k.split('|')[1], count: n }));
  const byAssignee = [...count(late, (o) => `${o.status}|${o.assignee_id ?? ''}`)].map(([k, n]) => {
    const [status, id] = k.split('|');
    return { status, assignee: id ? { id, name: users.get(id) } : null, count: n };
  });
  const byKecamatan = [...count(late, (o) => `${o.status}|${cases.find((c) => c.id === o.case_id)!.kecamatan_code}`)].map(([k, n]) => {
    const [status, code] = k.split('|');
    return { status, kecamatan: { code, name: kecamatanNames.get(code!) }, count: n };
  });
  const visits = obligations.filter(
    (o) => o.kind === 'VISIT' && o.assignee_id && o.due_at.getTime() >= now - 90 * DAY && o.due_at.getTime() < now && !['WAIVED', 'CANCELLED'].includes(o.status),
  );
  const adherence = [...count(visits, (o) => o.assignee_id!)].map(([id, due]) => {
    const onTime = visits.filter((o) => o.assignee_id === id && o.status === 'FULFILLED' && o.late === false).length;
    return { mentor: { id, name: users.get(id) }, due, onTime, share: onTime / due };
  });
  const year = new Date(now + 7 * 3_600_000).getUTCFullYear();
  const rated = cases.filter((c) => c.rating && c.rated_at && new Date(c.rated_at.getTime() + 7 * 3_600_000).getUTCFullYear() === year);
  const ratings = { year, BAIK: 0, SEDANG: 0, KURANG: 0 };
  for (const c of rated) ratings[c.rating as 'BAIK'] += 1;
  const budget = {
    allocated: cases.reduce((s, c) => s + Number(c.budget_allocated ?? 0), 0),
    realised: cases.reduce((s, c) => s + Number(c.budget_realised ?? 0), 0),
  };
  const redReports = (await db.selectFrom('monitoring_reports').select(['case_id', 'red']).execute()).filter((r) => r.red && ids.has(r.case_id)).length;
  const city = (await db.selectFrom('programs').select('city_code').where('code', '=', program).executeTakeFirstOrThrow()).city_code;
  const kelurahan = await db
    .selectFrom('kelurahan')
    .innerJoin('kecamatan', 'kecamatan.code', 'kelurahan.kecamatan_code')
    .select(['kelurahan.code', 'kelurahan.kecamatan_code', 'kecamatan.name'])
    .where('kecamatan.city_code', '=', city)
    .execute();
  const active = new Set(cases.filter((c) => !['REJECTED', 'WITHDRAWN', 'CLOSED'].includes(c.stage)).map((c) => c.kelurahan_code));
  const coverage = [...new Set(kelurahan.map((k) => k.kecamatan_code))].sort().map((code) => {
    const here = kelurahan.filter((k) => k.kecamatan_code === code);
    return { kecamatan: { code, name: here[0]!.name }, kelurahan: here.length, covered: here.filter((k) => active.has(k.code)).length };
  });
  // Overdue trend: 12 weeks, Monday to Sunday in WIB, the current one last; each week counts the
  // obligations still open at its end (or now) past their overdue instant, and past escalation.
  const wibNow = new Date(now + 7 * 3_600_000);
  const thisMonday = Date.UTC(wibNow.getUTCFullYear(), wibNow.getUTCMonth(), wibNow.getUTCDate()) - ((wibNow.getUTCDay() + 6) % 7) * DAY;
  const closedAt = (o: (typeof obligations)[number]) =>
    o.status === 'FULFILLED' ? o.fulfilled_at!.getTime() : o.status === 'WAIVED' || o.status === 'CANCELLED' ? o.status_changed_at.getTime() : Infinity;
  const overdueTrend = Array.from({ length: 12 }, (_, i) => {
    const startWib = thisMonday - (11 - i) * 7 * DAY;
    const end = Math.min(now, startWib + 7 * DAY - 7 * 3_600_000);
    const open = obligations.filter((o) => closedAt(o) > end);
    return {
      weekStart: new Date(startWib).toISOString().slice(0, 10),
      overdue: open.filter((o) => o.overdue_at.getTime() <= end && o.escalates_at.getTime() > end).length,
      escalated: open.filter((o) => o.escalates_at.getTime() <= end).length,
    };
  });
  // Per person, the dashboard names the 20 with the most late work and the 20 with the lowest
  // adherence, and gives the figure over everyone.
  const lateOf = new Map<string, { name: string; total: number }>();
  for (const r of byAssignee) {
    const key = r.assignee?.id ?? '';
    lateOf.set(key, { name: r.assignee?.name ?? '', total: (lateOf.get(key)?.total ?? 0) + r.count });
  }
  const mostLate = new Set(
    [...lateOf].sort(([ka, a], [kb, b]) => b.total - a.total || a.name.localeCompare(b.name) || ka.localeCompare(kb)).slice(0, 20).map(([k]) => k),
  );
  const lowestAdherence = [...adherence]
    .sort((a, b) => a.share - b.share || b.due - a.due || a.mentor.name!.localeCompare(b.mentor.name!) || a.mentor.id.localeCompare(b.mentor.id))
    .slice(0, 20);
  const dueAll = adherence.reduce((s, r) => s + r.due, 0);
  const onTimeAll = adherence.reduce((s, r) => s + r.onTime, 0);
  return {
    stages,
    stalled: { total: stalledAges.length, buckets },
    overdue: { byKind, byAssignee: byAssignee.filter((r) => mostLate.has(r.assignee?.id ?? '')), assignees: lateOf.size, byKecamatan },
    adherence: lowestAdherence,
    adherenceSummary: { mentors: adherence.length, due: dueAll, onTime: onTimeAll, share: dueAll === 0 ? 0 : onTimeAll / dueAll },
    ratings,
    budget,
    redReports,
    coverage,
    overdueTrend,
  };
}

const sortBy = <T>(items: T[]) => [...items].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));

describe("the manager's dashboard", () => {
  let admin: ApiClient;
  let db: Db;
  before(async () => {
    admin = await ApiClient.signedIn(env.admin());
    db = createDb(env.databaseUrl, { max: 2 });
  });
  after(async () => {
    const current = (await admin.get(`/api/programs/${KT}/policy`)).body;
    await admin.request('PUT', `/api/programs/${KT}/policy`, { baseVersion: current.version, changeNote: 'Uji selesai', policy: DEFAULT_POLICIES.KAMPUNG_TEMATIK });
    await db.destroy();
  });

  test('every number equals a direct computation on the stored rows, and the stalled buckets lead to the cases behind them', async () => {
    // Stalled cases, a designation budget, an evaluation with its rating and a red report.
    const current = (await admin.get(`/api/programs/${KT}/policy`)).body;
    await admin.request('PUT', `/api/programs/${KT}/policy`, {
      baseVersion: current.version,
      changeNote: 'Uji dasbor',
      policy: { ...current.policy, visitCadence: {}, stageMaxDuration: { SURVEY: 'PT1S' }, reminderLead: 'PT1S', visitGrace: 'PT1S', escalationDelay: 'PT1S' },
    });
    const manager = await ApiClient.signedIn(env.manager());
    const walk = async (to: Stage): Promise<CaseDetail> => {
      let c: CaseDetail = await admin.propose();
      for (const stage of FULL_PATH.slice(0, FULL_PATH.indexOf(to) + 1)) {
        const res = await moverOf(c.stage, stage, admin, manager).move(c.id, stage, { data: validData(c.stage, stage) });
        assert.equal(res.status, 200, JSON.stringify(res.body));
        c = res.body;
      }
      return c;
    };
    const stalled = await walk('SURVEY');
    const evaluated = await walk('GRADUATED'); // the evaluation's results (and rating) come with leaving EVALUATION
    const report = await admin.post(`/api/cases/${evaluated.id}/monitoring-reports`, {
      period: reportPeriodLabel(new Date(), 'P1M'), progressPercent: 30, budgetRealised: 7_500_000, explanation: 'Uji dasbor',
    });
    assert.equal(report.status, 201, JSON.stringify(report.body));

    // Quiet: the deadline has escalated, so nothing of it moves while the figures are compared.
    await eventually(async () => {
      const rows = await db.selectFrom('obligations').select('status').where('case_id', '=', stalled.id).where('kind', '=', 'STAGE_DEADLINE').where('stage', '=', 'SURVEY').execute();
      assert.deepEqual(rows.map((r) => r.status), ['ESCALATED'], 'the deadline has not escalated yet');
    }, { timeoutMs: 30_000 });

    const settings = (await admin.get('/api/dashboard/settings')).body;
    await eventually(async () => {
      const before = Date.now();
      const shown = (await admin.get(`/api/dashboard?program=${KT}`)).body;
      const now = Date.parse(shown.generatedAt);
      assert.ok(now >= before - 1000, 'generated now');
      const direct = await directFigures(db, KT, now, settings.stalledAgingDays);
      assert.deepEqual(sortBy(shown.stages), sortBy(direct.stages), 'stages');
      assert.deepEqual(shown.stalled, direct.stalled, 'stalled');
      assert.deepEqual(sortBy(shown.overdue.byKind), sortBy(direct.overdue.byKind), 'overdue by kind');
      assert.deepEqual(sortBy(shown.overdue.byAssignee), sortBy(direct.overdue.byAssignee), 'overdue by assignee');
      assert.equal(shown.overdue.assignees, direct.overdue.assignees, 'people with late work');
      assert.deepEqual(sortBy(shown.overdue.byKecamatan), sortBy(direct.overdue.byKecamatan), 'overdue by kecamatan');
      assert.deepEqual(shown.adherence, direct.adherence, 'adherence: the lowest, in order');
      assert.deepEqual(shown.adherenceSummary, direct.adherenceSummary, 'adherence over everyone');
      assert.deepEqual(shown.ratings, direct.ratings, 'ratings');
      assert.deepEqual(shown.budget, direct.budget, 'budget');
      assert.equal(shown.redReports, direct.redReports, 'red reports');
      assert.deepEqual(shown.coverage, direct.coverage, 'coverage');
      assert.deepEqual(shown.overdueTrend, direct.overdueTrend, 'overdue trend by week');
    });

    const shown = (await admin.get(`/api/dashboard?program=${KT}`)).body;
    assert.ok(shown.stalled.total >= 1, 'the case is stalled');
    assert.ok(shown.ratings.BAIK + shown.ratings.SEDANG + shown.ratings.KURANG >= 1, 'the evaluation is rated');
    assert.ok(shown.budget.allocated > 0 && shown.budget.realised >= 7_500_000, 'budgets');
    assert.ok(shown.redReports >= 1, 'the red report counts');
    assert.ok(shown.overdueTrend.at(-1).escalated >= 1, 'this week counts the escalated deadline');
    // Every stalled bucket leads to exactly the cases it counts.
    for (const bucket of shown.stalled.buckets) {
      const query = `program=${KT}&stalledMinDays=${bucket.fromDays}${bucket.toDays === null ? '' : `&stalledMaxDays=${bucket.toDays}`}&pageSize=100`;
      const list = (await admin.get(`/api/cases?${query}`)).body;
      assert.equal(list.total, bucket.count, `bucket ${bucket.fromDays}–${bucket.toDays}`);
    }
    const youngest = (await admin.get(`/api/cases?program=${KT}&stalledMinDays=0&stalledMaxDays=${shown.stalled.buckets[0].toDays}&pageSize=100`)).body;
    assert.ok(youngest.items.some((c: any) => c.id === stalled.id), 'the stalled case is in the list behind its bucket');
  });

  test("a program's overdue figure leads to that program's obligations only", async () => {
    // Workflows of earlier tests may still write obligations: compare counts taken at one moment.
    await eventually(async () => {
      const total = (await admin.get('/api/obligations?open=true&pageSize=1')).body.total as number;
      const perProgram = await Promise.all(
        [KT, 'KAMPUNG_SEJAHTERA_MANDIRI'].map(async (program) => {
          const list = (await admin.get(`/api/obligations?program=${program}&open=true&pageSize=200`)).body;
          const ids = list.items.map((o: any) => o.caseId);
          const programs = ids.length ? await db.selectFrom('cases').select('program_code').distinct().where('id', 'in', ids).execute() : [];
          assert.ok(programs.every((p) => p.program_code === program), `only ${program}'s cases`);
          return list.total as number;
        }),
      );
      assert.equal(perProgram[0]! + perProgram[1]!, total, 'the two programs together are the whole list');
      assert.ok(perProgram[0]! > 0, 'Kampung Tematik has open obligations');
    });
    assert.equal((await admin.get('/api/obligations?program=NOPE')).status, 422);
  });

  test('admins set the aging buckets; a bad setting is refused with each problem named', async () => {
    const bad = await admin.request('PUT', '/api/dashboard/settings', { stalledAgingDays: [90, 30] });
    assert.equal(bad.status, 422);
    assert.deepEqual(bad.body.errors.map((e: any) => e.path), ['stalledAgingDays']);
    const viewer = await ApiClient.signedIn(env.auditor());
    assert.equal((await viewer.request('PUT', '/api/dashboard/settings', { stalledAgingDays: [7, 14] })).status, 403);
    const ok = await admin.request('PUT', '/api/dashboard/settings', { stalledAgingDays: [7, 14, 60] });
    assert.equal(ok.status, 200);
    const shown = (await admin.get('/api/dashboard')).body;
    assert.deepEqual(shown.stalled.buckets.map((b: any) => [b.fromDays, b.toDays]), [[0, 7], [7, 14], [14, 60], [60, null]]);
    await admin.request('PUT', '/api/dashboard/settings', { stalledAgingDays: [30, 90, 180] });
    assert.equal((await admin.get('/api/dashboard?program=NOPE')).status, 422, 'an unknown program is refused');
  });

  test('any list exports to CSV and XLSX with the same filters: the files hold exactly the rows of the list', async () => {
    const filter = `program=${KT}&stalledMinDays=0`;
    const listed = (await admin.get(`/api/cases?${filter}&pageSize=100`)).body;
    assert.ok(listed.total >= 1, 'there is a stalled case to export');
    const csv = await fetch(`${env.appUrl}/api/cases/export?${filter}&format=csv`, { headers: { cookie: admin.cookieHeader() } });
    assert.equal(csv.status, 200);
    assert.match(csv.headers.get('content-type') ?? '', /text\/csv/);
    const rows: string[][] = parse((await csv.text()).replace(/^\uFEFF/, ''));
    assert.deepEqual(rows[0]!.slice(0, 3), ['Nama kampung', 'Program', 'Tahap'], 'Indonesian headers by default');
    assert.deepEqual(rows.slice(1).map((r) => r.at(-1)).sort(), listed.items.map((c: any) => c.id).sort(), 'the same cases');

    const overdue = (await admin.get('/api/obligations?status=ESCALATED&kind=STAGE_DEADLINE&pageSize=200')).body;
    assert.ok(overdue.total >= 1, 'there is an escalated deadline to export');
    const xlsx = await fetch(`${env.appUrl}/api/obligations/export?status=ESCALATED&kind=STAGE_DEADLINE&format=xlsx&lang=en`, { headers: { cookie: admin.cookieHeader() } });
    assert.equal(xlsx.status, 200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await xlsx.arrayBuffer()) as never);
    const sheet = book.worksheets[0]!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    assert.deepEqual(header.slice(0, 3), ['Kampung', 'Kind', 'Status'], 'English headers on request');
    const ids: string[] = [];
    sheet.eachRow((row, n) => {
      if (n > 1) ids.push(String((row.values as unknown[]).at(-2)));
    });
    assert.deepEqual(ids.sort(), overdue.items.map((o: any) => o.id).sort(), 'the same obligations');
    assert.ok(ids.length === overdue.total, 'every row, not one page');

    // The case page asks for what is still to do and, apart, for what is closed, latest first.
    const open = (await admin.get('/api/obligations?open=true&pageSize=200')).body.items as any[];
    assert.ok(open.length > 0 && open.every((o) => OPEN.includes(o.status)), 'open=true: only what is still to do');
    const closed = (await admin.get('/api/obligations?open=false&sort=-due&pageSize=200')).body.items as any[];
    assert.ok(closed.length > 0 && closed.every((o) => !OPEN.includes(o.status)), 'open=false: only what is closed');
    assert.deepEqual(closed.map((o) => o.dueAt), [...closed.map((o) => o.dueAt)].sort().reverse(), 'sort=-due: latest first');

    const bad = await admin.get('/api/obligations/export?format=pdf&status=LOST');
    assert.equal(bad.status, 422);
    assert.deepEqual(bad.body.errors.map((e: any) => e.path).sort(), ['format', 'status'], 'each bad parameter named');
  });
});
