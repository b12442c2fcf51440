import { type Kysely, sql } from 'kysely';

// Frozen in time. The reconciler's passes and what each found: the workflows' own state compared
// with PostgreSQL, repaired where that is safe, otherwise shown to the admins (inbox).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('reconciliation_passes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('started_at', 'timestamptz', (c) => c.notNull())
    .addColumn('finished_at', 'timestamptz')
    .addColumn('cases_checked', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('repaired', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('reported', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .createTable('reconciliation_findings')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('pass_id', 'text', (c) => c.notNull().references('reconciliation_passes.id'))
    .addColumn('case_id', 'uuid', (c) => c.notNull().references('cases.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('repaired', 'boolean', (c) => c.notNull())
    .addColumn('detail', 'jsonb', (c) => c.notNull())
    .addColumn('found_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('reconciliation_findings_once', ['pass_id', 'kind', 'subject_id'])
    .execute();
  await db.schema.alterTable('inbox_items').addColumn('finding_id', 'uuid', (c) => c.references('reconciliation_findings.id')).execute();
  await sql`create unique index inbox_items_user_finding_uq on inbox_items (user_id, finding_id) where finding_id is not null`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index inbox_items_user_finding_uq`.execute(db);
  await db.schema.alterTable('inbox_items').dropColumn('finding_id').execute();
  await db.schema.dropTable('reconciliation_findings').execute();
  await db.schema.dropTable('reconciliation_passes').execute();
}
