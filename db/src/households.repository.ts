import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { CaseReach } from '@kampung/domain';
import type { Db } from './connection';
import { householdInReach } from './case-reach';

export interface ImportPerson {
  nik: string;
  name: string;
  birthDate: string;
  sex: string;
  relation: string;
  quality: string;
  nikProblems: string[];
}
export interface ImportHousehold {
  kk: string;
  kelurahanCode: string;
  kecamatanCode: string;
  rw: string;
  rt: string;
  address: string;
  decile: number | null;
  dataDate: string;
  source: string;
  dtksId: string | null;
  members: ImportPerson[];
}
export interface ImportCounts {
  households: number;
  created: number;
  updated: number;
  unchanged: number;
}

const HOUSEHOLD_FIELDS = ['kelurahan_code', 'kecamatan_code', 'rw', 'rt', 'address', 'decile', 'data_date', 'source', 'dtks_id'] as const;
const PERSON_FIELDS = ['household_id', 'name', 'birth_date', 'sex', 'relation', 'quality', 'nik_problems'] as const;
const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** Writes one batch of an import (inside the import's transaction): households by KK and people by
 * NIK are created, or updated where the file says otherwise (the old record goes to
 * person_history), or left as they are. Running the same file again changes nothing. */
export async function writeImportBatch(trx: Db, importId: string, batch: ImportHousehold[]): Promise<ImportCounts> {
  const counts: ImportCounts = { households: batch.length, created: 0, updated: 0, unchanged: 0 };
  const existing = new Map(
    (await trx.selectFrom('households').selectAll().where('kk', '=', sql<string>`any(${batch.map((h) => h.kk)}::text[])`).execute()).map((h) => [h.kk, h]),
  );
  const householdId = new Map<string, string>();
  const newHouseholds = [];
  for (const h of batch) {
    const row = {
      kelurahan_code: h.kelurahanCode, kecamatan_code: h.kecamatanCode, rw: h.rw, rt: h.rt, address: h.address,
      decile: h.decile, data_date: h.dataDate, source: h.source, dtks_id: h.dtksId,
    };
    const old = existing.get(h.kk);
    if (!old) {
      const id = randomUUID();
      householdId.set(h.kk, id);
      newHouseholds.push({ id, kk: h.kk, import_id: importId, ...row });
      continue;
    }
    householdId.set(h.kk, old.id);
    const changed = HOUSEHOLD_FIELDS.some((f) => !same(old[f], row[f]));
    if (changed) await trx.updateTable('households').set({ ...row, import_id: importId, updated_at: new Date() }).where('id', '=', old.id).execute();
  }
  if (newHouseholds.length) await trx.insertInto('households').values(newHouseholds).execute();

  const people = batch.flatMap((h) => h.members.map((m) => ({ ...m, householdId: householdId.get(h.kk)! })));
  const known = new Map(
    (await trx.selectFrom('persons').selectAll().where('nik', '=', sql<string>`any(${people.map((p) => p.nik)}::text[])`).execute()).map((p) => [p.nik, p]),
  );
  const newPeople = [];
  for (const p of people) {
    const row = { household_id: p.householdId, name: p.name, birth_date: p.birthDate, sex: p.sex, relation: p.relation, quality: p.quality, nik_problems: p.nikProblems };
    const old = known.get(p.nik);
    if (!old) {
      newPeople.push({ id: randomUUID(), nik: p.nik, ...row });
      counts.created += 1;
      continue;
    }
    // A merged record's state (DUPLICATE) is the managers'; an import does not undo it. A person
    // the list now places on another family card has MOVED (the old card's page no longer lists
    // them; person_history keeps where they were).
    const moved = old.household_id !== row.household_id || (old.quality === 'MOVED' && row.quality === 'VALID');
    const wanted = old.merged_into ? { ...row, quality: old.quality } : moved ? { ...row, quality: 'MOVED' } : row;
    if (PERSON_FIELDS.every((f) => same(old[f], wanted[f]))) {
      counts.unchanged += 1;
      continue;
    }
    counts.updated += 1;
    await trx.insertInto('person_history').values({ person_id: old.id, cause: 'IMPORT', before: JSON.stringify(old), import_id: importId }).execute();
    await trx.updateTable('persons').set({ ...wanted, updated_at: new Date() }).where('id', '=', old.id).execute();
  }
  if (newPeople.length) await trx.insertInto('persons').values(newPeople).execute();
  return counts;
}

export async function insertImport(db: Db, i: { id: string; filename: string; sha256: string; userId: string }) {
  await db.insertInto('household_imports').values({ id: i.id, filename: i.filename, file_sha256: i.sha256, uploaded_by: i.userId, status: 'VALIDATING' }).execute();
}

export async function updateImport(
  db: Db,
  id: string,
  change: Partial<{ status: string; total_rows: number; processed_rows: number; households: number; persons_created: number; persons_updated: number; persons_unchanged: number; problems: unknown; problem_count: number; error: string | null; finished_at: Date }>,
) {
  const { problems, ...rest } = change;
  await db
    .updateTable('household_imports')
    .set({ ...rest, ...(problems !== undefined ? { problems: JSON.stringify(problems) } : {}) })
    .where('id', '=', id)
    .execute();
}

export async function findImport(db: Db, id: string) {
  return db.selectFrom('household_imports').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function listImports(db: Db, limit = 20) {
  return db.selectFrom('household_imports').selectAll().orderBy('started_at', 'desc').limit(limit).execute();
}

const households = (db: Db) =>
  db
    .selectFrom('households')
    .innerJoin('kelurahan', 'kelurahan.code', 'households.kelurahan_code')
    .innerJoin('kecamatan', 'kecamatan.code', 'households.kecamatan_code');

export async function listHouseholds(db: Db, q: { kelurahan?: string; rw?: string; q?: string; page: number; pageSize: number }, reach: CaseReach) {
  let query = households(db).where(householdInReach(reach));
  if (q.kelurahan) query = query.where('households.kelurahan_code', '=', q.kelurahan);
  if (q.rw) query = query.where(sql<boolean>`ltrim(households.rw, '0') = ltrim(${q.rw}, '0')`);
  if (q.q) {
    const text = q.q;
    query = /^\d{16}$/.test(text)
      ? query.where((eb) => eb.or([eb('households.kk', '=', text), eb.exists(eb.selectFrom('persons').select('persons.id').whereRef('persons.household_id', '=', 'households.id').where('persons.nik', '=', text))]))
      : query.where((eb) => eb.exists(eb.selectFrom('persons').select('persons.id').whereRef('persons.household_id', '=', 'households.id').where('persons.name', 'ilike', `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`)));
  }
  const [items, count] = await Promise.all([
    query
      .select([
        'households.id', 'households.kk', 'households.rw', 'households.rt', 'households.decile', 'kelurahan.name as kelurahan_name',
        (eb) => eb.selectFrom('persons').select('persons.name').whereRef('persons.household_id', '=', 'households.id').where('persons.relation', '=', 'KEPALA_KELUARGA').limit(1).as('head'),
        (eb) => eb.selectFrom('persons').select((e) => e.fn.countAll<string>().as('n')).whereRef('persons.household_id', '=', 'households.id').as('members'),
      ])
      .orderBy('kelurahan.name')
      .orderBy('households.rw')
      .orderBy('households.rt')
      .orderBy('households.kk')
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize)
      .execute(),
    query.select((eb) => eb.fn.countAll<string>().as('total')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(count.total) };
}

/** The household (within reach), its members and everything its members received. */
export async function findHousehold(db: Db, id: string, reach: CaseReach) {
  const household = await households(db)
    .selectAll('households')
    .select(['kelurahan.name as kelurahan_name', 'kecamatan.name as kecamatan_name'])
    .where('households.id', '=', id)
    .where(householdInReach(reach))
    .executeTakeFirst();
  if (!household) return undefined;
  const members = await db.selectFrom('persons').selectAll().where('household_id', '=', id).orderBy('birth_date').execute();
  const received = await db
    .selectFrom('activity_participants as ap')
    .innerJoin('persons', 'persons.id', 'ap.person_id')
    .innerJoin('activities', 'activities.id', 'ap.activity_id')
    .innerJoin('agencies', 'agencies.code', 'activities.agency_code')
    .innerJoin('cases', 'cases.id', 'activities.case_id')
    .select([
      'activities.id as activity_id', 'activities.title', 'activities.kind', 'agencies.code as agency_code', 'agencies.name as agency_name',
      'cases.id as case_id', 'cases.name as case_name', 'persons.id as person_id', 'persons.name as person_name', 'ap.enrolled_at',
      sql<string | null>`(select min(s.date)::text from activity_sessions s where s.activity_id = activities.id)`.as('first_session'),
      sql<string | null>`(select max(s.date)::text from activity_sessions s where s.activity_id = activities.id)`.as('last_session'),
      sql<string>`(select count(*) from activity_sessions s where s.activity_id = activities.id)`.as('sessions'),
      sql<string>`(select count(*) from attendance a join activity_sessions s on s.id = a.session_id where s.activity_id = activities.id and a.person_id = persons.id and a.present)`.as('attended'),
      sql<string[]>`(select coalesce(array_agg(o.kind order by o.kind), '{}') from activity_outputs o where o.activity_id = activities.id and o.person_id = persons.id)`.as('outputs'),
    ])
    .where('persons.household_id', '=', id)
    .orderBy('ap.enrolled_at')
    .execute();
  return { household, members, received };
}

/** People of a kelurahan (a kampung's residents) by a name part or a whole NIK, for enrolment. */
export async function searchResidents(db: Db, kelurahanCode: string, q: string | undefined, limit = 50) {
  let query = db
    .selectFrom('persons')
    .innerJoin('households', 'households.id', 'persons.household_id')
    .selectAll('persons')
    .where('households.kelurahan_code', '=', kelurahanCode)
    .where('persons.merged_into', 'is', null);
  if (q) {
    query = /^\d{16}$/.test(q)
      ? query.where('persons.nik', '=', q)
      : query.where('persons.name', 'ilike', `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  }
  return query.orderBy('persons.name').limit(limit).execute();
}

/** Of these ids, the people in the registry who have not been merged into another record. */
export async function activePersons(db: Db, ids: string[]): Promise<Set<string>> {
  if (!ids.length) return new Set();
  return new Set((await db.selectFrom('persons').select('id').where('id', 'in', ids).where('merged_into', 'is', null).execute()).map((r) => r.id));
}
