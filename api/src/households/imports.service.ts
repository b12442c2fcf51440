import { createHash, randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import ExcelJS from 'exceljs';
import type { Logger } from 'pino';
import { auditRepository, householdsRepository, regionsRepository, type Db } from '@kampung/db';
import { groupHouseholds, parseImportRow, personQuality, type HouseholdImportView, type ImportRow } from '@kampung/domain';
import type { AuditSource } from '../audit/audit.service';
import type { SessionUser } from '../auth/sessions.service';
import { AppError } from '../errors';
import { isUuid } from '../http/validate';
import { findDuplicates } from '../duplicates/duplicates.service';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** The content types an import accepts (anything else is refused before it is read). */
export const IMPORT_CONTENT_TYPES = ['text/csv', XLSX, 'application/vnd.ms-excel'];
/** How many households go to PostgreSQL at a time (one transaction for the whole file). */
const BATCH = 500;
/** The report keeps the first problems; the count says how many there were. */
const MAX_REPORTED = 1000;
const PROGRESS_EVERY = 2000;

type ImportRowRecord = Awaited<ReturnType<typeof householdsRepository.findImport>>;

export function importView(r: NonNullable<ImportRowRecord>): HouseholdImportView {
  return {
    id: r.id,
    filename: r.filename,
    status: r.status as HouseholdImportView['status'],
    totalRows: r.total_rows,
    processedRows: r.processed_rows,
    households: r.households,
    personsCreated: r.persons_created,
    personsUpdated: r.persons_updated,
    personsUnchanged: r.persons_unchanged,
    problemCount: r.problem_count,
    problems: (r.problems as HouseholdImportView['problems']) ?? [],
    error: r.error,
    startedAt: r.started_at.toISOString(),
    finishedAt: r.finished_at?.toISOString() ?? null,
  };
}

/** Takes a household list (CSV or XLSX, as the social registry exports it) and imports it in the
 * background: first every row is checked, and a file with any bad row is refused whole with a
 * report per row (nothing written); then the whole file is written in one transaction (no
 * half-imported file). Households are matched by KK and people by NIK, so importing the same file
 * again changes nothing. The import's progress is read with `getImport`. */
export async function startImport(
  deps: { db: Db; log: Logger; databaseUrl: string },
  file: { body: unknown; filename: string; contentType: string },
  user: SessionUser,
  source: AuditSource,
): Promise<HouseholdImportView> {
  if (!Buffer.isBuffer(file.body) || file.body.length === 0) {
    throw new AppError('VALIDATION_FAILED', 'Upload a CSV or XLSX file as the request body', [{ path: 'file', message: 'empty or missing' }]);
  }
  const format = file.contentType.startsWith('text/csv') || /\.csv$/i.test(file.filename) ? 'csv' : 'xlsx';
  const id = randomUUID();
  const sha256 = createHash('sha256').update(file.body).digest('hex');
  await householdsRepository.insertImport(deps.db, { id, filename: file.filename, sha256, userId: user.id });
  const body = file.body;
  void runImport(deps, id, body, format, user, source, sha256).catch(async (error: unknown) => {
    deps.log.error({ importId: id, err: { name: (error as Error).name, code: (error as { code?: string }).code, message: withoutPersonalData((error as Error).message) } }, 'household import failed');
    await householdsRepository.updateImport(deps.db, id, { status: 'FAILED', error: 'The import failed; nothing was written. Try again, or tell the administrator.', finished_at: new Date() });
  });
  return getImport(deps.db, id);
}

/** No personal data in application logs: a database error can quote a row (a NIK, a name), so
 * what it quotes and any 16-digit number are left out. */
export function withoutPersonalData(message: string): string {
  return message.replace(/\(([^)]*)\)=\(([^)]*)\)/g, '($1)=(…)').replace(/\d{16}/g, '****************');
}

export async function getImport(db: Db, id: string): Promise<HouseholdImportView> {
  const row = isUuid(id) ? await householdsRepository.findImport(db, id) : undefined;
  if (!row) throw new AppError('NOT_FOUND', `No import ${id}`);
  return importView(row);
}

export async function listImports(db: Db): Promise<HouseholdImportView[]> {
  return (await householdsRepository.listImports(db)).map(importView);
}

/** The file's rows, one at a time (keyed by their lower-case headers), so that a large file is
 * never held twice in memory. */
async function* readRecords(body: Buffer, format: 'csv' | 'xlsx'): AsyncGenerator<Record<string, string>> {
  const header = (h: string) => h.trim().toLowerCase().replace(/\s+/g, '_');
  if (format === 'csv') {
    const start = body.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf])) ? 3 : 0;
    const firstLine = body.subarray(start, Math.min(body.length, start + 4096)).toString('utf8').split('\n', 1)[0] ?? '';
    const parser = Readable.from([body.subarray(start)]).pipe(
      parse({ columns: (names: string[]) => names.map(header), skip_empty_lines: true, trim: true, delimiter: firstLine.includes(';') ? ';' : ',', relax_column_count: true }),
    );
    for await (const record of parser) yield record as Record<string, string>;
    return;
  }
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(body), { entries: 'emit', sharedStrings: 'cache', worksheets: 'emit' });
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

