import { type Kysely, sql } from 'kysely';

// Frozen in time. Indexes (and the closing instant of an obligation) for the manager's view at 10,000–100,000 cases and millions of
// obligations (BENCHMARKS.md, "Manager's view at scale"): each list's filters with its order, so
// a page reads its rows in order instead of sorting everything that matches.
export async function up(db: Kysely<any>): Promise<void> {
  // Case list: newest first, narrowed by stage, kecamatan or program.
  await db.schema.createIndex('cases_stage_created_idx').on('cases').columns(['stage', 'created_at desc', 'id']).execute();
  await db.schema.createIndex('cases_kecamatan_created_idx').on('cases').columns(['kecamatan_code', 'created_at desc', 'id']).execute();
  await db.schema.createIndex('cases_program_created_idx').on('cases').columns(['program_code', 'created_at desc', 'id']).execute();
  // The other orders of the case list: by name, longest in its stage first.
  await db.schema.createIndex('cases_name_idx').on('cases').columns(['name', 'id']).execute();
  await db.schema.createIndex('cases_stage_entered_idx').on('cases').columns(['stage_entered_at', 'id']).execute();
  // Obligation lists by due date: an assignee's, a status's, a kind's open ones.
  await db.schema.createIndex('obligations_assignee_due_idx').on('obligations').columns(['assignee_id', 'due_at', 'id']).execute();
  await db.schema.createIndex('obligations_status_kind_due_idx').on('obligations').columns(['status', 'kind', 'due_at', 'id']).execute();
  // Open obligations are few among millions: the dashboard's and the lists' open=true read only these.
  await sql`create index obligations_open_due_idx on obligations (due_at, id) include (kind, case_id, assignee_id, status) where status in ('UPCOMING', 'DUE', 'OVERDUE', 'ESCALATED')`.execute(db);
  await sql`create index obligations_open_kind_due_idx on obligations (kind, due_at, id) include (case_id, assignee_id, status) where status in ('UPCOMING', 'DUE', 'OVERDUE', 'ESCALATED')`.execute(db);

  // The dashboard. When an obligation was closed (fulfilled, waived, cancelled), kept by PostgreSQL
  // itself, so the weekly overdue trend reads only what was open and overdue during its weeks: the
  // open ones, and those closed after their overdue instant (most close in time and never count).
  await sql`alter table obligations add column closed_at timestamptz generated always as (
    case when status = 'FULFILLED' then fulfilled_at when status in ('WAIVED', 'CANCELLED') then status_changed_at end) stored`.execute(db);
  await sql`create index obligations_open_overdue_idx on obligations (overdue_at) include (escalates_at, case_id) where status in ('UPCOMING', 'DUE', 'OVERDUE', 'ESCALATED')`.execute(db);
  await sql`create index obligations_closed_late_idx on obligations (closed_at) include (overdue_at, escalates_at, case_id) where closed_at > overdue_at`.execute(db);
  // Overdue and escalated work by kind, assignee and kecamatan; visits due in the last 90 days (adherence).
  await sql`create index obligations_late_idx on obligations (status) include (kind, assignee_id, case_id) where status in ('OVERDUE', 'ESCALATED')`.execute(db);
  await sql`create index obligations_kind_due_cover_idx on obligations (kind, due_at) include (assignee_id, status, late, case_id)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const name of ['obligations_kind_due_cover_idx', 'obligations_late_idx', 'obligations_closed_late_idx', 'obligations_open_overdue_idx']) {
    await db.schema.dropIndex(name).execute();
  }
  await db.schema.alterTable('obligations').dropColumn('closed_at').execute();
  for (const name of ['obligations_open_kind_due_idx', 'obligations_open_due_idx', 'obligations_status_kind_due_idx', 'obligations_assignee_due_idx', 'cases_stage_entered_idx', 'cases_name_idx', 'cases_program_created_idx', 'cases_kecamatan_created_idx', 'cases_stage_created_idx']) {
    await db.schema.dropIndex(name).execute();
  }
}
