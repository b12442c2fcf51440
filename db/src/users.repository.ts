import type { Db } from './connection';

export async function findUserByEmail(db: Db, email: string) {
  return db.selectFrom('users').selectAll().where('email', '=', email.toLowerCase()).executeTakeFirst();
}

export async function findUserById(db: Db, id: string) {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function upsertUser(
  db: Db,
  u: { email: string; name: string; role: string; passwordHash: string },
): Promise<string> {
  const row = await db
    .insertInto('users')
    .values({ email: u.email.toLowerCase(), name: u.name, role: u.role, password_hash: u.passwordHash })
    .onConflict((oc) =>
      oc.column('email').doUpdateSet({ name: u.name, role: u.role, password_hash: u.passwordHash }),
    )
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function listUserIdsByRole(db: Db, role: string): Promise<string[]> {
  const rows = await db.selectFrom('users').select('id').where('role', '=', role).execute();
  return rows.map((r) => r.id);
}

export async function listUsers(db: Db) {
  return db.selectFrom('users').select(['id', 'name', 'role', 'supervisor_id']).orderBy('name').execute();
}

export async function setSupervisor(db: Db, userId: string, supervisorId: string | null) {
  await db.updateTable('users').set({ supervisor_id: supervisorId }).where('id', '=', userId).execute();
}

/** Who hears of an escalation: the assignee's supervisor, and the program's managers (the admins,
 * until the role model names managers). */
export async function escalationRecipients(db: Db, assigneeId: string | null): Promise<string[]> {
  const managers = await listUserIdsByRole(db, 'ADMIN');
  if (!assigneeId) return managers;
  const assignee = await db.selectFrom('users').select('supervisor_id').where('id', '=', assigneeId).executeTakeFirst();
  return [...new Set([...(assignee?.supervisor_id ? [assignee.supervisor_id] : []), ...managers])];
}
