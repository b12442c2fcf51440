import { randomUUID } from 'node:crypto';
import type { ObligationListQuery } from '@kampung/domain';
import type { Db } from './connection';

const OPEN = ['UPCOMING', 'DUE', 'OVERDUE', 'ESCALATED'];
const ORDER = ['UPCOMING', 'DUE', 'OVERDUE', 'ESCALATED'];

export interface NewVisitObligation {
  caseId: string;
  assignmentId: string;
  assigneeId: string;
  seq: number;
  opensAt: Date;
  dueAt: Date;
  overdueAt: Date;
  escalatesAt: Date;
  policyVersion: number;
}

/** Writes the obligation once per (assignment, kind, seq) and returns the stored one, so a retried
 * activity gets the same id and instants as the first attempt. */
export async function ensureVisitObligation(db: Db, o: NewVisitObligation) {
  await db
    .insertInto('obligations')
    .values({
      id: randomUUID(),
      kind: 'VISIT',
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
    })
    .onConflict((oc) => oc.columns(['assignment_id', 'kind', 'seq']).doNothing())
    .execute();
  return db
    .selectFrom('obligations')
    .select(['id', 'opens_at', 'due_at', 'overdue_at', 'escalates_at'])
    .where('assignment_id', '=', o.assignmentId)
    .where('kind', '=', 'VISIT')
    .where('seq', '=', o.seq)
    .executeTakeFirstOrThrow();
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

export async function fulfilVisit(db: Db, f: { obligationId: string; visitId: string; visitedAt: Date }) {
  await db.transaction().execute(async (trx) => {
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
export async function setWaiverReason(db: Db, id: string, reason: string | null) {
  await db.updateTable('obligations').set({ waived_reason: reason }).where('id', '=', id).where('status', 'in', OPEN).execute();
}

export async function markWaived(db: Db, id: string) {
  await db
    .updateTable('obligations')
    .set({ status: 'WAIVED', status_changed_at: new Date() })
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
  await db.transaction().execute(async (trx) => {
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

export async function listObligations(db: Db, q: ObligationListQuery) {
  let query = db
    .selectFrom('obligations')
    .innerJoin('cases', 'cases.id', 'obligations.case_id')
    .leftJoin('users', 'users.id', 'obligations.assignee_id');
  if (q.status) query = query.where('obligations.status', '=', q.status);
  if (q.kind) query = query.where('obligations.kind', '=', q.kind);
  if (q.assignee) query = query.where('obligations.assignee_id', '=', q.assignee);
  if (q.case) query = query.where('obligations.case_id', '=', q.case);
  if (q.kecamatan) query = query.where('cases.kecamatan_code', '=', q.kecamatan);
  if (q.dueFrom) query = query.where('obligations.due_at', '>=', new Date(q.dueFrom));
  if (q.dueTo) query = query.where('obligations.due_at', '<', new Date(q.dueTo));
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
      ])
      .orderBy('obligations.due_at')
      .orderBy('obligations.id')
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize)
      .execute(),
    query.select((eb) => eb.fn.countAll<string>().as('total')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(count.total) };
}

export async function listInbox(db: Db, userId: string) {
  return db
    .selectFrom('inbox_items')
    .innerJoin('obligations', 'obligations.id', 'inbox_items.obligation_id')
    .innerJoin('cases', 'cases.id', 'obligations.case_id')
    .select(['inbox_items.id', 'inbox_items.kind', 'inbox_items.created_at', 'obligations.id as obligation_id', 'obligations.kind as obligation_kind', 'cases.id as case_id', 'cases.name as case_name'])
    .where('inbox_items.user_id', '=', userId)
    .orderBy('inbox_items.created_at', 'desc')
    .execute();
}
