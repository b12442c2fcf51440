import { sql } from 'kysely';
import type { Db } from './connection';
import { caseIdInReach, caseInReach } from './case-reach';

/** Which cases the figures cover: programs and kecamatan (empty: all). */
export interface DashboardScope {
  programs: string[];
  kecamatans: string[];
}
const limited = (s: DashboardScope) => s.programs.length > 0 || s.kecamatans.length > 0;
const region = (s: DashboardScope) => ({ kind: 'REGION' as const, programCodes: s.programs, kecamatanCodes: s.kecamatans });

const OPEN = ['UPCOMING', 'DUE', 'OVERDUE', 'ESCALATED'];
const ENDED = ['REJECTED', 'WITHDRAWN', 'CLOSED'];

/** The manager's figures, each one aggregate query over stored rows (statuses are stored; "stalled"
 * compares the stored due date of the stage's deadline with now). `scope` narrows every figure. */
export async function dashboardFigures(db: Db, { scope, now, agingDays }: { scope: DashboardScope; now: Date; agingDays: number[] }) {
  const cases = () => {
    let q = db.selectFrom('cases');
    if (limited(scope)) q = q.where(caseInReach(region(scope)));
    return q;
  };
  // A scope narrows obligations by their case; without one, no join at all.
  const obligations = () => {
    let q = db.selectFrom('obligations');
    if (limited(scope)) q = q.where(caseIdInReach(region(scope), 'obligations.case_id'));
    return q;
  };
  const since90 = new Date(now.getTime() - 90 * 86_400_000);
  const edges = [0, ...agingDays];

  const [stages, stalled, overdueByKind, overdueByAssignee, overdueByKecamatan, adherence, ratings, budget, redReports, coverage, beneficiaries] =
    await Promise.all([
      cases().select(['program_code', 'stage', (eb) => eb.fn.countAll<string>().as('count')]).groupBy(['program_code', 'stage']).execute(),
      obligations()
        .select(
          edges.map((from, i) => {
            const to = edges[i + 1];
            const age = sql`${now}::timestamptz - obligations.due_at`;
            const cond = to === undefined
              ? sql<boolean>`${age} >= make_interval(days => ${from})`
              : sql<boolean>`${age} >= make_interval(days => ${from}) and ${age} < make_interval(days => ${to})`;
            return sql<string>`count(*) filter (where ${cond})`.as(`b${i}`);
          }),
        )
        .where('obligations.kind', '=', 'STAGE_DEADLINE')
        .where('obligations.status', 'in', OPEN)
        .where('obligations.due_at', '<', now)
        .executeTakeFirstOrThrow(),
      obligations()
        .select(['obligations.status', 'obligations.kind', (eb) => eb.fn.countAll<string>().as('count')])
        .where('obligations.status', 'in', ['OVERDUE', 'ESCALATED'])
        .groupBy(['obligations.status', 'obligations.kind'])
        .execute(),
      obligations()
        .leftJoin('users', 'users.id', 'obligations.assignee_id')
        .select(['obligations.status', 'obligations.assignee_id', 'users.name', (eb) => eb.fn.countAll<string>().as('count')])
        .where('obligations.status', 'in', ['OVERDUE', 'ESCALATED'])
        .groupBy(['obligations.status', 'obligations.assignee_id', 'users.name'])
        .execute(),
      obligations()
        .innerJoin('cases', 'cases.id', 'obligations.case_id')
        .innerJoin('kecamatan', 'kecamatan.code', 'cases.kecamatan_code')
        .select(['obligations.status', 'cases.kecamatan_code', 'kecamatan.name', (eb) => eb.fn.countAll<string>().as('count')])
        .where('obligations.status', 'in', ['OVERDUE', 'ESCALATED'])
        .groupBy(['obligations.status', 'cases.kecamatan_code', 'kecamatan.name'])
        .execute(),
      // Adherence: of the visits due in the last 90 days (and not waived or cancelled), the share done on time.
      obligations()
        .innerJoin('users', 'users.id', 'obligations.assignee_id')
        .select([
          'obligations.assignee_id',
          'users.name',
          (eb) => eb.fn.countAll<string>().as('due'),
          sql<string>`count(*) filter (where obligations.status = 'FULFILLED' and obligations.late = false)`.as('on_time'),
        ])
        .where('obligations.kind', '=', 'VISIT')
        .where('obligations.due_at', '>=', since90)
        .where('obligations.due_at', '<', now)
        .where('obligations.status', 'not in', ['WAIVED', 'CANCELLED'])
        .groupBy(['obligations.assignee_id', 'users.name'])
        .execute(),
      cases()
        .select(['rating', (eb) => eb.fn.countAll<string>().as('count')])
        .where('rating', 'is not', null)
        .where(sql<boolean>`extract(year from rated_at at time zone 'Asia/Jakarta') = extract(year from ${now}::timestamptz at time zone 'Asia/Jakarta')`)
        .groupBy('rating')
        .execute(),
      cases()
        .select([
          sql<string>`coalesce(sum(budget_allocated), 0)`.as('allocated'),
          sql<string>`coalesce(sum(budget_realised), 0)`.as('realised'),
        ])
        .executeTakeFirstOrThrow(),
      (() => {
        let q = db.selectFrom('monitoring_reports').where('monitoring_reports.red', '=', true);
        if (limited(scope)) q = q.where(caseIdInReach(region(scope), 'monitoring_reports.case_id'));
        return q.select((eb) => eb.fn.countAll<string>().as('count')).executeTakeFirstOrThrow();
      })(),
      // Coverage: per kecamatan of the program's city, kelurahan with at least one kampung still running.
      (() => {
        let q = db
          .selectFrom('kecamatan')
          .innerJoin('kelurahan', 'kelurahan.kecamatan_code', 'kecamatan.code')
          .leftJoin(
            (eb) => {
              let active = eb.selectFrom('cases').select('kelurahan_code').distinct().where('stage', 'not in', ENDED);
              if (limited(scope)) active = active.where(caseInReach(region(scope)));
              return active.as('active');
            },
            (join) => join.onRef('active.kelurahan_code', '=', 'kelurahan.code'),
          );
        q = q.where('kecamatan.city_code', 'in', (eb) => {
          const cities = eb.selectFrom('programs').select('city_code');
          return scope.programs.length ? cities.where('code', 'in', scope.programs) : cities;
        });
        if (scope.kecamatans.length) q = q.where('kecamatan.code', 'in', scope.kecamatans);
        return q
          .select([
            'kecamatan.code',
            'kecamatan.name',
            (eb) => eb.fn.countAll<string>().as('kelurahan'),
            (eb) => eb.fn.count<string>('active.kelurahan_code').as('covered'),
          ])
          .groupBy(['kecamatan.code', 'kecamatan.name'])
          .orderBy('kecamatan.code')
          .execute();
      })(),
      // Beneficiaries once each: a person merged into another counts as that other (one data).
      (() => {
        let q = db
          .selectFrom('activity_participants as ap')
          .innerJoin('activities', 'activities.id', 'ap.activity_id')
          .innerJoin('persons', 'persons.id', 'ap.person_id')
          .leftJoin('persons as kept', 'kept.id', 'persons.merged_into');
        if (limited(scope)) q = q.where(caseIdInReach(region(scope), 'activities.case_id'));
        return q
          .select([
            sql<string>`count(distinct coalesce(persons.merged_into, persons.id))`.as('people'),
            sql<string>`count(distinct coalesce(kept.household_id, persons.household_id))`.as('households'),
            sql<string>`count(distinct (ap.activity_id, coalesce(persons.merged_into, persons.id)))`.as('enrolments'),
          ])
          .executeTakeFirstOrThrow();
      })(),
    ]);
  return { stages, stalled, edges, overdueByKind, overdueByAssignee, overdueByKecamatan, adherence, ratings, budget, redReports, coverage, beneficiaries };
}

