import { ApplicationFailure, CancelledFailure, Context, log } from '@temporalio/activity';
import { auditRepository, householdImportsRepository, householdsRepository, regionsRepository, type Db } from '@kampung/db';
import { groupHouseholds, parseImportRow, personQuality, type ImportRow } from '@kampung/domain';
import { IMPORT_FILE_UNREADABLE, type HouseholdImportActivities, type HouseholdImportRun } from '@kampung/workflows';
import { countLines, readRecords } from '../imports/read-records';
import { withoutPersonalData } from '../imports/without-personal-data';

/** How many households go to PostgreSQL at a time (one transaction for the whole file). */
const BATCH = 500;
/** The report keeps the first problems; the count says how many there were. */
const MAX_REPORTED = 1000;
/** Rows between two progress writes (and heartbeats) while the file is checked. */
const PROGRESS_EVERY = 2000;

const FAILED = 'The import failed; nothing was written. Try again, or tell the administrator.';

/**
 * Household imports on the worker. Never half-written: the whole file is checked first (a file with
 * any bad row is refused whole, with a report per row), then written in ONE transaction that also
 * sets the import DONE, audits it and deletes its stored file. We keep this rather than staging
 * batches and applying them at the end: the registry changes at one instant, a retry after a crash
 * (the transaction rolled back with the dead connection) simply runs the stored file again, and a
 * retry after a commit finds the import DONE and writes nothing. A cancellation reaches the activity
 * at its next heartbeat and rolls the transaction back, the last check being made just before it
 * commits. Households are matched by KK and people by NIK, so importing the same file twice changes
 * nothing.
 */
export function createHouseholdImportActivities(deps: { db: Db }): HouseholdImportActivities {
  const { db } = deps;
  return {
    async runHouseholdImport({ importId }) {
      const job = await householdImportsRepository.findImportJob(db, importId);
      if (!job) throw ApplicationFailure.nonRetryable(`No import ${importId}`, 'IMPORT_NOT_FOUND');
      const run: Omit<HouseholdImportRun, 'outcome'> = { actorId: job.uploaded_by, requestId: job.request_id };
      // An earlier attempt got as far as its end (its transaction committed): nothing more to do.
      if (job.status === 'DONE' || job.status === 'REFUSED') return { outcome: job.status, ...run };
      if (job.status !== 'VALIDATING' && job.status !== 'WRITING') throw ApplicationFailure.nonRetryable(`Import ${importId} has ended (${job.status})`, 'IMPORT_ENDED');
      try {
        return { outcome: await importFile(db, { ...job, id: importId }), ...run };
      } catch (error) {
        if (error instanceof CancelledFailure || error instanceof ApplicationFailure || Context.current().cancellationSignal.aborted) throw error;
        // Its message goes to Temporal's history and the logs: never a row of the file.
        const message = withoutPersonalData((error as Error).message ?? String(error));
        log.warn('household import attempt failed', { importId, error: message });
        throw ApplicationFailure.retryable(message, (error as Error).name ?? 'Error');
      }
    },

    async endHouseholdImport({ importId, status }) {
      return (await householdImportsRepository.endRunningImport(db, importId, status, status === 'FAILED' ? FAILED : 'Cancelled; nothing was written.')) ?? 'MISSING';
    },
  };
}

/** Stops here if the import was cancelled (told at the last heartbeat). */
function checkpoint(details: { phase: string; processed: number }) {
  const context = Context.current();
  context.heartbeat(details);
  if (context.cancellationSignal.aborted) throw new CancelledFailure('the import was cancelled');
}

type Job = { id: string; format: 'csv' | 'xlsx'; file_sha256: string; uploaded_by: string; request_id: string | null; source_ip: string | null };

/** Thrown to roll back an attempt whose import another attempt has written. */
class WrittenByAnother extends Error {}

