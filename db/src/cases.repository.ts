import { sql } from 'kysely';
import { OPEN_OBLIGATION_STATUSES, type CaseListQuery, type CaseReach, type RecordedTransition } from '@kampung/domain';
import type { Db } from './connection';
import { inTransaction } from './audited';
import { appendAudit, type AuditEntry } from './audit.repository';
import { caseInReach } from './case-reach';
import type { NewCaseRow } from './schema';

const OPEN = [...OPEN_OBLIGATION_STATUSES];
/** Past their due date's grace: the obligations the case list counts as overdue. */
const LATE = ['OVERDUE', 'ESCALATED'];

const caseColumns = [
  'cases.id',
  'cases.workflow_id',
  'cases.program_code',
  'cases.kelurahan_code',
  'kelurahan.name as kelurahan_name',
  'cases.kecamatan_code',
  'kecamatan.name as kecamatan_name',
  'cases.rw',
  'cases.name',
  'cases.theme',
  'cases.stage',
  'cases.resume_stage',
  'cases.stage_seq',
  'cases.stage_entered_at',
  'cases.created_at',
] as const;

function casesWithRegions(db: Db) {
  return db
    .selectFrom('cases')
    .innerJoin('kelurahan', 'kelurahan.code', 'cases.kelurahan_code')
    .innerJoin('kecamatan', 'kecamatan.code', 'cases.kecamatan_code');
}

/** Inserts a proposed case and its first history entry (nothing → PROPOSAL) in one transaction. */
export async function insertProposedCase(db: Db, row: NewCaseRow, audit: AuditEntry): Promise<void> {
  await inTransaction(db, async (trx) => {
    await appendAudit(trx, audit);
    await trx.insertInto('cases').values(row).execute();
    await trx
      .insertInto('stage_history')
      .values({
        case_id: row.id,
        seq: 0,
        from_stage: null,
        to_stage: row.stage,
        at: row.stage_entered_at,
        actor_id: row.created_by,
        reason: null,
        data: null,
      })
      .execute();
  });
}

/** Undoes a proposal whose workflow could not start; the audit log keeps both entries. */
export async function deleteCase(db: Db, id: string, audit?: AuditEntry): Promise<void> {
  await inTransaction(db, async (trx) => {
    if (audit) await appendAudit(trx, audit);
    await trx.deleteFrom('stage_history').where('case_id', '=', id).execute();
    await trx.deleteFrom('transition_requests').where('case_id', '=', id).execute();
    await trx.deleteFrom('cases').where('id', '=', id).execute();
  });
}

export async function findCaseSummary(db: Db, id: string) {
  return casesWithRegions(db).select(caseColumns).where('cases.id', '=', id).executeTakeFirst();
}

/** The case, if it is within the reader's reach. */
export async function findCaseDetail(db: Db, id: string, reach: CaseReach) {
  return casesWithRegions(db)
    .select([...caseColumns, 'cases.profile', 'cases.proposer'])
    .where('cases.id', '=', id)
    .where(caseInReach(reach))
    .executeTakeFirst();
}

export async function findCaseByName(db: Db, name: string) {
  return db.selectFrom('cases').select(['id', 'stage']).where('name', '=', name).executeTakeFirst();
}

