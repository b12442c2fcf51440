/**
 * One-shot database preparation for deployments (the `migrate` service in
 * docker-compose.yml): migrations, reference data, and the bootstrap admin.
 * Idempotent. `npm start` and `npm test` do the same through startStack.
 *
 *   DATABASE_URL=postgres://… [BOOTSTRAP_ADMIN_EMAIL=… BOOTSTRAP_ADMIN_PASSWORD=…] [DEMO_USERS=true]
 *   node --import tsx test/stack/prepare-database.ts
 */
import { z } from '@kampung/domain';
import { kampungApp } from './app';
import { createLog, describeError } from './log';
import { maskPassword } from './postgres';
import type { UserSpec } from './stack';

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
const users: UserSpec[] = DEMO_USERS === 'true' ? [...kampungApp.demoUsers] : [];
if (BOOTSTRAP_ADMIN_EMAIL && BOOTSTRAP_ADMIN_PASSWORD) {
  users.push({ email: BOOTSTRAP_ADMIN_EMAIL, password: BOOTSTRAP_ADMIN_PASSWORD, name: 'Administrator', role: 'ADMIN' });
}

try {
  const started = Date.now();
  await kampungApp.prepareDatabase(DATABASE_URL, users);
  log.info(`${maskPassword(DATABASE_URL)}: schema up to date, reference data and ${users.length} user(s) in place (${Date.now() - started} ms)`);
} catch (error) {
  log.error(`Database preparation failed: ${describeError(error)}`);
  process.exit(1);
}
