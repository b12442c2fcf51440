import type { Kysely } from 'kysely';

// Frozen in time. An assignment ends for a reason (a mentor leaves the program, the kampung's team
// changes), by someone: both are kept beside the instant.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('assignments')
    .addColumn('end_reason', 'text')
    .addColumn('ended_by', 'uuid', (c) => c.references('users.id'))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('assignments').dropColumn('ended_by').dropColumn('end_reason').execute();
}
