import { z } from './zod';
import { agencyCodeSchema, kecamatanCodesSchema, programCodesSchema, userRoleSchema, userScopeSchema } from './user-scope';

/** An admin invites a colleague: the account exists at once, without a password, and a one-time
 * link (by email, through the outbox) lets them choose one. */
export const userInviteSchema = z
  .object({
    email: z.string().trim().toLowerCase().email().max(200),
    name: z.string().trim().min(1).max(200),
    role: userRoleSchema,
    supervisorId: z.uuid().nullable().optional().describe('Whose escalations climb to whom'),
  })
  .extend(userScopeSchema.shape)
  .strict()
  .openapi('UserInvite');
export type UserInvite = z.infer<typeof userInviteSchema>;

export const invitationAcceptSchema = z
  .object({ token: z.string().min(20).max(200), password: z.string().max(200) })
  .strict()
  .openapi('InvitationAccept');

/** An admin changes a colleague's role, scope or name, or (de)activates the account. */
export const userChangeSchema = z
  .object({
    name: z.string().trim().min(1).max(200),
    role: userRoleSchema,
    // No defaults here: what a change leaves out stays as it is.
    programCodes: programCodesSchema,
    kecamatanCodes: kecamatanCodesSchema,
    agencyCode: agencyCodeSchema,
    active: z.boolean(),
  })
  .partial()
  .strict()
  .openapi('UserChange');
export type UserChange = z.infer<typeof userChangeSchema>;

/** An account as admins see it. */
export const userAccountSchema = z
  .object({
    id: z.uuid(),
    email: z.string(),
    name: z.string(),
    role: userRoleSchema,
    programCodes: z.array(z.string()),
    kecamatanCodes: z.array(z.string()),
    agencyCode: z.string().nullable(),
    supervisorId: z.uuid().nullable(),
    active: z.boolean(),
    /** INVITED: no password chosen yet. */
    state: z.enum(['ACTIVE', 'INVITED', 'DEACTIVATED']),
    createdAt: z.iso.datetime(),
  })
  .openapi('UserAccount');
export type UserAccount = z.infer<typeof userAccountSchema>;

export const passwordChangeSchema = z
  .object({ currentPassword: z.string().min(1).max(200), newPassword: z.string().max(200) })
  .strict()
  .openapi('PasswordChange');

export const passwordResetRequestSchema = z
  .object({ email: z.string().trim().toLowerCase().email().max(200) })
  .strict()
  .openapi('PasswordResetRequest');

export const MIN_PASSWORD_LENGTH = 12;

/** Passwords guessed first: common ones, and the words of this product's world. */
const COMMON = [
  'password', 'passw0rd', 'katasandi', 'rahasia', 'qwerty', 'abc123', 'iloveyou', 'admin', 'welcome', 'letmein',
  'kampung', 'semarang', 'tangerang', 'dinsos', 'indonesia', 'bismillah', 'sayang',
];

/** What is wrong with a chosen password (empty: it will do). Length over composition rules (NIST
 * SP 800-63B): at least 12 characters, not the person's email or name, not a common password or a
 * run of one character or of digits. */
export function passwordProblems(password: string, who: { email: string; name: string }): string[] {
  const problems: string[] = [];
  const lower = password.toLowerCase();
  if ([...password].length < MIN_PASSWORD_LENGTH) problems.push(`at least ${MIN_PASSWORD_LENGTH} characters`);
  const local = who.email.toLowerCase().split('@')[0] ?? '';
  const names = who.name.toLowerCase().split(/[^a-z0-9]+/).filter((w) => w.length >= 4);
  if ((local.length >= 4 && lower.includes(local)) || names.some((n) => lower.includes(n))) problems.push('must not contain your email or name');
  const stripped = lower.replace(/[^a-z0-9]/g, '').replace(/\d+$/, '');
  if (COMMON.some((c) => stripped === c || stripped.startsWith(c) && stripped.length - c.length <= 4) || /^(.)\1+$/.test(password) || /^\d+$/.test(password)) {
    problems.push('too easy to guess');
  }
  return problems;
}
