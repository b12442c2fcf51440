import type { ScheduledObligation } from './activity-contract';
import type { TimedStatus } from './case-obligations-messages';

/** The status changes still ahead of an open obligation, each at its instant. */
export type TimedStep = { status: TimedStatus; at: string };

export function timedSteps(o: ScheduledObligation): TimedStep[] {
  return [
    { status: 'DUE', at: o.opensAt },
    { status: 'OVERDUE', at: o.overdueAt },
    { status: 'ESCALATED', at: o.escalatesAt },
  ];
}

/** After a hold from `heldAt` to `resumedAt`: every step still ahead at `heldAt` moves by the time
 * held, as obligationsRepository.shiftWindows moves the stored instants. */
export function shiftSteps(steps: TimedStep[], heldAt: string, resumedAt: string): TimedStep[] {
  const since = Date.parse(heldAt);
  const held = Date.parse(resumedAt) - since;
  return steps.map((step) => (Date.parse(step.at) > since ? { ...step, at: new Date(Date.parse(step.at) + held).toISOString() } : step));
}
