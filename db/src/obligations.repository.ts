import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { OPEN_OBLIGATION_STATUSES, type CaseObligationKind, type CaseReach, type ObligationListQuery } from '@kampung/domain';
import type { Db } from './connection';
import { inTransaction } from './audited';
import { caseInReach } from './case-reach';

const OPEN = [...OPEN_OBLIGATION_STATUSES];
/** Open statuses in the order a timer moves them: never backward. */
const ORDER = OPEN;

interface ObligationWindowRow {
  opensAt: Date;
  dueAt: Date;
  overdueAt: Date;
  escalatesAt: Date;
  policyVersion: number;
}

export interface NewVisitObligation extends ObligationWindowRow {
  caseId: string;
  assignmentId: string;
  assigneeId: string;
  seq: number;
}

export interface NewCaseObligation extends ObligationWindowRow {
  caseId: string;
  kind: CaseObligationKind;
  seq: number;
  assignmentId: string | null;
  assigneeId: string | null;
  periodLabel?: string | null;
  stage?: string | null;
}

function newObligationRow(o: NewCaseObligation | (NewVisitObligation & { kind: 'VISIT' })) {
  return {
    id: randomUUID(),
    kind: o.kind,
    case_id: o.caseId,
    assignment_id: o.assignmentId,
    assignee_id: o.assigneeId,
    seq: o.seq,
    status: 'UPCOMING',
    opens_at: o.opensAt,
    due_at: o.dueAt,
    overdue_at: o.overdueAt,
    escalates_at: o.escalatesAt,
    policy_version: o.policyVersion,
    period_label: 'periodLabel' in o ? (o.periodLabel ?? null) : null,
    stage: 'stage' in o ? (o.stage ?? null) : null,
  };
}

const WINDOW_COLUMNS = ['id', 'status', 'opens_at', 'due_at', 'overdue_at', 'escalates_at'] as const;

/** Writes the obligation once per (assignment, kind, seq) and returns the stored one, so a retried
 * activity gets the same id and instants as the first attempt. */
export async function ensureVisitObligation(db: Db, o: NewVisitObligation) {
  await db
    .insertInto('obligations')
    .values(newObligationRow({ ...o, kind: 'VISIT' }))
    .onConflict((oc) => oc.columns(['assignment_id', 'kind', 'seq']).doNothing())
    .execute();
  return db
    .selectFrom('obligations')
    .select(WINDOW_COLUMNS)
    .where('assignment_id', '=', o.assignmentId)
    .where('kind', '=', 'VISIT')
    .where('seq', '=', o.seq)
    .executeTakeFirstOrThrow();
}

/** Writes a case-level obligation once per (case, kind, seq) and returns the stored one. */
export async function ensureCaseObligation(db: Db, o: NewCaseObligation) {
  await db
    .insertInto('obligations')
    .values(newObligationRow(o))
    .onConflict((oc) => oc.columns(['case_id', 'kind', 'seq']).where('kind', '<>', 'VISIT').doNothing())
    .execute();
  return db
    .selectFrom('obligations')
    .select(WINDOW_COLUMNS)
    .where('case_id', '=', o.caseId)
    .where('kind', '=', o.kind)
    .where('seq', '=', o.seq)
    .executeTakeFirstOrThrow();
}

/** Fulfilled at `at` by `actorId` (a move of the case: leaving the stage, the evaluation transition; or a report): late when past due.
 * Its status changed at the move's instant too, however late the worker writes it (a worker that was
 * down, or busy, does not move the closure). */
export async function fulfilByTransition(db: Db, f: { obligationId: string; at: Date; actorId: string | null }) {
  await db
    .updateTable('obligations')
    .set((eb) => ({
      status: 'FULFILLED',
      status_changed_at: f.at,
      fulfilled_at: f.at,
      fulfilled_by: f.actorId,
      late: eb.cast<boolean>(eb('due_at', '<', f.at), 'boolean'),
    }))
    .where('id', '=', f.obligationId)
    .where('status', 'in', OPEN)
    .execute();
}

/** The case reached an end stage: its open obligations of these kinds are CANCELLED. */
export async function cancelCaseObligations(db: Db, caseId: string, kinds: string[]) {
  await db
    .updateTable('obligations')
    .set({ status: 'CANCELLED', status_changed_at: new Date() })
    .where('case_id', '=', caseId)
    .where('kind', 'in', kinds)
    .where('status', 'in', OPEN)
    .execute();
}

