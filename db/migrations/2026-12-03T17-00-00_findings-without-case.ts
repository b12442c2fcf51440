import type { Kysely } from 'kysely';

// Frozen in time. A reconciler finding may name no case: after a restore of an older backup, a
// workflow can run for a case (or an assignment) whose row the database no longer has.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('reconciliation_findings').alterColumn('case_id', (c) => c.dropNotNull()).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.deleteFrom('reconciliation_findings').where('case_id', 'is', null).execute();
  await db.schema.alterTable('reconciliation_findings').alterColumn('case_id', (c) => c.setNotNull()).execute();
}
