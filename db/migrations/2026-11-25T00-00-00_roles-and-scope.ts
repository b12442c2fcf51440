import { type Kysely, sql } from 'kysely';

// Frozen in time. The role model: every user gets a scope (programs, kecamatan, agency; empty
// means all), can be deactivated, and the read-only VIEWER becomes an AUDITOR. Invitation links
// also serve password resets. Transition requests keep where they came from, for the audit entry
// the worker writes when the move is recorded.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('users')
    .addColumn('program_codes', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('kecamatan_codes', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('agency_code', 'text')
    .addColumn('deactivated_at', 'timestamptz')
    .execute();
  await sql`update users set role = 'AUDITOR' where role = 'VIEWER'`.execute(db);
  await db.schema
    .alterTable('invitations')
    .addColumn('purpose', 'text', (c) => c.notNull().defaultTo('INVITATION'))
    .execute();
  await db.schema
    .alterTable('transition_requests')
    .addColumn('http_request_id', 'text')
    .addColumn('source_ip', 'text')
    .execute();
  // "Which cases may this mentor see" asks for a user's current assignments.
  await sql`create index assignments_user_active on assignments (user_id, case_id) where ended_at is null`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index assignments_user_active`.execute(db);
  await db.schema.alterTable('transition_requests').dropColumn('http_request_id').dropColumn('source_ip').execute();
  await db.schema.alterTable('invitations').dropColumn('purpose').execute();
  await sql`update users set role = 'VIEWER' where role = 'AUDITOR'`.execute(db);
  await db.schema
    .alterTable('users')
    .dropColumn('program_codes')
    .dropColumn('kecamatan_codes')
    .dropColumn('agency_code')
    .dropColumn('deactivated_at')
    .execute();
}
