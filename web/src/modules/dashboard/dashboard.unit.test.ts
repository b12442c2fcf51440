import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FORWARD_CHAIN } from '@kampung/domain/stages';
import { daysParam } from '../cases/case-links';
import { parseAgingDays } from './aging-days';
import { adherenceRows, byStatus, isCurrentWeek, kecamatanComparison, overdueTotals, realisedShare, stageFunnels } from './dashboard-figures';
import { adherenceLink, allStalledLink, coverageLink, overdueLink, redReportsLink, stageLink, stalledLink } from './dashboard-links';

const PROGRAMS = [
  { code: 'KAMPUNG_TEMATIK', cityCode: '33.74' },
  { code: 'KAMPUNG_SEJAHTERA_MANDIRI', cityCode: '36.71' },
];

const query = (path: string) => Object.fromEntries(new URL(path, 'http://x').searchParams);

test('aging days: comma-separated whole days, ascending, 1–3650, at most six', () => {
  assert.deepEqual(parseAgingDays('30, 90,180'), { ok: true, days: [30, 90, 180] });
  assert.deepEqual(parseAgingDays(' 7 '), { ok: true, days: [7] });
  assert.deepEqual(parseAgingDays(''), { ok: false, error: 'required' });
  assert.deepEqual(parseAgingDays(' , '), { ok: false, error: 'required' });
  assert.deepEqual(parseAgingDays('30,,90'), { ok: false, error: 'number' });
  assert.deepEqual(parseAgingDays('30 90'), { ok: false, error: 'number' });
  assert.deepEqual(parseAgingDays('1.5'), { ok: false, error: 'number' });
  assert.deepEqual(parseAgingDays('-3'), { ok: false, error: 'number' });
  assert.deepEqual(parseAgingDays('0, 30'), { ok: false, error: 'range' });
  assert.deepEqual(parseAgingDays('30, 3651'), { ok: false, error: 'range' });
  assert.deepEqual(parseAgingDays('90, 30'), { ok: false, error: 'ascending' });
  assert.deepEqual(parseAgingDays('30, 30'), { ok: false, error: 'ascending' });
  assert.deepEqual(parseAgingDays('1,2,3,4,5,6,7'), { ok: false, error: 'tooMany' });
  assert.deepEqual(parseAgingDays('1,2,3,4,5,6'), { ok: true, days: [1, 2, 3, 4, 5, 6] });
});

test('a stalled bucket links to the case list with its range of days (and the program, if one is chosen)', () => {
  assert.deepEqual(query(stalledLink(null, { fromDays: 0, toDays: 30 })), { stalledMinDays: '0', stalledMaxDays: '30' });
  assert.deepEqual(query(stalledLink('KAMPUNG_TEMATIK', { fromDays: 180, toDays: null })), { program: 'KAMPUNG_TEMATIK', stalledMinDays: '180' });
  assert.ok(stalledLink(null, { fromDays: 0, toDays: 30 }).startsWith('/?'));
  assert.deepEqual(query(allStalledLink(null)), { stalledMinDays: '0' });
  assert.deepEqual(query(stageLink('KAMPUNG_TEMATIK', 'SURVEY')), { program: 'KAMPUNG_TEMATIK', stage: 'SURVEY' });
});

test('the case list reads the stalled range back from its URL, ignoring what is not a whole number of days', () => {
  assert.equal(daysParam('0', 0), 0);
  assert.equal(daysParam('30', 1), 30);
  assert.equal(daysParam('0', 1), undefined);
  assert.equal(daysParam(null, 0), undefined);
  assert.equal(daysParam('', 0), undefined);
  assert.equal(daysParam('3.5', 0), undefined);
  assert.equal(daysParam('-1', 0), undefined);
  assert.equal(daysParam('99999', 0), undefined);
});

