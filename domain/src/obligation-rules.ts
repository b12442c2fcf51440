/** The rules every writer of an obligation follows: the workflows that own obligations, the
 * activities that persist them and the scale seeder that writes years of them at once. Pure code:
 * the workflows import it. */

export const OBLIGATION_KINDS = ['VISIT', 'MONITORING_REPORT', 'EVALUATION', 'STAGE_DEADLINE', 'GRADUATE_CHECK'] as const;
export type ObligationKind = (typeof OBLIGATION_KINDS)[number];
/** The kinds a case's obligations workflow owns (a visit belongs to its assignment's cadence). */
export type CaseObligationKind = Exclude<ObligationKind, 'VISIT'>;
export const OBLIGATION_STATUSES = ['UPCOMING', 'DUE', 'OVERDUE', 'ESCALATED', 'FULFILLED', 'WAIVED', 'CANCELLED'] as const;
export type ObligationStatus = (typeof OBLIGATION_STATUSES)[number];
/** Open: still to be done. The others are closed for good. */
export const OPEN_OBLIGATION_STATUSES = ['UPCOMING', 'DUE', 'OVERDUE', 'ESCALATED'] as const satisfies readonly ObligationStatus[];
export type OpenObligationStatus = (typeof OPEN_OBLIGATION_STATUSES)[number];

/** Why a workflow refused a message about an obligation. Each is answered as a 409 with its own
 * code (api/src/errors.ts) and its own words in the web. */
export const OBLIGATION_REFUSALS = ['VISIT_ALREADY_LOGGED', 'OBLIGATION_CLOSED', 'ASSIGNMENT_ENDED', 'CASE_ON_HOLD'] as const;
export type ObligationRefusal = (typeof OBLIGATION_REFUSALS)[number];

export function isObligationRefusal(type: string | undefined | null): type is ObligationRefusal {
  return (OBLIGATION_REFUSALS as readonly string[]).includes(type ?? '');
}

export function isOpenStatus(status: string): boolean {
  return (OPEN_OBLIGATION_STATUSES as readonly string[]).includes(status);
}

/** A fulfilment after the due instant is late (it still counts). */
export function isLate(dueAt: string | Date, fulfilledAt: string | Date): boolean {
  return new Date(fulfilledAt).getTime() > new Date(dueAt).getTime();
}

/** The next visit obligation counts from the later of what the cadence counted from and the
 * closing visit (or waiver): a visit logged late, for an earlier day, never moves the cadence back. */
export function nextVisitCountsFrom(countedFrom: string, closedAt: string): string {
  return Date.parse(closedAt) > Date.parse(countedFrom) ? closedAt : countedFrom;
}

/** Two visits of one assignment at the same instant are one visit logged twice (two phones, or a
 * form sent again without its key): the second is refused as VISIT_ALREADY_LOGGED. Visits at
 * different instants are different visits, each closing its own obligation in the order they arrive. */
export function isSameVisit(loggedAt: string, otherAt: string): boolean {
  return Date.parse(loggedAt) === Date.parse(otherAt);
}
