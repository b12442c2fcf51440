import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { kkProblems, kkSchema, maskNik, nikDateSegment, nikProblems, nikSchema, personQuality, PROVINCE_CODES } from './nik';

const man = { birthDate: '1985-03-12', sex: 'L' as const };
const woman = { birthDate: '1990-07-05', sex: 'P' as const };

describe('NIK plausibility', () => {
  test('when region, birth date and sequence fit the person, then there is no problem', () => {
    assert.deepEqual(nikProblems('3374081203850001', man), []);
    assert.deepEqual(nikProblems('3671074507900002', woman), [], 'a woman: day + 40');
  });

  test('when a woman\'s NIK carries the day without + 40, or a man\'s with it, then the birth date does not match', () => {
    assert.deepEqual(nikProblems('3374080507900001', woman), ['BIRTH_DATE_MISMATCH']);
    assert.deepEqual(nikProblems('3374085203850001', man), ['BIRTH_DATE_MISMATCH']);
  });

  test('when the year, month or day differs from the birth date, then the birth date does not match', () => {
    assert.deepEqual(nikProblems('3374081203860001', man), ['BIRTH_DATE_MISMATCH'], 'year');
    assert.deepEqual(nikProblems('3374081204850001', man), ['BIRTH_DATE_MISMATCH'], 'month');
    assert.deepEqual(nikProblems('3374081303850001', man), ['BIRTH_DATE_MISMATCH'], 'day');
    assert.deepEqual(nikProblems('3374081203850001', { birthDate: '12-03-1985', sex: 'L' }), ['BIRTH_DATE_MISMATCH'], 'a birth date not in YYYY-MM-DD');
  });

  test('when the province is no province, or city or kecamatan is 00, then the region is implausible', () => {
    for (const nik of ['2074081203850001', '9774081203850001', '0074081203850001', '3300081203850001', '3374001203850001']) {
      assert.deepEqual(nikProblems(nik, man), ['REGION_IMPLAUSIBLE'], nik);
    }
  });

  test('every province code of the 38 provinces is accepted, and there are 38', () => {
    assert.equal(Object.keys(PROVINCE_CODES).length, 38);
    for (const code of Object.keys(PROVINCE_CODES)) assert.deepEqual(nikProblems(`${code}01011203850001`, man), [], code);
  });

  test('when the sequence is 0000, then it is reported with any other problem', () => {
    assert.deepEqual(nikProblems('3374081203850000', man), ['SEQUENCE_ZERO']);
    assert.deepEqual(nikProblems('2074081303850000', man), ['REGION_IMPLAUSIBLE', 'BIRTH_DATE_MISMATCH', 'SEQUENCE_ZERO']);
  });

  test('when it is not 16 digits, then that is the only problem', () => {
    for (const nik of ['', '337408120385001', '33740812038500011', '3374O81203850001', ' 3374081203850001', '3.374081203850E+15']) {
      assert.deepEqual(nikProblems(nik, man), ['NOT_16_DIGITS'], JSON.stringify(nik));
    }
  });

  test('the date segment a NIK must carry is DDMMYY with + 40 on the day for women', () => {
    assert.equal(nikDateSegment('2001-12-31', 'P'), '711201');
    assert.equal(nikDateSegment('2001-02-01', 'L'), '010201');
    assert.equal(nikDateSegment('2001-02-30', 'L'), null, 'not a calendar date');
  });
});

describe('KK plausibility', () => {
  const today = new Date('2026-03-01T03:00:00Z');

  test('when region, issue date and sequence are plausible, then there is no problem', () => {
    assert.deepEqual(kkProblems('3374081502150003', { today }), [], 'issued 15-02-2015');
    assert.deepEqual(kkProblems('3374082512990003', { today }), [], "'99 is 1999");
  });

  test('when the issue date is no calendar date or lies after today (WIB), then it is implausible', () => {
    assert.deepEqual(kkProblems('3374083002150003', { today }), ['ISSUE_DATE_IMPLAUSIBLE'], '30 February');
    assert.deepEqual(kkProblems('3374084502150003', { today }), ['ISSUE_DATE_IMPLAUSIBLE'], 'a KK carries no + 40');
    assert.deepEqual(kkProblems('3374080203260003', { today }), ['ISSUE_DATE_IMPLAUSIBLE'], '2 March 2026 is tomorrow');
    assert.deepEqual(kkProblems('3374080103260003', { today }), [], '1 March 2026 is today');
    assert.deepEqual(kkProblems('3374080103260003', { today: new Date('2026-02-28T18:00:00Z') }), [], 'already 1 March in Semarang');
  });

  test('when region, sequence or length are wrong, then they are reported', () => {
    assert.deepEqual(kkProblems('9974081502150000', { today }), ['REGION_IMPLAUSIBLE', 'SEQUENCE_ZERO']);
    assert.deepEqual(kkProblems('33740815021500', { today }), ['NOT_16_DIGITS']);
  });
});

describe('masking and quality', () => {
  test('a NIK shows its first and last four digits only', () => {
    assert.equal(maskNik('3374081203850001'), '3374********0001');
  });

  test('anything that is not 16 characters shows only its last four, and a short value nothing', () => {
    assert.equal(maskNik('337408120385001'), '***********5001');
    assert.equal(maskNik('1234'), '****');
    assert.equal(maskNik(''), '');
  });

  test('a person is VALID without NIK problems and SUSPECT with any', () => {
    assert.equal(personQuality([]), 'VALID');
    assert.equal(personQuality(['BIRTH_DATE_MISMATCH']), 'SUSPECT');
  });

  test('the API schemas take exactly 16 digits', () => {
    for (const schema of [nikSchema, kkSchema]) {
      assert.ok(schema.safeParse('3374081203850001').success, '16 digits pass');
      for (const bad of ['337408120385000', '33740812038500011', '3374-08-12038500', ' 3374081203850001']) {
        assert.ok(!schema.safeParse(bad).success, `${bad} is refused`);
      }
    }
  });
});
