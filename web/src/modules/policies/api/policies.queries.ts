import { queryOptions } from '@tanstack/react-query';
import { referenceQueries } from '../../reference/api/reference.queries';
import { fetchPolicyVersions } from './policies.api';

export const policyKeys = {
  all: ['policies'] as const,
  versions: (programCode: string) => [...policyKeys.all, 'versions', programCode] as const,
};

export const policyQueries = {
  /** The current version, shared with the forms that read the policy (the report target); on the
   * policy page it is fetched afresh, as an admin may just have changed it. */
  current: (programCode: string) => queryOptions({ ...referenceQueries.policy(programCode), staleTime: 0 }),
  versions: (programCode: string) =>
    queryOptions({ queryKey: policyKeys.versions(programCode), queryFn: () => fetchPolicyVersions(programCode), staleTime: 0 }),
};
