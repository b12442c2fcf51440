import { queryOptions } from '@tanstack/react-query';
import { fetchMe } from './auth.api';

export const authKeys = {
  all: ['auth'] as const,
  me: () => [...authKeys.all, 'me'] as const,
};

export const authQueries = {
  me: () => queryOptions({ queryKey: authKeys.me(), queryFn: fetchMe, staleTime: Infinity, retry: false }),
};
