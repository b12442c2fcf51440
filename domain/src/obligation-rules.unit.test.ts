import { test } from 'node:test';
import assert from 'node:assert/strict';
import { monitoringReportRequestSchema } from './obligation';
import { isLate, isObligationRefusal, isOpenStatus, isSameVisit, nextVisitCountsFrom } from './obligation-rules';

test('open statuses are the four a timer moves; the closed three are closed for good', () => {
  assert.deepEqual(['UPCOMING', 'DUE', 'OVERDUE', 'ESCALATED', 'FULFILLED', 'WAIVED', 'CANCELLED'].map(isOpenStatus), [true, true, true, true, false, false, false]);
});

test('a fulfilment after the due instant is late; at or before it, on time', () => {
  assert.equal(isLate('2026-12-01T00:00:00Z', '2026-12-01T00:00:01Z'), true);
  assert.equal(isLate('2026-12-01T00:00:00Z', '2026-12-01T00:00:00Z'), false);
});

test('the next visit counts from the later of the cadence and the closing visit: an earlier day never moves it back', () => {
  assert.equal(nextVisitCountsFrom('2026-12-01T00:00:00Z', '2026-12-03T00:00:00Z'), '2026-12-03T00:00:00Z');
  assert.equal(nextVisitCountsFrom('2026-12-03T00:00:00Z', '2026-12-01T00:00:00Z'), '2026-12-03T00:00:00Z');
});

test('the same visit is the same instant; another instant is another visit', () => {
  assert.equal(isSameVisit('2026-12-03T10:00:00.000Z', '2026-12-03T17:00:00+07:00'), true);
  assert.equal(isSameVisit('2026-12-03T10:00:00.000Z', '2026-12-03T10:00:00.001Z'), false);
});

test('the refusal codes are known by name', () => {
  assert.equal(isObligationRefusal('VISIT_ALREADY_LOGGED'), true);
  assert.equal(isObligationRefusal('ILLEGAL_TRANSITION'), false);
  assert.equal(isObligationRefusal(undefined), false);
});

test('a report period that does not exist is refused, naming the field', () => {
  const base = { progressPercent: 50, budgetRealised: 1 };
  for (const period of ['0000-01', '2026-13', '2026-02-31T00:00:00', '2026-02-31', '1999-12']) {
    const parsed = monitoringReportRequestSchema.safeParse({ ...base, period });
    assert.equal(parsed.success, false, period);
    assert.deepEqual([...new Set(parsed.error!.issues.map((i) => i.path.join('.')))], ['period'], period);
  }
  for (const period of ['2026-10', '2026-02-28T10:00:00']) assert.equal(monitoringReportRequestSchema.safeParse({ ...base, period }).success, true, period);
});
