import { createHash, randomBytes } from 'node:crypto';
import { sessionsRepository, usersRepository, type Db } from '@kampung/db';
import { canWrite, type Me, type UserRole } from '@kampung/domain';
import { AppError } from '../errors';
import { hashPassword, verifyPassword } from './passwords';

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: UserRole;
}

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export function toMe(user: SessionUser): Me {
  return { id: user.id, email: user.email, name: user.name, role: user.role, canWrite: canWrite(user.role) };
}

/** Checks the password and opens a server-side session; only the token's hash is stored. */
export async function login(db: Db, email: string, password: string, ttlHours: number) {
  const user = await usersRepository.findUserByEmail(db, email);
  // Verify against a dummy hash too, so an unknown email takes as long as a wrong password.
  const ok = await verifyPassword(user?.password_hash ?? (await dummyHash), password);
  if (!user || !ok) throw new AppError('INVALID_CREDENTIALS', 'Email or password is wrong');
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(Date.now() + ttlHours * 3_600_000);
  await sessionsRepository.insertSession(db, { tokenHash: hashToken(token), userId: user.id, expiresAt });
  return { token, expiresAt, user: { id: user.id, email: user.email, name: user.name, role: user.role as UserRole } };
}

export async function userForToken(db: Db, token: string): Promise<SessionUser | undefined> {
  const row = await sessionsRepository.findSessionUser(db, hashToken(token));
  return row ? { ...row, role: row.role as UserRole } : undefined;
}

export async function logout(db: Db, token: string): Promise<void> {
  await sessionsRepository.deleteSession(db, hashToken(token));
}

const dummyHash = hashPassword('not-a-real-password');
