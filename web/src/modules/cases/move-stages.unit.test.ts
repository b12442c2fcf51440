import assert from 'node:assert/strict';
import { test } from 'node:test';
import { allowedTransitions } from '@kampung/domain/stages';
import { movableStages } from './move-stages';

test('"Pindah ke tahap…" offers only the moves the case can make now and the role may decide, never one the server would refuse', () => {
  const proposal = { stage: 'PROPOSAL' as const, allowedTransitions: allowedTransitions({ stage: 'PROPOSAL', resumeStage: null }) };
  // An admin on a fresh proposal: withdrawing it or holding it (the survey has its own form, with data)
  assert.deepEqual(movableStages(proposal, 'ADMIN'), ['WITHDRAWN', 'ON_HOLD']);
  // An architect has no move from a proposal: no menu at all
  assert.deepEqual(movableStages(proposal, 'IAI_ARCHITECT'), []);
  // A manager may hold it, not withdraw it
  assert.deepEqual(movableStages(proposal, 'MANAGER'), ['ON_HOLD']);
  // A designated kampung is never offered a jump to implementation (the old menu listed every stage)
  const designated = { stage: 'DESIGNATION' as const, allowedTransitions: allowedTransitions({ stage: 'DESIGNATION', resumeStage: null }) };
  assert.ok(!movableStages(designated, 'ADMIN').includes('IMPLEMENTATION'));
  // A case on hold offers only its resume, to those who may resume it
  const held = { stage: 'ON_HOLD' as const, allowedTransitions: allowedTransitions({ stage: 'ON_HOLD', resumeStage: 'SURVEY' }) };
  assert.deepEqual(movableStages(held, 'OFFICER'), ['SURVEY']);
  assert.deepEqual(movableStages(held, 'IAI_ARCHITECT'), []);
  // Whatever the API lists, the role's policy still applies
  assert.deepEqual(movableStages({ stage: 'SURVEY', allowedTransitions: [] }, 'ADMIN'), []);
});
