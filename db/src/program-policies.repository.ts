import type { Db } from './connection';

function versions(db: Db, programCode: string) {
  return db
    .selectFrom('program_policies')
    .leftJoin('users', 'users.id', 'program_policies.created_by')
    .select([
      'program_policies.program_code',
      'program_policies.version',
      'program_policies.policy',
      'program_policies.change_note',
      'program_policies.created_at',
      'program_policies.created_by',
      'users.name as created_by_name',
    ])
    .where('program_policies.program_code', '=', programCode);
}

export async function findCurrentPolicy(db: Db, programCode: string) {
  return versions(db, programCode).orderBy('program_policies.version', 'desc').limit(1).executeTakeFirst();
}

export async function listPolicyVersions(db: Db, programCode: string) {
  return versions(db, programCode).orderBy('program_policies.version', 'desc').execute();
}

/** Appends the next version. Returns undefined when `baseVersion` is no longer the newest (someone
 * else changed the policy first); two concurrent writers cannot both take the same number. */
export async function appendPolicyVersion(
  db: Db,
  v: { programCode: string; baseVersion: number; policy: unknown; changeNote: string; createdBy: string },
): Promise<number | undefined> {
  const row = await db
    .insertInto('program_policies')
    .values({
      program_code: v.programCode,
      version: v.baseVersion + 1,
      policy: JSON.stringify(v.policy),
      change_note: v.changeNote,
      created_by: v.createdBy,
    })
    .onConflict((oc) => oc.columns(['program_code', 'version']).doNothing())
    .returning('version')
    .executeTakeFirst();
  return row?.version;
}
