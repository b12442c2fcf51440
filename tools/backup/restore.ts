/**
 * `npm run restore -- <folder> [--only app|temporal]`: the databases of a backup made by
 * `npm run backup`, onto DATABASE_URL's server. Stop the API and the worker first (and the Temporal
 * server, for Temporal's databases); afterwards, start them and let the reconciler compare the
 * workflows with the restored data (README, "Backup and restore").
 */
import { createLog, describeError } from '../stack/log';
import { restore } from './backup-restore';

const log = createLog('restore', { colour: false });
const args = process.argv.slice(2);
const dir = args.find((arg) => !arg.startsWith('--') && args[args.indexOf(arg) - 1] !== '--only');
const onlyAt = args.indexOf('--only');
const only = onlyAt >= 0 ? args[onlyAt + 1] : undefined;
const databaseUrl = process.env.DATABASE_URL;
if (!dir || !databaseUrl || (only !== undefined && only !== 'app' && only !== 'temporal')) {
  log.error('usage: DATABASE_URL=postgres://… npm run restore -- <folder> [--only app|temporal]');
  process.exit(2);
}

try {
  const { restored, keptAs } = await restore({ databaseUrl, dir, only: only as 'app' | 'temporal' | undefined, log: (line) => log.info(line) });
  log.info(`restored ${restored.join(', ')}${keptAs.length ? `; drop ${keptAs.join(', ')} once the restore is checked` : ''}`);
} catch (error) {
  log.error(`Restore failed: ${describeError(error)}`);
  process.exit(1);
}
