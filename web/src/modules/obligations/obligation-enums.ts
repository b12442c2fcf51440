import type { ObligationKind, ObligationStatus } from '@kampung/domain/obligation';

// Listed here rather than imported: `@kampung/domain/obligation` builds zod schemas, and a list
// page should not download zod for two lists of names. The checks below keep them complete.
export const OBLIGATION_STATUS_LIST = ['UPCOMING', 'DUE', 'OVERDUE', 'ESCALATED', 'FULFILLED', 'WAIVED', 'CANCELLED'] as const;
export const OBLIGATION_KIND_LIST = ['VISIT', 'MONITORING_REPORT', 'EVALUATION', 'STAGE_DEADLINE', 'GRADUATE_CHECK'] as const;

type Missing<All, Listed> = [Exclude<All, Listed>] extends [never] ? true : false;
const statusesComplete: Missing<ObligationStatus, (typeof OBLIGATION_STATUS_LIST)[number]> = true;
const kindsComplete: Missing<ObligationKind, (typeof OBLIGATION_KIND_LIST)[number]> = true;
void statusesComplete;
void kindsComplete;

export function isObligationStatus(value: unknown): value is ObligationStatus {
  return (OBLIGATION_STATUS_LIST as readonly unknown[]).includes(value);
}

export function isObligationKind(value: unknown): value is ObligationKind {
  return (OBLIGATION_KIND_LIST as readonly unknown[]).includes(value);
}
