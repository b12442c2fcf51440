import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from './connection';

/** Everyone not merged away, with what duplicate detection compares. */
export async function dedupPeople(db: Db) {
  return db
    .selectFrom('persons')
    .innerJoin('households', 'households.id', 'persons.household_id')
    .select(['persons.id', 'persons.nik', 'households.kk', 'persons.name', sql<string>`persons.birth_date::text`.as('birth_date'), 'persons.sex', 'households.kelurahan_code', 'households.rw', 'households.rt'])
    .where('persons.merged_into', 'is', null)
    .execute();
}

/** New candidate pairs go to the queue (OPEN); a pair found before keeps its state and decision. */
export async function addCandidates(
  trx: Db,
  candidates: { aId: string; bId: string; kind: string; score: number; reasons: string[] }[],
): Promise<number> {
  let added = 0;
  for (let i = 0; i < candidates.length; i += 1000) {
    const rows = candidates.slice(i, i + 1000).map((c) => ({
      id: randomUUID(), person_a: c.aId, person_b: c.bId, kind: c.kind, score: c.score, reasons: JSON.stringify(c.reasons),
    }));
    const inserted = await trx.insertInto('duplicate_candidates').values(rows).onConflict((oc) => oc.columns(['person_a', 'person_b']).doNothing()).returning('id').execute();
    added += inserted.length;
  }
  return added;
}

export async function listCandidates(db: Db, status: string, limit = 200) {
  return db
    .selectFrom('duplicate_candidates as d')
    .leftJoin('users as requester', 'requester.id', 'd.requested_by')
    .leftJoin('users as decider', 'decider.id', 'd.decided_by')
    .selectAll('d')
    .select(['requester.name as requested_by_name', 'decider.name as decided_by_name'])
    .where('d.status', '=', status)
    .orderBy('d.score', 'desc')
    .orderBy('d.id')
    .limit(limit)
    .execute();
}

export async function peopleWithHouseholds(db: Db, ids: string[]) {
  if (!ids.length) return [];
  return db
    .selectFrom('persons')
    .innerJoin('households', 'households.id', 'persons.household_id')
    .innerJoin('kelurahan', 'kelurahan.code', 'households.kelurahan_code')
    .selectAll('persons')
    .select(['households.kk', 'households.rw', 'households.rt', 'kelurahan.name as kelurahan_name'])
    .where('persons.id', 'in', ids)
    .execute();
}

export async function findCandidate(db: Db, id: string) {
  return db.selectFrom('duplicate_candidates').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function setCandidate(trx: Db, id: string, change: { status: string; keep_id?: string | null; requested_by?: string; requested_at?: Date; decided_by?: string; decided_at?: Date }) {
  await trx.updateTable('duplicate_candidates').set(change).where('id', '=', id).execute();
}

/** Merges one record into another: both are kept (the merged one points to the one that stays and
 * is marked DUPLICATE, its state before goes to person_history), and what the merged one took part
 * in now belongs to the one that stays. */
export async function mergePersons(trx: Db, keepId: string, mergedId: string) {
  const merged = await trx.selectFrom('persons').selectAll().where('id', '=', mergedId).executeTakeFirstOrThrow();
  await trx.insertInto('person_history').values({ person_id: mergedId, cause: 'MERGE', before: JSON.stringify(merged) }).execute();
  await trx.updateTable('persons').set({ merged_into: keepId, quality: 'DUPLICATE', updated_at: new Date() }).where('id', '=', mergedId).execute();
  // Whatever pointed at the merged record points at the one that stays (where it does not already).
  await sql`insert into activity_participants (activity_id, person_id, enrolled_by, enrolled_at)
    select activity_id, ${keepId}, enrolled_by, enrolled_at from activity_participants where person_id = ${mergedId}
    on conflict do nothing`.execute(trx);
  await sql`insert into attendance (session_id, person_id, present, recorded_by, recorded_at)
    select session_id, ${keepId}, present, recorded_by, recorded_at from attendance where person_id = ${mergedId}
    on conflict (session_id, person_id) do update set present = attendance.present or excluded.present`.execute(trx);
  await sql`insert into activity_outputs (id, activity_id, person_id, kind, note, recorded_by, recorded_at)
    select gen_random_uuid(), activity_id, ${keepId}, kind, note, recorded_by, recorded_at from activity_outputs where person_id = ${mergedId}
    on conflict do nothing`.execute(trx);
  await trx.deleteFrom('attendance').where('person_id', '=', mergedId).execute();
  await trx.deleteFrom('activity_outputs').where('person_id', '=', mergedId).execute();
  await trx.deleteFrom('activity_participants').where('person_id', '=', mergedId).execute();
  // Other open candidates of the merged record are moot now.
  await trx
    .updateTable('duplicate_candidates')
    .set({ status: 'DISMISSED', decided_at: new Date() })
    .where('status', 'in', ['OPEN', 'MERGE_REQUESTED'])
    .where((eb) => eb.or([eb('person_a', '=', mergedId), eb('person_b', '=', mergedId)]))
    .where((eb) => eb.not(eb.and([eb('person_a', 'in', [keepId, mergedId]), eb('person_b', 'in', [keepId, mergedId])])))
    .execute();
  return merged;
}
