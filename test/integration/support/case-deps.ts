import { Client, Connection } from '@temporalio/client';
import { DefaultLogger, NativeConnection, Runtime, type Worker } from '@temporalio/worker';
import { createDb, usersRepository, type Db } from '@kampung/db';
import { createCaseWorker } from '@kampung/worker';
import type { CaseDeps } from '@kampung/api/src/cases/cases.service';
import type { SessionUser } from '@kampung/api/src/auth/sessions.service';
import { env } from './env';

/** The API's case use-cases wired to a Temporal server and task queue of the test's own choosing. */
export async function caseDepsFor(address: string, taskQueue: string) {
  const db: Db = createDb(env.databaseUrl, { max: 4 });
  const connection = await Connection.connect({ address });
  const deps: CaseDeps = { db, temporal: new Client({ connection, namespace: env.namespace }), taskQueue };
  const admin = (await usersRepository.findUserByEmail(db, env.admin().email))!;
  // The admin as the use-cases see a signed-in user (no limits).
  const actor: SessionUser = { id: admin.id, email: admin.email, name: admin.name, role: 'ADMIN', programCodes: [], kecamatanCodes: [], agencyCode: null };
  const mentor = (await usersRepository.findUserByEmail(db, env.mentor().email))!;
  return {
    deps,
    actor,
    /** The demo mentor (pendamping), who may hold a mentor's position. */
    mentorId: mentor.id,
    async close() {
      await connection.close();
      await db.destroy();
    },
  };
}

/** An in-process worker on its own task queue; stop() shuts it down and closes its connection. */
let runtimeInstalled = false;

export async function startInProcessWorker(address: string, db: Db, taskQueue: string) {
  if (!runtimeInstalled) {
    Runtime.install({ logger: new DefaultLogger('WARN') });
    runtimeInstalled = true;
  }
  const connection = await NativeConnection.connect({ address });
  const worker: Worker = await createCaseWorker({ db, connection, namespace: env.namespace, taskQueue });
  const running = worker.run();
  return {
    async stop() {
      worker.shutdown();
      await running;
      await connection.close();
    },
  };
}
