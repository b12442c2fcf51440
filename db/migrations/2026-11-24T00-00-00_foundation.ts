import { type Kysely, sql } from 'kysely';

// Frozen in time: typed against Kysely<any>, never against today's Database interface.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('cities')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('kecamatan')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('city_code', 'text', (c) => c.notNull().references('cities.code'))
    .addColumn('name', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('kelurahan')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('kecamatan_code', 'text', (c) => c.notNull().references('kecamatan.code'))
    .addColumn('name', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('programs')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('city_code', 'text', (c) => c.notNull().references('cities.code'))
    .execute();

  await db.schema
    .createTable('users')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('email', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createTable('sessions')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('sessions_user_idx').on('sessions').column('user_id').execute();

  await db.schema
    .createTable('cases')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('workflow_id', 'text', (c) => c.notNull().unique())
    .addColumn('program_code', 'text', (c) => c.notNull().references('programs.code'))
    .addColumn('kelurahan_code', 'text', (c) => c.notNull().references('kelurahan.code'))
    .addColumn('kecamatan_code', 'text', (c) => c.notNull().references('kecamatan.code'))
    .addColumn('rw', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('theme', 'text', (c) => c.notNull())
    .addColumn('profile', 'jsonb', (c) => c.notNull())
    .addColumn('proposer', 'jsonb', (c) => c.notNull())
    .addColumn('created_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('stage', 'text', (c) => c.notNull())
    .addColumn('resume_stage', 'text')
    .addColumn('stage_seq', 'integer', (c) => c.notNull())
    .addColumn('stage_entered_at', 'timestamptz', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('cases_program_stage_idx').on('cases').columns(['program_code', 'stage']).execute();
  await db.schema.createIndex('cases_kecamatan_idx').on('cases').column('kecamatan_code').execute();
  await db.schema.createIndex('cases_created_idx').on('cases').column('created_at').execute();

  // A person's request to move a case: its free text and data stay here, out of Temporal.
  await db.schema
    .createTable('transition_requests')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('case_id', 'uuid', (c) => c.notNull().references('cases.id'))
    .addColumn('to_stage', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('data', 'jsonb')
    .addColumn('actor_id', 'uuid', (c) => c.references('users.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('stage_history')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('case_id', 'uuid', (c) => c.notNull().references('cases.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('from_stage', 'text')
    .addColumn('to_stage', 'text', (c) => c.notNull())
    .addColumn('at', 'timestamptz', (c) => c.notNull())
    .addColumn('actor_id', 'uuid', (c) => c.references('users.id'))
    .addColumn('request_id', 'uuid', (c) => c.references('transition_requests.id'))
    .addColumn('reason', 'text')
    .addColumn('data', 'jsonb')
    .addUniqueConstraint('stage_history_case_seq_uq', ['case_id', 'seq'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'stage_history',
    'transition_requests',
    'cases',
    'sessions',
    'users',
    'programs',
    'kelurahan',
    'kecamatan',
    'cities',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
