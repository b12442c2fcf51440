import type { AuditApiFilters } from './api/audit.api';

/** The audit page's filters as its URL keeps them: calendar dates (WIB), not instants. */
export interface AuditFilters {
  action?: string;
  actor?: string;
  case?: string;
  /** `YYYY-MM-DD`, both days included. */
  from?: string;
  to?: string;
}

const DAY_MS = 86_400_000;

/** Midnight at the start of a WIB calendar day, as an instant with its offset. */
const wibMidnight = (date: string) => `${date}T00:00:00+07:00`;

/** The day after a `YYYY-MM-DD` date. */
function nextDay(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);
}

/** The API's filters: `from` at the start of its day, `to` (exclusive) at the start of the day after. */
export function toApiFilters(filters: AuditFilters): AuditApiFilters {
  return {
    action: filters.action,
    actor: filters.actor,
    case: filters.case,
    from: filters.from ? wibMidnight(filters.from) : undefined,
    to: filters.to ? wibMidnight(nextDay(filters.to)) : undefined,
  };
}