/** Per program, the visits logged since `since` (kept ones: a refused visit is removed) and how many
 * of them carry evidence: a photo or the phone's location. */
export async function visitEvidenceByProgram(db: Db, { scope, since }: { scope: DashboardScope; since: Date }) {
  let q = db.selectFrom('visits').innerJoin('cases', 'cases.id', 'visits.case_id').where('visits.visited_at', '>=', since);
  if (limited(scope)) q = q.where(caseInReach(region(scope)));
  return q
    .select([
      'cases.program_code',
      (eb) => eb.fn.countAll<string>().as('visits'),
      sql<string>`count(*) filter (where visits.latitude is not null or exists (select 1 from visit_photos p where p.visit_id = visits.id))`.as('with_evidence'),
    ])
    .groupBy('cases.program_code')
    .orderBy('cases.program_code')
    .execute();
}

/** For each week's end instant: obligations open past their overdue instant (but not yet escalated)
 * and past their escalation instant at that moment. An obligation is closed at `closed_at` (kept by
 * PostgreSQL: fulfilled, waived or cancelled). Only two kinds of rows can count, each read through
 * its partial index: the open ones, and those closed after they were overdue, within the weeks. */
export async function overdueTrend(db: Db, { scope, weekEnds }: { scope: DashboardScope; weekEnds: Date[] }) {
  const first = weekEnds[0]!;
  const last = weekEnds[weekEnds.length - 1]!;
  const candidates = sql`(
    select overdue_at, escalates_at, null::timestamptz as closed_at, case_id from obligations
     where status in ('UPCOMING', 'DUE', 'OVERDUE', 'ESCALATED') and overdue_at <= ${last}
    union all
    select overdue_at, escalates_at, closed_at, case_id from obligations
     where closed_at > overdue_at and closed_at > ${first} and overdue_at <= ${last}
  )`;
  const columns = weekEnds.flatMap((end, i) => {
    const openAt = sql`(o.closed_at is null or o.closed_at > ${end})`;
    return [
      sql`count(*) filter (where o.overdue_at <= ${end} and o.escalates_at > ${end} and ${openAt}) as ${sql.ref(`o${i}`)}`,
      sql`count(*) filter (where o.escalates_at <= ${end} and ${openAt}) as ${sql.ref(`e${i}`)}`,
    ];
  });
  const where = limited(scope) ? sql`where ${caseIdInReach(region(scope), 'o.case_id')}` : sql``;
  const { rows } = await sql<Record<string, string>>`select ${sql.join(columns)} from ${candidates} o ${where}`.execute(db);
  const counts = rows[0]!;
  return weekEnds.map((_, i) => ({ overdue: Number(counts[`o${i}`]), escalated: Number(counts[`e${i}`]) }));
}

export async function findSettings(db: Db) {
  return db.selectFrom('dashboard_settings').selectAll().where('id', '=', 1).executeTakeFirstOrThrow();
}

export async function saveAgingDays(db: Db, days: number[], userId: string) {
  return db
    .updateTable('dashboard_settings')
    .set({ stalled_aging_days: sql<number[]>`${sql.val(days)}::integer[]`, updated_by: userId, updated_at: new Date() })
    .where('id', '=', 1)
    .execute();
}
