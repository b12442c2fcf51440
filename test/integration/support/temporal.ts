import { Client, Connection } from '@temporalio/client';
import { ESCALATION_DIGEST_SCHEDULE_ID, MAIL_SCHEDULE_ID, RECONCILER_SCHEDULE_ID } from '@kampung/workflows';
import { env } from './env';

export async function withTemporal<T>(run: (client: Client) => Promise<T>, namespace = env.namespace): Promise<T> {
  const connection = await Connection.connect({ address: env.temporalAddress });
  try {
    return await run(new Client({ connection, namespace }));
  } finally {
    await connection.close();
  }
}

/** Polls until `check` passes (visibility is eventually consistent); bounded, no fixed sleeps in asserts.
 * Give every assertion in `check` a message: without one, Node's assert reads and parses the test's
 * source to word the failure, which took ~40 s per failed poll under tsx here. */
export async function eventually<T>(check: () => Promise<T>, { timeoutMs = 15_000, intervalMs = 200 } = {}): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((r) => setTimeout(r, intervalMs));
    }
  }
}

/**
 * Points the stack's schedules (mail passes, the escalation digest, the reconciler) at the stack's
 * worker again. Every worker process ensures them at start on its own case queue, so a test that
 * starts a worker on another queue leaves them aimed at a queue nobody polls once it stops; a test
 * that needs them calls this first instead of trusting what ran before it.
 */
export async function aimSchedulesAtStackWorker(client: Client): Promise<void> {
  for (const id of [MAIL_SCHEDULE_ID, ESCALATION_DIGEST_SCHEDULE_ID, RECONCILER_SCHEDULE_ID]) {
    await client.schedule.getHandle(id).update((previous) => ({ ...previous, action: { ...previous.action, taskQueue: env.taskQueue } }) as typeof previous);
  }
}

/** Registers a namespace of a test's own on the stack's Temporal and waits until it is served. */
export async function registerTestNamespace(namespace: string): Promise<void> {
  const connection = await Connection.connect({ address: env.temporalAddress });
  try {
    // A Long in the proto types; a number is taken.
    await connection.workflowService.registerNamespace({ namespace, workflowExecutionRetentionPeriod: { seconds: 86_400 as never } });
    await eventually(async () => {
      await connection.workflowService.describeNamespace({ namespace });
    }, { timeoutMs: 60_000, intervalMs: 500 });
  } finally {
    await connection.close();
  }
}
