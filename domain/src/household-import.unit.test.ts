import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { groupHouseholds, importRowSchema, parseImportRow, parseRegistryDate, parseRelation, RELATIONS, type ImportRow } from './household-import';

const today = new Date('2026-03-01T03:00:00Z');
const raw = (over: Record<string, string> = {}): Record<string, string> => ({
  no_kk: '3374081502150003',
  nik: '3374081203850001',
  nama: 'Budi Santoso',
  tanggal_lahir: '1985-03-12',
  jenis_kelamin: 'L',
  hubungan_keluarga: 'KEPALA KELUARGA',
  alamat: 'Jl. Karanganyar Gunung No. 5',
  rt: '3',
  rw: '07',
  kode_kelurahan: '33.74.08.1005',
  desil: '2',
  id_dtks: 'DTKS-0001',
  tanggal_data: '2025-12-31',
  sumber: 'DTKS',
  ...over,
});
const parse = (over: Record<string, string> = {}) => parseImportRow(raw(over), { today });
const row = (over: Record<string, string> = {}): ImportRow => {
  const result = parse(over);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.row;
};
const problemsOf = (over: Record<string, string>) => {
  const result = parse(over);
  assert.ok(!result.ok, `refused: ${JSON.stringify(over)}`);
  return result.problems;
};

describe('one import row', () => {
  test('when every column is well-formed, then the member comes out normalised', () => {
    assert.deepEqual(row(), {
      kk: '3374081502150003',
      nik: '3374081203850001',
      name: 'Budi Santoso',
      birthDate: '1985-03-12',
      sex: 'L',
      relation: 'KEPALA_KELUARGA',
      address: 'Jl. Karanganyar Gunung No. 5',
      rt: '003',
      rw: '007',
      kelurahanCode: '33.74.08.1005',
      decile: 2,
      dtksId: 'DTKS-0001',
      dataDate: '2025-12-31',
      source: 'DTKS',
      nikProblems: [],
    });
    assert.ok(importRowSchema.safeParse(row()).success, 'the parsed row satisfies its schema');
  });

  test('when headers are in another case or padded, and cells padded, then they are still read', () => {
    const shouted = Object.fromEntries(Object.entries(raw()).map(([k, v]) => [` ${k.toUpperCase()} `, ` ${v} `]));
    assert.deepEqual(parseImportRow(shouted, { today }), { ok: true, row: row() });
  });

  test('the registry\'s spellings of dates, sex and relations are accepted', () => {
    assert.equal(row({ tanggal_lahir: '12-03-1985' }).birthDate, '1985-03-12');
    assert.equal(row({ tanggal_lahir: '12/03/1985' }).birthDate, '1985-03-12');
    assert.equal(row({ jenis_kelamin: 'laki-laki' }).sex, 'L');
    assert.equal(row({ jenis_kelamin: 'PEREMPUAN', nik: '3374085203850001' }).sex, 'P');
    assert.equal(row({ hubungan_keluarga: 'Kepala Keluarga' }).relation, 'KEPALA_KELUARGA');
    assert.equal(row({ hubungan_keluarga: 'FAMILI LAIN' }).relation, 'FAMILI_LAIN');
    assert.equal(row({ hubungan_keluarga: 'Orang Tua' }).relation, 'ORANG_TUA');
    assert.equal(row({ sumber: 'p3ke' }).source, 'P3KE');
  });

  test('every relation is accepted in its own spelling and with spaces', () => {
    for (const relation of RELATIONS) {
      assert.equal(parseRelation(relation), relation);
      assert.equal(parseRelation(relation.replace(/_/g, ' ').toLowerCase()), relation);
    }
    assert.equal(parseRelation('ISTERI'), 'ISTRI');
    assert.equal(parseRelation('TETANGGA'), null);
  });

  test('when decile or DTKS id are empty, then they are null; undotted kelurahan codes and a leading apostrophe are fixed', () => {
    const r = row({ desil: '', id_dtks: '', kode_kelurahan: '3374081005', nik: "'3374081203850001" });
    assert.deepEqual([r.decile, r.dtksId, r.kelurahanCode, r.nik], [null, null, '33.74.08.1005', '3374081203850001']);
  });

  test('when a well-formed NIK does not fit the person, then the row is kept with the NIK\'s problems', () => {
    assert.deepEqual(row({ nik: '3374084203850001' }).nikProblems, ['BIRTH_DATE_MISMATCH']);
    assert.deepEqual(row({ nik: '9974081203850000' }).nikProblems, ['REGION_IMPLAUSIBLE', 'SEQUENCE_ZERO']);
  });

  test('when numbers are not 16 digits, then the row is refused per column', () => {
    assert.deepEqual(problemsOf({ nik: '3.37408E+15', no_kk: '337408150215' }), [
      { column: 'no_kk', message: 'must be 16 digits' },
      { column: 'nik', message: 'must be 16 digits' },
    ]);
  });

  test('when required columns are missing or empty, then each is named', () => {
    const { nama: _n, ...withoutName } = raw();
    const result = parseImportRow({ ...withoutName, alamat: '  ', sumber: '' }, { today });
    assert.ok(!result.ok, 'refused');
    assert.deepEqual(result.problems.map((p) => `${p.column}: ${p.message}`), ['nama: required', 'alamat: required', 'sumber: required']);
  });

  test('when values are malformed, then every problem is reported with a short message', () => {
    const problems = problemsOf({
      tanggal_lahir: '1985-02-30',
      jenis_kelamin: 'X',
      hubungan_keluarga: 'TETANGGA',
      rt: '0',
      rw: '1234',
      kode_kelurahan: '33.74.8.1005',
      desil: '11',
      tanggal_data: '2026-03-02',
      sumber: 'BPS',
    });
    assert.deepEqual(problems.map((p) => p.column), ['tanggal_lahir', 'jenis_kelamin', 'hubungan_keluarga', 'rt', 'rw', 'kode_kelurahan', 'desil', 'tanggal_data', 'sumber']);
    assert.equal(problems.find((p) => p.column === 'tanggal_data')?.message, 'must not be in the future');
    assert.ok(problems.every((p) => p.message.length > 0 && p.message.length < 60), 'short messages');
  });

  test('dates are read in three forms and must be calendar dates', () => {
    assert.equal(parseRegistryDate('2024-02-29'), '2024-02-29');
    assert.equal(parseRegistryDate('29/02/2024'), '2024-02-29');
    assert.equal(parseRegistryDate('29-02-2023'), null);
    assert.equal(parseRegistryDate('29-02/2024'), null, 'mixed separators');
    assert.equal(parseRegistryDate('2024/02/29'), null);
  });
});

