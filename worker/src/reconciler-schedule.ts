import { ScheduleAlreadyRunning, ScheduleOverlapPolicy, type Client } from '@temporalio/client';
import { RECONCILER_SCHEDULE_ID } from '@kampung/workflows';

/** The Temporal Schedule that starts a reconciler pass every `everyMs`: created at the worker's
 * start, or brought to the configured interval when it exists. One pass at a time. */
export async function ensureReconcilerSchedule(client: Client, { taskQueue, everyMs }: { taskQueue: string; everyMs: number }): Promise<void> {
  const spec = { intervals: [{ every: everyMs }] };
  const action = { type: 'startWorkflow' as const, workflowType: 'reconcilerWorkflow', taskQueue, workflowId: 'reconciler', args: [{}] };
  try {
    await client.schedule.create({ scheduleId: RECONCILER_SCHEDULE_ID, spec, action, policies: { overlap: ScheduleOverlapPolicy.SKIP } });
  } catch (error) {
    if (!(error instanceof ScheduleAlreadyRunning)) throw error;
    await client.schedule.getHandle(RECONCILER_SCHEDULE_ID).update((previous) => ({ ...previous, spec, action }));
  }
}