export async function listCases(db: Db, query: CaseListQuery, reach: CaseReach) {
  let q = casesWithRegions(db).where(caseInReach(reach));
  if (query.program) q = q.where('cases.program_code', '=', query.program);
  if (query.kecamatan) q = q.where('cases.kecamatan_code', '=', query.kecamatan);
  if (query.stage) q = q.where('cases.stage', '=', query.stage);
  if (query.stalledMinDays !== undefined || query.stalledMaxDays !== undefined) {
    // Stalled: the open deadline of the stage it is in lies behind it by at least min (and under max) days.
    const now = Date.now();
    const dueBefore = new Date(now - (query.stalledMinDays ?? 0) * 86_400_000);
    const dueFrom = query.stalledMaxDays === undefined ? null : new Date(now - query.stalledMaxDays * 86_400_000);
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('obligations')
          .select('obligations.id')
          .whereRef('obligations.case_id', '=', 'cases.id')
          .where('obligations.kind', '=', 'STAGE_DEADLINE')
          .where('obligations.status', 'in', ['UPCOMING', 'DUE', 'OVERDUE', 'ESCALATED'])
          .where('obligations.due_at', '<', dueBefore)
          .$if(dueFrom !== null, (sub) => sub.where('obligations.due_at', '>', dueFrom!)),
      ),
    );
  }
  if (query.q) {
    const pattern = `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    q = q.where((eb) =>
      eb.or([
        eb('cases.name', 'ilike', pattern),
        eb('cases.theme', 'ilike', pattern),
        eb('kelurahan.name', 'ilike', pattern),
        eb('kecamatan.name', 'ilike', pattern),
      ]),
    );
  }
  // The page first (sorted, cut), then what the list shows beside each of its cases, looked up for
  // the page's rows alone: a default-sorted page costs the same however many cases match. Sorting by
  // stalled days or overdue obligations needs them for every matching case, one index probe each.
  const now = new Date();
  const page = q
    .select(caseColumns)
    .$call((sorted) => {
      switch (query.sort) {
        case 'created':
          return sorted.orderBy('cases.created_at', 'asc');
        case 'name':
          return sorted.orderBy('cases.name', 'asc');
        case 'stageEntered':
          return sorted.orderBy('cases.stage_entered_at', 'asc');
        case 'stalled':
          return sorted.orderBy(stalledSince(now), (ob) => ob.asc().nullsLast());
        case 'overdue':
          return sorted.orderBy(overdueCount(), 'desc');
        default:
          return sorted.orderBy('cases.created_at', 'desc');
      }
    })
    .orderBy('cases.id')
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  const [items, count] = await Promise.all([
    db
      .selectFrom(page.as('page'))
      .leftJoinLateral(
        (eb) =>
          eb
            .selectFrom('obligations')
            .select((o) => o.fn.min('obligations.due_at').as('since'))
            .whereRef('obligations.case_id', '=', 'page.id')
            .where('obligations.kind', '=', 'STAGE_DEADLINE')
            .where('obligations.status', 'in', OPEN)
            .where('obligations.due_at', '<', now)
            .as('stalled'),
        (join) => join.onTrue(),
      )
      .leftJoinLateral(
        (eb) =>
          eb
            .selectFrom('obligations')
            .select(sql<number>`count(*)::int`.as('count'))
            .whereRef('obligations.case_id', '=', 'page.id')
            .where('obligations.status', 'in', LATE)
            .as('overdue'),
        (join) => join.onTrue(),
      )
      .leftJoinLateral(
        (eb) =>
          eb
            .selectFrom('assignments')
            .innerJoin('users', 'users.id', 'assignments.user_id')
            .select(
              sql<{ id: string; name: string }[]>`coalesce(json_agg(json_build_object('id', users.id, 'name', users.name) order by assignments.is_lead desc, users.name, users.id), '[]'::json)`.as('list'),
            )
            .whereRef('assignments.case_id', '=', 'page.id')
            .where('assignments.role', '=', 'MENTOR')
            .where('assignments.ended_at', 'is', null)
            .as('mentors'),
        (join) => join.onTrue(),
      )
      .selectAll('page')
      .select([
        sql<number | null>`floor(extract(epoch from (${now}::timestamptz - stalled.since)) / 86400)::int`.as('stalled_days'),
        sql<number>`coalesce(overdue.count, 0)`.as('overdue_obligations'),
        sql<{ id: string; name: string }[]>`coalesce(mentors.list, '[]'::json)`.as('mentors'),
      ])
      // The page's own order again (a subquery's order does not carry over).
      .$call((sorted) => {
        switch (query.sort) {
          case 'created':
            return sorted.orderBy('page.created_at', 'asc');
          case 'name':
            return sorted.orderBy('page.name', 'asc');
          case 'stageEntered':
            return sorted.orderBy('page.stage_entered_at', 'asc');
          case 'stalled':
            return sorted.orderBy('stalled.since', (ob) => ob.asc().nullsLast());
          case 'overdue':
            return sorted.orderBy('overdue.count', 'desc');
          default:
            return sorted.orderBy('page.created_at', 'desc');
        }
      })
      .orderBy('page.id')
      .execute(),
    q.select((eb) => eb.fn.countAll<string>().as('total')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(count.total) };
}

/** When the open deadline of the case's stage passed, if it has (the case is stalled since then),
 * else null: the same rule as the stalled filter above and the dashboard's aging buckets. */
function stalledSince(now: Date) {
  return sql<Date | null>`(select min(o.due_at) from obligations o
    where o.case_id = cases.id and o.kind = 'STAGE_DEADLINE'
      and o.status in (${sql.join(OPEN)}) and o.due_at < ${now})`;
}

/** The case's obligations now OVERDUE or ESCALATED. */
function overdueCount() {
  return sql<number>`(select count(*) from obligations o where o.case_id = cases.id and o.status in (${sql.join(LATE)}))`;
}

export async function listHistory(db: Db, caseId: string) {
  return db
    .selectFrom('stage_history')
    .leftJoin('users', 'users.id', 'stage_history.actor_id')
    .select([
      'stage_history.seq',
      'stage_history.from_stage',
      'stage_history.to_stage',
      'stage_history.at',
      'stage_history.actor_id',
      'users.name as actor_name',
      'stage_history.reason',
      'stage_history.data',
    ])
    .where('stage_history.case_id', '=', caseId)
    .orderBy('stage_history.seq')
    .execute();
}

/** When the case first entered a stage (its history), or null if it never has. */
export async function firstEnteredAt(db: Db, caseId: string, stage: string): Promise<Date | null> {
  const row = await db
    .selectFrom('stage_history')
    .select('at')
    .where('case_id', '=', caseId)
    .where('to_stage', '=', stage)
    .orderBy('seq')
    .limit(1)
    .executeTakeFirst();
  return row?.at ?? null;
}

/** Writes one transition: its history row (once per case and seq) and the case's current stage
 * (only moving forward in seq). Safe to run any number of times. */
export async function recordTransition(db: Db, t: RecordedTransition): Promise<void> {
  await inTransaction(db, async (trx) => {
    const request = t.requestId
      ? await trx
          .selectFrom('transition_requests')
          .select(['reason', 'data', 'http_request_id', 'source_ip'])
          .where('id', '=', t.requestId)
          .executeTakeFirst()
      : undefined;
    const inserted = await trx
      .insertInto('stage_history')
      .values({
        case_id: t.caseId,
        seq: t.seq,
        from_stage: t.from,
        to_stage: t.to,
        at: t.at,
        actor_id: t.actorId,
        request_id: t.requestId,
        reason: request?.reason ?? null,
        data: request?.data ? JSON.stringify(request.data) : null,
      })
      .onConflict((oc) => oc.columns(['case_id', 'seq']).doNothing())
      .executeTakeFirst();
    // The audit entry is written with the move, once (a retried activity inserts no second row).
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0n) > 0) {
      await appendAudit(trx, {
        actorId: t.actorId,
        action: 'CASE_TRANSITIONED',
        subjectType: 'case',
        subjectId: t.caseId,
        caseId: t.caseId,
        before: { stage: t.from },
        after: { stage: t.to, ...(t.resumeStage ? { resumeStage: t.resumeStage } : {}), ...(request?.data ? { data: request.data } : {}) },
        reason: request?.reason ?? null,
        requestId: request?.http_request_id ?? t.requestId,
        sourceIp: request?.source_ip ?? null,
      });
    }
    await trx
      .updateTable('cases')
      .set({
        stage: t.to,
        resume_stage: t.resumeStage,
        stage_seq: t.seq,
        stage_entered_at: t.at,
        updated_at: new Date(),
      })
      .where('id', '=', t.caseId)
      .where('stage_seq', '<', t.seq)
      .execute();
    await recordCaseMetrics(trx, t, request?.data ?? null);
  });
}

/** The dashboard's figures that a move sets: the allocated budget from the designation decree and
 * the yearly rating from an evaluation's results (idempotent: the same move writes the same values). */
async function recordCaseMetrics(db: Db, t: RecordedTransition, data: Record<string, unknown> | null) {
  if (!data) return;
  const budget = data.budget as { apbd?: number; csr?: { amount: number }[] } | undefined;
  if (t.to === 'DESIGNATION' && budget?.apbd !== undefined) {
    const allocated = budget.apbd + (budget.csr ?? []).reduce((sum, s) => sum + s.amount, 0);
    await db.updateTable('cases').set({ budget_allocated: allocated }).where('id', '=', t.caseId).execute();
  }
  // The evaluation's results travel with the move out of EVALUATION.
  if (typeof data.rating === 'string') {
    await db
      .updateTable('cases')
      .set({ rating: data.rating, rated_at: t.at })
      .where('id', '=', t.caseId)
      .where((eb) => eb.or([eb('rated_at', 'is', null), eb('rated_at', '<=', new Date(t.at))]))
      .execute();
  }
}
