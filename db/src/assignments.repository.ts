import { CASE_OBLIGATION_ROLES, type CaseObligationKind } from '@kampung/domain';
import type { Db } from './connection';
import { inTransaction } from './audited';

export async function insertAssignment(
  db: Db,
  a: { id: string; caseId: string; userId: string; role: string; lead: boolean; kecamatanCode: string; createdBy: string; startedAt?: Date },
) {
  await db
    .insertInto('assignments')
    .values({
      id: a.id,
      case_id: a.caseId,
      user_id: a.userId,
      role: a.role,
      is_lead: a.lead,
      kecamatan_code: a.kecamatanCode,
      created_by: a.createdBy,
      ...(a.startedAt ? { started_at: a.startedAt } : {}),
    })
    .execute();
}

export async function deleteAssignment(db: Db, id: string) {
  await db.deleteFrom('assignments').where('id', '=', id).execute();
}

function withUser(db: Db) {
  return db
    .selectFrom('assignments')
    .innerJoin('users', 'users.id', 'assignments.user_id')
    .innerJoin('cases', 'cases.id', 'assignments.case_id')
    .select([
      'assignments.id',
      'assignments.case_id',
      'assignments.user_id',
      'users.name as user_name',
      'assignments.role',
      'assignments.is_lead',
      'assignments.started_at',
      'assignments.ended_at',
      'assignments.end_reason',
      'cases.program_code',
    ]);
}

export async function findAssignment(db: Db, id: string) {
  return withUser(db).where('assignments.id', '=', id).executeTakeFirst();
}

export async function listCaseAssignments(db: Db, caseId: string) {
  return withUser(db).where('assignments.case_id', '=', caseId).orderBy('assignments.started_at').execute();
}

/** The people serving a kecamatan in a role, across its kampung (active assignments only). */
export async function activeUsersInKecamatan(db: Db, kecamatanCode: string, role: string): Promise<string[]> {
  const rows = await db
    .selectFrom('assignments')
    .select('user_id')
    .distinct()
    .where('kecamatan_code', '=', kecamatanCode)
    .where('role', '=', role)
    .where('ended_at', 'is', null)
    .execute();
  return rows.map((r) => r.user_id);
}

/** The person a case-level obligation falls to: the lead of the first role in `roles` that the case
 * has an active assignment in (a backup when there is no lead), or none. */
export async function responsibleAssignment(db: Db, caseId: string, roles: string[]) {
  const rows = await db
    .selectFrom('assignments')
    .select(['id', 'user_id', 'role', 'is_lead'])
    .where('case_id', '=', caseId)
    .where('role', 'in', roles)
    .where('ended_at', 'is', null)
    .orderBy('is_lead', 'desc')
    .orderBy('started_at')
    .execute();
  for (const role of roles) {
    const row = rows.find((r) => r.role === role);
    if (row) return row;
  }
  return undefined;
}

export async function activeAssignmentIds(db: Db, caseId: string): Promise<string[]> {
  const rows = await db.selectFrom('assignments').select('id').where('case_id', '=', caseId).where('ended_at', 'is', null).execute();
  return rows.map((r) => r.id);
}

/** Reassignment in one transaction: the handover row, the position's new holder, and the position's
 * open obligations moved to them. Answers how many obligations moved. */
export async function handOver(
  db: Db,
  h: { id: string; assignmentId: string; fromUserId: string; toUserId: string; reason: string; byUserId: string },
): Promise<number> {
  return inTransaction(db, async (trx) => {
    // The assignment's row first, then its obligations: the order every write to both takes, so two
    // at once wait for each other instead of deadlocking.
    await trx
      .updateTable('assignments')
      .set({ user_id: h.toUserId })
      .where('id', '=', h.assignmentId)
      .where('user_id', '=', h.fromUserId)
      .executeTakeFirstOrThrow();
    const moved = await trx
      .updateTable('obligations')
      .set({ assignee_id: h.toUserId })
      .where('assignment_id', '=', h.assignmentId)
      .where('status', 'in', ['UPCOMING', 'DUE', 'OVERDUE', 'ESCALATED'])
      .executeTakeFirst();
    const count = Number(moved.numUpdatedRows);
    await trx
      .insertInto('assignment_handovers')
      .values({
        id: h.id,
        assignment_id: h.assignmentId,
        from_user_id: h.fromUserId,
        to_user_id: h.toUserId,
        reason: h.reason,
        moved_obligations: count,
        by_user_id: h.byUserId,
      })
      .execute();
    return count;
  });
}

export async function listHandovers(db: Db, assignmentIds: string[]) {
  if (assignmentIds.length === 0) return [];
  return db
    .selectFrom('assignment_handovers as h')
    .innerJoin('users as f', 'f.id', 'h.from_user_id')
    .innerJoin('users as t', 't.id', 'h.to_user_id')
    .leftJoin('users as b', 'b.id', 'h.by_user_id')
    .select([
      'h.id',
      'h.assignment_id',
      'h.from_user_id',
      'f.name as from_name',
      'h.to_user_id',
      't.name as to_name',
      'h.reason',
      'h.moved_obligations',
      'h.by_user_id',
      'b.name as by_name',
      'h.at',
    ])
    .where('h.assignment_id', 'in', assignmentIds)
    .orderBy('h.at')
    .execute();
}

/** Case-level obligations nobody held yet go to the first person assigned in a responsible role. */
/** The end of an assignment, in one transaction: when, why and by whom; its open case-level
 * obligations (reports, evaluations) go to the case's next responsible person in a role that may
 * hold them, or wait unassigned for the next assignment. Statuses are not touched: the visit
 * cadence cancels its own open obligation. Answers false when it had ended already. */
export async function endAssignment(
  db: Db,
  e: { id: string; caseId: string; reason: string; byUserId: string; at: Date },
): Promise<{ ended: boolean; movedObligations: number }> {
  return inTransaction(db, async (trx) => {
    const ended = await trx
      .updateTable('assignments')
      .set({ ended_at: e.at, end_reason: e.reason, ended_by: e.byUserId })
      .where('id', '=', e.id)
      .where('ended_at', 'is', null)
      .returning('id')
      .executeTakeFirst();
    if (!ended) return { ended: false, movedObligations: 0 };
    const open = await trx
      .selectFrom('obligations')
      .select(['id', 'kind'])
      .where('assignment_id', '=', e.id)
      .where('kind', '<>', 'VISIT')
      .where('status', 'in', ['UPCOMING', 'DUE', 'OVERDUE', 'ESCALATED'])
      .execute();
    for (const o of open) {
      const successor = await responsibleAssignment(trx, e.caseId, [...CASE_OBLIGATION_ROLES[o.kind as CaseObligationKind]]);
      await trx
        .updateTable('obligations')
        .set({ assignment_id: successor?.id ?? null, assignee_id: successor?.user_id ?? null })
        .where('id', '=', o.id)
        .execute();
    }
    return { ended: true, movedObligations: open.length };
  });
}

export async function claimUnassignedObligations(db: Db, caseId: string, assignmentId: string, userId: string, kinds: string[]) {
  if (kinds.length === 0) return;
  await db
    .updateTable('obligations')
    .set({ assignment_id: assignmentId, assignee_id: userId })
    .where('case_id', '=', caseId)
    .where('assignee_id', 'is', null)
    .where('kind', 'in', kinds)
    .where('status', 'in', ['UPCOMING', 'DUE', 'OVERDUE', 'ESCALATED'])
    .execute();
}
