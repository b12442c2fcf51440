import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { ApiError } from './lib/http';
import { authKeys } from './modules/auth/api/auth.queries';

/** One client for the app. A 401 anywhere means the session ended: show the login form. */
export function createQueryClient(): QueryClient {
  const onError = (error: Error) => {
    if (error instanceof ApiError && error.code === 'UNAUTHENTICATED') queryClient.setQueryData(authKeys.me(), null);
  };
  const queryClient: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError }),
    mutationCache: new MutationCache({ onError }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        retry: (failures, error) => !(error instanceof ApiError && error.problem.status >= 400 && error.problem.status < 500) && failures < 2,
      },
    },
  });
  return queryClient;
}
