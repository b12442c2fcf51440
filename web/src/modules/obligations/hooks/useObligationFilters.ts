import { useSearchParams } from 'react-router-dom';
import { isObligationKind, isObligationStatus } from '../obligation-enums';
import type { ObligationListFilters } from '../obligation-links';

type FilterName = keyof ObligationListFilters;

/** The obligation-list filters live in the URL (as the case list's do): the dashboard links to a
 * filtered list, and a filtered list can be bookmarked and shared. */
export function useObligationFilters() {
  const [params, setParams] = useSearchParams();
  const read = (name: FilterName) => params.get(name) || undefined;
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
    page: Math.max(1, Number(params.get('page')) || 1),
  };

  /** Changes filters (an empty value removes one) and goes back to page 1. */
  function setFilters(changes: Partial<Record<FilterName, string>>) {
    const next = new URLSearchParams(params);
    for (const [name, value] of Object.entries(changes)) {
      if (value) next.set(name, value);
      else next.delete(name);
    }
    next.delete('page');
    setParams(next);
  }

  function setPage(page: number) {
    const next = new URLSearchParams(params);
    if (page > 1) next.set('page', String(page));
    else next.delete('page');
    setParams(next);
  }

  return { filters, setFilters, setPage, clear: () => setParams(new URLSearchParams()) };
}
