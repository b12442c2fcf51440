import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { fetchAudit, fetchCaseAudit, type AuditApiFilters } from './audit.api';

export const auditKeys = {
  all: ['audit'] as const,
  list: (filters: AuditApiFilters, page: number) => [...auditKeys.all, 'list', filters, page] as const,
  byCase: (caseId: string, page: number) => [...auditKeys.all, 'case', caseId, page] as const,
};

export const auditQueries = {
  /** A page of the whole log; the previous page stays on screen while the next loads. */
  list: (filters: AuditApiFilters, page: number) =>
    queryOptions({ queryKey: auditKeys.list(filters, page), queryFn: () => fetchAudit(filters, page), placeholderData: keepPreviousData }),
  byCase: (caseId: string, page: number) =>
    queryOptions({ queryKey: auditKeys.byCase(caseId, page), queryFn: () => fetchCaseAudit(caseId, page), placeholderData: keepPreviousData }),
};
