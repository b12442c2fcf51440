import { addDuration, parseIsoDuration } from './iso-duration';
import type { ProgramPolicy } from './program-policy';

/** The instants of an obligation: it opens (DUE) a reminder lead before it is due, but never before
 * it was created; it is OVERDUE after the grace and ESCALATES after the escalation delay. */
export interface ObligationWindow {
  opensAt: Date;
  dueAt: Date;
  overdueAt: Date;
  escalatesAt: Date;
}

type WindowPolicy = Pick<ProgramPolicy, 'reminderLead' | 'visitGrace' | 'escalationDelay'>;

export function obligationWindow(createdAt: Date, dueAt: Date, policy: WindowPolicy): ObligationWindow {
  const lead = addDuration(dueAt, policy.reminderLead).getTime() - dueAt.getTime();
  const opensAt = new Date(Math.min(dueAt.getTime(), Math.max(createdAt.getTime(), dueAt.getTime() - lead)));
  const overdueAt = addDuration(dueAt, policy.visitGrace);
  return { opensAt, dueAt, overdueAt, escalatesAt: addDuration(overdueAt, policy.escalationDelay) };
}

/** Indonesian civil time for reports: WIB, UTC+7 all year (no daylight saving). */
const WIB_OFFSET_MS = 7 * 3_600_000;

function isWholeMonths(iso: string): boolean {
  const d = parseIsoDuration(iso) ?? {};
  return Boolean(d.years || d.months) && !d.weeks && !d.days && !d.hours && !d.minutes && !d.seconds;
}

/** The start of the first report period of a case whose implementation starts at `anchor`: the first
 * of that month (WIB) when periods are whole months, otherwise the anchor itself. */
export function firstReportPeriodStart(anchor: Date, period: string): Date {
  if (!isWholeMonths(period)) return anchor;
  const wib = new Date(anchor.getTime() + WIB_OFFSET_MS);
  return new Date(Date.UTC(wib.getUTCFullYear(), wib.getUTCMonth(), 1) - WIB_OFFSET_MS);
}

/** A report period's end: its start plus the period, by the WIB calendar for whole months. */
export function reportPeriodEnd(start: Date, period: string): Date {
  if (!isWholeMonths(period)) return addDuration(start, period);
  return new Date(addDuration(new Date(start.getTime() + WIB_OFFSET_MS), period).getTime() - WIB_OFFSET_MS);
}

/** What people call the period: `2026-10` for calendar months, the WIB start instant otherwise
 * (`2026-10-01T08:00:05`) so that second-scale test periods stay distinct. */
export function reportPeriodLabel(start: Date, period: string): string {
  const wib = new Date(start.getTime() + WIB_OFFSET_MS).toISOString();
  return isWholeMonths(period) ? wib.slice(0, 7) : wib.slice(0, 19);
}

/** A period label as the API accepts it. */
export const REPORT_PERIOD_PATTERN = /^\d{4}-(0[1-9]|1[0-2])(-\d{2}T\d{2}:\d{2}:\d{2})?$/;

/** Where a report's period lies against the case's implementation. */
export type ReportPeriodPlace = 'NO_IMPLEMENTATION' | 'BEFORE_IMPLEMENTATION' | 'NOT_BEGUN' | 'WITHIN';

/** Whether a case may report on a period (a label as REPORT_PERIOD_PATTERN accepts it): periods run
 * from the one implementation first began in (`implementationFrom`, the case's first entry into
 * IMPLEMENTATION, null if it never got there) to the one under way `now`. Reports stay due after a
 * move back to planning and after graduation (the post-graduation checks), as the case obligations
 * workflow keeps its report schedule until the case ends; an ended or held case is refused before
 * its period is looked at. Compared at the label's own precision, by the WIB calendar: a month
 * (`2026-11`) against the months of those instants, an instant label against them to the second. */
export function reportPeriodPlace(label: string, implementationFrom: Date | null, now: Date): ReportPeriodPlace {
  if (!implementationFrom) return 'NO_IMPLEMENTATION';
  if (label < labelLike(implementationFrom, label)) return 'BEFORE_IMPLEMENTATION';
  if (label > labelLike(now, label)) return 'NOT_BEGUN';
  return 'WITHIN';
}

/** An instant as a period label of the same precision as `like` (a month, or to the second; WIB). */
export function labelLike(instant: Date, like: string): string {
  return new Date(instant.getTime() + WIB_OFFSET_MS).toISOString().slice(0, like.length);
}

/** The field message (on `period`) of a period a case may not report on; the web words each its own way. */
export const REPORT_PERIOD_REFUSALS: Record<Exclude<ReportPeriodPlace, 'WITHIN'>, string> = {
  NO_IMPLEMENTATION: 'the case has not reached implementation',
  BEFORE_IMPLEMENTATION: 'before the implementation began',
  NOT_BEGUN: 'in the future',
};
