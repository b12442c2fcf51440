import type { CaseDetail } from '@kampung/domain/case-views';
import type { TransitionRequest } from '@kampung/domain/transition';
import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { createCase, transitionCase } from '../api/cases.api';
import { caseKeys } from '../api/cases.queries';

/** Stores the fresh case and refreshes every case query (lists show its new stage). */
function caseChanged(queryClient: QueryClient, detail: CaseDetail) {
  queryClient.setQueryData(caseKeys.detail(detail.id), detail);
  return queryClient.invalidateQueries({ queryKey: caseKeys.all });
}

export function useCreateCase() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: createCase, onSuccess: (detail) => caseChanged(queryClient, detail) });
}

export function useTransitionCase(caseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: TransitionRequest) => transitionCase(caseId, request),
    onSuccess: (detail) => caseChanged(queryClient, detail),
  });
}
