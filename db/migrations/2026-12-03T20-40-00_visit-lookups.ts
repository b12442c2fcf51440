import { type Kysely, sql } from 'kysely';

// Frozen in time. The visits table had no index but its key. The obligation lists now show, beside
// each fulfilled visit obligation, the evidence of the visit that fulfilled it (looked up by
// obligation), and the dashboard counts the visits of the last 30 days with evidence: without these
// both read every visit ever logged (6.5 million at 100,000 cases) for each obligation listed, and
// the manager's bench got 503s at 1,000 cases.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create index visits_obligation_idx on visits (obligation_id) where obligation_id is not null`.execute(db);
  await sql`create index visits_visited_at_idx on visits (visited_at)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index visits_visited_at_idx`.execute(db);
  await sql`drop index visits_obligation_idx`.execute(db);
}
