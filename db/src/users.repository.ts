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
  return db.selectFrom('users').select(['id', 'name', 'role']).orderBy('name').execute();
}
