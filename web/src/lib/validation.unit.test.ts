import assert from 'node:assert/strict';
import { test } from 'node:test';
import i18n, { i18nReady, loadPageTexts } from '../i18n';
import { fieldErrorsFromProblem, fieldProblemText } from './validation';

const ready = i18nReady.then(loadPageTexts);

test('the server\'s field problems are worded in Indonesian from their issue code, never in the server\'s English', async () => {
  await ready;
  const t = i18n.getFixedT('id');
  // Given the problems the API sends for zod issues (the message is English, the code is stable)
  assert.equal(fieldProblemText({ path: 'name', message: 'Too small: expected string to have >=1 characters', code: 'too_small', origin: 'string', minimum: 1 }, t, 'id'), 'Wajib diisi.');
  assert.equal(fieldProblemText({ path: 'note', message: 'Too small: expected string to have >=10 characters', code: 'too_small', origin: 'string', minimum: 10 }, t, 'id'), 'Minimal 10 karakter.');
  assert.equal(fieldProblemText({ path: 'data.budget.0.amount', message: 'Too big: expected number to be <=100', code: 'too_big', origin: 'number', maximum: 100 }, t, 'id'), 'Maksimal 100.');
  assert.equal(fieldProblemText({ path: 'to', message: 'Invalid option: expected one of "SURVEY"|"PROPOSAL"', code: 'invalid_value' }, t, 'id'), 'Pilih salah satu.');
  assert.equal(fieldProblemText({ path: 'visitedOn', message: 'Invalid ISO date', code: 'invalid_format', format: 'date' }, t, 'id'), 'Tanggal tidak valid.');
  assert.equal(fieldProblemText({ path: 'kind', message: 'Invalid input: expected string, received undefined', code: 'invalid_type', expected: 'string' }, t, 'id'), 'Wajib diisi.');
  assert.equal(fieldProblemText({ path: 'x', message: 'Whatever went wrong', code: 'custom' }, t, 'id'), 'Isian tidak valid.');
  // And the server's own messages (no issue code) in words the reader knows; an unknown one as invalid
  assert.equal(fieldProblemText({ path: 'visitedOn', message: 'in the future' }, t, 'id'), 'Tidak boleh di masa depan.');
  assert.equal(fieldProblemText({ path: 'toUserId', message: 'same person' }, t, 'id'), 'Orangnya sama; pilih orang lain.');
  assert.equal(fieldProblemText({ path: 'explanation', message: 'required below the target of 80%' }, t, 'id'), 'Wajib diisi bila di bawah target 80%.');
  assert.equal(fieldProblemText({ path: 'personIds', message: 'unknown person 6f1c2b9e-0000-4000-8000-000000000000' }, t, 'id'), 'Orang ini tidak ada di registri (atau sudah digabung ke data lain).');
  assert.equal(fieldProblemText({ path: 'zzz', message: 'some new English message' }, t, 'id'), 'Isian tidak valid.');
  // But an English reader reads the server's own words
  assert.equal(fieldProblemText({ path: 'visitedOn', message: 'in the future' }, t, 'en'), 'in the future');
});

test('a form\'s field errors from the API are in the reader\'s language', async () => {
  await ready;
  await i18n.changeLanguage('id');
  const errors = fieldErrorsFromProblem([
    { path: 'reason', message: 'Too small: expected string to have >=1 characters', code: 'too_small', origin: 'string', minimum: 1 },
    { path: 'visitedOn', message: 'in the future' },
  ]);
  assert.deepEqual(errors, { reason: 'Wajib diisi.', visitedOn: 'Tidak boleh di masa depan.' });
  for (const message of Object.values(errors)) assert.doesNotMatch(message, /expected|future/);
});
