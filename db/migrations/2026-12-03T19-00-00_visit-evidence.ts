import { type Kysely, sql } from 'kysely';

// Frozen in time. A visit's evidence: photos (uploaded before the visit, unattached until a visit
// lists them, unattached again when that visit is undone: ON DELETE SET NULL) and the phone's
// location. The photos' bytes live in an evidence store; PostgreSQL's is evidence_blobs (an S3
// store would take its place, the metadata staying here).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('evidence_blobs')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('bytes', 'bytea', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createTable('visit_photos')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('case_id', 'uuid', (c) => c.notNull().references('cases.id'))
    .addColumn('visit_id', 'uuid', (c) => c.references('visits.id').onDelete('set null'))
    .addColumn('uploaded_by', 'uuid', (c) => c.notNull().references('users.id'))
    .addColumn('content_type', 'text', (c) => c.notNull().check(sql`content_type in ('image/jpeg', 'image/png', 'image/webp')`))
    .addColumn('size_bytes', 'integer', (c) => c.notNull().check(sql`size_bytes > 0`))
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('storage_key', 'text', (c) => c.notNull())
    .addColumn('taken_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('visit_photos_visit_idx').on('visit_photos').column('visit_id').execute();
  await db.schema.createIndex('visit_photos_case_idx').on('visit_photos').column('case_id').execute();
  await db.schema
    .alterTable('visits')
    .addColumn('latitude', 'double precision', (c) => c.check(sql`latitude between -90 and 90`))
    .addColumn('longitude', 'double precision', (c) => c.check(sql`longitude between -180 and 180`))
    .addColumn('location_accuracy_m', 'double precision', (c) => c.check(sql`location_accuracy_m >= 0`))
    .addColumn('location_captured_at', 'timestamptz')
    .execute();
  await db.schema
    .alterTable('visits')
    .addCheckConstraint(
      'visits_location_whole',
      sql`(latitude is null) = (longitude is null) and (latitude is null) = (location_captured_at is null) and (location_accuracy_m is null or latitude is not null)`,
    )
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('visits').dropConstraint('visits_location_whole').execute();
  for (const column of ['location_captured_at', 'location_accuracy_m', 'longitude', 'latitude']) {
    await db.schema.alterTable('visits').dropColumn(column).execute();
  }
  await db.schema.dropTable('visit_photos').execute();
  await db.schema.dropTable('evidence_blobs').execute();
}
