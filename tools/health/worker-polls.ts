/**
 * The worker's health check (docker-compose.yml): exits 0 while a worker of this container has
 * polled its task queue lately. The worker has no port of its own, so Temporal is asked which
 * pollers it saw; the SDK names each worker `<pid>@<hostname>`, and a container's hostname is its
 * own, so a replica is judged by itself, not by its siblings.
 *
 *   node --import tsx tools/health/worker-polls.ts   (TEMPORAL_ADDRESS, TEMPORAL_NAMESPACE, TEMPORAL_TASK_QUEUE)
 */
import { hostname } from 'node:os';
import { Connection } from '@temporalio/client';

/** Longer than a long poll (about a minute), so a worker waiting for work is not taken for dead. */
const SEEN_WITHIN_MS = 120_000;
const TASK_QUEUE_TYPE_WORKFLOW = 1;

const address = process.env.TEMPORAL_ADDRESS || 'localhost:7233';
const namespace = process.env.TEMPORAL_NAMESPACE || 'default';
const taskQueue = process.env.TEMPORAL_TASK_QUEUE || 'kampung-cases';
const me = `@${hostname()}`;

try {
  const connection = await Connection.connect({ address, connectTimeout: 5_000 });
  try {
    const { pollers } = await connection.workflowService.describeTaskQueue({
      namespace,
      taskQueue: { name: taskQueue },
      taskQueueType: TASK_QUEUE_TYPE_WORKFLOW,
    });
    const seenAt = (pollers ?? [])
      .filter((poller) => poller.identity?.endsWith(me))
      .map((poller) => Number(String(poller.lastAccessTime?.seconds ?? 0)) * 1000);
    const latest = Math.max(0, ...seenAt);
    if (Date.now() - latest <= SEEN_WITHIN_MS) process.exit(0);
    console.error(seenAt.length ? `no poll of ${taskQueue} from *${me} for ${Math.round((Date.now() - latest) / 1000)} s` : `no worker *${me} polls ${taskQueue}`);
    process.exit(1);
  } finally {
    await connection.close();
  }
} catch (error) {
  console.error(`Temporal at ${address} cannot be asked: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
