import { Client, Connection } from '@temporalio/client';
import { env } from './env';

export async function withTemporal<T>(run: (client: Client) => Promise<T>): Promise<T> {
  const connection = await Connection.connect({ address: env.temporalAddress });
  try {
    return await run(new Client({ connection, namespace: env.namespace }));
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
