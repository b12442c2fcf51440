import type { CaseFilters } from '../api/cases.api';
import { daysParam } from '../case-links';
import { useUrlFilters } from '../../../lib/useUrlFilters';

type FilterName = keyof CaseFilters;

/** The case-list filters live in the URL, so a filtered list can be bookmarked, shared and saved
 * as a worklist. */
export function useCaseFilters() {
  const { params, read, setFilters, clear } = useUrlFilters<FilterName>({ program: ['kecamatan'] });
  const filters: CaseFilters = {
    program: read('program'),
    kecamatan: read('kecamatan'),
    stage: read('stage'),
    q: read('q'),
    stalledMinDays: daysParam(params.get('stalledMinDays'), 0),
    stalledMaxDays: daysParam(params.get('stalledMaxDays'), 1),
  };
  return { filters, setFilters, clear };
}
