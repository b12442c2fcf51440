import type { UserAccount, UserChange, UserInvite } from '@kampung/domain/accounts';
import { http } from '../../../lib/http';

export type { UserAccount, UserChange, UserInvite };

/** What an invitation answers: the account, and until when its link (sent by email) works. */
export interface Invitation {
  id: string;
  email: string;
  name: string;
  role: UserAccount['role'];
  invitationExpiresAt: string;
}

const userPath = (id: string) => `/api/users/${encodeURIComponent(id)}`;

/** Every account the admin manages (a program-limited admin: those limited to their programs). */
export const fetchAccounts = () => http<UserAccount[]>('/api/accounts');

/** 409 (with an error on `email`) when the email has an account already. */
export const inviteUser = (invite: UserInvite) => http<Invitation>('/api/users', { method: 'POST', body: invite });

/** Name, role, scope, or (de)activation; 409 for the admin's own role or deactivation. */
export const changeAccount = (id: string, change: UserChange) => http<UserAccount>(userPath(id), { method: 'PATCH', body: change });

/** A new invitation link by email; the old one stops working. 409 once the user has a password. */
export const resendInvitation = (id: string) =>
  http<{ id: string; invitationExpiresAt: string }>(`${userPath(id)}/invitation`, { method: 'POST' });
