import { createHash, randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { householdImportsRepository, householdsRepository, type Db } from '@kampung/db';
import type { HouseholdImportView } from '@kampung/domain';
import { audit, type AuditSource } from '../audit/audit.service';
import type { SessionUser } from '../auth/sessions.service';
import { AppError } from '../errors';
import { isUuid } from '../http/validate';
import { backgroundGateway, type BackgroundDeps } from '../temporal/background.gateway';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** The content types an import accepts (anything else is refused before it is read). */
export const IMPORT_CONTENT_TYPES = ['text/csv', XLSX, 'application/vnd.ms-excel'];
/** Up to 100 MB: some 400,000 people. */
export const IMPORT_MAX_BYTES = 100 * 1024 * 1024;
/** The upload goes to PostgreSQL in pieces of this size: the API never holds more of a file. */
const CHUNK_BYTES = 1024 * 1024;
/** How long a cancellation waits for the import to stop before it answers. */
const CANCEL_WAIT_MS = 10_000;

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

const notAFile = () => new AppError('VALIDATION_FAILED', 'Upload a CSV or XLSX file as the request body', [{ path: 'file', message: 'empty or missing' }]);
const tooLarge = () => new AppError('VALIDATION_FAILED', 'The body is too large');

/** Takes a household list (CSV or XLSX, as the social registry exports it) and has the worker import
 * it. The API does not read the file: it streams the request body into PostgreSQL, about 1 MB at a
 * time (an upload cut off half-way keeps nothing), then starts the import's workflow with the
 * import's id only. There every row is checked first, and a file with any bad row is refused whole
 * with a report per row (nothing written); then the whole file is written in one transaction (no
 * half-imported file). Households are matched by KK and people by NIK, so importing the same file
 * again changes nothing. Progress is read with `getImport`; `cancelImport` stops it. */
export async function startImport(
  deps: { db: Db } & BackgroundDeps,
  upload: { body: Readable; filename: string; contentType: string; contentLength: number | null },
  user: SessionUser,
  source: AuditSource,
): Promise<HouseholdImportView> {
  const type = upload.contentType.split(';')[0]!.trim().toLowerCase();
  if (!IMPORT_CONTENT_TYPES.includes(type) || upload.contentLength === 0) throw notAFile();
  if (upload.contentLength !== null && upload.contentLength > IMPORT_MAX_BYTES) throw tooLarge();
  const format = type === 'text/csv' || /\.csv$/i.test(upload.filename) ? 'csv' : 'xlsx';
  const id = randomUUID();
  const hash = createHash('sha256');
  let bytes = 0;
  async function* chunks(): AsyncGenerator<Buffer> {
    let pending: Buffer[] = [];
    let size = 0;
    for await (const piece of upload.body as AsyncIterable<Buffer>) {
      bytes += piece.length;
      if (bytes > IMPORT_MAX_BYTES) throw tooLarge();
      hash.update(piece);
      pending.push(piece);
      size += piece.length;
      if (size >= CHUNK_BYTES) {
        yield Buffer.concat(pending, size);
        pending = [];
        size = 0;
      }
    }
    if (size > 0) yield Buffer.concat(pending, size);
    if (bytes === 0) throw notAFile();
  }
  await householdImportsRepository.insertImportWithFile(
    deps.db,
    { id, filename: upload.filename, format, userId: user.id, requestId: source.requestId ?? null, sourceIp: source.sourceIp ?? null },
    chunks(),
    () => ({ sha256: hash.digest('hex'), bytes }),
  );
  await backgroundGateway.startImport(deps, id, () => householdImportsRepository.deleteImport(deps.db, id));
  return getImport(deps.db, id);
}

/** Stops a running import: its workflow is cancelled, the write under way rolls back, and the import
 * ends CANCELLED with nothing written. The answer waits a few seconds for that; the web polls on. An
 * import that has ended is refused (a written import is undone by another import, not here). */
export async function cancelImport(deps: { db: Db } & BackgroundDeps, id: string, user: SessionUser, source: AuditSource): Promise<HouseholdImportView> {
  const current = await getImport(deps.db, id);
  if (!(householdImportsRepository.RUNNING_IMPORT as readonly string[]).includes(current.status)) {
    throw new AppError('CONFLICT', `This import is ${current.status}; only a running import is cancelled`);
  }
  // Who stopped it is recorded before it is stopped: an import that ends CANCELLED always has one.
  await audit(deps.db, {
    actorId: user.id, action: 'HOUSEHOLD_IMPORT_CANCELLED', subjectType: 'household_import', subjectId: id,
    before: { status: current.status, processedRows: current.processedRows, totalRows: current.totalRows }, ...source,
  });
  await backgroundGateway.cancelImport(deps, id, CANCEL_WAIT_MS);
  return getImport(deps.db, id);
}

export async function getImport(db: Db, id: string): Promise<HouseholdImportView> {
  const row = isUuid(id) ? await householdsRepository.findImport(db, id) : undefined;
  if (!row) throw new AppError('NOT_FOUND', `No import ${id}`);
  return importView(row);
}

export async function listImports(db: Db): Promise<HouseholdImportView[]> {
  return (await householdsRepository.listImports(db)).map(importView);
}
