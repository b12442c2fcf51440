import type { AuditEntryView } from '@kampung/domain/audit';
import { http, searchString } from '../../../lib/http';
import type { PageInfo } from '../../../lib/pages';

export type { AuditEntryView };

/** The API's filters: an action, an actor, a case, and instants (`from` inclusive, `to` exclusive). */
export interface AuditApiFilters {
  action?: string;
  actor?: string;
  case?: string;
  from?: string;
  to?: string;
}

export interface AuditPage extends PageInfo {
  items: AuditEntryView[];
}

export const AUDIT_PAGE_SIZE = 50;

/** The whole log, newest first (403 for a reader limited to programs or kecamatan). */
export const fetchAudit = (filters: AuditApiFilters, page: number) =>
  http<AuditPage>(`/api/audit${searchString({ ...filters, page, pageSize: AUDIT_PAGE_SIZE })}`);

export const caseAuditPath = (caseId: string) => `/api/cases/${encodeURIComponent(caseId)}/audit`;

/** One case's log, newest first. */
export const fetchCaseAudit = (caseId: string, page: number) =>
  http<AuditPage>(`${caseAuditPath(caseId)}${searchString({ page, pageSize: AUDIT_PAGE_SIZE })}`);

/** Where the CSV and XLSX downloads are (ExportLinks adds the filters, format and language). */
export const AUDIT_EXPORT_PATH = '/api/audit/export';
export const caseAuditExportPath = (caseId: string) => `${caseAuditPath(caseId)}/export`;
