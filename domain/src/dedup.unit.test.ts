import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { findDuplicateCandidates, LARGE_BLOCK, normalizeName, nikTypo, type DedupPerson } from './dedup';

let next = 0;
const person = (over: Partial<DedupPerson>): DedupPerson => ({
  id: `p${String(next++).padStart(3, '0')}`,
  nik: '3374081203850001',
  kk: '3374081502150003',
  name: 'Budi Santoso',
  birthDate: '1985-03-12',
  sex: 'L',
  kelurahanCode: '33.74.08.1005',
  rw: '007',
  rt: '003',
  ...over,
});
const summary = (people: DedupPerson[]) => findDuplicateCandidates(people).map((c) => `${c.aId}-${c.bId} ${c.kind}`);

describe('name normalisation', () => {
  test('old spellings meet today\'s', () => {
    assert.equal(normalizeName('Soekarno'), normalizeName('Sukarno'));
    assert.equal(normalizeName('Djoko'), normalizeName('Joko'));
    assert.equal(normalizeName('Tjipto Mangoenkoesoemo'), 'cipto mangunkusumo');
    assert.equal(normalizeName('Sjamsul'), normalizeName('Syamsul'));
    assert.equal(normalizeName('Rizky'), normalizeName('Rizki'));
    assert.equal(normalizeName('Muhammad Abdullah'), normalizeName('Muhamad Abdulah'));
  });

  test('titles, degrees and a patronymic are dropped; punctuation, case and spaces do not matter', () => {
    assert.equal(normalizeName('H. Ahmad  Sulaiman, S.Pd.'), 'ahmad sulaiman');
    assert.equal(normalizeName('Hj. Siti Aminah binti Abdullah'), normalizeName('SITI AMINAH'));
    assert.equal(normalizeName('Dr. Ir. Bambang Wibowo M.Si.'), 'bambang wibowo');
    assert.equal(normalizeName("Ma'ruf Amin"), 'maruf amin');
    assert.equal(normalizeName('Drs. H.M. Yusuf'), 'm yusuf');
    assert.equal(normalizeName('Ratna Sari Dewi S.Kom'), 'ratna sari dewi');
  });

  test('a title that is the whole name, and bin as a first word, are kept', () => {
    assert.equal(normalizeName('Haji'), 'haji');
    assert.equal(normalizeName('Bin Laden'), 'bin laden');
  });

  test('old j for y is mapped only in a word that is old for sure: Joko and Yoko stay apart', () => {
    assert.notEqual(normalizeName('Joko'), normalizeName('Yoko'));
    assert.equal(normalizeName('Joeni Djojohadikoesoemo'), normalizeName('Yuni Joyohadikusumo'));
    assert.equal(normalizeName('Soerjanto'), 'suryanto');
  });
});

describe('NIK typos', () => {
  test('one digit and one adjacent swap are typos; more is not', () => {
    assert.equal(nikTypo('3374081203850001', '3374081203850007'), 'ONE_DIGIT');
    assert.equal(nikTypo('3374081203850001', '3374082103850001'), 'ADJACENT_SWAP');
    assert.equal(nikTypo('3374081203850001', '3374081203850001'), null, 'equal');
    assert.equal(nikTypo('3374081203850001', '3374081203850012'), null, 'two digits, not a swap');
    assert.equal(nikTypo('3374081203850001', '3374081203851000'), null, 'not adjacent');
  });
});

