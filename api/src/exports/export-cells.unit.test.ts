import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { test } from 'node:test';
import type { Response } from 'express';
import { exportLabels, neutraliseCell, wibDateTime } from './export-cells';
import { csvCell, sendTable, type ExportColumn } from './tabular-export';

test('a text cell that a spreadsheet would run as a formula is kept as text by a leading apostrophe', () => {
  for (const formula of ['=HYPERLINK("http://evil.example","klik")', '+62 812 3456', '-1+1', '@SUM(A1:A2)', '\t=1+1', '\r=1+1']) {
    assert.equal(neutraliseCell(formula), `'${formula}`, JSON.stringify(formula));
  }
  for (const plain of ['Kampung Batik', "RW 05 'Mawar'", '3', '', 'a=b', 'e-mail']) assert.equal(neutraliseCell(plain), plain);
});

test('a CSV cell: instants as WIB local date and time, yes/no and codes in the export\'s language, numbers as numbers', () => {
  // 17:30 UTC on 2 December is half past midnight on 3 December in Jakarta
  assert.equal(csvCell(new Date('2026-12-02T17:30:00Z'), 'id'), '2026-12-03 00:30');
  assert.equal(wibDateTime(new Date('2026-12-31T20:00:00Z')), '2027-01-01 03:00');
  assert.equal(csvCell(true, 'id'), 'ya');
  assert.equal(csvCell(false, 'en'), 'no');
  assert.equal(csvCell(null, 'id'), '');
  assert.equal(csvCell(-5, 'id'), -5, 'a number is a number, not a formula');
  assert.equal(csvCell('=1+1', 'id'), "'=1+1");
  assert.equal(exportLabels.program('KAMPUNG_TEMATIK', 'id'), 'Kampung Tematik (Kota Semarang)');
  assert.equal(exportLabels.stage('VERIFICATION', 'id'), 'Verifikasi');
  assert.equal(exportLabels.stage('VERIFICATION', 'en'), 'Verification');
  assert.equal(exportLabels.obligationKind('MONITORING_REPORT', 'id'), 'Laporan monitoring');
  assert.equal(exportLabels.obligationStatus('OVERDUE', 'id'), 'Terlambat');
});

test('an exported CSV holds labels, WIB dates and neutralised text, never raw codes, UTC instants or live formulas', async () => {
  interface Row {
    name: string;
    program: string;
    stage: string;
    since: Date;
  }
  const columns: ExportColumn<Row>[] = [
    { header: { id: 'Nama kampung', en: 'Kampung' }, value: (r) => r.name },
    { header: { id: 'Program', en: 'Program' }, value: (r, lang) => exportLabels.program(r.program, lang) },
    { header: { id: 'Tahap', en: 'Stage' }, value: (r, lang) => exportLabels.stage(r.stage, lang) },
    { header: { id: 'Sejak (WIB)', en: 'Since (WIB)' }, value: (r) => r.since },
  ];
  async function* pages() {
    yield [{ name: '=cmd|" /C calc"!A0', program: 'KAMPUNG_TEMATIK', stage: 'VERIFICATION', since: new Date('2026-12-02T17:30:00Z') }];
  }
  const res = Object.assign(new PassThrough(), { setHeader: () => undefined });
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  await sendTable(res as unknown as Response, { format: 'csv', lang: 'id', filename: 'kampung', columns, pages: pages() });
  const text = Buffer.concat(chunks).toString('utf8').replace(/^\uFEFF/, '');
  assert.equal(text, 'Nama kampung,Program,Tahap,Sejak (WIB)\n"\'=cmd|"" /C calc""!A0",Kampung Tematik (Kota Semarang),Verifikasi,2026-12-03 00:30\n');
  assert.doesNotMatch(text, /KAMPUNG_TEMATIK|VERIFICATION|T17:30/);
});
