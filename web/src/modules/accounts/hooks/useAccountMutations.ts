import { useMutation, useQueryClient } from '@tanstack/react-query';
import { changeAccount, inviteUser, resendInvitation, type UserChange } from '../api/accounts.api';
import { accountKeys } from '../api/accounts.queries';
import { userKeys } from '../../obligations/api/obligations.queries';

/** Invites a colleague; the account list (and the people pickers) refresh. */
export function useInviteUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: inviteUser,
    onSuccess: () => Promise.all([queryClient.invalidateQueries({ queryKey: accountKeys.all }), queryClient.invalidateQueries({ queryKey: userKeys.all })]),
  });
}

/** Changes an account's name, role or scope, or (de)activates it. */
export function useChangeAccount() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, change }: { id: string; change: UserChange }) => changeAccount(id, change),
    onSuccess: () => Promise.all([queryClient.invalidateQueries({ queryKey: accountKeys.all }), queryClient.invalidateQueries({ queryKey: userKeys.all })]),
  });
}

export function useResendInvitation() {
  return useMutation({ mutationFn: resendInvitation });
}
