import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { fetchCaseReports, fetchRedReports } from './monitoring.api';

export const monitoringKeys = {
  all: ['monitoring-reports'] as const,
  byCase: (caseId: string) => [...monitoringKeys.all, 'case', caseId] as const,
  casePage: (caseId: string, page: number) => [...monitoringKeys.byCase(caseId), page] as const,
  red: () => [...monitoringKeys.all, 'red'] as const,
  redPage: (page: number, program?: string) => [...monitoringKeys.red(), program ?? 'all', page] as const,
};

export const monitoringQueries = {
  byCase: (caseId: string, page: number) =>
    queryOptions({ queryKey: monitoringKeys.casePage(caseId, page), queryFn: () => fetchCaseReports(caseId, page), placeholderData: keepPreviousData }),
  red: (page: number, program?: string) =>
    queryOptions({ queryKey: monitoringKeys.redPage(page, program), queryFn: () => fetchRedReports(page, program), placeholderData: keepPreviousData }),
};
