import { type Kysely, sql } from 'kysely';

// Frozen in time. Every policy change is a new row: the version history is the table itself.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('program_policies')
    .addColumn('program_code', 'text', (c) => c.notNull().references('programs.code'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('policy', 'jsonb', (c) => c.notNull())
    .addColumn('change_note', 'text', (c) => c.notNull())
    .addColumn('created_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('program_policies_pk', ['program_code', 'version'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('program_policies').execute();
}
