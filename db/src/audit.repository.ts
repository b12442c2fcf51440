import type { Db } from './connection';

/** One entry of the audit log: who (null: nobody signed in, or the system), what, about what, why,
 * the state before and after, and the request it came with. */
export interface AuditEntry {
  actorId: string | null;
  action: string;
  subjectType?: string;
  subjectId?: string;
  caseId?: string;
  before?: unknown;
  after?: unknown;
  reason?: string | null;
  requestId?: string | null;
  sourceIp?: string | null;
}

/** Appends (the table refuses anything else); pass a transaction to record it with the change. */
export async function appendAudit(db: Db, e: AuditEntry) {
  await db
    .insertInto('audit_log')
    .values({
      actor_id: e.actorId,
      action: e.action,
      subject_type: e.subjectType ?? null,
      subject_id: e.subjectId ?? null,
      case_id: e.caseId ?? null,
      before: e.before === undefined ? null : JSON.stringify(e.before),
      after: e.after === undefined ? null : JSON.stringify(e.after),
      reason: e.reason ?? null,
      request_id: e.requestId ?? null,
      source_ip: e.sourceIp ?? null,
    })
    .execute();
}

/** The source address a request was recorded with (by any entry of it in the last day): work done
 * later for that request, on the worker, is audited with it too, while Temporal carries only the
 * request's id. */
export async function sourceOfRequest(db: Db, requestId: string): Promise<string | null> {
  const row = await db
    .selectFrom('audit_log')
    .select('source_ip')
    .where('at', '>=', new Date(Date.now() - 24 * 3600_000))
    .where('request_id', '=', requestId)
    .where('source_ip', 'is not', null)
    .limit(1)
    .executeTakeFirst();
  return row?.source_ip ?? null;
}

export interface AuditQuery {
  action?: string;
  actor?: string;
  case?: string;
  from?: Date;
  to?: Date;
  page: number;
  pageSize: number;
}

export async function listAudit(db: Db, q: AuditQuery, { count: withTotal = true } = {}) {
  let query = db.selectFrom('audit_log').leftJoin('users', 'users.id', 'audit_log.actor_id');
  if (q.action) query = query.where('audit_log.action', '=', q.action);
  if (q.actor) query = query.where('audit_log.actor_id', '=', q.actor);
  if (q.case) query = query.where('audit_log.case_id', '=', q.case);
  if (q.from) query = query.where('audit_log.at', '>=', q.from);
  if (q.to) query = query.where('audit_log.at', '<', q.to);
  const [items, count] = await Promise.all([
    query
      .selectAll('audit_log')
      .select('users.name as actor_name')
      .orderBy('audit_log.id', 'desc')
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize)
      .execute(),
    withTotal ? query.select((eb) => eb.fn.countAll<string>().as('total')).executeTakeFirstOrThrow() : { total: '0' },
  ]);
  return { items, total: Number(count.total) };
}
