import { useMutation, useQueryClient } from '@tanstack/react-query';
import { createAssignment, logVisit, type AssignmentInput, type VisitInput } from '../api/obligations.api';
import { assignmentKeys, obligationKeys } from '../api/obligations.queries';

/** Assigns a user to a case; the team and the obligations (new ones may follow) refresh. */
export function useAssign(caseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: AssignmentInput) => createAssignment(caseId, input),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: assignmentKeys.byCase(caseId) }),
        queryClient.invalidateQueries({ queryKey: obligationKeys.all }),
      ]),
  });
}

/** Logs a visit; every obligation query (case lists, worklist, inbox) refreshes. */
export function useLogVisit(caseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: VisitInput) => logVisit(caseId, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: obligationKeys.all }),
  });
}
