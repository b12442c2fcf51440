import { sql } from 'kysely';
import type { Db } from './connection';

/** What a write was first asked to do under a key, and (once answered) what it answered. */
export interface IdempotencyRecord {
  method: string;
  path: string;
  requestHash: string;
  state: 'IN_PROGRESS' | 'COMPLETED';
  response: { status: number; contentType: string | null; body: string | null } | null;
  startedAt: Date;
}

export interface IdempotencyAttempt {
  userId: string;
  key: string;
  /** Unique per attempt: only the attempt that holds the record answers it or releases it. */
  attemptId: string;
}

/** Deletes up to `limit` expired records, skipping rows another sweep holds: cheap enough to run
 * whenever a record is made, so expired ones never pile up and no timer is needed. */
export async function sweepExpired(db: Db, limit = 100): Promise<number> {
  const { rows } = await sql<{ n: string }>`
    with swept as (
      delete from idempotency_records where ctid = any(array(
        select ctid from idempotency_records where expires_at <= now() limit ${limit} for update skip locked))
      returning 1)
    select count(*) as n from swept`.execute(db);
  return Number(rows[0]?.n ?? 0);
}

/**
 * Makes the record IN_PROGRESS for this attempt, atomically: a new key, an expired record, or an
 * attempt of the same request whose lease ran out (its process died mid-request) is taken; otherwise
 * the record as it stands is returned for the caller to judge (a replay, a request still running, or
 * the key reused for another request).
 */
export async function acquire(
  db: Db,
  attempt: IdempotencyAttempt & { method: string; path: string; requestHash: string; leaseSeconds: number; retentionSeconds: number },
): Promise<{ acquired: true } | { acquired: false; record: IdempotencyRecord | undefined }> {
  const taken = await db
    .insertInto('idempotency_records')
    .values({
      user_id: attempt.userId,
      key: attempt.key,
      method: attempt.method,
      path: attempt.path,
      request_hash: attempt.requestHash,
      state: 'IN_PROGRESS',
      attempt_id: attempt.attemptId,
      expires_at: sql<Date>`now() + make_interval(secs => ${attempt.retentionSeconds})`,
    })
    .onConflict((oc) =>
      oc
        .columns(['user_id', 'key'])
        .doUpdateSet((eb) => ({
          method: eb.ref('excluded.method'),
          path: eb.ref('excluded.path'),
          request_hash: eb.ref('excluded.request_hash'),
          state: 'IN_PROGRESS',
          attempt_id: eb.ref('excluded.attempt_id'),
          response_status: null,
          response_type: null,
          response_body: null,
          completed_at: null,
          started_at: sql<Date>`now()`,
          created_at: sql<Date>`case when idempotency_records.expires_at <= now() then now() else idempotency_records.created_at end`,
          expires_at: eb.ref('excluded.expires_at'),
        }))
        .where((eb) =>
          eb.or([
            eb('idempotency_records.expires_at', '<=', sql<Date>`now()`),
            eb.and([
              eb('idempotency_records.state', '=', 'IN_PROGRESS'),
              eb('idempotency_records.started_at', '<=', sql<Date>`now() - make_interval(secs => ${attempt.leaseSeconds})`),
              eb('idempotency_records.method', '=', eb.ref('excluded.method')),
              eb('idempotency_records.path', '=', eb.ref('excluded.path')),
              eb('idempotency_records.request_hash', '=', eb.ref('excluded.request_hash')),
            ]),
          ]),
        ),
    )
    .returning('attempt_id')
    .executeTakeFirst();
  if (taken?.attempt_id === attempt.attemptId) return { acquired: true };
  return { acquired: false, record: await find(db, attempt.userId, attempt.key) };
}

export async function find(db: Db, userId: string, key: string): Promise<IdempotencyRecord | undefined> {
  const row = await db
    .selectFrom('idempotency_records')
    .select(['method', 'path', 'request_hash', 'state', 'response_status', 'response_type', 'response_body', 'started_at'])
    .where('user_id', '=', userId)
    .where('key', '=', key)
    .where('expires_at', '>', sql<Date>`now()`)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    method: row.method,
    path: row.path,
    requestHash: row.request_hash,
    state: row.state === 'COMPLETED' ? 'COMPLETED' : 'IN_PROGRESS',
    response:
      row.state === 'COMPLETED' && row.response_status !== null
        ? { status: row.response_status, contentType: row.response_type, body: row.response_body }
        : null,
    startedAt: row.started_at,
  };
}

/** Stores the answer of the attempt that holds the record; false when it no longer does (its lease
 * ran out and another attempt took it over). */
export async function complete(
  db: Db,
  attempt: IdempotencyAttempt,
  response: { status: number; contentType: string | null; body: string | null },
): Promise<boolean> {
  const { numUpdatedRows } = await db
    .updateTable('idempotency_records')
    .set({
      state: 'COMPLETED',
      response_status: response.status,
      response_type: response.contentType,
      response_body: response.body,
      completed_at: sql<Date>`now()`,
    })
    .where('user_id', '=', attempt.userId)
    .where('key', '=', attempt.key)
    .where('attempt_id', '=', attempt.attemptId)
    .where('state', '=', 'IN_PROGRESS')
    .executeTakeFirst();
  return numUpdatedRows > 0n;
}

/** Forgets the attempt (its answer is not kept: a retry with the key runs again). */
export async function release(db: Db, attempt: IdempotencyAttempt): Promise<void> {
  await db
    .deleteFrom('idempotency_records')
    .where('user_id', '=', attempt.userId)
    .where('key', '=', attempt.key)
    .where('attempt_id', '=', attempt.attemptId)
    .where('state', '=', 'IN_PROGRESS')
    .execute();
}
