/**
 * `npm run migrate`, and the `migrate` service of docker-compose.yml: the one command that brings a
 * database up to date — migrations, reference data, and the bootstrap admin. Idempotent.
 * `npm start` and the test stack do the same at start-up (./prepare-database.ts).
 *
 *   DATABASE_URL=postgres://… [BOOTSTRAP_ADMIN_EMAIL=… BOOTSTRAP_ADMIN_PASSWORD=…] [DEMO_USERS=true] npm run migrate
 *   node --import tsx tools/migrate/migrate.ts   (the same, without npm)
 */
import type { UserSeed } from '@kampung/api';
import { z } from '@kampung/domain';
import { DEMO_USERS as DEMO_LOGINS } from '../demo/demo-users';
import { createLog, describeError } from '../stack/log';
import { maskPassword } from '../stack/postgres';
import { prepareDatabase } from './prepare-database';

const log = createLog('migrate', { colour: false });
const env = z
  .object({
    DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL'),
    BOOTSTRAP_ADMIN_EMAIL: z.string().email().optional(),
    BOOTSTRAP_ADMIN_PASSWORD: z.string().min(8, 'must be at least 8 characters').optional(),
    DEMO_USERS: z.enum(['true', 'false']).default('false'),
  })
  .refine((e) => (e.BOOTSTRAP_ADMIN_EMAIL === undefined) === (e.BOOTSTRAP_ADMIN_PASSWORD === undefined), {
    message: 'set both BOOTSTRAP_ADMIN_EMAIL and BOOTSTRAP_ADMIN_PASSWORD, or neither',
  })
  .safeParse(Object.fromEntries(Object.entries(process.env).filter(([, value]) => value !== '')));

if (!env.success) {
  log.error(`Invalid configuration:\n${env.error.issues.map((i) => `  ${i.path.join('.') || '(environment)'}: ${i.message}`).join('\n')}`);
  process.exit(2);
}

const { DATABASE_URL, BOOTSTRAP_ADMIN_EMAIL, BOOTSTRAP_ADMIN_PASSWORD, DEMO_USERS } = env.data;
const users: UserSeed[] = DEMO_USERS === 'true' ? [...DEMO_LOGINS] : [];
if (BOOTSTRAP_ADMIN_EMAIL && BOOTSTRAP_ADMIN_PASSWORD) {
  users.push({ email: BOOTSTRAP_ADMIN_EMAIL, password: BOOTSTRAP_ADMIN_PASSWORD, name: 'Administrator', role: 'ADMIN' });
}

try {
  const started = Date.now();
  const { applied } = await prepareDatabase(DATABASE_URL, users);
  const migrations = applied.length ? `applied ${applied.join(', ')}` : 'schema up to date';
  log.info(`${maskPassword(DATABASE_URL)}: ${migrations}; reference data and ${users.length} user(s) in place (${Date.now() - started} ms)`);
} catch (error) {
  log.error(`Database preparation failed: ${describeError(error)}`);
  process.exit(1);
}
