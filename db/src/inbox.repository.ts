import { sql } from 'kysely';
import type { InboxState } from '@kampung/domain';
import type { Db } from './connection';

/** A user's inbox, newest first: still to deal with (`open`), done, or all. */
export async function listInbox(db: Db, userId: string, state: InboxState) {
  return db
    .selectFrom('inbox_items')
    .leftJoin('obligations', 'obligations.id', 'inbox_items.obligation_id')
    .leftJoin('monitoring_reports', 'monitoring_reports.id', 'inbox_items.report_id')
    .leftJoin('reconciliation_findings', 'reconciliation_findings.id', 'inbox_items.finding_id')
    // An item is about an obligation, a report or a reconciler's finding; each names one case.
    .innerJoin('cases', (join) =>
      join.on((eb) => eb('cases.id', '=', eb.fn.coalesce('obligations.case_id', 'monitoring_reports.case_id', 'reconciliation_findings.case_id'))))
    .select([
      'inbox_items.id',
      'inbox_items.kind',
      'inbox_items.created_at',
      'inbox_items.read_at',
      'inbox_items.done_at',
      'obligations.id as obligation_id',
      'obligations.kind as obligation_kind',
      'obligations.status as obligation_status',
      'monitoring_reports.id as report_id',
      'monitoring_reports.period as report_period',
      'monitoring_reports.progress_percent as report_progress',
      'reconciliation_findings.kind as finding_kind',
      'cases.id as case_id',
      'cases.name as case_name',
    ])
    .where('inbox_items.user_id', '=', userId)
    .$if(state === 'open', (q) => q.where('inbox_items.done_at', 'is', null))
    .$if(state === 'done', (q) => q.where('inbox_items.done_at', 'is not', null))
    .orderBy('inbox_items.created_at', 'desc')
    .orderBy('inbox_items.id', 'desc')
    .limit(200)
    .execute();
}

/** Items the user has not opened yet (the partial index inbox_items_unread holds exactly these). */
export async function countUnread(db: Db, userId: string): Promise<number> {
  const row = await db
    .selectFrom('inbox_items')
    .select((eb) => eb.fn.countAll<string>().as('unread'))
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.unread);
}

// The marks below are the user's own view of their inbox, like a mail client's read flag: they are
// not audited (the audit log records what people do to cases and accounts, not what they have
// looked at). Each is one statement on the user's own row, safe to repeat and to send at the same
// moment as another mark: the first instant a mark was set is kept.

const markColumns = ['id', 'read_at', 'done_at'] as const;

/** Marks the user's item read; undefined when the user has no such item. */
export async function markRead(db: Db, userId: string, id: string, now: Date) {
  return db
    .updateTable('inbox_items')
    .set({ read_at: sql<Date>`coalesce(read_at, ${now})` })
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .returning(markColumns)
    .executeTakeFirst();
}

/** Marks the user's item done (and read), or takes the done mark back; undefined when the user has
 * no such item. */
export async function markDone(db: Db, userId: string, id: string, done: boolean, now: Date) {
  return db
    .updateTable('inbox_items')
    .set(done ? { done_at: sql<Date>`coalesce(done_at, ${now})`, read_at: sql<Date>`coalesce(read_at, ${now})` } : { done_at: null })
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .returning(markColumns)
    .executeTakeFirst();
}