function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object' && v !== null && 'text' in v) return String((v as { text: unknown }).text).trim();
  if (typeof v === 'object' && v !== null && 'result' in v) return String((v as { result: unknown }).result).trim();
  return String(v).trim();
}

async function runImport(deps: { db: Db; log: Logger; databaseUrl: string }, id: string, body: Buffer, format: 'csv' | 'xlsx', user: SessionUser, source: AuditSource, sha256: string) {
  const { db } = deps;
  const today = new Date();
  const kelurahan = new Set((await regionsRepository.listKelurahanCodes(db)));
  const problems: { line: number; column: string; message: string }[] = [];
  let problemCount = 0;
  const report = (line: number, column: string, message: string) => {
    problemCount += 1;
    if (problems.length < MAX_REPORTED) problems.push({ line, column, message });
  };
  // For the progress bar: a CSV's lines, counted before they are read (an XLSX's are not known).
  if (format === 'csv') {
    let lines = 0;
    for (let i = body.indexOf(10); i !== -1; i = body.indexOf(10, i + 1)) lines += 1;
    await householdsRepository.updateImport(db, id, { total_rows: Math.max(0, lines - (body[body.length - 1] === 10 ? 1 : 0)) });
  }
  const rows: (ImportRow & { line: number })[] = [];
  let count = 0;
  for await (const raw of readRecords(body, format)) {
    count += 1;
    const line = count + 1; // the header is line 1
    const parsed = parseImportRow(raw, { today });
    if (!parsed.ok) for (const p of parsed.problems) report(line, p.column, p.message);
    else if (!kelurahan.has(parsed.row.kelurahanCode)) report(line, 'kode_kelurahan', 'unknown kelurahan code');
    else rows.push({ ...parsed.row, line });
    if (count % PROGRESS_EVERY === 0) await householdsRepository.updateImport(db, id, { processed_rows: count });
  }
  await householdsRepository.updateImport(db, id, { total_rows: count, processed_rows: count });
  if (count === 0) report(1, '', 'the file has no rows');
  // A person is in the registry once: one NIK on two rows of a file is for a person to sort out.
  const nikLine = new Map<string, number>();
  for (const r of rows) {
    const seen = nikLine.get(r.nik);
    if (seen !== undefined) report(r.line, 'nik', `the same NIK as line ${seen}`);
    else nikLine.set(r.nik, r.line);
  }
  const grouped = groupHouseholds(rows, { today });
  const firstLine = new Map<string, number>();
  for (const r of rows) if (!firstLine.has(r.kk)) firstLine.set(r.kk, r.line);
  for (const p of grouped.problems) report(firstLine.get(p.kk) ?? 0, 'no_kk', p.message);
  if (problemCount > 0) {
    await householdsRepository.updateImport(db, id, { status: 'REFUSED', processed_rows: count, problems, problem_count: problemCount, finished_at: new Date() });
    return;
  }
  await householdsRepository.updateImport(db, id, { status: 'WRITING', processed_rows: 0 });
  const toWrite = (h: (typeof grouped.households)[number]) => ({
    kk: h.kk,
    kelurahanCode: h.kelurahanCode,
    kecamatanCode: h.kelurahanCode.split('.').slice(0, 3).join('.'),
    rw: h.rw,
    rt: h.rt,
    address: h.address,
    decile: h.decile,
    // The registry's date, source and id of the household, as on its first row.
    dataDate: h.members[0]!.dataDate,
    source: h.members[0]!.source,
    dtksId: h.members[0]!.dtksId,
    members: h.members.map((m) => ({
      nik: m.nik, name: m.name, birthDate: m.birthDate, sex: m.sex, relation: m.relation,
      quality: personQuality(m.nikProblems), nikProblems: [...m.nikProblems],
    })),
  });
  const households = grouped.households;
  const totals = { households: 0, created: 0, updated: 0, unchanged: 0 };
  let written = 0;
  await db.transaction().execute(async (trx) => {
    for (let i = 0; i < households.length; i += BATCH) {
      const batch = households.slice(i, i + BATCH).map(toWrite);
      const counts = await householdsRepository.writeImportBatch(trx, id, batch);
      totals.households += counts.households;
      totals.created += counts.created;
      totals.updated += counts.updated;
      totals.unchanged += counts.unchanged;
      written += batch.reduce((n, h) => n + h.members.length, 0);
      // Progress through the pool, outside this transaction, so that the web sees it.
      await householdsRepository.updateImport(db, id, { processed_rows: written });
    }
    await auditRepository.appendAudit(trx, {
      actorId: user.id, action: 'HOUSEHOLDS_IMPORTED', subjectType: 'household_import', subjectId: id,
      after: { sha256, rows: count, ...totals }, ...source,
    });
    await householdsRepository.updateImport(trx, id, {
      status: 'DONE', processed_rows: count, households: totals.households, persons_created: totals.created,
      persons_updated: totals.updated, persons_unchanged: totals.unchanged, finished_at: new Date(),
    });
  });
  // New people may be someone already known: look for duplicates now (a review queue, no change).
  await findDuplicates(db, deps.databaseUrl, { actorId: user.id, ...source }).catch((error: unknown) => {
    deps.log.warn({ importId: id, err: { message: withoutPersonalData((error as Error).message) } }, 'duplicate detection after import failed');
  });
}
