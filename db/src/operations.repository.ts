import { sql } from 'kysely';
import type { Db } from './connection';
import { ESCALATION_TEMPLATE } from './outbox.repository';
import { lastPass } from './reconciliation.repository';

/** What an operator watches, read at scrape time: counts only, never who or what about. */

/** The outbox: mail waiting to leave and the age of the oldest of it (escalations wait for their
 * daily digest instead, counted apart), and dead letters (given up after their attempts). */
export async function outboxBacklog(db: Db) {
  const waiting = sql<boolean>`status = 'PENDING' and template <> ${ESCALATION_TEMPLATE}`;
  const row = await db
    .selectFrom('outbox')
    .select([
      sql<string>`count(*) filter (where ${waiting})`.as('unsent'),
      sql<Date | null>`min(created_at) filter (where ${waiting})`.as('oldest'),
      sql<string>`count(*) filter (where status = 'PENDING' and template = ${ESCALATION_TEMPLATE})`.as('awaiting_digest'),
      sql<string>`count(*) filter (where status = 'DEAD')`.as('dead'),
    ])
    .where('status', 'in', ['PENDING', 'DEAD'])
    .executeTakeFirstOrThrow();
  return {
    unsent: Number(row.unsent),
    oldestUnsentAt: row.oldest ? new Date(row.oldest) : null,
    awaitingDigest: Number(row.awaiting_digest),
    dead: Number(row.dead),
  };
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
