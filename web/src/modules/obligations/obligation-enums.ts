import { OBLIGATION_KINDS, OBLIGATION_STATUSES, type ObligationKind, type ObligationStatus } from '@kampung/domain/obligation-rules';

// From the pure rules module, not `@kampung/domain/obligation` (which builds zod schemas): a list
// page should not download zod for two lists of names.
export const OBLIGATION_STATUS_LIST = OBLIGATION_STATUSES;
export const OBLIGATION_KIND_LIST = OBLIGATION_KINDS;

export function isObligationStatus(value: unknown): value is ObligationStatus {
  return (OBLIGATION_STATUS_LIST as readonly unknown[]).includes(value);
}

export function isObligationKind(value: unknown): value is ObligationKind {
  return (OBLIGATION_KIND_LIST as readonly unknown[]).includes(value);
}