/** After a hold: every instant still ahead when the hold began moves by the time held, so the
 * obligation resumes with the time it had left. Each (obligation, hold) is shifted once, so a
 * retried activity does not shift twice. */
export async function shiftWindows(db: Db, ids: string[], heldAt: Date, resumedAt: Date) {
  if (ids.length === 0) return;
  await inTransaction(db, async (trx) => {
    const fresh = await trx
      .insertInto('obligation_window_shifts')
      .values(ids.map((id) => ({ obligation_id: id, held_at: heldAt, resumed_at: resumedAt })))
      .onConflict((oc) => oc.columns(['obligation_id', 'held_at']).doNothing())
      .returning('obligation_id')
      .execute();
    if (fresh.length === 0) return;
    const held = sql`(${resumedAt.toISOString()}::timestamptz - ${heldAt.toISOString()}::timestamptz)`;
    const shifted = (column: 'opens_at' | 'due_at' | 'overdue_at' | 'escalates_at') =>
      sql<Date>`case when ${sql.ref(column)} > ${heldAt.toISOString()}::timestamptz then ${sql.ref(column)} + ${held} else ${sql.ref(column)} end`;
    await trx
      .updateTable('obligations')
      .set({ opens_at: shifted('opens_at'), due_at: shifted('due_at'), overdue_at: shifted('overdue_at'), escalates_at: shifted('escalates_at') })
      .where('id', 'in', fresh.map((r) => r.obligation_id))
      .where('status', 'in', OPEN)
      .execute();
  });
}

/** Moves an open obligation forward only: a late or repeated timer never undoes a later status. */
export async function advanceStatus(db: Db, id: string, status: 'DUE' | 'OVERDUE' | 'ESCALATED') {
  const earlier = ORDER.slice(0, ORDER.indexOf(status));
  await db
    .updateTable('obligations')
    .set({ status, status_changed_at: new Date() })
    .where('id', '=', id)
    .where('status', 'in', earlier)
    .execute();
}

/** Fulfilled by a stored report: the status and its lateness (as for a move) and the report's link, once. */
export async function fulfilByReport(db: Db, f: { obligationId: string; reportId: string; at: Date; actorId: string | null }) {
  await inTransaction(db, async (trx) => {
    await fulfilByTransition(trx, f);
    await trx.updateTable('monitoring_reports').set({ obligation_id: f.obligationId }).where('id', '=', f.reportId).execute();
  });
}

export async function fulfilVisit(db: Db, f: { obligationId: string; visitId: string; visitedAt: Date }) {
  await inTransaction(db, async (trx) => {
    const visit = await trx.selectFrom('visits').select('visitor_id').where('id', '=', f.visitId).executeTakeFirst();
    await trx
      .updateTable('obligations')
      .set((eb) => ({
        status: 'FULFILLED',
        status_changed_at: new Date(),
        fulfilled_at: f.visitedAt,
        fulfilled_by: visit?.visitor_id ?? null,
        late: eb.cast<boolean>(eb('due_at', '<', f.visitedAt), 'boolean'),
      }))
      .where('id', '=', f.obligationId)
      .where('status', 'in', OPEN)
      .execute();
    await trx.updateTable('visits').set({ obligation_id: f.obligationId }).where('id', '=', f.visitId).execute();
  });
}

export async function cancelObligation(db: Db, id: string) {
  await db
    .updateTable('obligations')
    .set({ status: 'CANCELLED', status_changed_at: new Date() })
    .where('id', '=', id)
    .where('status', 'in', OPEN)
    .execute();
}

/** The officer's reason, stored before the workflow is asked (and cleared again if it refuses). */
export async function setWaiverReason(db: Db, id: string, reason: string | null, byUserId: string | null) {
  await db.updateTable('obligations').set({ waived_reason: reason, waived_by: byUserId }).where('id', '=', id).where('status', 'in', OPEN).execute();
}

export async function markWaived(db: Db, id: string) {
  await db
    .updateTable('obligations')
    .set({ status: 'WAIVED', status_changed_at: new Date() })
    .where('id', '=', id)
    .where('status', 'in', OPEN)
    .execute();
}

/** A case-level obligation waived with its reason in one statement. */
export async function waiveCaseObligation(db: Db, id: string, reason: string, byUserId: string) {
  await db
    .updateTable('obligations')
    .set({ status: 'WAIVED', status_changed_at: new Date(), waived_reason: reason, waived_by: byUserId })
    .where('id', '=', id)
    .where('status', 'in', OPEN)
    .execute();
}

