import { type Kysely, sql } from 'kysely';

// Frozen in time. Case-level obligations (monitoring reports, evaluations, stage deadlines, graduate
// checks), monitoring reports, handovers of an assignment and the supervisor an escalation reaches.
export async function up(db: Kysely<any>): Promise<void> {
  // Case-level obligations are written once per (case, kind, seq); visit obligations keep their
  // per-assignment key. The period label names the month (or period) a report obligation covers.
  await db.schema.alterTable('obligations').addColumn('period_label', 'text').execute();
  await db.schema.alterTable('obligations').addColumn('stage', 'text').execute();
  await sql`create unique index obligations_case_kind_seq_uq on obligations (case_id, kind, seq) where kind <> 'VISIT'`.execute(db);

  // Each hold shifts an obligation's window once (activities may be retried).
  await db.schema
    .createTable('obligation_window_shifts')
    .addColumn('obligation_id', 'uuid', (c) => c.notNull().references('obligations.id'))
    .addColumn('held_at', 'timestamptz', (c) => c.notNull())
    .addColumn('resumed_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('obligation_window_shifts_pk', ['obligation_id', 'held_at'])
    .execute();

  // Escalations reach the assignee's supervisor.
  await db.schema.alterTable('users').addColumn('supervisor_id', 'uuid', (c) => c.references('users.id')).execute();

  // An assignment is a position on the team; its holders over time are its handovers.
  await db.schema
    .createTable('assignment_handovers')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('assignment_id', 'uuid', (c) => c.notNull().references('assignments.id'))
    .addColumn('from_user_id', 'uuid', (c) => c.notNull().references('users.id'))
    .addColumn('to_user_id', 'uuid', (c) => c.notNull().references('users.id'))
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('moved_obligations', 'integer', (c) => c.notNull())
    .addColumn('by_user_id', 'uuid', (c) => c.references('users.id'))
    .addColumn('at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('assignment_handovers_assignment_idx').on('assignment_handovers').column('assignment_id').execute();

  await db.schema
    .createTable('monitoring_reports')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('case_id', 'uuid', (c) => c.notNull().references('cases.id'))
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('progress_percent', 'numeric', (c) => c.notNull())
    .addColumn('budget_realised', 'bigint', (c) => c.notNull())
    .addColumn('problems', 'text', (c) => c.notNull())
    .addColumn('explanation', 'text')
    .addColumn('target_percent', 'numeric', (c) => c.notNull())
    .addColumn('red', 'boolean', (c) => c.notNull())
    .addColumn('policy_version', 'integer', (c) => c.notNull())
    .addColumn('obligation_id', 'uuid', (c) => c.references('obligations.id'))
    .addColumn('submitted_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('submitted_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('monitoring_reports_case_period_uq', ['case_id', 'period'])
    .execute();
  await sql`create index monitoring_reports_red_idx on monitoring_reports (submitted_at desc) where red`.execute(db);

  // Inbox items are about an obligation (escalation) or a report (red report).
  await db.schema.alterTable('inbox_items').alterColumn('obligation_id', (c) => c.dropNotNull()).execute();
  await db.schema.alterTable('inbox_items').addColumn('report_id', 'uuid', (c) => c.references('monitoring_reports.id')).execute();
  await sql`create unique index inbox_items_user_report_kind_uq on inbox_items (user_id, report_id, kind) where report_id is not null`.execute(db);

  // Policies: the monthly report's "due day" becomes a period and a delay after it ends, both
  // ISO-8601, so that tests and demos can run reports on seconds like every other obligation.
  // P1M with P10D is "the previous month's report, by the end of the 10th".
  await sql`
    update program_policies
       set policy = (policy - 'monitoringReportDueDay')
                    || jsonb_build_object('monitoringReportPeriod', 'P1M',
                                          'monitoringReportDueAfter', 'P' || (policy->>'monitoringReportDueDay') || 'D')
     where policy ? 'monitoringReportDueDay'`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    update program_policies
       set policy = (policy - 'monitoringReportPeriod' - 'monitoringReportDueAfter')
                    || jsonb_build_object('monitoringReportDueDay', 10)`.execute(db);
  await sql`drop index if exists inbox_items_user_report_kind_uq`.execute(db);
  await db.schema.alterTable('inbox_items').dropColumn('report_id').execute();
  await db.schema.dropTable('monitoring_reports').execute();
  await db.schema.dropTable('assignment_handovers').execute();
  await db.schema.dropTable('obligation_window_shifts').execute();
  await db.schema.alterTable('users').dropColumn('supervisor_id').execute();
  await sql`drop index if exists obligations_case_kind_seq_uq`.execute(db);
  await db.schema.alterTable('obligations').dropColumn('stage').execute();
  await db.schema.alterTable('obligations').dropColumn('period_label').execute();
}
