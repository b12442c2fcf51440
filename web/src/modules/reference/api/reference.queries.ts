import { queryOptions } from '@tanstack/react-query';
import { fetchPolicy, fetchPrograms, fetchRegions } from './reference.api';

/** Programs and regions change with a release, not during a session. */
const HOUR = 60 * 60 * 1000;
/** A policy changes when an admin edits it: worth fetching again now and then. */
const FIVE_MINUTES = 5 * 60 * 1000;

export const referenceKeys = {
  all: ['reference'] as const,
  programs: () => [...referenceKeys.all, 'programs'] as const,
  regions: (cityCode: string) => [...referenceKeys.all, 'regions', cityCode] as const,
  policy: (programCode: string) => [...referenceKeys.all, 'policy', programCode] as const,
};

export const referenceQueries = {
  programs: () => queryOptions({ queryKey: referenceKeys.programs(), queryFn: fetchPrograms, staleTime: HOUR }),
  regions: (cityCode: string) =>
    queryOptions({ queryKey: referenceKeys.regions(cityCode), queryFn: () => fetchRegions(cityCode), staleTime: HOUR }),
  policy: (programCode: string) =>
    queryOptions({ queryKey: referenceKeys.policy(programCode), queryFn: () => fetchPolicy(programCode), staleTime: FIVE_MINUTES }),
};
