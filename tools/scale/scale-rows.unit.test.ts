import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_POLICIES } from '@kampung/domain';
import { buildCaseRows, type CaseScript } from './scale-rows';
import { createRng, uuidFrom } from './scale-scenario';

const at = (days: number) => new Date(Date.UTC(2026, 0, 1) + days * 86_400_000);
const policy = { version: 1, policy: DEFAULT_POLICIES.KAMPUNG_SEJAHTERA_MANDIRI };
const script = (): CaseScript => ({
  case: { id: 'c1', programCode: 'KAMPUNG_SEJAHTERA_MANDIRI', kelurahanCode: '36.71.07.1013', kecamatanCode: '36.71.07', rw: '9', name: 'Grenpul', theme: 'Hijau', profile: {}, proposer: {}, createdBy: 'u0', proposedAt: at(0) },
  assignments: [{ id: 'a1', userId: 'u1', role: 'DINSOS_OFFICER', lead: true, startedAt: at(2), createdBy: 'u0' }],
  moves: [{ seq: 1, to: 'SURVEY', at: at(10), actorId: 'u0', reason: null, data: null }],
  visits: [],
  waivers: [],
  reports: [],
});

describe('scale rows: the pure replay of the obligation rules', () => {
  test('when nobody is assigned at the proposal, then the first officer takes its deadline; leaving the stage fulfils it', () => {
    let n = 0;
    const rows = buildCaseRows(script(), policy, at(100), () => `o${n++}`);
    const deadlines = rows.obligations.filter((o) => o.kind === 'STAGE_DEADLINE');
    assert.deepEqual(deadlines.map((o) => [o.stage, o.status, o.assignee_id]), [['PROPOSAL', 'FULFILLED', 'u1'], ['SURVEY', 'ESCALATED', 'u1']], 'deadlines');
    assert.equal(deadlines[1]!.due_at.getTime(), at(40).getTime(), 'due 30 days after entering Survei');
    const visits = rows.obligations.filter((o) => o.kind === 'VISIT');
    assert.equal(visits.length, 1, 'one open visit at a time');
    assert.equal(visits[0]!.status, 'ESCALATED', 'never visited: escalated');
  });

  test('when the same seed is used, then the same ids come out', () => {
    const a = createRng(7);
    const b = createRng(7);
    assert.equal(uuidFrom(a), uuidFrom(b), 'deterministic');
    assert.match(uuidFrom(a), /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/, 'uuid shaped');
  });
});
