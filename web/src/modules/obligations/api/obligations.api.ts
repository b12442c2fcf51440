import type { Assignment, Obligation, ObligationKind, ObligationStatus, VisitRequest } from '@kampung/domain/obligation';
import type { AssignmentRole } from '@kampung/domain/program-policy';
import { http, searchString } from '../../../lib/http';

export interface UserSummary {
  id: string;
  name: string;
  role: string;
  supervisorId: string | null;
}

export interface ObligationFilters {
  case?: string;
  program?: string;
  status?: ObligationStatus;
  kind?: ObligationKind;
  assignee?: string;
  kecamatan?: string;
  /** ISO instants: due at or after `dueFrom`, before `dueTo`. */
  dueFrom?: string;
  dueTo?: string;
  /** Still to do (`true`) or closed (`false`). */
  open?: 'true' | 'false';
  sort?: 'due' | '-due';
  page?: number;
  pageSize?: number;
}

/** Obligations per page on the obligation list, which loads the next page as it is scrolled. */
export const OBLIGATION_PAGE_SIZE = 50;

export interface ObligationPage {
  items: Obligation[];
  total: number;
  page: number;
  pageSize: number;
}

export interface Worklist {
  dueThisWeek: Obligation[];
  overdue: Obligation[];
  escalated: Obligation[];
}

export interface AssignmentInput {
  userId: string;
  role: AssignmentRole;
  lead: boolean;
}

export interface HandoverInput {
  toUserId: string;
  reason: string;
}

export interface WaiverResult {
  id: string;
  status: ObligationStatus;
  waivedReason: string | null;
}

export type VisitInput = Omit<VisitRequest, 'attendees' | 'followUps'> & { attendees: number; followUps: string[] };

const caseBase = (caseId: string) => `/api/cases/${encodeURIComponent(caseId)}`;

export const fetchUsers = () => http<UserSummary[]>('/api/users');

export const fetchAssignments = (caseId: string) => http<Assignment[]>(`${caseBase(caseId)}/assignments`);

export const createAssignment = (caseId: string, input: AssignmentInput) =>
  http<Assignment>(`${caseBase(caseId)}/assignments`, { method: 'POST', body: input });

/** Reassigns the position to another person; its open obligations move with it. */
export const handOver = (caseId: string, assignmentId: string, input: HandoverInput) =>
  http<Assignment>(`${caseBase(caseId)}/assignments/${encodeURIComponent(assignmentId)}/handover`, { method: 'POST', body: input });

/** Ends the assignment with a reason: its open visit obligation is cancelled, its cadence stops. */
export const endAssignment = (caseId: string, assignmentId: string, reason: string) =>
  http<Assignment>(`${caseBase(caseId)}/assignments/${encodeURIComponent(assignmentId)}/end`, { method: 'POST', body: { reason } });

export const waiveObligation = (obligationId: string, reason: string) =>
  http<WaiverResult>(`/api/obligations/${encodeURIComponent(obligationId)}/waive`, { method: 'POST', body: { reason } });

export interface LoggedVisit {
  id: string;
  fulfilledObligationId: string | null;
}

/** A visit's request, sent now or kept on the device (modules/offline) and sent later. */
export const logVisitRequest = (caseId: string, input: VisitInput) => ({ method: 'POST' as const, path: `${caseBase(caseId)}/visits`, body: input });

export const fetchObligations = (filters: ObligationFilters) =>
  http<ObligationPage>(`/api/obligations${searchString({ ...filters })}`);

export { fetchWorklist, WORKLIST_PATH } from './worklist.api';
