import { infiniteQueryOptions, keepPreviousData, queryOptions } from '@tanstack/react-query';
import { nextPageParam } from '../../../lib/pages';
import { fetchHousehold, fetchHouseholds, fetchImport, fetchImports, type HouseholdFilters, type HouseholdImportView } from './households.api';

export const householdKeys = {
  all: ['households'] as const,
  lists: () => [...householdKeys.all, 'list'] as const,
  list: (filters: HouseholdFilters) => [...householdKeys.lists(), filters] as const,
  details: () => [...householdKeys.all, 'detail'] as const,
  detail: (id: string, unmask: boolean) => [...householdKeys.details(), id, unmask ? 'unmasked' : 'masked'] as const,
  imports: () => [...householdKeys.all, 'imports'] as const,
  import: (id: string) => [...householdKeys.imports(), id] as const,
};

/** An import still being checked or written: its page asks again every second. */
export const importRunning = (view: HouseholdImportView | undefined) => view?.status === 'VALIDATING' || view?.status === 'WRITING';

export const householdQueries = {
  /** The filtered list, page after page as it is scrolled; the previous filter's rows stay while the next load. */
  list: (filters: HouseholdFilters) =>
    infiniteQueryOptions({
      queryKey: householdKeys.list(filters),
      queryFn: ({ pageParam }) => fetchHouseholds(filters, pageParam),
      initialPageParam: 1,
      getNextPageParam: nextPageParam,
      placeholderData: keepPreviousData,
    }),
  /** Unmasked, a household is read once (each read is audited) and forgotten when its page closes. */
  detail: (id: string, unmask: boolean) =>
    queryOptions({
      queryKey: householdKeys.detail(id, unmask),
      queryFn: () => fetchHousehold(id, unmask),
      ...(unmask ? { staleTime: Infinity, gcTime: 0, refetchOnWindowFocus: false } : {}),
    }),
  imports: () => queryOptions({ queryKey: householdKeys.imports(), queryFn: fetchImports }),
  /** One import, asked again every second while it is checked or written (its progress bar). */
  import: (id: string) =>
    queryOptions({
      queryKey: householdKeys.import(id),
      queryFn: () => fetchImport(id),
      refetchInterval: (query) => (importRunning(query.state.data) ? 1000 : false),
    }),
};
