import assert from 'node:assert/strict';
import { test } from 'node:test';
import { withoutPersonalData } from './without-personal-data';

test('an error quoting a row is logged without the row: no NIK, no name', () => {
  const message = 'duplicate key value violates unique constraint "persons_nik_key": Key (nik)=(3374081705800001) already exists; near 3374085702830002';
  const logged = withoutPersonalData(message);
  assert.equal(logged.includes('3374081705800001') || logged.includes('3374085702830002'), false, `no NIK in: ${logged}`);
  assert.match(logged, /Key \(nik\)=\(…\)/, 'the column is still named');
});
