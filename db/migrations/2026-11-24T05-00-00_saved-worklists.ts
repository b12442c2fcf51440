import { type Kysely, sql } from 'kysely';

// Frozen in time. Named worklists: the filters of the case or obligation list a user keeps, private
// or shared with colleagues. One name per owner. And who waived an obligation, for the case's timeline.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('obligations').addColumn('waived_by', 'uuid', (c) => c.references('users.id')).execute();
  await db.schema
    .createTable('saved_worklists')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('owner_id', 'uuid', (c) => c.notNull().references('users.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('target', 'text', (c) => c.notNull().check(sql`target in ('cases', 'obligations')`))
    .addColumn('visibility', 'text', (c) => c.notNull().check(sql`visibility in ('PRIVATE', 'SHARED')`))
    .addColumn('filters', 'jsonb', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('saved_worklists_owner_name_key', ['owner_id', 'name'])
    .execute();
  await db.schema.createIndex('saved_worklists_shared_idx').on('saved_worklists').column('target').where(sql.ref('visibility'), '=', 'SHARED').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('saved_worklists').execute();
  await db.schema.alterTable('obligations').dropColumn('waived_by').execute();
}
