import assert from 'node:assert/strict';
import { test } from 'node:test';
import { wibWeek } from './wib-week';

const week = (now: string) => {
  const { start, end } = wibWeek(new Date(now));
  return { start: start.toISOString(), end: end.toISOString() };
};

// Monday 00:00 WIB is Sunday 17:00 UTC.
const THIS_WEEK = { start: '2026-11-29T17:00:00.000Z', end: '2026-12-06T17:00:00.000Z' }; // Mon 30 Nov – Sun 6 Dec (WIB)

test('this week is Monday to Sunday by the clock in Jakarta, whatever the UTC date', () => {
  // On Thursday 3 December, midday WIB
  assert.deepEqual(week('2026-12-03T05:00:00Z'), THIS_WEEK);
  // On Monday 30 November at 00:30 WIB (still Sunday in UTC)
  assert.deepEqual(week('2026-11-29T17:30:00Z'), THIS_WEEK);
  // On Sunday 6 December at 23:59 WIB (the week's last minute)
  assert.deepEqual(week('2026-12-06T16:59:00Z'), THIS_WEEK);
  // On Monday 7 December at 00:00 WIB the next week begins
  assert.deepEqual(week('2026-12-06T17:00:00Z'), { start: '2026-12-06T17:00:00.000Z', end: '2026-12-13T17:00:00.000Z' });
  // Across a year's end
  assert.deepEqual(week('2027-01-01T03:00:00Z'), { start: '2026-12-27T17:00:00.000Z', end: '2027-01-03T17:00:00.000Z' });
});

test('an item due next Monday morning is not due this week, though it is within seven days', () => {
  const now = new Date('2026-12-03T05:00:00Z'); // Thursday, WIB
  const nextMonday = new Date('2026-12-07T01:00:00Z'); // Monday 7 December, 08:00 WIB
  assert.ok(nextMonday.getTime() - now.getTime() < 7 * 86_400_000);
  assert.ok(nextMonday >= wibWeek(now).end);
  const sundayEvening = new Date('2026-12-06T13:00:00Z'); // Sunday 6 December, 20:00 WIB
  assert.ok(sundayEvening < wibWeek(now).end);
});
