/** The admin's aging buckets for stalled cases, typed as comma-separated days ("30, 90, 180"); the
 * same rules the API checks (1–3650 days, at most 6, each larger than the one before). */

export const MAX_AGING_DAYS = 3650;
export const MAX_AGING_EDGES = 6;

export type AgingDaysError = 'required' | 'number' | 'range' | 'ascending' | 'tooMany';

export type AgingDaysResult = { ok: true; days: number[] } | { ok: false; error: AgingDaysError };

export function parseAgingDays(text: string): AgingDaysResult {
  const parts = text.split(',').map((part) => part.trim());
  if (parts.every((part) => part === '')) return { ok: false, error: 'required' };
  if (parts.some((part) => !/^\d{1,6}$/.test(part))) return { ok: false, error: 'number' };
  const days = parts.map(Number);
  if (days.some((d) => d < 1 || d > MAX_AGING_DAYS)) return { ok: false, error: 'range' };
  if (days.length > MAX_AGING_EDGES) return { ok: false, error: 'tooMany' };
  if (days.some((d, i) => i > 0 && d <= days[i - 1]!)) return { ok: false, error: 'ascending' };
  return { ok: true, days };
}

export const formatAgingDays = (days: readonly number[]) => days.join(', ');
