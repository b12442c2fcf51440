import { useMutation, useQueryClient } from '@tanstack/react-query';
import { householdKeys } from '../../households/api/households.queries';
import { approveMerge, decideDuplicate, runDuplicates, type DuplicateDecision } from '../api/duplicates.api';
import { duplicateKeys } from '../api/duplicates.queries';

/** Every status list refreshes: a decision moves a pair from one to another. */
export function useDecideDuplicate() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, decision }: { id: string; decision: DuplicateDecision }) => decideDuplicate(id, decision),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: duplicateKeys.all }),
  });
}

/** A merge changes people (quality, participations): households refresh too. */
export function useApproveMerge() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: approveMerge,
    onSuccess: () => Promise.all([queryClient.invalidateQueries({ queryKey: duplicateKeys.all }), queryClient.invalidateQueries({ queryKey: householdKeys.all })]),
  });
}

export function useRunDuplicates() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: runDuplicates, onSuccess: () => queryClient.invalidateQueries({ queryKey: duplicateKeys.all }) });
}
