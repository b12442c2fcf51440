import { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import ExcelJS from 'exceljs';

/** The rows of an import file, one at a time (keyed by their lower-case headers), read from its
 * chunks as they come: the file is never held whole in memory. */
export async function* readRecords(chunks: AsyncIterable<Buffer>, format: 'csv' | 'xlsx'): AsyncGenerator<Record<string, string>> {
  const header = (h: string) => h.trim().toLowerCase().replace(/\s+/g, '_');
  if (format === 'csv') {
    const { first, rest } = await firstChunk(chunks);
    const start = first.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf])) ? 3 : 0;
    const firstLine = first.subarray(start, Math.min(first.length, start + 4096)).toString('utf8').split('\n', 1)[0] ?? '';
    const parser = Readable.from(prepend(first.subarray(start), rest)).pipe(
      parse({ columns: (names: string[]) => names.map(header), skip_empty_lines: true, trim: true, delimiter: firstLine.includes(';') ? ';' : ',', relax_column_count: true }),
    );
    for await (const record of parser) yield record as Record<string, string>;
    return;
  }
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(chunks), { entries: 'emit', sharedStrings: 'cache', worksheets: 'emit' });
  for await (const sheet of reader) {
    let names: string[] | null = null;
    for await (const row of sheet) {
      const values = (row.values as unknown[]).slice(1).map((v) => cellText(v));
      if (!names) {
        names = values.map(header);
        continue;
      }
      if (values.every((v) => v === '')) continue;
      yield Object.fromEntries(names.map((n, i) => [n, values[i] ?? '']));
    }
    break; // the first sheet holds the list
  }
}

/** A CSV's data lines (for the progress bar), counted from its chunks before it is read. */
export async function countLines(chunks: AsyncIterable<Buffer>): Promise<number> {
  let lines = 0;
  let last = 10;
  for await (const chunk of chunks) {
    for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) lines += 1;
    if (chunk.length > 0) last = chunk[chunk.length - 1]!;
  }
  // The header is a line; a last line without its newline is one too.
  return Math.max(0, lines + (last === 10 ? 0 : 1) - 1);
}

async function firstChunk(chunks: AsyncIterable<Buffer>): Promise<{ first: Buffer; rest: AsyncIterator<Buffer> }> {
  const rest = chunks[Symbol.asyncIterator]();
  const next = await rest.next();
  return { first: next.done ? Buffer.alloc(0) : next.value, rest };
}

async function* prepend(first: Buffer, rest: AsyncIterator<Buffer>): AsyncGenerator<Buffer> {
  yield first;
  for (let next = await rest.next(); !next.done; next = await rest.next()) yield next.value;
}

function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object' && v !== null && 'text' in v) return String((v as { text: unknown }).text).trim();
  if (typeof v === 'object' && v !== null && 'result' in v) return String((v as { result: unknown }).result).trim();
  return String(v).trim();
}
