import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { ApiError, isUnknownOutcome } from './lib/http';
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
        // Asked even with no signal: the service worker answers with the copy kept on the device.
        networkMode: 'always',
        staleTime: 30_000,
        retry: (failures, error) => !(error instanceof ApiError && error.problem.status >= 400 && error.problem.status < 500) && failures < 2,
      },
      mutations: {
        // Tried even with no signal: field work is then kept on the device (modules/offline), and any
        // other write says at once that it could not be sent instead of waiting without a word.
        networkMode: 'always',
        // A write whose outcome is unknown (the network, a 5xx, still running) is tried again, twice:
        // safe, since the retry carries the same Idempotency-Key (lib/http.ts) and gets the first outcome.
        retry: (failures, error) => failures < 2 && isUnknownOutcome(error),
      },
    },
  });
  return queryClient;
}
