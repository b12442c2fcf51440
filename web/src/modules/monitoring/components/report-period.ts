import type { TFunction } from 'i18next';
import type { Obligation } from '@kampung/domain/obligation';
import { isOpenStatus } from '@kampung/domain/obligation-rules';
import { REPORT_PERIOD_REFUSALS } from '@kampung/domain/obligation-schedule';

const REPORT_KINDS: readonly Obligation['kind'][] = ['MONITORING_REPORT', 'GRADUATE_CHECK'];

/** The period a new report most likely covers: that of the case's oldest open report obligation
 * (a monthly report, or a post-graduation check, which a report also fulfils). */
export function oldestOpenReportPeriod(obligations: readonly Obligation[]): string | undefined {
  return obligations
    .filter((o) => REPORT_KINDS.includes(o.kind) && isOpenStatus(o.status) && o.periodLabel)
    .sort((a, b) => a.dueAt.localeCompare(b.dueAt))[0]?.periodLabel ?? undefined;
}

/** `2026-11`: a calendar month, which a month input can show. */
export const isMonth = (label: string) => /^\d{4}-(0[1-9]|1[0-2])$/.test(label);

/** The current month in WIB (UTC+7), as the API decides whether a month has begun. */
export function currentMonthWib(now = new Date()): string {
  return new Date(now.getTime() + 7 * 3_600_000).toISOString().slice(0, 7);
}

const REFUSAL_KEYS: Record<string, string> = {
  [REPORT_PERIOD_REFUSALS.NO_IMPLEMENTATION]: 'monitoring.notYet',
  [REPORT_PERIOD_REFUSALS.BEFORE_IMPLEMENTATION]: 'monitoring.periodBeforeImplementation',
  [REPORT_PERIOD_REFUSALS.NOT_BEGUN]: 'monitoring.futurePeriod',
};

/** The API's refusal of a report's period in the reader's language; another message as it came. */
export function periodProblemText(message: string, t: TFunction): string {
  const key = REFUSAL_KEYS[message];
  return key ? t(key) : message;
}
