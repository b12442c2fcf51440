/**
 * What the migrate command does, and what `npm start` and the test stack do at start-up:
 * migrations, reference data, and the given users (the bootstrap admin; the demo logins in
 * development). Idempotent.
 */
import { ensureUser, type UserSeed } from '@kampung/api';
import { createDb, migrateToLatest, seedReferenceData } from '@kampung/db';

/** Resolves to the names of the migrations it applied (none when the schema was up to date). */
export async function prepareDatabase(databaseUrl: string, users: readonly UserSeed[]): Promise<{ applied: string[] }> {
  const db = createDb(databaseUrl, { max: 2 });
  try {
    const applied = await migrateToLatest(db);
    await seedReferenceData(db);
    for (const user of users) await ensureUser(db, user);
    return { applied };
  } finally {
    await db.destroy();
  }
}
