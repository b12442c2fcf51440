import assert from 'node:assert/strict';
import { test } from 'node:test';
import { filtersOf } from '../../lib/useUrlFilters';
import { filterEntries, worklistInput, worklistPath } from './worklist-filters';

test('a list URL\'s filters are what a worklist keeps: every non-empty parameter but the page', () => {
  const params = new URLSearchParams('status=ESCALATED&kecamatan=33.74.04&page=3&pageSize=50&q=&program=KAMPUNG_TEMATIK');
  assert.deepEqual(filtersOf(params), { status: 'ESCALATED', kecamatan: '33.74.04', program: 'KAMPUNG_TEMATIK' });
  assert.deepEqual(filtersOf(new URLSearchParams()), {});
});

test('opening a worklist opens its list with its filters', () => {
  assert.equal(worklistPath('obligations', { status: 'ESCALATED', kecamatan: '33.74.04' }), '/obligations?status=ESCALATED&kecamatan=33.74.04');
  assert.equal(worklistPath('cases', { program: 'KAMPUNG_TEMATIK', stalledMinDays: '0' }), '/?program=KAMPUNG_TEMATIK&stalledMinDays=0');
  assert.equal(worklistPath('cases', {}), '/');
  assert.equal(worklistPath('obligations', {}), '/obligations');
  const path = worklistPath('cases', { q: 'Kampung & Co' });
  assert.equal(new URL(path, 'http://x').searchParams.get('q'), 'Kampung & Co');
});

test('filters are put in words broad ones first, the stalled range and the due dates as one each', () => {
  const entries = filterEntries({
    dueTo: '2026-12-01T00:00:00.000Z',
    status: 'OVERDUE',
    kecamatan: '33.74.04',
    program: 'KAMPUNG_TEMATIK',
    dueFrom: '2026-09-01T00:00:00.000Z',
    custom: 'x',
  });
  assert.deepEqual(entries.map((e) => e.key), ['program', 'kecamatan', 'status', 'due', 'custom']);
  assert.deepEqual(entries[3], { kind: 'due', key: 'due', from: '2026-09-01T00:00:00.000Z', to: '2026-12-01T00:00:00.000Z' });
  assert.deepEqual(filterEntries({ stalledMaxDays: '90', stalledMinDays: '30' }), [{ kind: 'stalled', key: 'stalled', from: 30, to: 90 }]);
  assert.deepEqual(filterEntries({ stalledMinDays: '180' }), [{ kind: 'stalled', key: 'stalled', from: 180, to: undefined }]);
  assert.deepEqual(filterEntries({}), []);
});

test('renaming or sharing keeps the rest of the worklist as it is', () => {
  const worklist = { target: 'obligations' as const, name: 'Terlambat', visibility: 'PRIVATE' as const, filters: { status: 'OVERDUE' } };
  assert.deepEqual(worklistInput(worklist, { visibility: 'SHARED' }), { ...worklist, visibility: 'SHARED' });
  assert.deepEqual(worklistInput({ ...worklist, id: 'w-1', mine: true } as typeof worklist, { name: 'Baru' }), { ...worklist, name: 'Baru' });
});
