import type { Response } from 'express';
import { stringify } from 'csv-stringify';
import ExcelJS from 'exceljs';
import { z } from '@kampung/domain';
import { exportLabels, neutraliseCell, wibDateTime, wibWallClock, type ExportLanguage } from './export-cells';

export const exportFormatSchema = z.enum(['csv', 'xlsx']);
export type ExportFormat = z.infer<typeof exportFormatSchema>;

type CellValue = string | number | boolean | Date | null;

export interface ExportColumn<Row> {
  header: { id: string; en: string };
  /** The cell's value, codes already in the export's language. */
  value: (row: Row, lang: ExportLanguage) => CellValue;
  width?: number;
}

/** A CSV cell: instants as WIB local date and time, yes/no in the export's language, and text that
 * a spreadsheet would run as a formula neutralised. */
export function csvCell(value: CellValue, lang: ExportLanguage): string | number {
  if (value === null) return '';
  if (value instanceof Date) return wibDateTime(value);
  if (typeof value === 'boolean') return exportLabels.yesNo(value, lang);
  if (typeof value === 'number') return value;
  return neutraliseCell(value);
}

/** An XLSX cell: a date cell shows the WIB wall clock; text is stored as text (never a formula). */
function xlsxCell(value: CellValue, lang: ExportLanguage): string | number | Date | null {
  if (value instanceof Date) return wibWallClock(value);
  if (typeof value === 'boolean') return exportLabels.yesNo(value, lang);
  return value;
}

/** The rows of a list, page after page, as the same filters select them on screen. */
export type RowPages<Row> = AsyncIterable<Row[]>;

/** Streams a list as CSV (UTF-8 with BOM, so spreadsheet programs read Indonesian names right) or
 * XLSX, with headers and codes in the user's language and instants in WIB; nothing is held in
 * memory beyond one page. */
export async function sendTable<Row>(
  res: Response,
  { format, lang, filename, columns, pages }: { format: ExportFormat; lang: 'id' | 'en'; filename: string; columns: ExportColumn<Row>[]; pages: RowPages<Row> },
): Promise<void> {
  const headers = columns.map((c) => c.header[lang]);
  if (format === 'csv') {
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="${filename}.csv"`);
    res.write('\uFEFF');
    const csv = stringify({ header: true, columns: headers.map(neutraliseCell) });
    csv.pipe(res);
    for await (const page of pages) for (const row of page) csv.write(columns.map((c) => csvCell(c.value(row, lang), lang)));
    csv.end();
    await new Promise<void>((resolve, reject) => res.on('finish', resolve).on('error', reject));
    return;
  }
  res.setHeader('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  res.setHeader('Content-Disposition', `attachment; filename="${filename}.xlsx"`);
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: res, useStyles: true });
  const sheet = workbook.addWorksheet(filename.slice(0, 31));
  sheet.columns = columns.map((c, i) => ({ header: headers[i], key: String(i), width: c.width ?? 18 }));
  sheet.getRow(1).font = { bold: true };
  for await (const page of pages) {
    for (const row of page) sheet.addRow(columns.map((c) => xlsxCell(c.value(row, lang), lang))).commit();
  }
  sheet.commit();
  await workbook.commit();
}

/** Pages through a paginated query until it runs out (or the export's ceiling). */
export async function* paged<Row>(fetch: (page: number, pageSize: number) => Promise<Row[]>, { pageSize = 2000, maxRows = 200_000 } = {}) {
  for (let page = 1; (page - 1) * pageSize < maxRows; page++) {
    const rows = await fetch(page, pageSize);
    if (rows.length > 0) yield rows;
    if (rows.length < pageSize) return;
  }
}
