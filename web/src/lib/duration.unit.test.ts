import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseIsoDuration } from './duration';

test('reads the parts of an ISO-8601 duration', () => {
  assert.deepEqual(parseIsoDuration('P14D'), { days: 14 });
  assert.deepEqual(parseIsoDuration('PT10S'), { seconds: 10 });
  assert.deepEqual(parseIsoDuration('P1Y2M'), { years: 1, months: 2 });
  assert.deepEqual(parseIsoDuration('PT1H30M'), { hours: 1, minutes: 30 });
  assert.deepEqual(parseIsoDuration(' P2W '), { weeks: 2 });
  assert.deepEqual(parseIsoDuration('P1,5D'), { days: 1.5 });
});

test('anything but one whole ISO-8601 duration is not read', () => {
  for (const bad of ['dua minggu', '14 hari', 'P', 'PT', 'P1DT', '-P1D', 'p14d', 'P14Dx', 'xP14D', 'P1H', '']) {
    assert.equal(parseIsoDuration(bad), null, bad);
  }
});
