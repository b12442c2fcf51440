/**
 * Waits until the worker the stack started polls its task queues. The API answers /healthz before
 * the worker has bundled its workflow code and polls (10–30 s under load), and a move sent in
 * between waits for Temporal's deadline and gets a 503: so the stack is "up" only once both task
 * queues have a poller from that worker process (the SDK names a worker `<pid>@<hostname>`).
 */
import { hostname } from 'node:os';
import { Connection } from '@temporalio/client';
import type { ManagedProcess } from './processes';

const TASK_QUEUE_TYPE_WORKFLOW = 1;
const POLL_EVERY_MS = 250;

export async function waitWorkerPolling(options: {
  temporalAddress: string;
  namespace: string;
  taskQueues: string[];
  worker: ManagedProcess;
  timeoutMs: number;
  signal?: AbortSignal;
}): Promise<void> {
  const identity = `${options.worker.pid}@${hostname()}`;
  let exited = false;
  void options.worker.exited.then(() => (exited = true));
  const deadline = Date.now() + options.timeoutMs;
  const connection = await Connection.connect({ address: options.temporalAddress, connectTimeout: 5_000 });
  try {
    let waitingFor = options.taskQueues;
    while (waitingFor.length > 0) {
      options.signal?.throwIfAborted();
      if (exited) throw new Error(`the worker exited before it polled ${waitingFor.join(' and ')}`);
      if (Date.now() > deadline) throw new Error(`the worker did not poll ${waitingFor.join(' and ')} within ${Math.round(options.timeoutMs / 1000)} s`);
      const polled = await Promise.all(
        waitingFor.map(async (name) => {
          const { pollers } = await connection.workflowService.describeTaskQueue({
            namespace: options.namespace,
            taskQueue: { name },
            taskQueueType: TASK_QUEUE_TYPE_WORKFLOW,
          });
          return (pollers ?? []).some((poller) => poller.identity === identity);
        }),
      );
      waitingFor = waitingFor.filter((_, i) => !polled[i]);
      if (waitingFor.length > 0) await new Promise((resolve) => setTimeout(resolve, POLL_EVERY_MS));
    }
  } finally {
    await connection.close();
  }
}
