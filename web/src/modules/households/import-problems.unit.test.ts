import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { TFunction } from 'i18next';
import { groupHouseholds, parseImportRow, type ImportRow } from '@kampung/domain/household-import';
import { importProblemText } from './import-problems';

const keyOf = ((key: string) => key) as unknown as TFunction;
const good = {
  no_kk: '3374080101200001', nik: '3374081705800001', nama: 'Slamet', tanggal_lahir: '1980-05-17', jenis_kelamin: 'L',
  hubungan_keluarga: 'KEPALA KELUARGA', alamat: 'Jl. Kenari', rt: '1', rw: '3', kode_kelurahan: '33.74.08.1005', desil: '2',
  id_dtks: '', tanggal_data: '2026-09-30', sumber: 'DTKS',
};

test('every problem the importer reports has words in the reader\'s language', () => {
  const today = new Date('2026-11-25T00:00:00Z');
  const bad: Partial<typeof good>[] = [
    { nama: '' }, { tanggal_lahir: 'kemarin' }, { tanggal_lahir: '2030-01-01' }, { tanggal_lahir: '1850-01-01' }, { nik: '123' },
    { rt: '0' }, { nama: 'x'.repeat(500) }, { jenis_kelamin: 'X' }, { hubungan_keluarga: 'TETANGGA' }, { kode_kelurahan: '33-74' },
    { desil: '11' }, { sumber: 'KTP' },
  ];
  const messages = bad.flatMap((change) => {
    const parsed = parseImportRow({ ...good, ...change }, { today });
    assert.equal(parsed.ok, false, `refused: ${JSON.stringify(change)}`);
    return parsed.ok ? [] : parsed.problems.map((p) => p.message);
  });
  const row = (change: Partial<typeof good>) => {
    const parsed = parseImportRow({ ...good, ...change }, { today });
    assert.ok(parsed.ok, `a good row: ${JSON.stringify(change)}`);
    return parsed.row as ImportRow;
  };
  const grouped = groupHouseholds([row({}), row({ nik: '3374081705800002', rt: '2' }), row({ no_kk: '3374080101200002', hubungan_keluarga: 'ANAK' })]);
  messages.push(...grouped.problems.map((p) => p.message), 'unknown kelurahan code', 'the file has no rows', 'the same NIK as line 4', 'the KK has 2 KEPALA_KELUARGA');
  for (const message of messages) {
    assert.match(importProblemText(message, keyOf), /^householdImport\.problemTexts\./, `"${message}" is translated`);
  }
});
