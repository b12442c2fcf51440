import { sql } from 'kysely';
import type { Db } from './connection';
import { lastPass } from './reconciliation.repository';

/** What an operator watches, read at scrape time: counts only, never who or what about. */

/** Mail written to the outbox and not sent yet, and the age of the oldest of it. */
export async function outboxBacklog(db: Db) {
  const row = await db
    .selectFrom('outbox')
    .select((eb) => [eb.fn.countAll<string>().as('unsent'), eb.fn.min('created_at').as('oldest')])
    .where('sent_at', 'is', null)
    .executeTakeFirstOrThrow();
  return { unsent: Number(row.unsent), oldestUnsentAt: row.oldest ? new Date(row.oldest as Date) : null };
}

/** Household imports by status, and the rows of those still running (processed of total). */
export async function importProgress(db: Db) {
  const rows = await db
    .selectFrom('household_imports')
    .select((eb) => [
      'status',
      eb.fn.countAll<string>().as('imports'),
      sql<string>`coalesce(sum(processed_rows), 0)`.as('processed'),
      sql<string>`coalesce(sum(total_rows), 0)`.as('total'),
    ])
    .groupBy('status')
    .execute();
  return rows.map((r) => ({ status: r.status, imports: Number(r.imports), processedRows: Number(r.processed), totalRows: Number(r.total) }));
}

/** The reconciler's last finished pass (the one /healthz shows) and its findings by kind. */
export async function reconcilerSummary(db: Db) {
  const pass = await lastPass(db);
  if (!pass) return null;
  const findings = await db
    .selectFrom('reconciliation_findings')
    .select((eb) => ['kind', 'repaired', eb.fn.countAll<string>().as('n')])
    .where('pass_id', '=', pass.id)
    .groupBy(['kind', 'repaired'])
    .execute();
  return {
    finishedAt: pass.finished_at!,
    casesChecked: pass.cases_checked,
    repaired: pass.repaired,
    unrepaired: pass.reported,
    findings: findings.map((f) => ({ kind: f.kind, repaired: f.repaired, count: Number(f.n) })),
  };
}
