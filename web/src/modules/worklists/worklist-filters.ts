import type { WorklistInput, WorklistTarget } from './api/worklists.api';

/** The list a worklist opens: the case list (`/`) or the obligation list, with its filters. */
export function worklistPath(target: WorklistTarget, filters: Record<string, string>): string {
  const search = new URLSearchParams(filters).toString();
  const path = target === 'cases' ? '/' : '/obligations';
  return search ? `${path}?${search}` : path;
}

/** The order filters are described in: the broad ones first. Others follow as they come. */
const ORDER = ['program', 'kecamatan', 'stage', 'status', 'kind', 'assignee', 'case', 'stalledMinDays', 'stalledMaxDays', 'dueFrom', 'dueTo', 'open', 'q', 'sort'];

export type FilterEntry =
  | { kind: 'stalled'; key: 'stalled'; from: number; to: number | undefined }
  | { kind: 'due'; key: 'due'; from: string | undefined; to: string | undefined }
  | { kind: 'value'; key: string; value: string };

/** A worklist's filters as entries to put in words: known ones in a fixed order, the stalled
 * range and the due dates each as one entry. */
export function filterEntries(filters: Record<string, string>): FilterEntry[] {
  const keys = Object.keys(filters)
    .filter((key) => filters[key] !== '')
    .sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
  const entries: FilterEntry[] = [];
  for (const key of keys) {
    if (key === 'stalledMinDays' || key === 'stalledMaxDays') {
      if (entries.some((e) => e.key === 'stalled')) continue;
      const max = filters.stalledMaxDays;
      entries.push({ kind: 'stalled', key: 'stalled', from: Number(filters.stalledMinDays ?? 0), to: max === undefined ? undefined : Number(max) });
    } else if (key === 'dueFrom' || key === 'dueTo') {
      if (entries.some((e) => e.key === 'due')) continue;
      entries.push({ kind: 'due', key: 'due', from: filters.dueFrom, to: filters.dueTo });
    } else {
      entries.push({ kind: 'value', key, value: filters[key]! });
    }
  }
  return entries;
}

function rank(key: string): number {
  const index = ORDER.indexOf(key);
  return index === -1 ? ORDER.length : index;
}

/** The body that keeps a worklist as it is but for the changes (the API takes the whole worklist). */
export function worklistInput(worklist: WorklistInput, changes: Partial<Pick<WorklistInput, 'name' | 'visibility'>>): WorklistInput {
  return { target: worklist.target, name: worklist.name, visibility: worklist.visibility, filters: worklist.filters, ...changes };
}
