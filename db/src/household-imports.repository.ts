import type { Db } from './connection';

/** The statuses of an import that has not ended yet (its workflow is running). */
export const RUNNING_IMPORT = ['VALIDATING', 'WRITING'] as const;

/**
 * Stores an upload as it arrives: the import row (VALIDATING) and the file's bytes in chunks, all in
 * one transaction, so that an upload cut off half-way leaves nothing behind and the caller never
 * holds more than one chunk. `chunks` yields the body in pieces; their sizes, the total and the
 * file's sha256 are the caller's (it reads the stream).
 */
export async function insertImportWithFile(
  db: Db,
  i: { id: string; filename: string; format: 'csv' | 'xlsx'; userId: string; requestId: string | null; sourceIp: string | null },
  chunks: AsyncIterable<Buffer>,
  finish: () => { sha256: string; bytes: number },
): Promise<{ sha256: string; bytes: number }> {
  return db.transaction().execute(async (trx) => {
    await trx
      .insertInto('household_imports')
      .values({ id: i.id, filename: i.filename, file_sha256: '', uploaded_by: i.userId, status: 'VALIDATING', format: i.format, request_id: i.requestId, source_ip: i.sourceIp })
      .execute();
    let seq = 0;
    for await (const data of chunks) {
      await trx.insertInto('household_import_chunks').values({ import_id: i.id, seq, data }).execute();
      seq += 1;
    }
    const file = finish();
    await trx.updateTable('household_imports').set({ file_sha256: file.sha256, file_bytes: file.bytes }).where('id', '=', i.id).execute();
    return file;
  });
}

/** An import whose workflow could not be started: as if it had never been uploaded. */
export async function deleteImport(db: Db, id: string) {
  await db.deleteFrom('household_imports').where('id', '=', id).execute();
}

/** The stored file, chunk by chunk in order (one chunk in memory at a time). */
export async function* readFile(db: Db, importId: string): AsyncGenerator<Buffer> {
  for (let seq = 0; ; seq += 1) {
    const chunk = await db.selectFrom('household_import_chunks').select('data').where('import_id', '=', importId).where('seq', '=', seq).executeTakeFirst();
    if (!chunk) return;
    yield chunk.data;
  }
}

/** The file's bytes go once its import has ended (they hold personal data). */
export async function deleteFile(db: Db, importId: string) {
  await db.deleteFrom('household_import_chunks').where('import_id', '=', importId).execute();
}

/** What the worker needs to run an import (no personal data). */
export async function findImportJob(db: Db, id: string) {
  return db
    .selectFrom('household_imports')
    .select(['id', 'status', 'format', 'file_sha256', 'file_bytes', 'uploaded_by', 'request_id', 'source_ip'])
    .where('id', '=', id)
    .executeTakeFirst();
}

/** The import row, locked for the rest of the transaction (the writer checks it has not ended). */
export async function lockImport(trx: Db, id: string) {
  return trx.selectFrom('household_imports').select(['status']).where('id', '=', id).forUpdate().executeTakeFirst();
}

/** Ends an import that is still running as `status` (CANCELLED or FAILED); one that has ended
 * (DONE, REFUSED) keeps its status. Its file is deleted either way. Answers the status it has now. */
export async function endRunningImport(db: Db, id: string, status: 'CANCELLED' | 'FAILED', error: string | null): Promise<string | undefined> {
  return db.transaction().execute(async (trx) => {
    await trx
      .updateTable('household_imports')
      .set({ status, error, finished_at: new Date() })
      .where('id', '=', id)
      .where('status', 'in', [...RUNNING_IMPORT])
      .execute();
    await deleteFile(trx, id);
    return (await trx.selectFrom('household_imports').select('status').where('id', '=', id).executeTakeFirst())?.status;
  });
}

/** When the latest import was written (null: none yet): duplicate detection runs again if it
 * changes while it compares. */
export async function lastWrittenAt(db: Db): Promise<Date | null> {
  const row = await db.selectFrom('household_imports').select((eb) => eb.fn.max('finished_at').as('at')).where('status', '=', 'DONE').executeTakeFirst();
  return (row?.at as Date | null | undefined) ?? null;
}
