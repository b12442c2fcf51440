import { type Kysely, sql } from 'kysely';

// Frozen in time. Household imports run on the worker (a Temporal workflow), so the uploaded file
// waits in PostgreSQL, not in the API's memory nor in Temporal's history: its bytes in chunks of
// about 1 MB, kept until the import ends (then deleted: they hold personal data). The request's id
// and address go with the import for its audit entry, which the worker writes. An import can be
// CANCELLED by a person.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('household_import_chunks')
    .addColumn('import_id', 'uuid', (c) => c.notNull().references('household_imports.id').onDelete('cascade'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('data', 'bytea', (c) => c.notNull())
    .addPrimaryKeyConstraint('household_import_chunks_pk', ['import_id', 'seq'])
    .execute();
  await db.schema
    .alterTable('household_imports')
    .addColumn('format', 'text', (c) => c.notNull().defaultTo('csv').check(sql`format in ('csv', 'xlsx')`))
    .addColumn('file_bytes', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('request_id', 'text')
    .addColumn('source_ip', 'text')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const column of ['source_ip', 'request_id', 'file_bytes', 'format']) {
    await db.schema.alterTable('household_imports').dropColumn(column).execute();
  }
  await db.schema.dropTable('household_import_chunks').execute();
}
