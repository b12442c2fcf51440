import { type Kysely, sql } from 'kysely';

// Frozen in time. What the manager's dashboard counts, kept on the case as it changes (allocated
// budget from the designation decree, realised budget from the latest monitoring report, the latest
// yearly rating), so that a dashboard over many thousands of cases is plain aggregates; and the aging
// buckets of stalled cases, which admins set.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('cases')
    .addColumn('budget_allocated', 'bigint')
    .addColumn('budget_realised', 'bigint')
    .addColumn('budget_realised_period', 'text')
    .addColumn('rating', 'text')
    .addColumn('rated_at', 'timestamptz')
    .execute();

  await sql`
    update cases c set budget_allocated = d.total
      from (select distinct on (case_id) case_id,
                   (data->'budget'->>'apbd')::bigint
                   + coalesce((select sum((s->>'amount')::bigint) from jsonb_array_elements(data->'budget'->'csr') s), 0) as total
              from stage_history where to_stage = 'DESIGNATION' and data ? 'budget'
             order by case_id, seq desc) d
     where d.case_id = c.id`.execute(db);
  await sql`
    update cases c set rating = e.rating, rated_at = e.at
      from (select distinct on (case_id) case_id, data->>'rating' as rating, at
              from stage_history where data ? 'rating'
             order by case_id, seq desc) e
     where e.case_id = c.id`.execute(db);
  await sql`
    update cases c set budget_realised = r.budget_realised, budget_realised_period = r.period
      from (select distinct on (case_id) case_id, budget_realised, period
              from monitoring_reports order by case_id, period desc) r
     where r.case_id = c.id`.execute(db);

  await db.schema
    .createTable('dashboard_settings')
    .addColumn('id', 'integer', (c) => c.primaryKey().check(sql`id = 1`))
    .addColumn('stalled_aging_days', sql`integer[]`, (c) => c.notNull())
    .addColumn('updated_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await sql`insert into dashboard_settings (id, stalled_aging_days) values (1, '{30,90,180}')`.execute(db);

  await db.schema.createIndex('obligations_kind_status_due_idx').on('obligations').columns(['kind', 'status', 'due_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('obligations_kind_status_due_idx').execute();
  await db.schema.dropTable('dashboard_settings').execute();
  await db.schema
    .alterTable('cases')
    .dropColumn('budget_allocated')
    .dropColumn('budget_realised')
    .dropColumn('budget_realised_period')
    .dropColumn('rating')
    .dropColumn('rated_at')
    .execute();
}
