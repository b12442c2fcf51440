import type { LoginFailureState } from '@kampung/domain';
import type { Db } from './connection';
import { inTransaction } from './audited';

export async function insertSession(db: Db, s: { tokenHash: string; userId: string; expiresAt: Date }) {
  await db
    .insertInto('sessions')
    .values({ token_hash: s.tokenHash, user_id: s.userId, expires_at: s.expiresAt })
    .execute();
}

export async function findSessionUser(db: Db, tokenHash: string) {
  return db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select(['users.id', 'users.email', 'users.name', 'users.role', 'users.program_codes', 'users.kecamatan_codes', 'users.agency_code'])
    .where('sessions.token_hash', '=', tokenHash)
    .where('sessions.expires_at', '>', new Date())
    .where('users.deactivated_at', 'is', null)
    .executeTakeFirst();
}

export async function deleteSession(db: Db, tokenHash: string) {
  await db.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute();
}

/** Signs the user out everywhere: every session of theirs ends. */
export async function deleteUserSessions(db: Db, userId: string) {
  const { numDeletedRows } = await db.deleteFrom('sessions').where('user_id', '=', userId).executeTakeFirst();
  return Number(numDeletedRows);
}

export async function findLoginFailures(db: Db, email: string): Promise<LoginFailureState | undefined> {
  const row = await db.selectFrom('login_failures').selectAll().where('email', '=', email).executeTakeFirst();
  return row && { failures: row.failures, windowStartedAt: row.window_started_at, lockedUntil: row.locked_until };
}

/** Records one more failure, computed by `next` from the state read under a row lock (two failures
 * at once both count). Returns the new state. */
export async function recordLoginFailure(db: Db, email: string, next: (state: LoginFailureState | undefined) => LoginFailureState) {
  return inTransaction(db, async (trx) => {
    await trx.insertInto('login_failures').values({ email, failures: 0, window_started_at: new Date(0), locked_until: null }).onConflict((oc) => oc.column('email').doNothing()).execute();
    const row = await trx.selectFrom('login_failures').selectAll().where('email', '=', email).forUpdate().executeTakeFirstOrThrow();
    const state = next(row.failures === 0 ? undefined : { failures: row.failures, windowStartedAt: row.window_started_at, lockedUntil: row.locked_until });
    await trx
      .updateTable('login_failures')
      .set({ failures: state.failures, window_started_at: state.windowStartedAt, locked_until: state.lockedUntil })
      .where('email', '=', email)
      .execute();
    return state;
  });
}

export async function clearLoginFailures(db: Db, email: string) {
  await db.deleteFrom('login_failures').where('email', '=', email).execute();
}

/** Ends every session of the user but one (the one that changed the password). */
export async function deleteOtherSessions(db: Db, userId: string, keepTokenHash: string) {
  await db.deleteFrom('sessions').where('user_id', '=', userId).where('token_hash', '!=', keepTokenHash).execute();
}