describe('duplicate candidates', () => {
  test('when two records carry the same NIK, then they are SAME_NIK, ids in order, score 1', () => {
    const b = person({ id: 'b', kk: '3374081502150003' });
    const a = person({ id: 'a', kk: '3671070101200001', name: 'Budi Santosa', kelurahanCode: '36.71.07.1013' });
    const [c, ...rest] = findDuplicateCandidates([b, a]);
    assert.deepEqual(rest, []);
    assert.deepEqual([c?.aId, c?.bId, c?.kind, c?.score], ['a', 'b', 'SAME_NIK', 1]);
    assert.ok(c?.reasons.includes('same NIK'), 'says why');
  });

  test('when NIKs are two swapped digits or one digit apart, with the same birth date and a similar name, then they are SIMILAR_NIK', () => {
    const original = person({ id: 'a', name: 'Djoko Susilo' });
    const swapped = person({ id: 'b', nik: '3374082103850001', name: 'Joko Susilo', kk: '3671070101200001', kelurahanCode: '36.71.07.1013' });
    const oneDigit = person({ id: 'c', nik: '3374081203850004', name: 'Joko Susila', kk: '3671070101200002', kelurahanCode: '36.71.07.1014' });
    assert.deepEqual(summary([original, swapped, oneDigit]), ['a-b SIMILAR_NIK', 'a-c SIMILAR_NIK']);
  });

  test('when NIKs are near but birth dates or names differ, then they are not candidates', () => {
    const a = person({ id: 'a' });
    const otherBirthDate = person({ id: 'b', nik: '3374081203850002', birthDate: '1985-03-13', kk: '3671070101200001' });
    const otherName = person({ id: 'c', nik: '3374081203850003', name: 'Agus Salim', kk: '3671070101200002' });
    assert.deepEqual(summary([a, otherBirthDate, otherName]), []);
  });

  test('when one family card lists a person twice, a letter apart and with day and month swapped, then they are SAME_KK_SIMILAR', () => {
    const original = person({ id: 'a', name: 'Siti Aminah', sex: 'P', birthDate: '1990-05-07', nik: '3374084705900001' });
    // The second list typed the KK number as her NIK and swapped two letters of her name.
    const again = person({ id: 'b', name: 'Siti Amniah', sex: 'P', birthDate: '1990-07-05', nik: '3374081502150003' });
    const [c, ...rest] = findDuplicateCandidates([original, again]);
    assert.deepEqual(rest, []);
    assert.deepEqual([c?.kind, c?.reasons], ['SAME_KK_SIMILAR', ['same KK', 'similar names (0.90)', 'birth day and month swapped']]);
    assert.ok(c!.score > 0.7 && c!.score < 0.9, `score ${c?.score} below an exact match`);
  });

  test('when a household moved RT/RW and got a new KK (and a second NIK), then its members are SIMILAR_NAME_ADDRESS', () => {
    const before = person({ id: 'a', name: 'H. Ahmad Sulaiman' });
    const after = person({ id: 'b', name: 'Ahmad Sulaiman', nik: '3374081203857301', kk: '3374080101240007', rw: '002', rt: '005' });
    const [c, ...rest] = findDuplicateCandidates([before, after]);
    assert.deepEqual(rest, []);
    assert.equal(c?.kind, 'SIMILAR_NAME_ADDRESS');
    assert.ok(c?.reasons.includes('same kelurahan, other RT/RW'), 'names the move');
  });

  test('when a pair qualifies for several kinds, then it appears once, as the strongest', () => {
    const a = person({ id: 'a' });
    const b = person({ id: 'b', name: 'Budi Santosa' });
    assert.deepEqual(summary([a, b]), ['a-b SAME_NIK']);
  });

  test('when the same name has another birth date in the same kelurahan (father and son), then they are not candidates', () => {
    const father = person({ id: 'a', birthDate: '1960-01-01', nik: '3374080101600001' });
    const son = person({ id: 'b', birthDate: '1990-01-01', nik: '3374080101900001', kk: '3374080101200009', rw: '002' });
    assert.deepEqual(summary([father, son]), []);
  });

  test('when twins on one card share the birth date and consecutive NIKs, then different names keep them apart', () => {
    const hasan = person({ id: 'a', name: 'Muhammad Hasan', nik: '3374081203150001', birthDate: '2015-03-12', kk: '3374080101160001' });
    const husen = person({ id: 'b', name: 'Muhammad Husen', nik: '3374081203150002', birthDate: '2015-03-12', kk: '3374080101160001' });
    const putra = person({ id: 'c', name: 'Putra Pratama', nik: '3374081504180001', birthDate: '2018-04-15', kk: '3374080101160001' });
    const putri = person({ id: 'd', name: 'Putri Pratama', nik: '3374085504180001', birthDate: '2018-04-15', sex: 'P', kk: '3374080101160001' });
    assert.deepEqual(summary([hasan, husen, putra, putri]), []);
  });

  test('when strangers share birth date, sex and kelurahan, or people have no NIK, then they are not candidates', () => {
    const a = person({ id: 'a', name: 'Agus Salim', nik: '' });
    const b = person({ id: 'b', name: 'Bambang Irawan', nik: '', kk: '3374080101200009' });
    const c = person({ id: 'c', name: 'Eko Prasetyo', nik: '0000000000000000', kk: '3374080101200010' });
    const d = person({ id: 'd', name: 'Slamet Riyadi', nik: '0000000000000000', kk: '3374080101200011' });
    assert.deepEqual(summary([a, b, c, d]), []);
  });

  test('when a block is larger than LARGE_BLOCK (a mass default birth date), then a duplicate inside it is still found', () => {
    let seed = 7;
    const letter = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return 'abcdefghijklmnopqrstuvwxyz'[seed % 26];
    };
    const crowd = Array.from({ length: LARGE_BLOCK + 100 }, (_, i) =>
      person({ id: `x${String(i).padStart(4, '0')}`, name: Array.from({ length: 12 }, letter).join(''), nik: '', kk: `33740801012${String(10_000 + i)}`, birthDate: '1970-01-01' }),
    );
    const dup = person({ ...crowd[42]!, id: 'y', name: `${crowd[42]!.name.slice(0, 11)}q`, kk: '3374080101299999' });
    const found = findDuplicateCandidates([...crowd, dup]);
    assert.ok(found.some((c) => c.aId === 'x0042' && c.bId === 'y'), 'the planted pair is found');
    assert.ok(found.length <= 3, `few strangers match: ${found.length}`);
  });
});

