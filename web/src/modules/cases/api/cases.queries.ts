import { infiniteQueryOptions, keepPreviousData, queryOptions } from '@tanstack/react-query';
import { nextPageParam } from '../../../lib/pages';
import { fetchCase, fetchCases, fetchCaseTimeline, type CaseFilters } from './cases.api';

export const caseKeys = {
  all: ['cases'] as const,
  lists: () => [...caseKeys.all, 'list'] as const,
  list: (filters: CaseFilters) => [...caseKeys.lists(), filters] as const,
  details: () => [...caseKeys.all, 'detail'] as const,
  detail: (id: string) => [...caseKeys.details(), id] as const,
  timelines: () => [...caseKeys.all, 'timeline'] as const,
  timeline: (id: string) => [...caseKeys.timelines(), id] as const,
};

export const caseQueries = {
  /** The filtered list, page after page as it is scrolled; the previous filter's rows stay while the next load. */
  list: (filters: CaseFilters) =>
    infiniteQueryOptions({
      queryKey: caseKeys.list(filters),
      queryFn: ({ pageParam }) => fetchCases(filters, pageParam),
      initialPageParam: 1,
      getNextPageParam: nextPageParam,
      placeholderData: keepPreviousData,
    }),
  detail: (id: string) => queryOptions({ queryKey: caseKeys.detail(id), queryFn: () => fetchCase(id) }),
  timeline: (id: string) => queryOptions({ queryKey: caseKeys.timeline(id), queryFn: () => fetchCaseTimeline(id) }),
};
