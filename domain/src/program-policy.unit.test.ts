import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { addDuration, isoDurationSchema } from './duration';
import { DEFAULT_POLICIES, programPolicySchema, ratingClass } from './program-policy';

describe('ISO-8601 policy durations', () => {
  test('accepts days, months and seconds; refuses zero, negative and prose', () => {
    for (const ok of ['P14D', 'P6M', 'PT10S', 'P1Y', 'P2W', 'PT1H30M']) assert.ok(isoDurationSchema.safeParse(ok).success, ok);
    for (const bad of ['P0D', '-P1D', '14 days', 'P', '', 'xP1D', 'P14Dx', 'P1DT', 'PT', 'P1S']) assert.ok(!isoDurationSchema.safeParse(bad).success, bad);
  });

  test('adds months by the calendar and seconds exactly', () => {
    const start = new Date('2026-01-31T00:00:00Z');
    assert.equal(addDuration(start, 'P14D').toISOString(), '2026-02-14T00:00:00.000Z');
    assert.equal(addDuration(new Date('2026-01-15T08:00:00Z'), 'P6M').toISOString(), '2026-07-15T08:00:00.000Z');
    assert.equal(addDuration(start, 'PT10S').toISOString(), '2026-01-31T00:00:10.000Z');
  });
});

describe('program policies', () => {
  test('the defaults of both programs are valid policies', () => {
    for (const policy of Object.values(DEFAULT_POLICIES)) assert.ok(programPolicySchema.safeParse(policy).success);
  });

  test('a policy names every bad field, including rating classes out of order', () => {
    const result = programPolicySchema.safeParse({
      ...DEFAULT_POLICIES.KAMPUNG_TEMATIK,
      visitCadence: { MENTOR: 'every two weeks' },
      monitoringReportDueAfter: 'on the 10th',
      ratingClasses: { baikMin: 3, sedangMin: 4 },
    });
    assert.ok(!result.success);
    const paths = result.error.issues.map((i) => i.path.join('.')).sort();
    assert.deepEqual(paths, ['monitoringReportDueAfter', 'ratingClasses.baikMin', 'visitCadence.MENTOR']);
  });

  test('the yearly rating sorts a mean score into baik, sedang or kurang', () => {
    const classes = { baikMin: 4, sedangMin: 3 };
    assert.equal(ratingClass(4.2, classes), 'BAIK');
    assert.equal(ratingClass(3, classes), 'SEDANG');
    assert.equal(ratingClass(2.9, classes), 'KURANG');
  });
});
