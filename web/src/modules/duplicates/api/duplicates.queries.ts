import { queryOptions } from '@tanstack/react-query';
import { fetchDuplicates, type DuplicateStatus } from './duplicates.api';

export const duplicateKeys = {
  all: ['duplicates'] as const,
  list: (status: DuplicateStatus) => [...duplicateKeys.all, 'list', status] as const,
};

export const duplicateQueries = {
  list: (status: DuplicateStatus) => queryOptions({ queryKey: duplicateKeys.list(status), queryFn: () => fetchDuplicates(status) }),
};
