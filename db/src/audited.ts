import type { Db } from './connection';
import { appendAudit, type AuditEntry } from './audit.repository';

/** Runs `fn` in a transaction, or in the caller's when `db` is one already. */
export async function inTransaction<T>(db: Db, fn: (trx: Db) => Promise<T>): Promise<T> {
  return db.isTransaction ? fn(db) : db.transaction().execute(fn);
}

/** Makes a change and its audit entry in one transaction: both are written or neither. The entry may
 * depend on what the change returned (its before and after); null writes none (nothing changed). */
export async function audited<T>(
  db: Db,
  entry: AuditEntry | ((result: T) => AuditEntry | null),
  change: (trx: Db) => Promise<T>,
): Promise<T> {
  return inTransaction(db, async (trx) => {
    const result = await change(trx);
    const e = typeof entry === 'function' ? entry(result) : entry;
    if (e) await appendAudit(trx, e);
    return result;
  });
}
