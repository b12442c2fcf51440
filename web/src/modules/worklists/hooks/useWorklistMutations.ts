import { useMutation, useQueryClient } from '@tanstack/react-query';
import { createWorklist, deleteWorklist, updateWorklist, type WorklistInput } from '../api/worklists.api';
import { worklistKeys } from '../api/worklists.queries';

/** Saves a list's filters as a named worklist; every worklist query refreshes. */
export function useCreateWorklist() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createWorklist,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: worklistKeys.all }),
  });
}

/** Renames, shares or unshares one of mine. */
export function useUpdateWorklist() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id: string; input: WorklistInput }) => updateWorklist(id, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: worklistKeys.all }),
  });
}

export function useDeleteWorklist() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteWorklist,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: worklistKeys.all }),
  });
}
