import { sql } from 'kysely';
import type { Db } from './connection';

export async function findUserByEmail(db: Db, email: string) {
  return db.selectFrom('users').selectAll().where('email', '=', email.toLowerCase()).executeTakeFirst();
}

export async function findUserById(db: Db, id: string) {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function upsertUser(
  db: Db,
  u: { email: string; name: string; role: string; passwordHash: string; programCodes?: string[]; kecamatanCodes?: string[]; agencyCode?: string | null },
): Promise<string> {
  const scope = { program_codes: u.programCodes ?? [], kecamatan_codes: u.kecamatanCodes ?? [], agency_code: u.agencyCode ?? null };
  const row = await db
    .insertInto('users')
    .values({ email: u.email.toLowerCase(), name: u.name, role: u.role, password_hash: u.passwordHash, ...scope })
    .onConflict((oc) =>
      oc.column('email').doUpdateSet({ name: u.name, role: u.role, password_hash: u.passwordHash, ...scope, deactivated_at: null }),
    )
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The program's admins and managers who reach this case (their programs and kecamatan include it):
 * they hear of its escalations and red reports. */
export async function managersOfCase(db: Db, caseId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('users')
    .innerJoin('cases', (join) => join.on('cases.id', '=', caseId))
    .select('users.id')
    .where('users.role', 'in', ['ADMIN', 'MANAGER'])
    .where('users.deactivated_at', 'is', null)
    .where(sql<boolean>`(users.program_codes = '{}' or cases.program_code = any(users.program_codes))`)
    .where(sql<boolean>`(users.kecamatan_codes = '{}' or cases.kecamatan_code = any(users.kecamatan_codes))`)
    .execute();
  return rows.map((r) => r.id);
}

/** The people who can be picked (assignment, supervisor): active accounts only. */
export async function listUsers(db: Db) {
  return db
    .selectFrom('users')
    .select(['id', 'name', 'role', 'supervisor_id'])
    .where('deactivated_at', 'is', null)
    .orderBy('name')
    .execute();
}

const accounts = (db: Db) =>
  db
    .selectFrom('users')
    .select([
      'id', 'email', 'name', 'role', 'program_codes', 'kecamatan_codes', 'agency_code', 'supervisor_id',
      'deactivated_at', 'created_at', (eb) => eb('password_hash', 'is not', null).as('has_password'),
    ]);

/** Every account, for the admins' page. */
export async function listAccounts(db: Db) {
  return accounts(db).orderBy('name').orderBy('id').execute();
}

/** One account, as the admins' page shows it. */
export async function findAccount(db: Db, id: string) {
  return accounts(db).where('id', '=', id).executeTakeFirst();
}

export interface UserUpdate {
  name?: string;
  role?: string;
  program_codes?: string[];
  kecamatan_codes?: string[];
  agency_code?: string | null;
  deactivated_at?: Date | null;
}

export async function updateUser(db: Db, id: string, change: UserUpdate) {
  await db.updateTable('users').set(change).where('id', '=', id).execute();
}

export async function setPasswordHash(db: Db, id: string, passwordHash: string) {
  await db.updateTable('users').set({ password_hash: passwordHash }).where('id', '=', id).execute();
}

export async function setSupervisor(db: Db, userId: string, supervisorId: string | null) {
  await db.updateTable('users').set({ supervisor_id: supervisorId }).where('id', '=', userId).execute();
}

/** Who hears of an escalation: the assignee's supervisor, and the admins and managers of the case. */
export async function escalationRecipients(db: Db, assigneeId: string | null, caseId: string): Promise<string[]> {
  const managers = await managersOfCase(db, caseId);
  if (!assigneeId) return managers;
  const assignee = await db.selectFrom('users').select('supervisor_id').where('id', '=', assigneeId).executeTakeFirst();
  return [...new Set([...(assignee?.supervisor_id ? [assignee.supervisor_id] : []), ...managers])];
}
