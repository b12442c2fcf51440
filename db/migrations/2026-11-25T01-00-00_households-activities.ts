import { type Kysely, sql } from 'kysely';

// Frozen in time. One data: households and people exist once across programs and agencies;
// activities of a kampung in implementation, run by an agency or partner, with sessions,
// participants (people, by reference), attendance and outputs; imports of registry lists;
// duplicate candidates for review and the merges managers approve (both records kept).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('agencies')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull()) // OPD or PARTNER
    .execute();

  await db.schema
    .createTable('households')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('kk', 'text', (c) => c.notNull().unique())
    .addColumn('kelurahan_code', 'text', (c) => c.notNull().references('kelurahan.code'))
    .addColumn('kecamatan_code', 'text', (c) => c.notNull().references('kecamatan.code'))
    .addColumn('rw', 'text', (c) => c.notNull())
    .addColumn('rt', 'text', (c) => c.notNull())
    .addColumn('address', 'text', (c) => c.notNull())
    .addColumn('decile', 'integer')
    .addColumn('data_date', 'date', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('dtks_id', 'text')
    .addColumn('import_id', 'uuid')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await sql`create index households_area_idx on households (kelurahan_code, rw, rt)`.execute(db);

  await db.schema
    .createTable('persons')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('nik', 'text', (c) => c.notNull().unique())
    .addColumn('household_id', 'uuid', (c) => c.notNull().references('households.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('birth_date', 'date', (c) => c.notNull())
    .addColumn('sex', 'text', (c) => c.notNull())
    .addColumn('relation', 'text', (c) => c.notNull())
    .addColumn('quality', 'text', (c) => c.notNull().defaultTo('VALID'))
    .addColumn('nik_problems', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('merged_into', 'uuid', (c) => c.references('persons.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await sql`create index persons_household_idx on persons (household_id)`.execute(db);

  // What a person's record was before an import or a merge changed it.
  await db.schema
    .createTable('person_history')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('person_id', 'uuid', (c) => c.notNull().references('persons.id'))
    .addColumn('at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('cause', 'text', (c) => c.notNull()) // IMPORT or MERGE
    .addColumn('before', 'jsonb', (c) => c.notNull())
    .addColumn('import_id', 'uuid')
    .execute();

  await db.schema
    .createTable('household_imports')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('filename', 'text', (c) => c.notNull())
    .addColumn('file_sha256', 'text', (c) => c.notNull())
    .addColumn('uploaded_by', 'uuid', (c) => c.notNull().references('users.id'))
    .addColumn('status', 'text', (c) => c.notNull()) // VALIDATING, WRITING, DONE, REFUSED, FAILED
    .addColumn('total_rows', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('processed_rows', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('households', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('persons_created', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('persons_updated', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('persons_unchanged', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('problems', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'`))
    .addColumn('problem_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('error', 'text')
    .addColumn('started_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('finished_at', 'timestamptz')
    .execute();

  await db.schema
    .createTable('activities')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('case_id', 'uuid', (c) => c.notNull().references('cases.id'))
    .addColumn('agency_code', 'text', (c) => c.notNull().references('agencies.code'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('quota', 'integer', (c) => c.notNull())
    .addColumn('budget', 'numeric', (c) => c.notNull())
    .addColumn('budget_source', 'text', (c) => c.notNull()) // APBD or CSR
    .addColumn('sponsor', 'text')
    .addColumn('created_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await sql`create index activities_case_idx on activities (case_id)`.execute(db);
  await sql`create index activities_agency_idx on activities (agency_code, case_id)`.execute(db);

  await db.schema
    .createTable('activity_sessions')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('activity_id', 'uuid', (c) => c.notNull().references('activities.id').onDelete('cascade'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('date', 'date', (c) => c.notNull())
    .addColumn('topic', 'text', (c) => c.notNull())
    .addUniqueConstraint('activity_sessions_seq', ['activity_id', 'seq'])
    .execute();

  await db.schema
    .createTable('activity_participants')
    .addColumn('activity_id', 'uuid', (c) => c.notNull().references('activities.id').onDelete('cascade'))
    .addColumn('person_id', 'uuid', (c) => c.notNull().references('persons.id'))
    .addColumn('enrolled_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('enrolled_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('activity_participants_pk', ['activity_id', 'person_id'])
    .execute();
  await sql`create index activity_participants_person_idx on activity_participants (person_id)`.execute(db);

  await db.schema
    .createTable('attendance')
    .addColumn('session_id', 'uuid', (c) => c.notNull().references('activity_sessions.id').onDelete('cascade'))
    .addColumn('person_id', 'uuid', (c) => c.notNull().references('persons.id'))
    .addColumn('present', 'boolean', (c) => c.notNull())
    .addColumn('recorded_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('recorded_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('attendance_pk', ['session_id', 'person_id'])
    .execute();

  await db.schema
    .createTable('activity_outputs')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('activity_id', 'uuid', (c) => c.notNull().references('activities.id').onDelete('cascade'))
    .addColumn('person_id', 'uuid', (c) => c.notNull().references('persons.id'))
    .addColumn('kind', 'text', (c) => c.notNull()) // CERTIFIED, BUSINESS_STARTED, EMPLOYED, OTHER
    .addColumn('note', 'text')
    .addColumn('recorded_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('recorded_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('activity_outputs_once', ['activity_id', 'person_id', 'kind'])
    .execute();

  await db.schema
    .createTable('duplicate_candidates')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('person_a', 'uuid', (c) => c.notNull().references('persons.id'))
    .addColumn('person_b', 'uuid', (c) => c.notNull().references('persons.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('score', 'real', (c) => c.notNull())
    .addColumn('reasons', 'jsonb', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('OPEN')) // OPEN, MERGE_REQUESTED, MERGED, DISMISSED
    .addColumn('keep_id', 'uuid', (c) => c.references('persons.id'))
    .addColumn('requested_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('requested_at', 'timestamptz')
    .addColumn('decided_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('decided_at', 'timestamptz')
    .addColumn('found_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('duplicate_candidates_pair', ['person_a', 'person_b'])
    .execute();
  await sql`create index duplicate_candidates_open_idx on duplicate_candidates (status, score desc) where status in ('OPEN', 'MERGE_REQUESTED')`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['duplicate_candidates', 'activity_outputs', 'attendance', 'activity_participants', 'activity_sessions', 'activities', 'household_imports', 'person_history', 'persons', 'households', 'agencies']) {
    await db.schema.dropTable(table).execute();
  }
}
