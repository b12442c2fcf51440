import { type Kysely, sql } from 'kysely';

// Frozen in time. Invitations: an admin creates an account without a password, and a one-time link
// (only its hash is kept) lets the colleague choose one.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('users').alterColumn('password_hash', (c) => c.dropNotNull()).execute();
  await db.schema
    .createTable('invitations')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .addColumn('used_at', 'timestamptz')
    .addColumn('created_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('invitations').execute();
  await sql`update users set password_hash = '' where password_hash is null`.execute(db);
  await db.schema.alterTable('users').alterColumn('password_hash', (c) => c.setNotNull()).execute();
}
