import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { CaseReach } from '@kampung/domain';

/** "This case is within the user's reach", over a `cases` row under `alias`: by program and
 * kecamatan for region-wide roles (an empty list means all), by a current assignment for assigned
 * roles, never for a reach of NONE. Every query that shows cases or what belongs to them adds it. */
export function caseInReach(reach: CaseReach, alias = 'cases'): RawBuilder<SqlBool> {
  const col = (name: string) => sql.ref(`${alias}.${name}`);
  switch (reach.kind) {
    case 'NONE':
      return sql<SqlBool>`false`;
    case 'ASSIGNED':
      return sql<SqlBool>`exists (select 1 from assignments reach_a where reach_a.case_id = ${col('id')} and reach_a.user_id = ${reach.userId} and reach_a.ended_at is null)`;
    case 'AGENCY':
      return sql<SqlBool>`exists (select 1 from activities reach_act where reach_act.case_id = ${col('id')} and reach_act.agency_code = ${reach.agencyCode})`;
    case 'REGION': {
      const parts = [sql`true`];
      if (reach.programCodes.length) parts.push(sql`${col('program_code')} = any(${reach.programCodes}::text[])`);
      if (reach.kecamatanCodes.length) parts.push(sql`${col('kecamatan_code')} = any(${reach.kecamatanCodes}::text[])`);
      return sql<SqlBool>`(${sql.join(parts, sql` and `)})`;
    }
  }
}

/** "The case this row belongs to is within reach", for a row with a case id column. */
export function caseIdInReach(reach: CaseReach, caseIdColumn: string): RawBuilder<SqlBool> {
  if (reach.kind === 'REGION' && !reach.programCodes.length && !reach.kecamatanCodes.length) return sql<SqlBool>`true`;
  if (reach.kind === 'ASSIGNED') {
    return sql<SqlBool>`exists (select 1 from assignments reach_a where reach_a.case_id = ${sql.ref(caseIdColumn)} and reach_a.user_id = ${reach.userId} and reach_a.ended_at is null)`;
  }
  if (reach.kind === 'AGENCY') {
    return sql<SqlBool>`exists (select 1 from activities reach_act where reach_act.case_id = ${sql.ref(caseIdColumn)} and reach_act.agency_code = ${reach.agencyCode})`;
  }
  return sql<SqlBool>`${sql.ref(caseIdColumn)} in (select reach_c.id from cases reach_c where ${caseInReach(reach, 'reach_c')})`;
}

/** "This household is within the user's reach", over a `households` row under `alias`: region-wide
 * roles by the cities of their programs and their kecamatan; mentors and architects by the kampung
 * (kelurahan and RW) they are assigned to; agency staff by the people their agency's activities
 * enrolled. */
export function householdInReach(reach: CaseReach, alias = 'households'): RawBuilder<SqlBool> {
  const col = (name: string) => sql.ref(`${alias}.${name}`);
  switch (reach.kind) {
    case 'NONE':
      return sql<SqlBool>`false`;
    case 'ASSIGNED':
      return sql<SqlBool>`exists (select 1 from assignments reach_a join cases reach_c on reach_c.id = reach_a.case_id
        where reach_a.user_id = ${reach.userId} and reach_a.ended_at is null
          and reach_c.kelurahan_code = ${col('kelurahan_code')} and ltrim(reach_c.rw, '0') = ltrim(${col('rw')}, '0'))`;
    case 'AGENCY':
      return sql<SqlBool>`exists (select 1 from persons reach_p join activity_participants reach_ap on reach_ap.person_id = reach_p.id
        join activities reach_act on reach_act.id = reach_ap.activity_id
        where reach_p.household_id = ${col('id')} and reach_act.agency_code = ${reach.agencyCode})`;
    case 'REGION': {
      const parts = [sql`true`];
      if (reach.programCodes.length) {
        parts.push(sql`${col('kecamatan_code')} in (select k.code from kecamatan k join programs p on p.city_code = k.city_code where p.code = any(${reach.programCodes}::text[]))`);
      }
      if (reach.kecamatanCodes.length) parts.push(sql`${col('kecamatan_code')} = any(${reach.kecamatanCodes}::text[])`);
      return sql<SqlBool>`(${sql.join(parts, sql` and `)})`;
    }
  }
}

/** Is this one case within reach. */
export function isCaseInReachQuery(reach: CaseReach, caseId: string) {
  return sql<{ ok: boolean }>`select exists (select 1 from cases where cases.id = ${caseId} and ${caseInReach(reach)}) as ok`;
}
