import { queryOptions } from '@tanstack/react-query';
import { fetchAssignments, fetchInbox, fetchObligations, fetchUsers, fetchWorklist, type ObligationFilters } from './obligations.api';

export const obligationKeys = {
  all: ['obligations'] as const,
  lists: () => [...obligationKeys.all, 'list'] as const,
  list: (filters: ObligationFilters) => [...obligationKeys.lists(), filters] as const,
  worklist: () => [...obligationKeys.all, 'worklist'] as const,
  inbox: () => [...obligationKeys.all, 'inbox'] as const,
};

export const assignmentKeys = {
  all: ['assignments'] as const,
  byCase: (caseId: string) => [...assignmentKeys.all, caseId] as const,
};

export const userKeys = {
  all: ['users'] as const,
};

export const obligationQueries = {
  list: (filters: ObligationFilters) => queryOptions({ queryKey: obligationKeys.list(filters), queryFn: () => fetchObligations(filters) }),
  worklist: () => queryOptions({ queryKey: obligationKeys.worklist(), queryFn: fetchWorklist }),
  inbox: () => queryOptions({ queryKey: obligationKeys.inbox(), queryFn: fetchInbox }),
  assignments: (caseId: string) => queryOptions({ queryKey: assignmentKeys.byCase(caseId), queryFn: () => fetchAssignments(caseId) }),
  users: () => queryOptions({ queryKey: userKeys.all, queryFn: fetchUsers, staleTime: 5 * 60_000 }),
};
