import { audited, programPoliciesRepository, regionsRepository, type Db } from '@kampung/db';
import type { AuditSource } from '../audit/audit.service';
import type { SessionUser } from '../auth/sessions.service';
import {
  POLICY_APPLIES_TO,
  policyUpdateSchema,
  programPolicySchema,
  z,
  type PolicyVersion,
} from '@kampung/domain';
import { AppError } from '../errors';
import { parseInput } from '../http/validate';

type PolicyRow = NonNullable<Awaited<ReturnType<typeof programPoliciesRepository.findCurrentPolicy>>>;

function policyRowToVersion(row: PolicyRow): PolicyVersion {
  return {
    programCode: row.program_code,
    version: row.version,
    policy: programPolicySchema.parse(row.policy),
    changeNote: row.change_note,
    createdAt: row.created_at.toISOString(),
    createdBy: { id: row.created_by, name: row.created_by_name ?? 'sistem' },
    appliesTo: POLICY_APPLIES_TO,
  };
}

async function requireProgram(db: Db, code: string) {
  if (!(await regionsRepository.findProgram(db, code))) throw new AppError('NOT_FOUND', `No program ${code}`);
}

export async function getCurrentPolicy(db: Db, programCode: string): Promise<PolicyVersion> {
  await requireProgram(db, programCode);
  const row = await programPoliciesRepository.findCurrentPolicy(db, programCode);
  if (!row) throw new AppError('NOT_FOUND', `Program ${programCode} has no policy yet`);
  return policyRowToVersion(row);
}

export async function listPolicyVersions(db: Db, programCode: string): Promise<PolicyVersion[]> {
  await requireProgram(db, programCode);
  return (await programPoliciesRepository.listPolicyVersions(db, programCode)).map(policyRowToVersion);
}

const changeSchema = policyUpdateSchema.extend({
  baseVersion: z.number().int().min(1).describe('The version this change was made from'),
});
export const policyChangeSchema = changeSchema.openapi('ProgramPolicyChange');

/** An admin's change becomes the next version; a change made from an outdated version is refused
 * (409 CONFLICT) rather than silently overwriting a colleague's. */
export async function changePolicy(db: Db, programCode: string, input: unknown, user: SessionUser, source: AuditSource = {}): Promise<PolicyVersion> {
  const actorId = user.id;
  if (user.programCodes.length && !user.programCodes.includes(programCode)) {
    throw new AppError('FORBIDDEN', `Program ${programCode} is outside the programs you administer`);
  }
  const change = parseInput(changeSchema, input);
  const current = await getCurrentPolicy(db, programCode);
  const stale = () =>
    new AppError('CONFLICT', `The policy is at version ${current.version}; reload it and make the change again`);
  if (change.baseVersion !== current.version) throw stale();
  const version = await audited(db, (v) => v ? {
    actorId,
    action: 'POLICY_CHANGED',
    subjectType: 'program_policy',
    subjectId: `${programCode}@${v}`,
    before: { version: current.version, policy: current.policy },
    after: { version: v, policy: change.policy },
    reason: change.changeNote,
    ...source,
  } : null, (trx) => programPoliciesRepository.appendPolicyVersion(trx, {
    programCode,
    baseVersion: change.baseVersion,
    policy: change.policy,
    changeNote: change.changeNote,
    createdBy: actorId,
  }));
  if (!version) throw stale();
  return getCurrentPolicy(db, programCode);
}
