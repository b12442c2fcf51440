import assert from 'node:assert/strict';
import { test } from 'node:test';
import i18n, { loadPageTexts } from '../../i18n';
import { reasonText } from './duplicate-reasons';

const percent = (share: number) => `${Math.round(share * 100)}%`;

test('the duplicate search\'s reasons read in the user\'s language', async () => {
  await loadPageTexts(); // the first download has only the header's texts
  await i18n.changeLanguage('id');
  const t = i18n.t.bind(i18n);
  assert.equal(reasonText('same NIK', t, percent), 'NIK sama');
  assert.equal(reasonText('similar names (0.92)', t, percent), 'nama mirip (92%)');
  assert.equal(reasonText('same kelurahan, other RT/RW', t, percent), 'kelurahan sama, RT/RW lain');
  await i18n.changeLanguage('en');
  assert.equal(reasonText('NIKs differ by two swapped digits', t, percent), 'two NIK digits swapped');
});

test('a reason it does not know is shown as the server wrote it', async () => {
  await i18n.changeLanguage('id');
  assert.equal(reasonText('same mother\'s name', i18n.t.bind(i18n), percent), 'same mother\'s name');
});
