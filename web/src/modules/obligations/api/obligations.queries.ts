import { infiniteQueryOptions, keepPreviousData, queryOptions } from '@tanstack/react-query';
import { nextPageParam } from '../../../lib/pages';
import {
  fetchAssignments,
  fetchObligations,
  fetchUsers,
  OBLIGATION_PAGE_SIZE,
  type ObligationFilters,
} from './obligations.api';
import { worklistKey, worklistQuery } from './worklist.api';

export const obligationKeys = {
  all: ['obligations'] as const,
  lists: () => [...obligationKeys.all, 'list'] as const,
  list: (filters: ObligationFilters) => [...obligationKeys.lists(), filters] as const,
  scrolled: (filters: Omit<ObligationFilters, 'page' | 'pageSize'>) => [...obligationKeys.lists(), 'scrolled', filters] as const,
  worklist: worklistKey,
};

export const assignmentKeys = {
  all: ['assignments'] as const,
  byCase: (caseId: string) => [...assignmentKeys.all, caseId] as const,
};

export const userKeys = {
  all: ['users'] as const,
};

export const obligationQueries = {
  list: (filters: ObligationFilters) => queryOptions({ queryKey: obligationKeys.list(filters), queryFn: () => fetchObligations(filters) }),
  /** The obligation list page by page as it is scrolled; the previous filter's rows stay while the next load. */
  scrolled: (filters: Omit<ObligationFilters, 'page' | 'pageSize'>) =>
    infiniteQueryOptions({
      queryKey: obligationKeys.scrolled(filters),
      queryFn: ({ pageParam }) => fetchObligations({ ...filters, page: pageParam, pageSize: OBLIGATION_PAGE_SIZE }),
      initialPageParam: 1,
      getNextPageParam: nextPageParam,
      placeholderData: keepPreviousData,
    }),
  worklist: worklistQuery,
  assignments: (caseId: string) => queryOptions({ queryKey: assignmentKeys.byCase(caseId), queryFn: () => fetchAssignments(caseId) }),
  users: () => queryOptions({ queryKey: userKeys.all, queryFn: fetchUsers, staleTime: 5 * 60_000 }),
};
