import type { CaseTimeline } from '@kampung/domain/case-timeline';
import type { CaseDetail, CasePage, CaseSort } from '@kampung/domain/case-views';
import type { CaseProposalInput } from '@kampung/domain/case-proposal';
import type { TransitionRequest } from '@kampung/domain/transition';
import { http, searchString } from '../../../lib/http';

export interface CaseFilters {
  program?: string;
  kecamatan?: string;
  stage?: string;
  q?: string;
  /** Stalled: past the stage's expected duration by at least this many days… */
  stalledMinDays?: number;
  /** …and by fewer than this many. */
  stalledMaxDays?: number;
  /** Newest first unless given. */
  sort?: CaseSort;
}

/** Cases per page: the list loads the next page as it is scrolled. */
export const CASE_PAGE_SIZE = 50;

export const fetchCases = (filters: CaseFilters, page: number) =>
  http<CasePage>(`/api/cases${searchString({ ...filters, page, pageSize: CASE_PAGE_SIZE })}`);

/** Everything that happened to the case, with who, when and why. */
export const fetchCaseTimeline = (id: string) => http<CaseTimeline>(`/api/cases/${encodeURIComponent(id)}/timeline`);

export const fetchCase = (id: string) => http<CaseDetail>(`/api/cases/${encodeURIComponent(id)}`);

export const createCase = (proposal: CaseProposalInput) => http<CaseDetail>('/api/cases', { method: 'POST', body: proposal });

export const transitionCase = (id: string, request: TransitionRequest) =>
  http<CaseDetail>(`/api/cases/${encodeURIComponent(id)}/transitions`, { method: 'POST', body: request });
