import type { LoginRequest, Me } from '@kampung/domain/auth';
import { ApiError, http } from '../../../lib/http';

/** The signed-in user, or null when there is no session. */
export async function fetchMe(): Promise<Me | null> {
  try {
    return await http<Me>('/api/me');
  } catch (error) {
    if (error instanceof ApiError && error.code === 'UNAUTHENTICATED') return null;
    throw error;
  }
}

export const login = (body: LoginRequest) => http<Me>('/api/auth/login', { method: 'POST', body });

export const logout = () => http<void>('/api/auth/logout', { method: 'POST' });

/** Chooses the password of an invited account, once, with the invitation link's token. */
export const acceptInvitation = (body: { token: string; password: string }) => http<void>('/api/invitations/accept', { method: 'POST', body });

/** Changes the signed-in user's password (422 names the wrong current one, or the new one's
 * problems); the user's other sessions end, this one stays. */
export const changePassword = (body: { currentPassword: string; newPassword: string }) =>
  http<void>('/api/auth/password', { method: 'POST', body });

/** Asks for a password-reset link by email; the answer (202) is the same whether or not the account exists. */
export const requestPasswordReset = (body: { email: string }) => http<void>('/api/auth/password-reset-request', { method: 'POST', body });

/** Ends every session of the user, on every device. */
export const logoutEverywhere = () => http<void>('/api/auth/logout-everywhere', { method: 'POST' });
