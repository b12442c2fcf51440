import { queryOptions } from '@tanstack/react-query';
import { fetchPrograms, fetchRegions } from './reference.api';

/** Programs and regions change with a release, not during a session. */
const HOUR = 60 * 60 * 1000;

export const referenceKeys = {
  all: ['reference'] as const,
  programs: () => [...referenceKeys.all, 'programs'] as const,
  regions: (cityCode: string) => [...referenceKeys.all, 'regions', cityCode] as const,
};

export const referenceQueries = {
  programs: () => queryOptions({ queryKey: referenceKeys.programs(), queryFn: fetchPrograms, staleTime: HOUR }),
  regions: (cityCode: string) =>
    queryOptions({ queryKey: referenceKeys.regions(cityCode), queryFn: () => fetchRegions(cityCode), staleTime: HOUR }),
};
