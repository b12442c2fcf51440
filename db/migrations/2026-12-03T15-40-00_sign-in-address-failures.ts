import { type Kysely, sql } from 'kysely';

// Frozen in time. Failed sign-ins counted per source address, in fixed windows, in the database
// rather than in each API process: with two API replicas, an address gets the same number of
// tries whichever replica answers.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('sign_in_address_failures')
    .addColumn('address', 'text', (c) => c.primaryKey())
    .addColumn('failures', 'integer', (c) => c.notNull())
    .addColumn('window_started_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await sql`create index sign_in_address_failures_window on sign_in_address_failures (window_started_at)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('sign_in_address_failures').execute();
}
