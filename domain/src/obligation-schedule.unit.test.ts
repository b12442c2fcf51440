import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { firstReportPeriodStart, obligationWindow, reportPeriodEnd, reportPeriodLabel, reportPeriodPlace } from './obligation-schedule';

describe('obligation windows and report periods', () => {
  test('a window opens a reminder lead before due, never before it was created, then overdue and escalated', () => {
    const policy = { reminderLead: 'P3D', visitGrace: 'P3D', escalationDelay: 'P7D' };
    const w = obligationWindow(new Date('2026-11-01T00:00:00Z'), new Date('2026-11-15T00:00:00Z'), policy);
    assert.deepEqual(
      [w.opensAt, w.dueAt, w.overdueAt, w.escalatesAt].map((d) => d.toISOString().slice(0, 10)),
      ['2026-11-12', '2026-11-15', '2026-11-18', '2026-11-25'],
    );
    const late = obligationWindow(new Date('2026-11-14T00:00:00Z'), new Date('2026-11-15T00:00:00Z'), policy);
    assert.equal(late.opensAt.toISOString(), '2026-11-14T00:00:00.000Z');
  });

  test('monthly periods follow the WIB calendar: implementation on 31 Oct 20:00 UTC (1 Nov WIB) reports November', () => {
    const start = firstReportPeriodStart(new Date('2026-10-31T20:00:00Z'), 'P1M');
    assert.equal(start.toISOString(), '2026-10-31T17:00:00.000Z');
    assert.equal(reportPeriodLabel(start, 'P1M'), '2026-11');
    const end = reportPeriodEnd(start, 'P1M');
    assert.equal(end.toISOString(), '2026-11-30T17:00:00.000Z');
    assert.equal(reportPeriodLabel(end, 'P1M'), '2026-12');
  });

  test('second-scale periods start at the anchor and keep distinct labels', () => {
    const anchor = new Date('2026-11-24T01:00:00.250Z');
    const start = firstReportPeriodStart(anchor, 'PT2S');
    assert.equal(start.getTime(), anchor.getTime());
    assert.equal(reportPeriodEnd(start, 'PT2S').getTime() - anchor.getTime(), 2000);
    assert.notEqual(reportPeriodLabel(start, 'PT2S'), reportPeriodLabel(reportPeriodEnd(start, 'PT2S'), 'PT2S'));
    assert.equal(reportPeriodLabel(start, 'PT2S'), '2026-11-24T08:00:00');
  });

  test('a case reports on the periods from the one its implementation began in to the one under way, by the WIB calendar', () => {
    // Implementation began on 31 Oct 20:00 UTC, which is 1 Nov in WIB; now is 3 Dec 12:00 UTC.
    const began = new Date('2026-10-31T20:00:00Z');
    const now = new Date('2026-12-03T12:00:00Z');
    const place = (label: string) => reportPeriodPlace(label, began, now);
    assert.equal(place('2026-10'), 'BEFORE_IMPLEMENTATION');
    assert.deepEqual(['2026-11', '2026-12'].map(place), ['WITHIN', 'WITHIN']);
    assert.equal(place('2027-01'), 'NOT_BEGUN');
    // Instant labels (second-scale periods) to the second.
    assert.equal(place('2026-11-01T02:59:59'), 'BEFORE_IMPLEMENTATION');
    assert.equal(place('2026-11-01T03:00:00'), 'WITHIN');
    assert.equal(place('2026-12-03T19:00:00'), 'WITHIN');
    assert.equal(place('2026-12-03T19:00:01'), 'NOT_BEGUN');
    assert.equal(reportPeriodPlace('2026-11', null, now), 'NO_IMPLEMENTATION');
  });
});
