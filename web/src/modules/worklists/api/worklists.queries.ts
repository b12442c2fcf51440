import { queryOptions } from '@tanstack/react-query';
import { fetchWorklists, type WorklistTarget } from './worklists.api';

export const worklistKeys = {
  all: ['worklists'] as const,
  list: (target?: WorklistTarget) => [...worklistKeys.all, 'list', target ?? 'all'] as const,
};

export const worklistQueries = {
  list: (target?: WorklistTarget) => queryOptions({ queryKey: worklistKeys.list(target), queryFn: () => fetchWorklists(target) }),
};
