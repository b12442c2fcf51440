import { useUrlFilters } from '../../../lib/useUrlFilters';
import { isObligationKind, isObligationStatus } from '../obligation-enums';
import type { ObligationListFilters } from '../obligation-links';

type FilterName = keyof ObligationListFilters;

/** The obligation-list filters live in the URL (as the case list's do): the dashboard links to a
 * filtered list, and a filtered list can be bookmarked, shared and saved as a worklist. A new
 * program clears the kecamatan (a kecamatan belongs to one program's city). */
export function useObligationFilters() {
  const { read, setFilters, clear } = useUrlFilters<FilterName>();
  const status = read('status');
  const kind = read('kind');
  const filters: ObligationListFilters = {
    program: read('program'),
    status: isObligationStatus(status) ? status : undefined,
    kind: isObligationKind(kind) ? kind : undefined,
    assignee: read('assignee'),
    kecamatan: read('kecamatan'),
    case: read('case'),
    dueFrom: read('dueFrom'),
    dueTo: read('dueTo'),
    sort: read('sort') === '-due' ? '-due' : undefined,
  };
  return { filters, setFilters, clear };
}
