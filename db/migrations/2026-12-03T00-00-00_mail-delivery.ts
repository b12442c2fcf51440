import { type Kysely, sql } from 'kysely';

// Frozen in time. The outbox gets a delivery state: PENDING until the mail workflow sends it
// (SENT), gives up after its attempts (DEAD, with the last error, shown to admins), or an
// escalation is carried by a supervisor's daily digest instead of a mail of its own (DIGESTED).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('outbox')
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('PENDING').check(sql`status in ('PENDING', 'SENT', 'DEAD', 'DIGESTED')`))
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_error', 'text')
    .addColumn('last_attempt_at', 'timestamptz')
    .addColumn('dead_at', 'timestamptz')
    .addColumn('digest_id', 'bigint', (c) => c.references('outbox.id'))
    .execute();
  await sql`update outbox set status = 'SENT' where sent_at is not null`.execute(db);
  await sql`create index outbox_pending on outbox (id) where status = 'PENDING'`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index outbox_pending`.execute(db);
  for (const column of ['digest_id', 'dead_at', 'last_attempt_at', 'last_error', 'attempts', 'status']) {
    await db.schema.alterTable('outbox').dropColumn(column).execute();
  }
}
