import type { Me } from '@kampung/domain/auth';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { login, logout, logoutEverywhere } from '../api/auth.api';
import { authKeys, authQueries } from '../api/auth.queries';

/** The session: `data` is the user, or null when signed out. */
export const useSession = () => useQuery(authQueries.me());

/** The signed-in user; only for components rendered inside the signed-in shell. */
export function useMe(): Me {
  const { data } = useSession();
  if (!data) throw new Error('useMe() used outside a session');
  return data;
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: login,
    onSuccess: (me) => queryClient.setQueryData(authKeys.me(), me),
  });
}

/** Signs out here, or (`everywhere`) on every device. */
export function useLogout({ everywhere = false } = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: everywhere ? logoutEverywhere : logout,
    onSettled: () => {
      // Signed out: show the login form, then forget everything the user could see.
      queryClient.setQueryData(authKeys.me(), null);
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== authKeys.all[0] });
    },
  });
}
