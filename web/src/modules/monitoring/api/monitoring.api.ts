import type { MonitoringReport, MonitoringReportRequest } from '@kampung/domain/obligation';
import { http, searchString } from '../../../lib/http';

export interface ReportPage {
  items: MonitoringReport[];
  total: number;
  page: number;
  pageSize: number;
}

export const REPORT_PAGE_SIZE = 20;

export const fetchCaseReports = (caseId: string, page: number) =>
  http<ReportPage>(`/api/cases/${encodeURIComponent(caseId)}/monitoring-reports${searchString({ page, pageSize: REPORT_PAGE_SIZE })}`);

/** Reports below their program's target, newest first (of one program, or all): what managers follow up. */
export const fetchRedReports = (page: number, program?: string) =>
  http<ReportPage>(`/api/monitoring-reports${searchString({ red: 'true', program, page, pageSize: REPORT_PAGE_SIZE })}`);

/** A report's request, sent now or kept on the device (modules/offline) and sent later. */
export const submitReportRequest = (caseId: string, input: MonitoringReportRequest) => ({
  method: 'POST' as const,
  path: `/api/cases/${encodeURIComponent(caseId)}/monitoring-reports`,
  body: input,
});