async function importFile(db: Db, job: Job): Promise<'DONE' | 'REFUSED'> {
  const id = job.id;
  const today = new Date();
  const kelurahan = new Set(await regionsRepository.listKelurahanCodes(db));
  const problems: { line: number; column: string; message: string }[] = [];
  let problemCount = 0;
  const report = (line: number, column: string, message: string) => {
    problemCount += 1;
    if (problems.length < MAX_REPORTED) problems.push({ line, column, message });
  };
  // A retry starts again from the file (an attempt that did not commit wrote nothing).
  await householdsRepository.updateImport(db, id, { status: 'VALIDATING', processed_rows: 0 });
  checkpoint({ phase: 'VALIDATING', processed: 0 });
  // For the progress bar: a CSV's lines, counted before they are read (an XLSX's are not known).
  if (job.format === 'csv') await householdsRepository.updateImport(db, id, { total_rows: await countLines(householdImportsRepository.readFile(db, id)) });

  const rows: (ImportRow & { line: number })[] = [];
  let count = 0;
  let databaseFailed = false;
  async function* file() {
    try {
      yield* householdImportsRepository.readFile(db, id);
    } catch (error) {
      databaseFailed = true;
      throw error;
    }
  }
  const records = readRecords(file(), job.format)[Symbol.asyncIterator]();
  for (;;) {
    let next: IteratorResult<Record<string, string>>;
    try {
      next = await records.next();
    } catch (error) {
      if (databaseFailed) throw error;
      // The parser's own complaint: the file is not the CSV or XLSX it claims to be. Reading it
      // again would fail the same way. (Errors of the loop's own writes are retried like others.)
      throw ApplicationFailure.nonRetryable(`The file cannot be read as ${job.format.toUpperCase()}: ${withoutPersonalData((error as Error).message ?? '')}`, IMPORT_FILE_UNREADABLE);
    }
    if (next.done) break;
    count += 1;
    const line = count + 1; // the header is line 1
    const parsed = parseImportRow(next.value, { today });
    if (!parsed.ok) for (const p of parsed.problems) report(line, p.column, p.message);
    else if (!kelurahan.has(parsed.row.kelurahanCode)) report(line, 'kode_kelurahan', 'unknown kelurahan code');
    else rows.push({ ...parsed.row, line });
    if (count % PROGRESS_EVERY === 0) {
      await householdsRepository.updateImport(db, id, { processed_rows: count });
      checkpoint({ phase: 'VALIDATING', processed: count });
    }
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
  checkpoint({ phase: 'VALIDATING', processed: count });
  if (problemCount > 0) {
    await db.transaction().execute(async (trx) => {
      await householdsRepository.updateImport(trx, id, { status: 'REFUSED', processed_rows: count, problems, problem_count: problemCount, finished_at: new Date() });
      await householdImportsRepository.deleteFile(trx, id);
    });
    return 'REFUSED';
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
  const writing = db.transaction().execute(async (trx) => {
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
      checkpoint({ phase: 'WRITING', processed: written });
    }
    // Two attempts at once (one thought dead that was not): the second to get here finds the first's
    // DONE and rolls back.
    const now = await householdImportsRepository.lockImport(trx, id);
    if (now?.status === 'DONE') throw new WrittenByAnother();
    await auditRepository.appendAudit(trx, {
      actorId: job.uploaded_by, action: 'HOUSEHOLDS_IMPORTED', subjectType: 'household_import', subjectId: id,
      after: { sha256: job.file_sha256, rows: count, ...totals }, requestId: job.request_id, sourceIp: job.source_ip,
    });
    await householdsRepository.updateImport(trx, id, {
      status: 'DONE', processed_rows: count, households: totals.households, persons_created: totals.created,
      persons_updated: totals.updated, persons_unchanged: totals.unchanged, finished_at: new Date(),
    });
    await householdImportsRepository.deleteFile(trx, id);
    // The last moment a cancellation undoes the import: after this, it is written.
    checkpoint({ phase: 'WRITING', processed: count });
    return 'DONE' as const;
  });
  return writing.catch((error: unknown) => {
    if (error instanceof WrittenByAnother) return 'DONE' as const;
    throw error;
  });
}
