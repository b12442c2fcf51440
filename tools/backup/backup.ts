/**
 * `npm run backup -- <folder> [--temporal]`: the application's database (DATABASE_URL) and, with
 * --temporal, Temporal's `temporal` and `temporal_visibility` on the same server (the cluster form;
 * other names with --temporal-databases a,b), each as a pg_dump archive, with a manifest.
 */
import { createLog, describeError } from '../stack/log';
import { maskPassword } from '../stack/postgres';
import { backup, TEMPORAL_DATABASES } from './backup-restore';

const log = createLog('backup', { colour: false });
const args = process.argv.slice(2);
const dir = args.find((arg) => !arg.startsWith('--') && args[args.indexOf(arg) - 1] !== '--temporal-databases');
const databaseUrl = process.env.DATABASE_URL;
if (!dir || !databaseUrl) {
  log.error('usage: DATABASE_URL=postgres://… npm run backup -- <folder> [--temporal [--temporal-databases temporal,temporal_visibility]]');
  process.exit(2);
}
const listed = args.indexOf('--temporal-databases');
const temporalDatabases = listed >= 0 ? (args[listed + 1] ?? '').split(',').filter(Boolean) : [...TEMPORAL_DATABASES];

try {
  const started = Date.now();
  const manifest = await backup({ databaseUrl, dir, temporal: args.includes('--temporal') || listed >= 0, temporalDatabases, log: (line) => log.info(line) });
  log.info(`${maskPassword(databaseUrl)}: ${manifest.databases.map((d) => d.name).join(', ')} backed up into ${dir} with ${manifest.client} (${Date.now() - started} ms)`);
} catch (error) {
  log.error(`Backup failed: ${describeError(error)}`);
  process.exit(1);
}
