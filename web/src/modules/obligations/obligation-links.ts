import type { ObligationKind, ObligationStatus } from '@kampung/domain/obligation';
import { searchString } from '../../lib/http';

/** The obligation-list filters that live in the URL of `/obligations`. */
export interface ObligationListFilters {
  program?: string;
  status?: ObligationStatus;
  kind?: ObligationKind;
  assignee?: string;
  kecamatan?: string;
  case?: string;
  /** ISO instants: due at or after `dueFrom`, before `dueTo`. */
  dueFrom?: string;
  dueTo?: string;
  /** Soonest due first unless `-due`. */
  sort?: 'due' | '-due';
}

/** `/obligations?status=…&kind=…`: a link to the obligation list, filtered. */
export function obligationListPath(filters: ObligationListFilters): string {
  const { program, status, kind, assignee, kecamatan, case: caseId, dueFrom, dueTo, sort } = filters;
  return `/obligations${searchString({ program, status, kind, assignee, kecamatan, case: caseId, dueFrom, dueTo, sort })}`;
}
