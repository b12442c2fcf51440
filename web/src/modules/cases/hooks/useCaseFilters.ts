import type { CaseSort } from '@kampung/domain/case-views';
import type { CaseFilters } from '../api/cases.api';
import { daysParam } from '../case-links';
import { useUrlFilters } from '../../../lib/useUrlFilters';

type FilterName = keyof CaseFilters;

/** The case list's orders, the default (newest first) first. */
export const CASE_SORT_OPTIONS = ['-created', 'created', 'name', 'stageEntered', 'stalled', 'overdue'] as const satisfies readonly CaseSort[];
const isCaseSort = (value: string | undefined): value is CaseSort => (CASE_SORT_OPTIONS as readonly string[]).includes(value ?? '');

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
    sort: isCaseSort(read('sort')) ? (read('sort') as CaseSort) : undefined,
  };
  return { filters, setFilters, clear };
}
