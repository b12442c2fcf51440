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

export async function insertTransitionRequest(db: Db, r: NewTransitionRequest): Promise<void> {
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
    .execute();
}

/** A refused request leaves nothing behind. */
export async function deleteTransitionRequest(db: Db, id: string): Promise<void> {
  await db.deleteFrom('transition_requests').where('id', '=', id).execute();
}
