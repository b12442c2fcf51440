import { z } from './zod';
import { userRoleSchema } from './auth';

/** An admin invites a colleague: the account exists at once, without a password, and a one-time
 * link (by email, through the outbox) lets them choose one. */
export const userInviteSchema = z
  .object({
    email: z.string().trim().toLowerCase().email().max(200),
    name: z.string().trim().min(1).max(200),
    role: userRoleSchema,
    supervisorId: z.uuid().nullable().optional().describe('Whose escalations climb to whom'),
  })
  .strict()
  .openapi('UserInvite');
export type UserInvite = z.infer<typeof userInviteSchema>;

export const invitationAcceptSchema = z
  .object({ token: z.string().min(20).max(200), password: z.string().max(200) })
  .strict()
  .openapi('InvitationAccept');

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
