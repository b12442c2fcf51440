import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { TimelineEvent } from '@kampung/domain/case-timeline';
import i18n, { loadPageTexts } from '../../i18n';
import { formatDateTimeWib } from '../../lib/format';
import { describeEvent, newestFirst } from './timeline-text';

await Promise.all([loadPageTexts(), i18n.loadLanguages('en')]); // both are fetched when needed
const id = i18n.getFixedT('id');
const en = i18n.getFixedT('en');
const actor = { id: '7b0c2f3e-1111-4a5b-9c8d-000000000001', name: 'Sari Petugas' };
const event = (kind: TimelineEvent['kind'], summary: TimelineEvent['summary'], at = '2026-11-24T07:05:00.000Z'): TimelineEvent => ({
  at,
  kind,
  actor,
  reason: null,
  summary,
});

test('the full timeline reads newest first', () => {
  const events = [
    event('TRANSITION', { fromStage: null, toStage: 'PROPOSAL' }, '2026-01-01T00:00:00.000Z'),
    event('VISIT', { visitKind: 'MENTORING' }, '2026-03-01T00:00:00.000Z'),
    event('ASSIGNMENT', { role: 'MENTOR' }, '2026-02-01T00:00:00.000Z'),
  ];
  assert.deepEqual(newestFirst(events).map((e) => e.kind), ['VISIT', 'ASSIGNMENT', 'TRANSITION']);
  assert.equal(events[0]!.kind, 'TRANSITION', 'the API\'s order is left alone');
  const same = [event('ASSIGNMENT', {}, '2026-01-01T00:00:00.000Z'), event('HANDOVER', {}, '2026-01-01T00:00:00.000Z')];
  assert.deepEqual(newestFirst(same).map((e) => e.kind), ['HANDOVER', 'ASSIGNMENT'], 'events of one instant: the later-listed first');
});

test('moves, evaluations and the creation read as stage names in the language chosen', () => {
  assert.equal(describeEvent(event('TRANSITION', { fromStage: 'PROPOSAL', toStage: 'SURVEY' }), id, 'id').title, 'Pindah tahap: Usulan → Survei');
  assert.equal(describeEvent(event('TRANSITION', { fromStage: 'PROPOSAL', toStage: 'SURVEY' }), en, 'en').title, 'Stage move: Proposal → Survey');
  assert.equal(describeEvent(event('TRANSITION', { fromStage: null, toStage: 'PROPOSAL' }), id, 'id').title, 'Dibuat sebagai Usulan');
  const evaluation = describeEvent(event('EVALUATION', { fromStage: 'EVALUATION', toStage: 'GRADUATED', rating: 'BAIK' }), id, 'id');
  assert.equal(evaluation.title, 'Evaluasi: Evaluasi → Percontohan (lulus)');
  assert.deepEqual(evaluation.details, ['Peringkat Baik']);
});

test('assignments, handovers and visits name the people, roles and particulars', () => {
  const assigned = describeEvent(event('ASSIGNMENT', { role: 'MENTOR', userName: 'Budi Pendamping', lead: true }), id, 'id');
  assert.equal(assigned.title, 'Budi Pendamping ditugaskan sebagai Pendamping');
  assert.deepEqual(assigned.details, ['Utama']);
  assert.equal(describeEvent(event('ASSIGNMENT_ENDED', { role: 'MENTOR', userName: 'Budi', lead: false }), en, 'en').title, 'Assignment of Budi as Mentor ended');
  const handover = describeEvent(event('HANDOVER', { role: 'MENTOR', fromUser: 'Budi', toUser: 'Citra', movedObligations: 2 }), id, 'id');
  assert.equal(handover.title, 'Serah terima Pendamping: Budi → Citra');
  assert.deepEqual(handover.details, ['2 kewajiban dipindahkan']);
  const visit = describeEvent(event('VISIT', { visitKind: 'MENTORING', visitorName: 'Budi', attendees: 12, notes: 'Rapat RW' }), en, 'en');
  assert.equal(visit.title, 'Mentoring visit by Budi');
  assert.deepEqual(visit.details, ['12 attendees', 'Notes: Rapat RW']);
});

test('a red report is marked red; waived and escalated obligations say what and when', () => {
  const report = describeEvent(event('MONITORING_REPORT', { period: '2026-10', progressPercent: 40, targetPercent: 60, red: true }), id, 'id');
  assert.equal(report.title, 'Laporan monitoring Oktober 2026');
  assert.ok(report.red, 'a report below the target is red');
  assert.deepEqual(report.details, ['Progres 40% (target 60%)']);
  const escalated = describeEvent(
    event('OBLIGATION_ESCALATED', { obligationKind: 'STAGE_DEADLINE', dueAt: '2026-11-20T03:00:00.000Z', periodLabel: null, stage: 'SURVEY' }),
    id,
    'id',
  );
  assert.equal(escalated.title, 'Kewajiban dieskalasi: Batas waktu tahap');
  assert.deepEqual(escalated.details, ['Jatuh tempo 20 Nov 2026', 'Tahap Survei']);
  assert.equal(describeEvent(event('OBLIGATION_WAIVED', { obligationKind: 'VISIT', dueAt: null, periodLabel: null, stage: null }), en, 'en').title, 'Obligation waived: Visit');
});

test('times read in WIB whatever the device\'s zone', () => {
  assert.equal(formatDateTimeWib('2026-11-24T07:05:00.000Z', 'id'), '24 Nov 2026, 14.05 WIB');
  assert.equal(formatDateTimeWib('2026-11-24T20:30:00.000Z', 'id'), '25 Nov 2026, 03.30 WIB');
});
