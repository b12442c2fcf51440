import { queryOptions } from '@tanstack/react-query';
import { fetchActivities, fetchAgencies, fetchResidents } from './activities.api';

/** The agencies change with a release, not during a session. */
const HOUR = 60 * 60 * 1000;

export const activityKeys = {
  all: ['activities'] as const,
  byCase: (caseId: string) => [...activityKeys.all, 'case', caseId] as const,
  agencies: () => [...activityKeys.all, 'agencies'] as const,
  residents: (caseId: string, q: string) => [...activityKeys.all, 'residents', caseId, q] as const,
};

export const activityQueries = {
  byCase: (caseId: string) => queryOptions({ queryKey: activityKeys.byCase(caseId), queryFn: () => fetchActivities(caseId) }),
  agencies: () => queryOptions({ queryKey: activityKeys.agencies(), queryFn: fetchAgencies, staleTime: HOUR }),
  residents: (caseId: string, q: string) => queryOptions({ queryKey: activityKeys.residents(caseId, q), queryFn: () => fetchResidents(caseId, q) }),
};
