import assert from 'node:assert/strict';
import { test } from 'node:test';
import { activityRequestSchema } from '@kampung/domain/activity';
import { emptyDraft, toRequest, type ActivityDraft } from './activity-draft';

const filled: ActivityDraft = {
  ...emptyDraft('DISNAKER'),
  title: 'Pelatihan menjahit',
  kind: 'TRAINING',
  quota: '20',
  budget: '15000000',
  sponsor: 'PT Sandang Jaya',
  sessions: [{ date: '2026-12-07', topic: 'Dasar menjahit' }],
};

test('an APBD activity is sent without the sponsor typed before the source was changed', () => {
  const parsed = activityRequestSchema.safeParse(toRequest(filled));
  assert.ok(parsed.success, JSON.stringify(parsed.error?.issues));
  assert.deepEqual([parsed.data.quota, parsed.data.budget, parsed.data.sponsor], [20, 15_000_000, null]);
});

test('a CSR activity names its sponsor, else the form says so beside the sponsor', () => {
  assert.equal(activityRequestSchema.safeParse(toRequest({ ...filled, budgetSource: 'CSR' })).data?.sponsor, 'PT Sandang Jaya');
  const missing = activityRequestSchema.safeParse(toRequest({ ...filled, budgetSource: 'CSR', sponsor: ' ' }));
  assert.deepEqual(missing.error?.issues.map((i) => i.path.join('.')), ['sponsor']);
});

test('blank numbers and a session without a topic are refused field by field', () => {
  const parsed = activityRequestSchema.safeParse(toRequest({ ...filled, quota: '', budget: '', sessions: [{ date: '2026-12-07', topic: '' }] }));
  assert.deepEqual(parsed.error?.issues.map((i) => i.path.join('.')).sort(), ['budget', 'quota', 'sessions.0.topic']);
});