export async function findObligation(db: Db, id: string) {
  return db.selectFrom('obligations').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Escalation: an inbox item and an outbox row for each recipient, once. */
export async function recordEscalation(db: Db, obligationId: string, recipientIds: string[]) {
  if (recipientIds.length === 0) return;
  await inTransaction(db, async (trx) => {
    await trx
      .insertInto('inbox_items')
      .values(recipientIds.map((userId) => ({ user_id: userId, obligation_id: obligationId, kind: 'ESCALATION' })))
      .onConflict((oc) => oc.columns(['user_id', 'obligation_id', 'kind']).doNothing())
      .execute();
    await trx
      .insertInto('outbox')
      .values(
        recipientIds.map((userId) => ({
          dedupe_key: `escalation:${obligationId}:${userId}`,
          recipient_id: userId,
          template: 'OBLIGATION_ESCALATED',
          payload: JSON.stringify({ obligationId }),
        })),
      )
      .onConflict((oc) => oc.column('dedupe_key').doNothing())
      .execute();
  });
}

export async function listObligations(db: Db, q: ObligationListQuery, reach: CaseReach) {
  let query = db
    .selectFrom('obligations')
    .innerJoin('cases', 'cases.id', 'obligations.case_id')
    .leftJoin('users', 'users.id', 'obligations.assignee_id')
    .where(caseInReach(reach));
  if (q.status) query = query.where('obligations.status', '=', q.status);
  if (q.kind) query = query.where('obligations.kind', '=', q.kind);
  if (q.assignee) query = query.where('obligations.assignee_id', '=', q.assignee);
  if (q.case) query = query.where('obligations.case_id', '=', q.case);
  if (q.program) query = query.where('cases.program_code', '=', q.program);
  if (q.kecamatan) query = query.where('cases.kecamatan_code', '=', q.kecamatan);
  if (q.dueFrom) query = query.where('obligations.due_at', '>=', new Date(q.dueFrom));
  if (q.dueTo) query = query.where('obligations.due_at', '<', new Date(q.dueTo));
  if (q.open) query = query.where('obligations.status', q.open === 'true' ? 'in' : 'not in', OPEN);
  const [items, count] = await Promise.all([
    query
      .select([
        'obligations.id',
        'obligations.kind',
        'obligations.case_id',
        'cases.name as case_name',
        'obligations.assignee_id',
        'users.name as assignee_name',
        'obligations.status',
        'obligations.opens_at',
        'obligations.due_at',
        'obligations.overdue_at',
        'obligations.escalates_at',
        'obligations.policy_version',
        'obligations.fulfilled_at',
        'obligations.late',
        'obligations.waived_reason',
        'obligations.period_label',
        'obligations.stage',
      ])
      // The evidence of the visit that fulfilled it (null: no visit did): what a manager checks.
      .select((eb) => [
        eb
          .selectFrom('visits')
          .select((v) => v('visits.latitude', 'is not', null).as('located'))
          .whereRef('visits.obligation_id', '=', 'obligations.id')
          .limit(1)
          .as('visit_located'),
        eb
          .selectFrom('visit_photos')
          .innerJoin('visits', 'visits.id', 'visit_photos.visit_id')
          .select((v) => v.fn.countAll<string>().as('photos'))
          .whereRef('visits.obligation_id', '=', 'obligations.id')
          .as('visit_photos'),
      ])
      .orderBy('obligations.due_at', q.sort === '-due' ? 'desc' : 'asc')
      .orderBy('obligations.id')
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize)
      .execute(),
    query.select((eb) => eb.fn.countAll<string>().as('total')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(count.total) };
}

/** A red report reaches the program's managers' inboxes (and the outbox), once. */
export async function recordRedReport(db: Db, reportId: string, recipientIds: string[]) {
  if (recipientIds.length === 0) return;
  await db
    .insertInto('inbox_items')
    .values(recipientIds.map((userId) => ({ user_id: userId, report_id: reportId, kind: 'RED_REPORT' })))
    .execute();
  await db
    .insertInto('outbox')
    .values(
      recipientIds.map((userId) => ({
        dedupe_key: `red-report:${reportId}:${userId}`,
        recipient_id: userId,
        template: 'MONITORING_REPORT_RED',
        payload: JSON.stringify({ reportId }),
      })),
    )
    .onConflict((oc) => oc.column('dedupe_key').doNothing())
    .execute();
}