describe('grouping rows into households', () => {
  const head = { ...row(), line: 2 };
  const wife = { ...row({ nik: '3374084507900002', nama: 'Sri Rahayu', tanggal_lahir: '1990-07-05', jenis_kelamin: 'P', hubungan_keluarga: 'ISTRI' }), line: 3 };
  const other = { ...row({ no_kk: '3374081502150004', nik: '3374081203850009', hubungan_keluarga: 'KEPALA KELUARGA' }), line: 4 };

  test('when rows share a KK, then they form one household in file order, keeping extra fields', () => {
    const { households, problems } = groupHouseholds([head, other, wife]);
    assert.deepEqual(problems, []);
    assert.deepEqual(households.map((h) => [h.kk, h.members.map((m) => m.line)]), [['3374081502150003', [2, 3]], ['3374081502150004', [4]]]);
    assert.deepEqual([households[0]!.rt, households[0]!.rw, households[0]!.decile, households[0]!.kkProblems], ['003', '007', 2, null]);
  });

  test('when today is given, then the KK is judged too, without refusing the household', () => {
    const future = { ...head, kk: '3374080203260003' };
    const { households, problems } = groupHouseholds([future], { today });
    assert.deepEqual([households[0]!.kkProblems, problems], [['ISSUE_DATE_IMPLAUSIBLE'], []]);
  });

  test('when one KK has different RT, RW, kelurahan or decile on its rows, then each is reported at the first disagreeing row', () => {
    const moved = { ...wife, rt: '004', rw: '008', kelurahanCode: '33.74.08.1006', decile: null };
    const { households, problems } = groupHouseholds([head, moved]);
    assert.equal(households.length, 1);
    assert.deepEqual(problems.map((p) => [p.code, p.column, p.line]), [
      ['CONFLICTING_ATTRIBUTES', 'kode_kelurahan', 3],
      ['CONFLICTING_ATTRIBUTES', 'rt', 3],
      ['CONFLICTING_ATTRIBUTES', 'rw', 3],
      ['CONFLICTING_ATTRIBUTES', 'desil', 3],
    ]);
    assert.match(problems[3]!.message, /2, empty/);
  });

  test('when a household has no head or two, then it is reported', () => {
    const noHead = groupHouseholds([wife]).problems;
    assert.deepEqual(noHead.map((p) => [p.code, p.column, p.line]), [['NO_HEAD', 'hubungan_keluarga', 3]]);
    const twoHeads = groupHouseholds([head, { ...wife, relation: 'KEPALA_KELUARGA' as const }]).problems;
    assert.deepEqual(twoHeads.map((p) => [p.code, p.line]), [['SEVERAL_HEADS', 3]]);
  });
});
