import { useSearchParams } from 'react-router-dom';
import type { CaseFilters } from '../api/cases.api';
import { daysParam } from '../case-links';

type FilterName = Exclude<keyof CaseFilters, 'page'>;

/** The case-list filters live in the URL, so a filtered list can be bookmarked and shared. */
export function useCaseFilters() {
  const [params, setParams] = useSearchParams();
  const read = (name: FilterName) => params.get(name) || undefined;
  const filters: CaseFilters = {
    program: read('program'),
    kecamatan: read('kecamatan'),
    stage: read('stage'),
    q: read('q'),
    stalledMinDays: daysParam(params.get('stalledMinDays'), 0),
    stalledMaxDays: daysParam(params.get('stalledMaxDays'), 1),
    page: Math.max(1, Number(params.get('page')) || 1),
  };

  /** Changes filters and goes back to page 1 (a new program clears the kecamatan). */
  function setFilters(changes: Partial<Record<FilterName, string>>) {
    const next = new URLSearchParams(params);
    for (const [name, value] of Object.entries(changes)) {
      if (value) next.set(name, value);
      else next.delete(name);
    }
    if ('program' in changes) next.delete('kecamatan');
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
