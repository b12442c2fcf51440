import { randomUUID } from 'node:crypto';
import { audited, invitationsRepository, sessionsRepository, usersRepository, type Db } from '@kampung/db';
import {
  passwordChangeSchema,
  passwordProblems,
  passwordResetRequestSchema,
  userChangeSchema,
  type UserAccount,
  type UserRole,
} from '@kampung/domain';
import { audit, type AuditSource } from '../audit/audit.service';
import { hashPassword, verifyPassword } from '../auth/passwords';
import type { SessionUser } from '../auth/sessions.service';
import { hashToken, newToken } from '../auth/tokens';
import { AppError } from '../errors';
import { isUuid, parseInput } from '../http/validate';
import { assertAdminCovers, INVITATION_TTL_MS, oneTimeLink } from './invitations.service';

/** How long a password-reset link works. */
export const PASSWORD_RESET_TTL_MS = 2 * 3_600_000;

type AccountRow = Awaited<ReturnType<typeof usersRepository.listAccounts>>[number];

function accountRowToAccount(r: AccountRow): UserAccount {
  return {
    id: r.id,
    email: r.email,
    name: r.name,
    role: r.role as UserRole,
    programCodes: r.program_codes,
    kecamatanCodes: r.kecamatan_codes,
    agencyCode: r.agency_code,
    supervisorId: r.supervisor_id,
    active: !r.deactivated_at,
    state: r.deactivated_at ? 'DEACTIVATED' : r.has_password ? 'ACTIVE' : 'INVITED',
    createdAt: r.created_at.toISOString(),
  };
}

/** The accounts an admin manages: all of them, or those limited to the admin's programs. */
export async function listAccounts(db: Db, admin: SessionUser): Promise<UserAccount[]> {
  const rows = await usersRepository.listAccounts(db);
  const mine = admin.programCodes.length
    ? rows.filter((r) => r.program_codes.length && r.program_codes.every((p) => admin.programCodes.includes(p)))
    : rows;
  return mine.map(accountRowToAccount);
}

async function findManaged(db: Db, admin: SessionUser, id: string) {
  const row = isUuid(id) ? await usersRepository.findAccount(db, id) : undefined;
  if (!row) throw new AppError('NOT_FOUND', `No user ${id}`);
  assertAdminCovers(admin, row.program_codes);
  return row;
}

/** An admin changes a colleague's name, role or scope, or deactivates (or reactivates) the account.
 * The change and its audit entry (before and after) are one transaction; a deactivated account's
 * sessions end with it. Nobody deactivates or demotes themselves (the last admin could lock
 * everyone out). */
export async function changeAccount(db: Db, admin: SessionUser, id: string, input: unknown, source: AuditSource): Promise<UserAccount> {
  const change = parseInput(userChangeSchema, input);
  const row = await findManaged(db, admin, id);
  if (id === admin.id && (change.active === false || (change.role && change.role !== admin.role))) {
    throw new AppError('CONFLICT', 'You cannot deactivate your own account or change your own role; ask another admin');
  }
  if (change.programCodes) assertAdminCovers(admin, change.programCodes);
  const before = accountRowToAccount(row);
  const update: usersRepository.UserUpdate = {
    ...(change.name !== undefined ? { name: change.name } : {}),
    ...(change.role !== undefined ? { role: change.role } : {}),
    ...(change.programCodes !== undefined ? { program_codes: change.programCodes } : {}),
    ...(change.kecamatanCodes !== undefined ? { kecamatan_codes: change.kecamatanCodes } : {}),
    ...(change.agencyCode !== undefined ? { agency_code: change.agencyCode } : {}),
    ...(change.active !== undefined ? { deactivated_at: change.active ? null : (row.deactivated_at ?? new Date()) } : {}),
  };
  if (Object.keys(update).length === 0) return before;
  const action = change.active === false && before.active ? 'USER_DEACTIVATED' : change.active === true && !before.active ? 'USER_REACTIVATED' : 'USER_CHANGED';
  await audited(db, () => ({
    actorId: admin.id,
    action,
    subjectType: 'user',
    subjectId: id,
    before: pick(before, Object.keys(change)),
    after: change,
    ...source,
  }), async (trx) => {
    await usersRepository.updateUser(trx, id, update);
    if (change.active === false) await sessionsRepository.deleteUserSessions(trx, id);
  });
  return accountRowToAccount((await usersRepository.findAccount(db, id))!);
}

