import { useSearchParams } from 'react-router-dom';

/** List filters kept in the URL, so a filtered list can be bookmarked, shared and linked to.
 * `setFilters` changes some (an empty value removes one) and goes back to page 1; `alsoClear`
 * names filters that depend on a changed one (a new program clears the kecamatan). */
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

  function setPage(page: number) {
    const next = new URLSearchParams(params);
    if (page > 1) next.set('page', String(page));
    else next.delete('page');
    setParams(next);
  }

  return {
    params,
    read: (name: Name) => params.get(name) || undefined,
    page: Math.max(1, Number(params.get('page')) || 1),
    setFilters,
    setPage,
    clear: () => setParams(new URLSearchParams()),
  };
}
