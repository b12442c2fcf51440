import assert from 'node:assert/strict';
import { test } from 'node:test';
import i18n from '../../i18n';
import { refusalKey } from './offline-texts';

test('a refused photo, and a visit refused for its photos, are each told what happens and what to do', () => {
  const text = (refusal: Parameters<typeof refusalKey>[0]) => i18n.t(refusalKey(refusal), { lng: 'id' });
  assert.match(text({ status: 413, code: 'PHOTO_TOO_LARGE', detail: '' }), /Kunjungannya tetap dikirim, tanpa foto ini/);
  assert.match(text({ status: 415, code: 'PHOTO_TYPE_NOT_ALLOWED', detail: '' }), /tanpa berkas ini/);
  const visit = text({ status: 422, code: 'VALIDATION_FAILED', detail: '', fields: ['photoIds.0'] });
  assert.match(visit, /Fotonya tidak sampai ke server[\s\S]*catat kunjungan ini lagi/);
  assert.match(text({ status: 422, code: 'VALIDATION_FAILED', detail: '', fields: ['notes'] }), /Isian tidak diterima/, 'another field: the general words');
  assert.match(text({ status: 409, code: 'SOMETHING_NEW', detail: '' }), /Keadaan kasus sudah berubah/);
});
