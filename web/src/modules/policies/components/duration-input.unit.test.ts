import assert from 'node:assert/strict';
import { test } from 'node:test';
import { draftValue, durationToIso, isoToDraft } from './duration-input';
import { isPolicyDuration } from './policy-fields';

test('a duration entered as a number and a unit ("2 minggu") is sent as the ISO duration the API takes', () => {
  assert.equal(durationToIso({ amount: '2', unit: 'weeks' }), 'P2W');
  assert.equal(durationToIso({ amount: '14', unit: 'days' }), 'P14D');
  assert.equal(durationToIso({ amount: '1', unit: 'months' }), 'P1M');
  assert.equal(durationToIso({ amount: '3', unit: 'years' }), 'P3Y');
  assert.equal(durationToIso({ amount: '36', unit: 'hours' }), 'PT36H');
  assert.equal(durationToIso({ amount: '5', unit: 'minutes' }), 'PT5M', 'minutes are a time part, not months');
  assert.equal(durationToIso({ amount: ' 10 ', unit: 'seconds' }), 'PT10S');
  for (const amount of ['2', '14', '1']) assert.ok(isPolicyDuration(durationToIso({ amount, unit: 'weeks' })!), 'the API accepts it');
  // Not a positive whole number: nothing to send
  for (const amount of ['0', '-1', '1.5', 'dua', '']) assert.equal(durationToIso({ amount, unit: 'days' }), null, amount);
});

test('a policy\'s ISO duration is shown as a number and a unit', () => {
  assert.deepEqual(isoToDraft('P2W'), { amount: '2', unit: 'weeks' });
  assert.deepEqual(isoToDraft('P14D'), { amount: '14', unit: 'days' });
  assert.deepEqual(isoToDraft('PT10S'), { amount: '10', unit: 'seconds' });
  assert.deepEqual(isoToDraft('PT5M'), { amount: '5', unit: 'minutes' });
  assert.deepEqual(isoToDraft('P1DT12H'), { amount: '36', unit: 'hours' }, 'several parts in the largest whole unit');
  assert.deepEqual(isoToDraft('P1W1D'), { amount: '8', unit: 'days' });
  assert.equal(isoToDraft('P1M15D'), null, 'months and days have no one unit');
  assert.equal(isoToDraft('dua minggu'), null);
});

test('the form holds the ISO duration, nothing for an empty amount, and the typed text when it is no duration', () => {
  assert.equal(draftValue({ amount: '2', unit: 'weeks' }), 'P2W');
  assert.equal(draftValue({ amount: '', unit: 'weeks' }), '');
  assert.equal(draftValue({ amount: '0', unit: 'weeks' }), '0 weeks');
  assert.ok(!isPolicyDuration(draftValue({ amount: '0', unit: 'weeks' })), 'so the form marks it invalid');
});
