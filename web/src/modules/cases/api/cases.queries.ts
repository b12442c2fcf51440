import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { fetchCase, fetchCases, type CaseFilters } from './cases.api';

export const caseKeys = {
  all: ['cases'] as const,
  lists: () => [...caseKeys.all, 'list'] as const,
  list: (filters: CaseFilters) => [...caseKeys.lists(), filters] as const,
  details: () => [...caseKeys.all, 'detail'] as const,
  detail: (id: string) => [...caseKeys.details(), id] as const,
};

export const caseQueries = {
  list: (filters: CaseFilters) =>
    queryOptions({ queryKey: caseKeys.list(filters), queryFn: () => fetchCases(filters), placeholderData: keepPreviousData }),
  detail: (id: string) => queryOptions({ queryKey: caseKeys.detail(id), queryFn: () => fetchCase(id) }),
};