test('overdue figures link to the obligation list; a person\'s adherence to their visits of the last 90 days', () => {
  assert.equal(overdueLink('ESCALATED', { kind: 'STAGE_DEADLINE' }), '/obligations?status=ESCALATED&kind=STAGE_DEADLINE');
  assert.equal(overdueLink('OVERDUE', { kecamatan: '33.74.04' }), '/obligations?status=OVERDUE&kecamatan=33.74.04');
  assert.equal(overdueLink('OVERDUE'), '/obligations?status=OVERDUE');
  const link = adherenceLink('u-1', '2026-11-24T10:00:00.000Z');
  assert.ok(link.startsWith('/obligations?'));
  assert.deepEqual(query(link), { kind: 'VISIT', assignee: 'u-1', dueFrom: '2026-08-26T10:00:00.000Z', dueTo: '2026-11-24T10:00:00.000Z' });
  assert.equal(redReportsLink(null), '/red-reports');
  assert.equal(redReportsLink('KAMPUNG_TEMATIK'), '/red-reports?program=KAMPUNG_TEMATIK');
});

test('coverage links to the case list of the kecamatan with the program of its city chosen', () => {
  assert.deepEqual(query(coverageLink('36.71.07', PROGRAMS)), { program: 'KAMPUNG_SEJAHTERA_MANDIRI', kecamatan: '36.71.07' });
  assert.deepEqual(query(coverageLink('33.74.04', PROGRAMS)), { program: 'KAMPUNG_TEMATIK', kecamatan: '33.74.04' });
  assert.deepEqual(query(coverageLink('33.74.04', [])), { kecamatan: '33.74.04' });
});

test('overdue rows pivot to one row per key with both counts, largest first', () => {
  const rows = byStatus(
    [
      { status: 'OVERDUE' as const, kind: 'VISIT', count: 2 },
      { status: 'ESCALATED' as const, kind: 'STAGE_DEADLINE', count: 5 },
      { status: 'ESCALATED' as const, kind: 'VISIT', count: 1 },
    ],
    (r) => r.kind,
    (r) => r.kind,
  );
  assert.deepEqual(rows, [
    { key: 'STAGE_DEADLINE', item: 'STAGE_DEADLINE', OVERDUE: 0, ESCALATED: 5 },
    { key: 'VISIT', item: 'VISIT', OVERDUE: 2, ESCALATED: 1 },
  ]);
  const totals = overdueTotals({
    overdue: {
      byKind: [
        { status: 'OVERDUE', kind: 'VISIT', count: 2 },
        { status: 'ESCALATED', kind: 'VISIT', count: 3 },
        { status: 'ESCALATED', kind: 'EVALUATION', count: 4 },
      ],
      byAssignee: [],
      assignees: 0,
      byKecamatan: [],
    },
  });
  assert.deepEqual(totals, { OVERDUE: 2, ESCALATED: 7 });
});

test('the stage funnel lists every forward stage in order, other stages only when a case is in them', () => {
  const funnels = stageFunnels(
    [
      { programCode: 'KAMPUNG_SEJAHTERA_MANDIRI', stage: 'SURVEY', count: 1 },
      { programCode: 'KAMPUNG_TEMATIK', stage: 'ON_HOLD', count: 2 },
      { programCode: 'KAMPUNG_TEMATIK', stage: 'PROPOSAL', count: 4 },
    ],
    PROGRAMS.map((p) => p.code),
  );
  assert.deepEqual(funnels.map((f) => f.programCode), ['KAMPUNG_TEMATIK', 'KAMPUNG_SEJAHTERA_MANDIRI']);
  const kt = funnels[0]!;
  assert.deepEqual(kt.rows.map((r) => r.stage), [...FORWARD_CHAIN, 'ON_HOLD']);
  assert.equal(kt.rows[0]!.count, 4);
  assert.equal(kt.max, 4);
  assert.ok(!funnels[1]!.rows.some((r) => r.stage === 'ON_HOLD'));
});

