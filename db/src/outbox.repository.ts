import { sql } from 'kysely';
import type { Db } from './connection';
import { inTransaction } from './audited';

/** The template of an escalation's own outbox row: it is mailed in its recipient's daily digest. */
export const ESCALATION_TEMPLATE = 'OBLIGATION_ESCALATED';
export const ESCALATION_DIGEST_TEMPLATE = 'ESCALATION_DIGEST';

/** Ids of the mail waiting to be sent, oldest first (escalations wait for their digest). */
export async function pendingMailIds(db: Db, limit: number): Promise<string[]> {
  const rows = await db
    .selectFrom('outbox')
    .select('id')
    .where('status', '=', 'PENDING')
    .where('template', '<>', ESCALATION_TEMPLATE)
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map((row) => String(row.id));
}

export interface MailToSend {
  id: string;
  template: string;
  payload: unknown;
  createdAt: Date;
  to: { email: string; name: string };
}

export type DeliveryOutcome = { outcome: 'SENT' } | { outcome: 'NOT_PENDING'; status: string } | { outcome: 'FAILED'; error: string; attempts: number; dead: boolean };

/**
 * One attempt at one outbox row, under its row lock: a row another attempt holds is waited for and
 * then found sent. `send` runs inside the transaction; the row is marked SENT in the same
 * transaction, so a row is sent once unless the process dies between the SMTP server's answer
 * and the commit (then it is sent again with the same Message-ID). A failed attempt is counted,
 * with its error; at `maxAttempts` the row is DEAD.
 */
export async function attemptDelivery(
  db: Db,
  id: string,
  maxAttempts: number,
  send: (mail: MailToSend, trx: Db) => Promise<void>,
): Promise<DeliveryOutcome> {
  return inTransaction(db, async (trx) => {
    const row = await trx
      .selectFrom('outbox')
      .innerJoin('users', 'users.id', 'outbox.recipient_id')
      .select(['outbox.id', 'outbox.status', 'outbox.template', 'outbox.payload', 'outbox.created_at', 'outbox.attempts', 'users.email', 'users.name'])
      .where('outbox.id', '=', id)
      .forUpdate('outbox')
      .executeTakeFirst();
    if (!row) return { outcome: 'NOT_PENDING', status: 'MISSING' };
    if (row.status !== 'PENDING') return { outcome: 'NOT_PENDING', status: row.status };
    const attempts = row.attempts + 1;
    try {
      await send({ id: String(row.id), template: row.template, payload: row.payload, createdAt: row.created_at, to: { email: row.email, name: row.name } }, trx);
    } catch (error) {
      const message = (error instanceof Error ? error.message : String(error)).slice(0, 2000);
      const dead = attempts >= maxAttempts;
      await trx
        .updateTable('outbox')
        .set({ attempts, last_error: message, last_attempt_at: sql<Date>`now()`, ...(dead ? { status: 'DEAD', dead_at: sql<Date>`now()` } : {}) })
        .where('id', '=', id)
        .execute();
      return { outcome: 'FAILED', error: message, attempts, dead };
    }
    await trx.updateTable('outbox').set({ status: 'SENT', sent_at: sql<Date>`now()`, attempts, last_attempt_at: sql<Date>`now()` }).where('id', '=', id).execute();
    return { outcome: 'SENT' };
  });
}

/** One digest row per recipient with escalations waiting, for `day` (once per recipient and day);
 * the escalations it lists are DIGESTED. Answers how many digests were written. */
export async function writeEscalationDigests(db: Db, day: string): Promise<number> {
  return inTransaction(db, async (trx) => {
    const waiting = await trx
      .selectFrom('outbox')
      .select(['id', 'recipient_id', 'payload'])
      .where('status', '=', 'PENDING')
      .where('template', '=', ESCALATION_TEMPLATE)
      .orderBy('id')
      .forUpdate()
      .execute();
    const byRecipient = new Map<string, typeof waiting>();
    for (const row of waiting) byRecipient.set(row.recipient_id, [...(byRecipient.get(row.recipient_id) ?? []), row]);
    let written = 0;
    for (const [recipientId, rows] of byRecipient) {
      const obligationIds = rows.map((row) => (row.payload as { obligationId: string }).obligationId);
      const digest = await trx
        .insertInto('outbox')
        .values({ dedupe_key: `escalation-digest:${recipientId}:${day}`, recipient_id: recipientId, template: ESCALATION_DIGEST_TEMPLATE, payload: JSON.stringify({ day, obligationIds }) })
        .onConflict((oc) => oc.column('dedupe_key').doNothing())
        .returning('id')
        .executeTakeFirst();
      // Today's digest already went out: these wait for tomorrow's.
      if (!digest) continue;
      await trx.updateTable('outbox').set({ status: 'DIGESTED', digest_id: digest.id }).where('id', 'in', rows.map((row) => row.id)).execute();
      written += 1;
    }
    return written;
  });
}

/** What a digest lists: each escalated obligation with its case. */
export async function escalatedObligations(db: Db, obligationIds: string[]) {
  if (obligationIds.length === 0) return [];
  return db
    .selectFrom('obligations')
    .innerJoin('cases', 'cases.id', 'obligations.case_id')
    .leftJoin('users', 'users.id', 'obligations.assignee_id')
    .select(['obligations.id', 'obligations.kind', 'obligations.due_at', 'obligations.period_label', 'cases.id as case_id', 'cases.name as case_name', 'users.name as assignee_name'])
    .where('obligations.id', 'in', obligationIds)
    .orderBy('obligations.due_at')
    .execute();
}

/** A red monitoring report, for its mail. */
export async function reportForMail(db: Db, reportId: string) {
  return db
    .selectFrom('monitoring_reports')
    .innerJoin('cases', 'cases.id', 'monitoring_reports.case_id')
    .select(['monitoring_reports.period', 'monitoring_reports.progress_percent', 'cases.id as case_id', 'cases.name as case_name'])
    .where('monitoring_reports.id', '=', reportId)
    .executeTakeFirst();
}

/** Mail given up on (for admins), newest first. */
export async function deadMail(db: Db, limit = 200) {
  return db
    .selectFrom('outbox')
    .innerJoin('users', 'users.id', 'outbox.recipient_id')
    .select(['outbox.id', 'outbox.template', 'outbox.created_at', 'outbox.attempts', 'outbox.last_error', 'outbox.dead_at', 'users.id as recipient_id', 'users.name as recipient_name', 'users.email as recipient_email'])
    .where('outbox.status', '=', 'DEAD')
    .orderBy('outbox.dead_at', 'desc')
    .limit(limit)
    .execute();
}

/** How many rows wait and how many are dead (for /healthz and metrics). */
export async function mailCounts(db: Db) {
  const rows = await db.selectFrom('outbox').select(['status', (eb) => eb.fn.countAll<string>().as('n')]).groupBy('status').execute();
  return Object.fromEntries(rows.map((row) => [row.status, Number(row.n)])) as Partial<Record<string, number>>;
}