describe('shortened names', () => {
  test('when a second NIK is one digit from the first, then a name with a word dropped still makes a SIMILAR_NIK candidate', () => {
    const a = person({ id: 'a', name: 'Syaiful Maulana', nik: '3374111001910001' });
    const b = person({ id: 'b', name: 'Syaiful', nik: '3374111001910002', kk: '3374111604240001', rw: '002' });
    assert.deepEqual(summary([a, b]), ['a-b SIMILAR_NIK']);
  });

  test('when only the address and birth date agree, then a name with a word dropped is not enough', () => {
    const a = person({ id: 'a', name: 'Siti Utami', sex: 'P', nik: '3374096612160001' });
    const b = person({ id: 'b', name: 'Siti', sex: 'P', nik: '3374091702200004', kk: '3374092801250001', rw: '002' });
    assert.deepEqual(summary([a, b]), []);
  });

  test('an initial stands for a word, and a letter swap hidden by the spelling map still counts as one edit', () => {
    const a = person({ id: 'a', name: 'Muhammad Yusuf', nik: '3374081203850001' });
    const b = person({ id: 'b', name: 'M. Yusuf', nik: '3374081502150003' });
    const c = person({ id: 'c', name: 'Yahya', nik: '3374081203850007', kk: '3374080101200009' });
    const d = person({ id: 'd', name: 'Yahay', nik: '3374080101200009', kk: '3374080101200009' });
    assert.deepEqual(summary([a, b, c, d]), ['a-b SAME_KK_SIMILAR', 'c-d SAME_KK_SIMILAR']);
  });
});

describe('neighbouring kecamatan', () => {
  test('when NIKs differ only in a kecamatan digit and each matches its holder\'s kecamatan, then two namesakes are not a typo', () => {
    const a = person({ id: 'a', name: 'Faisal Hakim', nik: '3374122311950001', kelurahanCode: '33.74.12.1016', kk: '3374120908250001' });
    const b = person({ id: 'b', name: 'Faisal Hakim', nik: '3374102311950001', kelurahanCode: '33.74.10.1003', kk: '3374103108150002' });
    assert.deepEqual(summary([a, b]), []);
    const typed = person({ ...b, id: 'c', nik: '3374132311950001' });
    assert.deepEqual(summary([a, typed]), ['a-c SIMILAR_NIK'], 'a region digit that fits neither kecamatan is a typo');
  });
});
