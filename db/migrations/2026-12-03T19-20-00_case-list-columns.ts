import { type Kysely, sql } from 'kysely';

// Frozen in time. The case list shows, beside each case, how long it is stalled (the open deadline
// of its stage, passed) and how many of its obligations are overdue; it may be sorted by either, so
// both are looked up once per listed case. Each lookup reads a small partial index of the case's
// rows of that kind alone, not every obligation the case ever had.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create index obligations_case_late_idx on obligations (case_id) where status in ('OVERDUE', 'ESCALATED')`.execute(db);
  await sql`create index obligations_case_stage_deadline_idx on obligations (case_id, due_at)
    where kind = 'STAGE_DEADLINE' and status in ('UPCOMING', 'DUE', 'OVERDUE', 'ESCALATED')`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index obligations_case_stage_deadline_idx`.execute(db);
  await sql`drop index obligations_case_late_idx`.execute(db);
}
