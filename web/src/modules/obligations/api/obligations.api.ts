import type { Assignment, Obligation, ObligationKind, ObligationStatus, VisitRequest } from '@kampung/domain/obligation';
import type { AssignmentRole } from '@kampung/domain/program-policy';
import { http, searchString } from '../../../lib/http';

export interface UserSummary {
  id: string;
  name: string;
  role: string;
}

export interface ObligationFilters {
  case?: string;
  status?: ObligationStatus;
  kind?: ObligationKind;
  assignee?: string;
  pageSize?: number;
}

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

export interface InboxItem {
  id: string;
  kind: 'ESCALATION';
  createdAt: string;
  obligation: { id: string; kind: ObligationKind };
  case: { id: string; name: string };
}

export interface AssignmentInput {
  userId: string;
  role: AssignmentRole;
  lead: boolean;
}

export type VisitInput = Omit<VisitRequest, 'attendees' | 'followUps'> & { attendees: number; followUps: string[] };

const caseBase = (caseId: string) => `/api/cases/${encodeURIComponent(caseId)}`;

export const fetchUsers = () => http<UserSummary[]>('/api/users');

export const fetchAssignments = (caseId: string) => http<Assignment[]>(`${caseBase(caseId)}/assignments`);

export const createAssignment = (caseId: string, input: AssignmentInput) =>
  http<Assignment>(`${caseBase(caseId)}/assignments`, { method: 'POST', body: input });

export const logVisit = (caseId: string, input: VisitInput) =>
  http<{ id: string; fulfilledObligationId: string | null }>(`${caseBase(caseId)}/visits`, { method: 'POST', body: input });

export const fetchObligations = (filters: ObligationFilters) =>
  http<ObligationPage>(`/api/obligations${searchString({ ...filters })}`);

export const fetchWorklist = () => http<Worklist>('/api/me/worklist');

export const fetchInbox = () => http<InboxItem[]>('/api/me/inbox');
