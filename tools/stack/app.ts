/**
 * This application's start-up steps, taken from its own packages, for
 * `startStack` (npm start, npm test, npm run bench).
 */
import { createDb } from '@kampung/db';
import { userRoleSchema } from '@kampung/domain';
// The search attributes the worker package re-exports, taken from their source: importing
// '@kampung/worker' loads the Temporal worker runtime (~0.7 s), which is only needed below
// when the server is not ours.
import { SEARCH_ATTRIBUTES } from '@kampung/workflows';
import { DEMO_USERS } from '../demo/demo-users';
import { seedDemo } from '../demo/seed-demo';
import { prepareDatabase } from '../migrate/prepare-database';
import type { AppSteps, UserSpec } from './stack';

export const kampungApp: AppSteps = {
  workerEntry: 'worker/src/main.ts',
  apiEntry: 'api/src/main.ts',
  searchAttributes: SEARCH_ATTRIBUTES,
  demoUsers: DEMO_USERS,

  async prepareDatabase(databaseUrl: string, users: readonly UserSpec[]) {
    await prepareDatabase(databaseUrl, users.map((user) => ({ ...user, role: userRoleSchema.parse(user.role) })));
  },

  async ensureSearchAttributes(connection, namespace) {
    const { ensureSearchAttributes } = await import('@kampung/worker');
    await ensureSearchAttributes(connection, namespace);
  },

  async seedDemo({ databaseUrl, client, taskQueue }) {
    const db = createDb(databaseUrl, { max: 2 });
    try {
      const { created } = await seedDemo({ db, temporal: client, taskQueue });
      return created;
    } finally {
      await db.destroy();
    }
  },
};
