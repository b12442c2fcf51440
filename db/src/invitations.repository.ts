import { appendAudit, type AuditEntry } from './audit.repository';
import type { Db } from './connection';
import { inTransaction } from './audited';

export interface NewInvitation {
  userId: string;
  email: string;
  name: string;
  role: string;
  supervisorId: string | null;
  programCodes: string[];
  kecamatanCodes: string[];
  agencyCode: string | null;
  invitationId: string;
  tokenHash: string;
  expiresAt: Date;
  createdBy: string;
  link: string;
}

/** The account (without a password), its invitation and the email in the outbox, in one
 * transaction; 'EMAIL_TAKEN' when the email has an account already (nothing is written). */
export async function createInvitedUser(db: Db, n: NewInvitation, audit: AuditEntry): Promise<'CREATED' | 'EMAIL_TAKEN'> {
  return inTransaction(db, async (trx) => {
    const user = await trx
      .insertInto('users')
      .values({
        id: n.userId, email: n.email, name: n.name, role: n.role, password_hash: null, supervisor_id: n.supervisorId,
        program_codes: n.programCodes, kecamatan_codes: n.kecamatanCodes, agency_code: n.agencyCode,
      })
      .onConflict((oc) => oc.column('email').doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!user) return 'EMAIL_TAKEN';
    await insertLink(trx, { ...n, purpose: 'INVITATION' });
    await appendAudit(trx, audit);
    return 'CREATED';
  });
}

export interface NewLink {
  userId: string;
  invitationId: string;
  tokenHash: string;
  expiresAt: Date;
  createdBy: string | null;
  link: string;
  purpose: 'INVITATION' | 'PASSWORD_RESET';
}

/** The link (only its token's hash) and the email carrying it, in the outbox. */
async function insertLink(trx: Db, n: NewLink) {
  await trx
    .insertInto('invitations')
    .values({ id: n.invitationId, user_id: n.userId, token_hash: n.tokenHash, expires_at: n.expiresAt, created_by: n.createdBy, purpose: n.purpose })
    .execute();
  await trx
    .insertInto('outbox')
    .values({
      dedupe_key: `invitation:${n.invitationId}`,
      recipient_id: n.userId,
      template: n.purpose === 'INVITATION' ? 'USER_INVITED' : 'PASSWORD_RESET',
      payload: JSON.stringify({ invitationId: n.invitationId, link: n.link, expiresAt: n.expiresAt.toISOString() }),
    })
    .execute();
}

/** A new one-time link for an existing account (a resent invitation or a password reset): earlier
 * unused links of the user stop working, and the email goes to the outbox, with the audit entry. */
export async function issueLink(db: Db, n: NewLink, audit: AuditEntry): Promise<void> {
  await inTransaction(db, async (trx) => {
    await trx.updateTable('invitations').set({ used_at: new Date() }).where('user_id', '=', n.userId).where('used_at', 'is', null).execute();
    await insertLink(trx, n);
    await appendAudit(trx, audit);
  });
}

/** Uses the link once: under a row lock, an unused, unexpired link gets the password `choose`
 * returns (or nothing happens when `choose` throws). A password reset also ends every session. */
export async function acceptInvitation(
  db: Db,
  tokenHash: string,
  now: Date,
  choose: (user: { id: string; email: string; name: string }) => Promise<string>,
  audit: (userId: string, purpose: string) => AuditEntry,
): Promise<'ACCEPTED' | 'INVALID'> {
  return inTransaction(db, async (trx) => {
    const row = await trx
      .selectFrom('invitations')
      .innerJoin('users', 'users.id', 'invitations.user_id')
      .select(['invitations.id', 'invitations.purpose', 'users.id as user_id', 'users.email', 'users.name'])
      .where('invitations.token_hash', '=', tokenHash)
      .where('invitations.used_at', 'is', null)
      .where('invitations.expires_at', '>', now)
      .where('users.deactivated_at', 'is', null)
      .forUpdate()
      .executeTakeFirst();
    if (!row) return 'INVALID';
    const passwordHash = await choose({ id: row.user_id, email: row.email, name: row.name });
    await trx.updateTable('users').set({ password_hash: passwordHash }).where('id', '=', row.user_id).execute();
    await trx.updateTable('invitations').set({ used_at: now }).where('id', '=', row.id).execute();
    if (row.purpose === 'PASSWORD_RESET') await trx.deleteFrom('sessions').where('user_id', '=', row.user_id).execute();
    await appendAudit(trx, audit(row.user_id, row.purpose));
    return 'ACCEPTED';
  });
}
