import { randomUUID } from 'node:crypto';
import { invitationsRepository, type Db } from '@kampung/db';
import { invitationAcceptSchema, passwordProblems, userInviteSchema } from '@kampung/domain';
import type { AuditSource } from '../audit/audit.service';
import type { SessionUser } from '../auth/sessions.service';
import { hashPassword } from '../auth/passwords';
import { hashToken, newToken } from '../auth/tokens';
import { AppError } from '../errors';
import { parseInput } from '../http/validate';

/** A program admin limited to some programs manages only accounts limited to those programs. */
export function assertAdminCovers(admin: SessionUser, programCodes: string[]) {
  if (!admin.programCodes.length) return;
  if (!programCodes.length || programCodes.some((p) => !admin.programCodes.includes(p))) {
    throw new AppError('FORBIDDEN', `You administer ${admin.programCodes.join(', ')} only; the account must be limited to those programs`);
  }
}

/** The page a one-time link opens (invitation or password reset); the token travels in the
 * fragment, so it never reaches a server log. */
export function oneTimeLink(appUrl: string, token: string): string {
  return `${appUrl.replace(/\/+$/, '')}/invitation#${token}`;
}

/** How long an invitation link works. */
export const INVITATION_TTL_MS = 72 * 3_600_000;


/** An admin invites a colleague: the account (without a password), the invitation (its token only
 * as a hash) and the email with the one-time link in the outbox, all or nothing. */
export async function inviteUser(db: Db, input: unknown, admin: SessionUser, appUrl: string, source: AuditSource = {}, now = new Date()) {
  const adminId = admin.id;
  const invite = parseInput(userInviteSchema, input);
  assertAdminCovers(admin, invite.programCodes);
  const token = newToken();
  const userId = randomUUID();
  const expiresAt = new Date(now.getTime() + INVITATION_TTL_MS);
  const result = await invitationsRepository.createInvitedUser(db, {
    userId,
    email: invite.email,
    name: invite.name,
    role: invite.role,
    supervisorId: invite.supervisorId ?? null,
    programCodes: invite.programCodes,
    kecamatanCodes: invite.kecamatanCodes,
    agencyCode: invite.agencyCode,
    invitationId: randomUUID(),
    tokenHash: hashToken(token),
    expiresAt,
    createdBy: adminId,
    link: oneTimeLink(appUrl, token),
  }, {
    actorId: adminId,
    action: 'USER_INVITED',
    subjectType: 'user',
    subjectId: userId,
    after: {
      email: invite.email, name: invite.name, role: invite.role, supervisorId: invite.supervisorId ?? null,
      programCodes: invite.programCodes, kecamatanCodes: invite.kecamatanCodes, agencyCode: invite.agencyCode,
    },
    ...source,
  });
  if (result === 'EMAIL_TAKEN') {
    throw new AppError('CONFLICT', `${invite.email} has an account already`, [{ path: 'email', message: 'has an account already' }]);
  }
  return { id: userId, email: invite.email, name: invite.name, role: invite.role, invitationExpiresAt: expiresAt.toISOString() };
}

/** The colleague chooses a password with the link's token: once, before it expires, and only a
 * password that passes the rules (422 naming each problem; the invitation stays usable). */
export async function acceptInvitation(db: Db, input: unknown, source: AuditSource = {}, now = new Date()) {
  const { token, password } = parseInput(invitationAcceptSchema, input);
  const result = await invitationsRepository.acceptInvitation(db, hashToken(token), now, async (user) => {
    const problems = passwordProblems(password, user);
    if (problems.length > 0) {
      throw new AppError('VALIDATION_FAILED', 'Choose another password', problems.map((message) => ({ path: 'password', message })));
    }
    return hashPassword(password);
  }, (userId, purpose) => ({
    actorId: userId,
    action: purpose === 'PASSWORD_RESET' ? 'PASSWORD_RESET' : 'INVITATION_ACCEPTED',
    subjectType: 'user',
    subjectId: userId,
    ...source,
  }));
  if (result === 'INVALID') throw new AppError('NOT_FOUND', 'This invitation link is not valid: it was used, it expired, or it is wrong. Ask your admin for a new one.');
}
