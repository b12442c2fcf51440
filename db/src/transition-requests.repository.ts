import type { Db } from './connection';

export interface NewTransitionRequest {
  id: string;
  caseId: string;
  to: string;
  reason: string | null;
  data: Record<string, unknown> | null;
  actorId: string | null;
  /** Where the request came from, for the audit entry written with the move. */
  httpRequestId: string | null;
  sourceIp: string | null;
}

/** Stores a move request. The same request again (a retry after an unknown outcome: its id comes
 * from the same Idempotency-Key) keeps the first row, which the move may yet refer to. Answers the
 * stored request's case and stage, so that the caller sees whether the retry asks for the same move. */
export async function insertTransitionRequest(db: Db, r: NewTransitionRequest): Promise<{ caseId: string; to: string }> {
  await db
    .insertInto('transition_requests')
    .values({
      id: r.id,
      case_id: r.caseId,
      to_stage: r.to,
      reason: r.reason,
      data: r.data ? JSON.stringify(r.data) : null,
      actor_id: r.actorId,
      http_request_id: r.httpRequestId,
      source_ip: r.sourceIp,
    })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
  const stored = await db.selectFrom('transition_requests').select(['case_id', 'to_stage']).where('id', '=', r.id).executeTakeFirstOrThrow();
  return { caseId: stored.case_id, to: stored.to_stage };
}

/** Whether the move asked for by this request is recorded (a retry of an answered request). */
export async function isRecorded(db: Db, id: string): Promise<boolean> {
  return Boolean(await db.selectFrom('stage_history').select('id').where('request_id', '=', id).executeTakeFirst());
}

/** A refused request leaves nothing behind; a request a recorded move refers to is never removed. */
export async function deleteUnrecordedRequest(db: Db, id: string): Promise<void> {
  await db
    .deleteFrom('transition_requests')
    .where('id', '=', id)
    .where(({ not, exists, selectFrom }) => not(exists(selectFrom('stage_history').select('stage_history.id').where('stage_history.request_id', '=', id))))
    .execute();
}

/** Requests of a case that no move recorded, older than `before`: left by a request whose answer was
 * lost and whose Update never arrived. Removed by the reconciler once the case's workflow and
 * PostgreSQL agree on its last move (so no accepted move is still being written). */
export async function deleteOrphanRequests(db: Db, caseId: string, before: Date): Promise<number> {
  const gone = await db
    .deleteFrom('transition_requests')
    .where('case_id', '=', caseId)
    .where('created_at', '<', before)
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('stage_history').select('stage_history.id').whereRef('stage_history.request_id', '=', 'transition_requests.id'))))
    .execute();
  return Number(gone[0]?.numDeletedRows ?? 0);
}
