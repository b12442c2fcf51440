import { ScheduleAlreadyRunning, ScheduleOverlapPolicy, type Client, type ScheduleOptions } from '@temporalio/client';
import { ESCALATION_DIGEST_SCHEDULE_ID, MAIL_SCHEDULE_ID } from '@kampung/workflows';

/** The two Temporal Schedules of mail, created at the worker's start or brought to the
 * configuration: a mail pass every `everyMs` (one at a time; a pass still retrying an outage makes
 * the next ones wait), and the escalation digests every morning at 07:00 WIB. */
export async function ensureMailSchedules(client: Client, { taskQueue, everyMs }: { taskQueue: string; everyMs: number }): Promise<void> {
  await ensureSchedule(client, {
    scheduleId: MAIL_SCHEDULE_ID,
    spec: { intervals: [{ every: everyMs }] },
    action: { type: 'startWorkflow', workflowType: 'mailDeliveryWorkflow', taskQueue, workflowId: 'mail-delivery', args: [{}] },
    policies: { overlap: ScheduleOverlapPolicy.SKIP },
  });
  await ensureSchedule(client, {
    scheduleId: ESCALATION_DIGEST_SCHEDULE_ID,
    spec: { calendars: [{ hour: 7, minute: 0 }], timezone: 'Asia/Jakarta' },
    action: { type: 'startWorkflow', workflowType: 'escalationDigestWorkflow', taskQueue, workflowId: 'escalation-digest', args: [] },
    policies: { overlap: ScheduleOverlapPolicy.SKIP },
  });
}

async function ensureSchedule(client: Client, options: ScheduleOptions): Promise<void> {
  try {
    await client.schedule.create(options);
  } catch (error) {
    if (!(error instanceof ScheduleAlreadyRunning)) throw error;
    await client.schedule.getHandle(options.scheduleId).update((previous) => ({ ...previous, spec: options.spec, action: options.action as never }));
  }
}