test('budget share and adherence order', () => {
  assert.equal(realisedShare({ allocated: 200, realised: 50 }), 0.25);
  assert.equal(realisedShare({ allocated: 0, realised: 50 }), 0);
  const people = adherenceRows([
    { mentor: { id: 'a', name: 'Budi' }, due: 4, onTime: 4, share: 1 },
    { mentor: { id: 'b', name: 'Ani' }, due: 4, onTime: 1, share: 0.25 },
    { mentor: { id: 'c', name: 'Citra' }, due: 2, onTime: 2, share: 1 },
  ]);
  assert.deepEqual(people.map((p) => p.mentor.name), ['Ani', 'Budi', 'Citra']);
});

test('for one program, the overdue and adherence links carry it too (the obligation list filters by program)', () => {
  assert.equal(overdueLink('OVERDUE', { program: 'KAMPUNG_TEMATIK' }), '/obligations?program=KAMPUNG_TEMATIK&status=OVERDUE');
  assert.equal(overdueLink('ESCALATED', { kind: 'VISIT', program: 'KAMPUNG_TEMATIK' }), '/obligations?program=KAMPUNG_TEMATIK&status=ESCALATED&kind=VISIT');
  assert.equal(overdueLink('ESCALATED', { assignee: 'u-1', program: null }), '/obligations?status=ESCALATED&assignee=u-1');
  assert.deepEqual(query(overdueLink('OVERDUE', { kecamatan: '36.71.07', program: 'KAMPUNG_SEJAHTERA_MANDIRI' })), {
    program: 'KAMPUNG_SEJAHTERA_MANDIRI',
    status: 'OVERDUE',
    kecamatan: '36.71.07',
  });
  assert.deepEqual(query(adherenceLink('u-1', '2026-11-24T10:00:00.000Z', 'KAMPUNG_TEMATIK')), {
    program: 'KAMPUNG_TEMATIK',
    kind: 'VISIT',
    assignee: 'u-1',
    dueFrom: '2026-08-26T10:00:00.000Z',
    dueTo: '2026-11-24T10:00:00.000Z',
  });
});

test('the kecamatan comparison puts overdue work beside coverage, per program in the programs\' order', () => {
  const groups = kecamatanComparison(
    {
      coverage: [
        { kecamatan: { code: '36.71.07', name: 'Karawaci' }, kelurahan: 4, covered: 1 },
        { kecamatan: { code: '33.74.04', name: 'Gayamsari' }, kelurahan: 7, covered: 0 },
        { kecamatan: { code: '33.74.02', name: 'Candisari' }, kelurahan: 8, covered: 2 },
      ],
      overdue: {
        byKind: [],
        byAssignee: [],
        assignees: 0,
        byKecamatan: [
          { status: 'OVERDUE', kecamatan: { code: '33.74.04', name: 'Gayamsari' }, count: 3 },
          { status: 'ESCALATED', kecamatan: { code: '33.74.04', name: 'Gayamsari' }, count: 1 },
          { status: 'ESCALATED', kecamatan: { code: '99.01.01', name: 'Elsewhere' }, count: 2 },
        ],
      },
    },
    PROGRAMS,
  );
  assert.deepEqual(groups.map((g) => g.programCode), ['KAMPUNG_TEMATIK', 'KAMPUNG_SEJAHTERA_MANDIRI', '']);
  assert.deepEqual(groups[0]!.rows, [
    { code: '33.74.02', name: 'Candisari', OVERDUE: 0, ESCALATED: 0, kelurahan: 8, covered: 2, share: 0.25 },
    { code: '33.74.04', name: 'Gayamsari', OVERDUE: 3, ESCALATED: 1, kelurahan: 7, covered: 0, share: 0 },
  ]);
  assert.deepEqual(groups[2]!.rows.map((r) => [r.name, r.ESCALATED, r.kelurahan]), [['Elsewhere', 2, 0]]);
});

test('only the trend\'s last week (this one, counted up to now) links to today\'s obligation list', () => {
  const trend = [
    { weekStart: '2026-11-09', overdue: 1, escalated: 0 },
    { weekStart: '2026-11-16', overdue: 2, escalated: 1 },
    { weekStart: '2026-11-23', overdue: 3, escalated: 1 },
  ];
  assert.deepEqual(trend.map((_, i) => isCurrentWeek(trend, i)), [false, false, true]);
});
