import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from './connection';

export interface NewActivity {
  id: string;
  caseId: string;
  agencyCode: string;
  title: string;
  kind: string;
  quota: number;
  budget: number;
  budgetSource: string;
  sponsor: string | null;
  createdBy: string;
  sessions: { date: string; topic: string }[];
}

export async function insertActivity(trx: Db, a: NewActivity) {
  await trx
    .insertInto('activities')
    .values({
      id: a.id, case_id: a.caseId, agency_code: a.agencyCode, title: a.title, kind: a.kind, quota: a.quota,
      budget: a.budget, budget_source: a.budgetSource, sponsor: a.sponsor, created_by: a.createdBy,
    })
    .execute();
  await trx
    .insertInto('activity_sessions')
    .values(a.sessions.map((s, i) => ({ id: randomUUID(), activity_id: a.id, seq: i + 1, date: s.date, topic: s.topic })))
    .execute();
}

export async function findActivity(db: Db, id: string) {
  return db.selectFrom('activities').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findAgency(db: Db, code: string) {
  return db.selectFrom('agencies').selectAll().where('code', '=', code).executeTakeFirst();
}

export async function listAgencies(db: Db) {
  return db.selectFrom('agencies').selectAll().orderBy('kind').orderBy('name').execute();
}

/** The activities of some cases (or of one activity), with everything their view shows. */
export async function activityDetails(db: Db, where: { caseId?: string; activityId?: string }) {
  let q = db
    .selectFrom('activities')
    .innerJoin('agencies', 'agencies.code', 'activities.agency_code')
    .innerJoin('cases', 'cases.id', 'activities.case_id')
    .selectAll('activities')
    .select(['agencies.name as agency_name', 'agencies.kind as agency_kind', 'cases.name as case_name']);
  if (where.caseId) q = q.where('activities.case_id', '=', where.caseId);
  if (where.activityId) q = q.where('activities.id', '=', where.activityId);
  const activities = await q.orderBy('activities.created_at').execute();
  const ids = activities.map((a) => a.id);
  if (!ids.length) return { activities, sessions: [], participants: [], outputs: [] };
  const [sessions, participants, outputs] = await Promise.all([
    db
      .selectFrom('activity_sessions as s')
      .select(['s.id', 's.activity_id', 's.seq', sql<string>`s.date::text`.as('date'), 's.topic',
        sql<string>`(select count(*) from attendance a where a.session_id = s.id and a.present)`.as('present'),
        sql<string[]>`(select coalesce(array_agg(a.person_id order by a.person_id), '{}') from attendance a where a.session_id = s.id and a.present)`.as('present_ids')])
      .where('s.activity_id', 'in', ids)
      .orderBy('s.activity_id')
      .orderBy('s.seq')
      .execute(),
    db
      .selectFrom('activity_participants as ap')
      .innerJoin('persons', 'persons.id', 'ap.person_id')
      .select(['ap.activity_id', 'persons.id', 'persons.nik', 'persons.name', 'persons.household_id',
        sql<string>`(select count(*) from attendance a join activity_sessions s on s.id = a.session_id where s.activity_id = ap.activity_id and a.person_id = persons.id and a.present)`.as('attended')])
      .where('ap.activity_id', 'in', ids)
      .orderBy('persons.name')
      .execute(),
    db
      .selectFrom('activity_outputs as o')
      .innerJoin('persons', 'persons.id', 'o.person_id')
      .select(['o.activity_id', 'o.kind', 'o.note', 'o.recorded_at', 'persons.id', 'persons.nik', 'persons.name', 'persons.household_id'])
      .where('o.activity_id', 'in', ids)
      .orderBy('o.recorded_at')
      .execute(),
  ]);
  return { activities, sessions, participants, outputs };
}

/** Enrols people (once each); answers how many are enrolled now. */
export async function enrol(trx: Db, activityId: string, personIds: string[], by: string): Promise<number> {
  await trx
    .insertInto('activity_participants')
    .values(personIds.map((personId) => ({ activity_id: activityId, person_id: personId, enrolled_by: by })))
    .onConflict((oc) => oc.columns(['activity_id', 'person_id']).doNothing())
    .execute();
  const { n } = await trx.selectFrom('activity_participants').select((eb) => eb.fn.countAll<string>().as('n')).where('activity_id', '=', activityId).executeTakeFirstOrThrow();
  return Number(n);
}

export async function enrolledIds(db: Db, activityId: string): Promise<Set<string>> {
  return new Set((await db.selectFrom('activity_participants').select('person_id').where('activity_id', '=', activityId).execute()).map((r) => r.person_id));
}

export async function findSession(db: Db, id: string) {
  return db.selectFrom('activity_sessions').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function recordAttendance(trx: Db, sessionId: string, records: { personId: string; present: boolean }[], by: string) {
  await trx
    .insertInto('attendance')
    .values(records.map((r) => ({ session_id: sessionId, person_id: r.personId, present: r.present, recorded_by: by })))
    .onConflict((oc) => oc.columns(['session_id', 'person_id']).doUpdateSet((eb) => ({ present: eb.ref('excluded.present'), recorded_by: by, recorded_at: new Date() })))
    .execute();
}

export async function recordOutput(trx: Db, o: { activityId: string; personId: string; kind: string; note: string | null; by: string }): Promise<boolean> {
  const row = await trx
    .insertInto('activity_outputs')
    .values({ id: randomUUID(), activity_id: o.activityId, person_id: o.personId, kind: o.kind, note: o.note, recorded_by: o.by })
    .onConflict((oc) => oc.columns(['activity_id', 'person_id', 'kind']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return Boolean(row);
}
