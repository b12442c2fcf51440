import { queryOptions } from '@tanstack/react-query';
import { fetchAccounts } from './accounts.api';

export const accountKeys = {
  all: ['accounts'] as const,
  list: () => [...accountKeys.all, 'list'] as const,
};

export const accountQueries = {
  list: () => queryOptions({ queryKey: accountKeys.list(), queryFn: fetchAccounts }),
};
