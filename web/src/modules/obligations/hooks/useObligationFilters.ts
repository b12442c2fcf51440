import { useUrlFilters } from '../../../lib/useUrlFilters';
import { isObligationKind, isObligationStatus } from '../obligation-enums';
import type { ObligationListFilters } from '../obligation-links';

type FilterName = keyof ObligationListFilters;

/** The obligation-list filters live in the URL (as the case list's do): the dashboard links to a
 * filtered list, and a filtered list can be bookmarked and shared. */
export function useObligationFilters() {
  const { read, page, setFilters, setPage, clear } = useUrlFilters<FilterName>();
  const status = read('status');
  const kind = read('kind');
  const filters: ObligationListFilters & { page: number } = {
    status: isObligationStatus(status) ? status : undefined,
    kind: isObligationKind(kind) ? kind : undefined,
    assignee: read('assignee'),
    kecamatan: read('kecamatan'),
    case: read('case'),
    dueFrom: read('dueFrom'),
    dueTo: read('dueTo'),
    page,
  };
  return { filters, setFilters, setPage, clear };
}
