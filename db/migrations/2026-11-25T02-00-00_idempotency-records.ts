import { type Kysely, sql } from 'kysely';

// Frozen in time. One row per (user, Idempotency-Key) of a write: the request it was first used for
// (method, path, a hash of the body), whether it is still running (IN_PROGRESS, held by one attempt)
// or answered (COMPLETED, with the status and body a repeat gets back). Rows expire; the API deletes
// a few expired ones whenever it records a new one.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('idempotency_records')
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('method', 'text', (c) => c.notNull())
    .addColumn('path', 'text', (c) => c.notNull())
    .addColumn('request_hash', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull().check(sql`state in ('IN_PROGRESS', 'COMPLETED')`))
    .addColumn('attempt_id', 'uuid', (c) => c.notNull())
    .addColumn('response_status', 'integer')
    .addColumn('response_type', 'text')
    .addColumn('response_body', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('started_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('completed_at', 'timestamptz')
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('idempotency_records_pkey', ['user_id', 'key'])
    .addCheckConstraint(
      'idempotency_records_answer_check',
      sql`(state = 'COMPLETED') = (response_status is not null and completed_at is not null)`,
    )
    .execute();
  await db.schema.createIndex('idempotency_records_expires_idx').on('idempotency_records').column('expires_at').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('idempotency_records').execute();
}
