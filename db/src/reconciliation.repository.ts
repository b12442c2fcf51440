import { sql } from 'kysely';
import { OPEN_OBLIGATION_STATUSES } from '@kampung/domain';
import type { Db } from './connection';
import { inTransaction } from './audited';

const OPEN = [...OPEN_OBLIGATION_STATUSES];
const END_STAGES = ['CLOSED', 'REJECTED', 'WITHDRAWN'];

/** A page of the cases the reconciler looks at: every case not ended, in id order after `after`. */
export async function casesToCheck(db: Db, after: string | null, limit: number, only?: string[]) {
  let q = db
    .selectFrom('cases')
    .select(['id', 'stage', 'stage_seq', 'stage_entered_at', 'program_code'])
    .where('stage', 'not in', END_STAGES)
    .orderBy('id')
    .limit(limit);
  if (after) q = q.where('id', '>', after);
  if (only) q = q.where('id', 'in', only.length > 0 ? only : ['00000000-0000-0000-0000-000000000000']);
  return q.execute();
}

/** What PostgreSQL holds of one case's obligations, for the comparison with its workflows. */
export async function caseObligationRows(db: Db, caseId: string) {
  const [assignments, obligations, unlinkedReports] = await Promise.all([
    db.selectFrom('assignments').select(['id', 'role', 'started_at', 'ended_at']).where('case_id', '=', caseId).execute(),
    db
      .selectFrom('obligations')
      .select(['id', 'kind', 'status', 'assignment_id', 'seq', 'fulfilled_at', 'status_changed_at', 'period_label'])
      .where('case_id', '=', caseId)
      .execute(),
    db
      .selectFrom('monitoring_reports')
      .select(['id', 'period', 'submitted_at', 'submitted_by'])
      .where('case_id', '=', caseId)
      .where('obligation_id', 'is', null)
      .execute(),
  ]);
  const reportOf = await db
    .selectFrom('monitoring_reports')
    .select(['id', 'obligation_id'])
    .where('case_id', '=', caseId)
    .where('obligation_id', 'is not', null)
    .execute();
  return { assignments, obligations, unlinkedReports, reportOf, isOpen: (status: string) => OPEN.includes(status as (typeof OPEN)[number]) };
}

/** Which of `ids` have a case row (of any stage). */
export async function existingCaseIds(db: Db, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db.selectFrom('cases').select('id').where('id', 'in', ids).execute();
  return new Set(rows.map((r) => r.id));
}

/** Which of `ids` have an assignment row. */
export async function existingAssignmentIds(db: Db, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db.selectFrom('assignments').select('id').where('id', 'in', ids).execute();
  return new Set(rows.map((r) => r.id));
}

/** The case row as the reconciler reads it, again (after it re-wrote moves). */
export async function caseToCheck(db: Db, id: string) {
  return db.selectFrom('cases').select(['id', 'stage', 'stage_seq', 'stage_entered_at', 'program_code']).where('id', '=', id).executeTakeFirst();
}

/** Whether the move request a transition refers to is still stored (its reason and form data). */
export async function transitionRequestExists(db: Db, id: string): Promise<boolean> {
  return Boolean(await db.selectFrom('transition_requests').select('id').where('id', '=', id).executeTakeFirst());
}

/** A finding that names no case row (a workflow runs for a case or an assignment the database does
 * not have): counted as reported in its pass and on /healthz; no inbox holds it, as the inbox is
 * kept per case. */
export async function recordCaselessFinding(db: Db, f: { passId: string; kind: string; subjectId: string; detail: Record<string, unknown> }) {
  await inTransaction(db, async (trx) => {
    const row = await trx
      .insertInto('reconciliation_findings')
      // case_id is nullable since 2026-12-03T17-00-00_findings-without-case.
      .values({ pass_id: f.passId, case_id: null as unknown as string, kind: f.kind, subject_id: f.subjectId, repaired: false, detail: JSON.stringify(f.detail) })
      .onConflict((oc) => oc.columns(['pass_id', 'kind', 'subject_id']).doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!row) return;
    await trx.updateTable('reconciliation_passes').set((eb) => ({ reported: eb('reported', '+', 1) })).where('id', '=', f.passId).execute();
  });
}

export async function startPass(db: Db, id: string, at: Date) {
  await db.insertInto('reconciliation_passes').values({ id, started_at: at }).onConflict((oc) => oc.column('id').doNothing()).execute();
}

/** One finding, once per pass; an unrepaired one reaches the inbox of the admins whose reach
 * includes the case. */
export async function recordFinding(
  db: Db,
  f: { passId: string; caseId: string; kind: string; subjectId: string; repaired: boolean; detail: Record<string, unknown> },
) {
  await inTransaction(db, async (trx) => {
    const row = await trx
      .insertInto('reconciliation_findings')
      .values({ pass_id: f.passId, case_id: f.caseId, kind: f.kind, subject_id: f.subjectId, repaired: f.repaired, detail: JSON.stringify(f.detail) })
      .onConflict((oc) => oc.columns(['pass_id', 'kind', 'subject_id']).doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!row) return;
    await trx
      .updateTable('reconciliation_passes')
      .set((eb) => (f.repaired ? { repaired: eb('repaired', '+', 1) } : { reported: eb('reported', '+', 1) }))
      .where('id', '=', f.passId)
      .execute();
    if (f.repaired) return;
    const admins = await trx
      .selectFrom('users')
      .innerJoin('cases', (join) => join.on('cases.id', '=', f.caseId))
      .select('users.id')
      .where('users.role', '=', 'ADMIN')
      .where('users.deactivated_at', 'is', null)
      .where(sql<boolean>`(users.program_codes = '{}' or cases.program_code = any(users.program_codes))`)
      .where(sql<boolean>`(users.kecamatan_codes = '{}' or cases.kecamatan_code = any(users.kecamatan_codes))`)
      .execute();
    if (admins.length === 0) return;
    await trx
      .insertInto('inbox_items')
      .values(admins.map((a) => ({ user_id: a.id, finding_id: row.id, kind: 'RECONCILIATION' })))
      .execute();
  });
}

export async function finishPass(db: Db, id: string, casesChecked: number, at: Date) {
  await db.updateTable('reconciliation_passes').set({ finished_at: at, cases_checked: casesChecked }).where('id', '=', id).execute();
}

/** The last finished pass, for /healthz: when, and what it could not repair. */
export async function lastPass(db: Db) {
  return db
    .selectFrom('reconciliation_passes')
    .select(['id', 'started_at', 'finished_at', 'cases_checked', 'repaired', 'reported'])
    .where('finished_at', 'is not', null)
    .orderBy('finished_at', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export async function findPass(db: Db, id: string) {
  return db.selectFrom('reconciliation_passes').select(['id', 'cases_checked', 'repaired', 'reported']).where('id', '=', id).executeTakeFirst();
}

export async function findingsOfPass(db: Db, passId: string) {
  return db.selectFrom('reconciliation_findings').select(['case_id', 'kind', 'subject_id', 'repaired', 'detail']).where('pass_id', '=', passId).execute();
}
