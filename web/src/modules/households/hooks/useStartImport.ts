import { useMutation, useQueryClient } from '@tanstack/react-query';
import { startImport, type ImportExtension } from '../api/households.api';
import { householdKeys } from '../api/households.queries';

/** Uploads a registry list; the import's own query starts with the answer, and the recent imports refresh. */
export function useStartImport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ file, extension }: { file: File; extension: ImportExtension }) => startImport(file, extension),
    onSuccess: (view) => {
      queryClient.setQueryData(householdKeys.import(view.id), view);
      return queryClient.invalidateQueries({ queryKey: householdKeys.imports() });
    },
  });
}