function pick(account: UserAccount, keys: string[]) {
  return Object.fromEntries(keys.map((k) => [k, (account as unknown as Record<string, unknown>)[k]]));
}

/** A new invitation link for an account that has not chosen a password yet; the old link stops
 * working. */
export async function resendInvitation(db: Db, admin: SessionUser, id: string, appUrl: string, source: AuditSource) {
  const row = await findManaged(db, admin, id);
  if (row.has_password) throw new AppError('CONFLICT', 'This account has chosen its password already; a password reset is what it needs');
  if (row.deactivated_at) throw new AppError('CONFLICT', 'This account is deactivated');
  const token = newToken();
  const invitationId = randomUUID();
  const expiresAt = new Date(Date.now() + INVITATION_TTL_MS);
  await invitationsRepository.issueLink(db, {
    userId: id, invitationId, tokenHash: hashToken(token), expiresAt, createdBy: admin.id,
    link: oneTimeLink(appUrl, token), purpose: 'INVITATION',
  }, { actorId: admin.id, action: 'INVITATION_RESENT', subjectType: 'user', subjectId: id, ...source });
  return { id, invitationExpiresAt: expiresAt.toISOString() };
}

/** Anyone may ask for a reset link by email. The answer is the same whether or not the account
 * exists (nothing tells who has one); an active account with a password gets the link by email. */
export async function requestPasswordReset(db: Db, input: unknown, appUrl: string, source: AuditSource): Promise<void> {
  const { email } = parseInput(passwordResetRequestSchema, input);
  const user = await usersRepository.findUserByEmail(db, email);
  if (!user || user.deactivated_at || !user.password_hash) {
    await audit(db, { actorId: null, action: 'PASSWORD_RESET_REQUESTED', subjectType: 'email', subjectId: email, after: { sent: false }, ...source });
    return;
  }
  const token = newToken();
  await invitationsRepository.issueLink(db, {
    userId: user.id, invitationId: randomUUID(), tokenHash: hashToken(token), expiresAt: new Date(Date.now() + PASSWORD_RESET_TTL_MS),
    createdBy: null, link: oneTimeLink(appUrl, token), purpose: 'PASSWORD_RESET',
  }, { actorId: null, action: 'PASSWORD_RESET_REQUESTED', subjectType: 'user', subjectId: user.id, after: { sent: true }, ...source });
}

/** A signed-in user changes their password: the current one first, the rules for the new one; every
 * other session ends (the caller keeps this one). */
export async function changePassword(db: Db, user: SessionUser, input: unknown, keepTokenHash: string, source: AuditSource): Promise<void> {
  const { currentPassword, newPassword } = parseInput(passwordChangeSchema, input);
  const row = await usersRepository.findUserById(db, user.id);
  // Every problem at once: a wrong current password and each rule the new one breaks.
  const problems = [
    ...(row?.password_hash && (await verifyPassword(row.password_hash, currentPassword)) ? [] : [{ path: 'currentPassword', message: 'wrong password' }]),
    ...passwordProblems(newPassword, row ?? user).map((message) => ({ path: 'newPassword', message })),
  ];
  if (problems.length) {
    const wrong = problems[0]!.path === 'currentPassword';
    throw new AppError('VALIDATION_FAILED', wrong ? 'The current password is wrong' : 'Choose another password', problems);
  }
  const hash = await hashPassword(newPassword);
  await audited(db, { actorId: user.id, action: 'PASSWORD_CHANGED', subjectType: 'user', subjectId: user.id, ...source }, async (trx) => {
    await usersRepository.setPasswordHash(trx, user.id, hash);
    await sessionsRepository.deleteOtherSessions(trx, user.id, keepTokenHash);
  });
}
