import { type Kysely, sql } from 'kysely';

// Frozen in time. Obligation status is stored (set when a Temporal timer fires), never computed on read.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('assignments')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('case_id', 'uuid', (c) => c.notNull().references('cases.id'))
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('is_lead', 'boolean', (c) => c.notNull())
    .addColumn('kecamatan_code', 'text', (c) => c.notNull())
    .addColumn('started_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('ended_at', 'timestamptz')
    .addColumn('created_by', 'uuid', (c) => c.references('users.id'))
    .execute();
  await db.schema.createIndex('assignments_case_idx').on('assignments').column('case_id').execute();
  await db.schema.createIndex('assignments_user_idx').on('assignments').column('user_id').execute();

  await db.schema
    .createTable('obligations')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('case_id', 'uuid', (c) => c.notNull().references('cases.id'))
    .addColumn('assignment_id', 'uuid', (c) => c.references('assignments.id'))
    .addColumn('assignee_id', 'uuid', (c) => c.references('users.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('opens_at', 'timestamptz', (c) => c.notNull())
    .addColumn('due_at', 'timestamptz', (c) => c.notNull())
    .addColumn('overdue_at', 'timestamptz', (c) => c.notNull())
    .addColumn('escalates_at', 'timestamptz', (c) => c.notNull())
    .addColumn('policy_version', 'integer', (c) => c.notNull())
    .addColumn('status_changed_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('fulfilled_at', 'timestamptz')
    .addColumn('fulfilled_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('late', 'boolean')
    .addColumn('waived_reason', 'text')
    .addUniqueConstraint('obligations_assignment_kind_seq_uq', ['assignment_id', 'kind', 'seq'])
    .execute();
  await db.schema.createIndex('obligations_status_due_idx').on('obligations').columns(['status', 'due_at']).execute();
  await db.schema.createIndex('obligations_assignee_idx').on('obligations').columns(['assignee_id', 'status']).execute();
  await db.schema.createIndex('obligations_case_idx').on('obligations').column('case_id').execute();

  await db.schema
    .createTable('visits')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('case_id', 'uuid', (c) => c.notNull().references('cases.id'))
    .addColumn('assignment_id', 'uuid', (c) => c.notNull().references('assignments.id'))
    .addColumn('visitor_id', 'uuid', (c) => c.notNull().references('users.id'))
    .addColumn('visited_at', 'timestamptz', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('notes', 'text', (c) => c.notNull())
    .addColumn('attendees', 'integer', (c) => c.notNull())
    .addColumn('follow_ups', 'jsonb', (c) => c.notNull())
    .addColumn('obligation_id', 'uuid', (c) => c.references('obligations.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  // The in-app inbox for escalations, and the outbox a mail sender drains later.
  await db.schema
    .createTable('inbox_items')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id'))
    .addColumn('obligation_id', 'uuid', (c) => c.notNull().references('obligations.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('read_at', 'timestamptz')
    .addUniqueConstraint('inbox_items_user_obligation_kind_uq', ['user_id', 'obligation_id', 'kind'])
    .execute();
  await db.schema
    .createTable('outbox')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('dedupe_key', 'text', (c) => c.notNull().unique())
    .addColumn('recipient_id', 'uuid', (c) => c.notNull().references('users.id'))
    .addColumn('template', 'text', (c) => c.notNull())
    .addColumn('payload', 'jsonb', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('sent_at', 'timestamptz')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['outbox', 'inbox_items', 'visits', 'obligations', 'assignments']) {
    await db.schema.dropTable(table).execute();
  }
}
