import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DASHBOARD_TOP } from '@kampung/domain';
import { adherence, mostOverdue } from './dashboard.service';

const person = (i: number) => ({ id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`, name: `Pendamping ${String(i).padStart(2, '0')}` });

test('the dashboard names the people with the most overdue and escalated work together, ties by name', () => {
  // 30 people: person i has i overdue and, for even i, 5 escalated; nobody holds 100 overdue.
  const rows = Array.from({ length: 30 }, (_, i) => i + 1).flatMap((i) => [
    { status: 'OVERDUE' as const, assignee: person(i), count: i },
    ...(i % 2 === 0 ? [{ status: 'ESCALATED' as const, assignee: person(i), count: 5 }] : []),
  ]);
  rows.push({ status: 'OVERDUE', assignee: null as never, count: 100 });
  const top = mostOverdue(rows);
  const people = new Set(top.map((r) => r.assignee?.id ?? 'nobody'));
  assert.equal(people.size, DASHBOARD_TOP, 'twenty people');
  assert.ok(people.has('nobody'), 'unassigned work counts as one');
  // Totals: i + 5 for even i. The 19 largest after "nobody": 30+5, 29, 28+5, … down to the cut.
  const totals = [...Array(30).keys()].map((k) => k + 1).map((i) => ({ i, total: i + (i % 2 === 0 ? 5 : 0) }));
  const expected = totals.sort((a, b) => b.total - a.total || a.i - b.i).slice(0, 19).map((t) => person(t.i).id);
  assert.deepEqual([...people].filter((p) => p !== 'nobody').sort(), expected.sort(), 'the largest totals, both statuses together');
  assert.ok(top.filter((r) => r.assignee?.id === person(30).id).length === 2, 'both statuses of a named person are kept');
});

test('adherence names the lowest shares (then most due) and gives the figure over everyone', () => {
  const rows = Array.from({ length: 25 }, (_, i) => ({ mentor: person(i), due: 10, onTime: i % 11 }));
  rows.push({ mentor: person(99), due: 20, onTime: 0 });
  const { adherence: lowest, adherenceSummary } = adherence(rows);
  assert.equal(lowest.length, DASHBOARD_TOP);
  assert.deepEqual(lowest.slice(0, 4).map((r) => r.mentor.id), [person(99).id, person(0).id, person(11).id, person(22).id], 'share 0, most due first, then by name');
  assert.ok(lowest.every((r, i) => i === 0 || r.share >= lowest[i - 1]!.share), 'lowest first');
  const due = 25 * 10 + 20;
  const onTime = rows.reduce((s, r) => s + r.onTime, 0);
  assert.deepEqual(adherenceSummary, { mentors: 26, due, onTime, share: onTime / due });
});
