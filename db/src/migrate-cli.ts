import { createDb } from './connection';
import { migrateToLatest } from './migrate';
import { seedReferenceData } from './reference-data';

const url = process.env.DATABASE_URL;
if (!url) {
  console.error('DATABASE_URL is required');
  process.exit(2);
}
const db = createDb(url);
try {
  const applied = await migrateToLatest(db);
  await seedReferenceData(db);
  console.log(applied.length ? `applied: ${applied.join(', ')}` : 'schema up to date');
} finally {
  await db.destroy();
}
