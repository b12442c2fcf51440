import type { PolicyVersion } from '@kampung/domain/program-policy';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { referenceKeys } from '../../reference/api/reference.queries';
import { changePolicy, type PolicyChange } from '../api/policies.api';
import { policyKeys } from '../api/policies.queries';

/** Saves a policy change: the new version becomes the current one everywhere (forms that read the
 * policy, e.g. the report target, follow it) and the version history refreshes. */
export function useChangePolicy(programCode: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (change: PolicyChange) => changePolicy(programCode, change),
    onSuccess: (version: PolicyVersion) => {
      queryClient.setQueryData(referenceKeys.policy(programCode), version);
      return queryClient.invalidateQueries({ queryKey: policyKeys.versions(programCode) });
    },
  });
}
