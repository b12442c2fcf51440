import type { Db } from './connection';

export async function insertAssignment(
  db: Db,
  a: { id: string; caseId: string; userId: string; role: string; lead: boolean; kecamatanCode: string; createdBy: string },
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
