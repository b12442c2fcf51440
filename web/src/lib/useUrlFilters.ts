import { useSearchParams } from 'react-router-dom';

/** The URL parameters that place a list rather than filter it (long lists scroll; older links may carry a page). */
const NOT_FILTERS = new Set(['page', 'pageSize']);

/** A list URL's filters as a record (what a saved worklist keeps): every non-empty parameter but the page. */
export function filtersOf(params: URLSearchParams): Record<string, string> {
  const filters: Record<string, string> = {};
  for (const [name, value] of params) if (value && !NOT_FILTERS.has(name)) filters[name] = value;
  return filters;
}

/** List filters kept in the URL, so a filtered list can be bookmarked, shared, saved and linked to.
 * `setFilters` changes some (an empty value removes one); `alsoClear` names filters that depend on
 * a changed one (a new program clears the kecamatan). */
export function useUrlFilters<Name extends string>(alsoClear: Partial<Record<Name, Name[]>> = {}) {
  const [params, setParams] = useSearchParams();

  function setFilters(changes: Partial<Record<Name, string>>) {
    const next = new URLSearchParams(params);
    for (const [name, value] of Object.entries(changes) as [Name, string | undefined][]) {
      if (value) next.set(name, value);
      else next.delete(name);
      for (const dependent of alsoClear[name] ?? []) next.delete(dependent);
    }
    next.delete('page');
    setParams(next);
  }

  return {
    params,
    read: (name: Name) => params.get(name) || undefined,
    setFilters,
    clear: () => setParams(new URLSearchParams()),
  };
}
