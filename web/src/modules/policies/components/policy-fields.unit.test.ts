import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEFAULT_POLICIES } from '@kampung/domain/program-policy';
import type { TFunction } from 'i18next';
import { isPolicyDuration, serverFieldMessage, toFormValues, validatePolicy } from './policy-fields';

const t = ((key: string) => key) as unknown as TFunction;
const base = DEFAULT_POLICIES.KAMPUNG_SEJAHTERA_MANDIRI;

test('a policy duration is a whole, positive ISO-8601 duration', () => {
  for (const ok of ['P14D', 'P1M', 'P6M', 'PT10S', 'P1Y', 'P2W', 'PT1H30M', 'P0DT1S']) assert.ok(isPolicyDuration(ok), ok);
  for (const bad of ['dua minggu', '14 hari', 'P', 'PT', 'P1DT', 'P0D', '-P1D', 'p14d', 'P14Dx', 'xP14D', '']) {
    assert.ok(!isPolicyDuration(bad), bad);
  }
});

test('an unchanged form gives back the policy it was made from', () => {
  const { policy, errors } = validatePolicy(toFormValues(base), base, t);
  assert.deepEqual(errors, {});
  assert.deepEqual(policy, base);
});

test('an empty role has no visit cadence and an empty stage no limit; other stages keep theirs', () => {
  const withGraduated = { ...base, stageMaxDuration: { ...base.stageMaxDuration, GRADUATED: 'P2Y' } };
  // GRADUATED is not in the form made from the default policy: its limit is kept as it was.
  const values = { ...toFormValues(base), 'visitCadence.DINSOS_OFFICER': ' ', 'visitCadence.MENTOR': ' P7D ', 'stageMaxDuration.SURVEY': '' };
  const { policy } = validatePolicy(values, withGraduated, t);
  assert.deepEqual(policy?.visitCadence, { MENTOR: 'P7D' });
  assert.equal(policy?.stageMaxDuration.SURVEY, undefined);
  assert.equal(policy?.stageMaxDuration.GRADUATED, 'P2Y');
});

test('each bad value is named by its API path', () => {
  const values = {
    ...toFormValues(base),
    'visitCadence.MENTOR': 'dua minggu',
    reminderLead: '',
    escalationDelay: 'P7Dx',
    monitoringTargetPercent: '120',
    'ratingClasses.baikMin': '3',
    'ratingClasses.sedangMin': '3',
  };
  const { policy, errors } = validatePolicy(values, base, t);
  assert.equal(policy, undefined);
  assert.deepEqual(errors, {
    'visitCadence.MENTOR': 'policies.invalidDuration',
    reminderLead: 'validation.required',
    escalationDelay: 'policies.invalidDuration',
    monitoringTargetPercent: 'validation.max',
    'ratingClasses.baikMin': 'policies.baikAboveSedang',
  });
});

test("the API's field errors read in the user's language where the form knows the rule", () => {
  assert.equal(serverFieldMessage('visitCadence.MENTOR', 'ISO-8601 duration, positive', t), 'policies.invalidDuration');
  assert.equal(serverFieldMessage('ratingClasses.baikMin', 'baikMin must be above sedangMin', t), 'policies.baikAboveSedang');
  assert.equal(serverFieldMessage('changeNote', 'Too small', t), 'Too small');
});
