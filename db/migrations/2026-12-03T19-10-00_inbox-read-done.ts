import { type Kysely, sql } from 'kysely';

// Frozen in time. An inbox item is read (opened) and done (dealt with) by the user it is for; both
// are that user's own view of their inbox. Every open tab asks for the unread count about once a
// minute, so the count reads a partial index of the unread rows alone; the inbox itself reads a
// user's newest items first.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('inbox_items').addColumn('done_at', 'timestamptz').execute();
  await sql`create index inbox_items_unread on inbox_items (user_id) where read_at is null`.execute(db);
  await sql`create index inbox_items_user_created on inbox_items (user_id, created_at desc, id desc)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index inbox_items_user_created`.execute(db);
  await sql`drop index inbox_items_unread`.execute(db);
  await db.schema.alterTable('inbox_items').dropColumn('done_at').execute();
}
