import type { PolicyVersion, ProgramPolicy } from '@kampung/domain/program-policy';
import { http } from '../../../lib/http';

export interface PolicyChange {
  /** The version the change was made from: the API refuses it (409) once someone else saved a newer one. */
  baseVersion: number;
  changeNote: string;
  policy: ProgramPolicy;
}

const policyPath = (programCode: string) => `/api/programs/${encodeURIComponent(programCode)}/policy`;

/** Every version of a program's policy, newest first. */
export const fetchPolicyVersions = (programCode: string) => http<PolicyVersion[]>(`${policyPath(programCode)}/versions`);

/** Saves a change as the next version (admins only). */
export const changePolicy = (programCode: string, change: PolicyChange) =>
  http<PolicyVersion>(policyPath(programCode), { method: 'PUT', body: change });
