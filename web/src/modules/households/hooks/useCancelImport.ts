import { useMutation, useQueryClient } from '@tanstack/react-query';
import { cancelImport } from '../api/households.api';
import { householdKeys } from '../api/households.queries';

/** Cancels a running import; its own query takes the answer (and goes on polling until it has ended). */
export function useCancelImport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: cancelImport,
    onSuccess: (view) => {
      queryClient.setQueryData(householdKeys.import(view.id), view);
      return queryClient.invalidateQueries({ queryKey: householdKeys.imports(), exact: true });
    },
  });
}
