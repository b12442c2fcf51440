import { sessionsRepository, usersRepository, type Db } from '@kampung/db';
import { afterFailure, lockedUntil, permissionsOf, type LoginLockoutPolicy, type Me, type UserRole } from '@kampung/domain';
import { AppError } from '../errors';
import { audit, type AuditSource } from '../audit/audit.service';
import { hashPassword, verifyPassword } from './passwords';
import { hashToken, newToken } from './tokens';

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: UserRole;
  /** Empty: every program / kecamatan. */
  programCodes: string[];
  kecamatanCodes: string[];
  agencyCode: string | null;
}

export function toMe(user: SessionUser): Me {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    scope: { programCodes: user.programCodes, kecamatanCodes: user.kecamatanCodes, agencyCode: user.agencyCode },
    permissions: permissionsOf(user.role),
  };
}

/** Refused while the email is locked; its Retry-After in seconds. */
export class LoginLockedError extends AppError {
  constructor(readonly retryAfterSeconds: number) {
    super('TOO_MANY_ATTEMPTS', 'Too many failed sign-ins to this account; it is locked for a while. Try again later.');
  }
}

/** Checks the password and opens a server-side session; only the token's hash is stored. Repeated
 * failures to one email (known or not) lock it for a while: then even the right password is refused
 * (429 with Retry-After), so guessing cannot go on. A success clears the count. Every attempt is
 * audited: who tried (the email typed, never the password), from where, and how it ended. */
export async function login(
  db: Db,
  email: string,
  password: string,
  { ttlHours, lockout, source, now = new Date() }: { ttlHours: number; lockout: LoginLockoutPolicy; source: AuditSource; now?: Date },
) {
  const attempt = { actorId: null, subjectType: 'email', subjectId: email, ...source };
  const locked = lockedUntil(await sessionsRepository.findLoginFailures(db, email), now);
  if (locked) {
    await audit(db, { ...attempt, action: 'LOGIN_REFUSED_LOCKED' });
    throw new LoginLockedError(Math.ceil((locked.getTime() - now.getTime()) / 1000));
  }
  const user = await usersRepository.findUserByEmail(db, email);
  // Verify against a dummy hash too, so an unknown email takes as long as a wrong password.
  const ok = await verifyPassword(user?.password_hash ?? (await dummyHash), password);
  // A deactivated account is answered like a wrong password.
  if (!user || !ok || user.deactivated_at) {
    await sessionsRepository.recordLoginFailure(db, email, (state) => afterFailure(state, now, lockout));
    await audit(db, { ...attempt, action: 'LOGIN_FAILED' });
    throw new AppError('INVALID_CREDENTIALS', 'Email or password is wrong');
  }
  await sessionsRepository.clearLoginFailures(db, email);
  await audit(db, { actorId: user.id, action: 'LOGIN', subjectType: 'user', subjectId: user.id, ...source });
  const token = newToken();
  const expiresAt = new Date(Date.now() + ttlHours * 3_600_000);
  await sessionsRepository.insertSession(db, { tokenHash: hashToken(token), userId: user.id, expiresAt });
  return { token, expiresAt, user: sessionUser(user) };
}

export async function userForToken(db: Db, token: string): Promise<SessionUser | undefined> {
  const row = await sessionsRepository.findSessionUser(db, hashToken(token));
  return row ? sessionUser(row) : undefined;
}

/** A users row as the use-cases see a signed-in user. */
export function sessionUser(row: {
  id: string; email: string; name: string; role: string; program_codes: string[]; kecamatan_codes: string[]; agency_code: string | null;
}): SessionUser {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role as UserRole,
    programCodes: row.program_codes,
    kecamatanCodes: row.kecamatan_codes,
    agencyCode: row.agency_code,
  };
}

export async function logout(db: Db, token: string): Promise<void> {
  await sessionsRepository.deleteSession(db, hashToken(token));
}

/** Ends every session of the user, on every device. */
export async function logoutEverywhere(db: Db, userId: string): Promise<number> {
  return sessionsRepository.deleteUserSessions(db, userId);
}

const dummyHash = hashPassword('not-a-real-password');
