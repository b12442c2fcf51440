import type { Dashboard } from '@kampung/domain/obligation';
import { FORWARD_CHAIN, STAGES } from '@kampung/domain/stages';
import { programOfKecamatan } from '../reference/program-of-kecamatan';

type Status = 'OVERDUE' | 'ESCALATED';

/** One row of a small "overdue | escalated" table. */
export interface StatusRow<T> {
  key: string;
  item: T;
  OVERDUE: number;
  ESCALATED: number;
}

/** Rows by status ({status, …, count}) pivoted to one row per key with both counts, largest first. */
export function byStatus<R extends { status: Status; count: number }, T>(rows: readonly R[], keyOf: (row: R) => string, itemOf: (row: R) => T): StatusRow<T>[] {
  const found = new Map<string, StatusRow<T>>();
  for (const row of rows) {
    const key = keyOf(row);
    const entry = found.get(key) ?? { key, item: itemOf(row), OVERDUE: 0, ESCALATED: 0 };
    entry[row.status] += row.count;
    found.set(key, entry);
  }
  return [...found.values()].sort((a, b) => b.OVERDUE + b.ESCALATED - (a.OVERDUE + a.ESCALATED) || a.key.localeCompare(b.key));
}

/** Overdue and escalated obligations in all. */
export function overdueTotals(dashboard: Pick<Dashboard, 'overdue'>): Record<Status, number> {
  const totals = { OVERDUE: 0, ESCALATED: 0 };
  for (const row of dashboard.overdue.byKind) totals[row.status] += row.count;
  return totals;
}

export interface StageRow {
  stage: string;
  count: number;
}

/** Per program, its cases per stage in the stages' order: every stage of the forward chain (a
 * funnel shows its gaps), then ended or held stages only when a case is in them. */
export function stageFunnels(stages: Dashboard['stages'], programOrder: readonly string[]): { programCode: string; rows: StageRow[]; max: number }[] {
  const programs = [...new Set(stages.map((s) => s.programCode))].sort(
    (a, b) => rank(programOrder, a) - rank(programOrder, b) || a.localeCompare(b),
  );
  return programs.map((programCode) => {
    const counts = new Map(stages.filter((s) => s.programCode === programCode).map((s) => [s.stage, s.count]));
    const known: string[] = [...STAGES];
    const rows = [...known, ...[...counts.keys()].filter((s) => !known.includes(s))]
      .map((stage) => ({ stage, count: counts.get(stage) ?? 0 }))
      .filter((row) => row.count > 0 || (FORWARD_CHAIN as readonly string[]).includes(row.stage));
    return { programCode, rows, max: Math.max(0, ...rows.map((r) => r.count)) };
  });
}

function rank(order: readonly string[], value: string): number {
  const index = order.indexOf(value);
  return index === -1 ? order.length : index;
}

/** The realised share of the allocated budget (0 when nothing is allocated). */
export const realisedShare = (budget: Dashboard['budget']) => (budget.allocated > 0 ? budget.realised / budget.allocated : 0);

/** Worst adherence first (then by name), so the people to follow up lead the table. */
export function adherenceRows(adherence: Dashboard['adherence']): Dashboard['adherence'] {
  return [...adherence].sort((a, b) => a.share - b.share || a.mentor.name.localeCompare(b.mentor.name));
}

/** One kecamatan compared with the others: its overdue and escalated obligations, and its
 * kelurahan with a running kampung (`share` of all its kelurahan). */
export interface KecamatanRow {
  code: string;
  name: string;
  OVERDUE: number;
  ESCALATED: number;
  kelurahan: number;
  covered: number;
  share: number;
}

/** Per program (in the programs' order; a kecamatan of no known program last, under ''), its
 * kecamatan in code order with overdue work and coverage side by side: every kecamatan of the
 * coverage, and any other with overdue work. */
export function kecamatanComparison(
  dashboard: Pick<Dashboard, 'coverage' | 'overdue'>,
  programs: readonly { code: string; cityCode: string }[],
): { programCode: string; rows: KecamatanRow[] }[] {
  const rows = new Map<string, KecamatanRow>();
  const row = (code: string, name: string) => {
    const found = rows.get(code) ?? { code, name, OVERDUE: 0, ESCALATED: 0, kelurahan: 0, covered: 0, share: 0 };
    rows.set(code, found);
    return found;
  };
  for (const c of dashboard.coverage) {
    const r = row(c.kecamatan.code, c.kecamatan.name);
    r.kelurahan = c.kelurahan;
    r.covered = c.covered;
    r.share = c.kelurahan > 0 ? c.covered / c.kelurahan : 0;
  }
  for (const o of dashboard.overdue.byKecamatan) row(o.kecamatan.code, o.kecamatan.name)[o.status] += o.count;
  const groups = new Map<string, KecamatanRow[]>();
  for (const r of [...rows.values()].sort((a, b) => a.code.localeCompare(b.code))) {
    const code = programOfKecamatan(r.code, programs)?.code ?? '';
    groups.set(code, [...(groups.get(code) ?? []), r]);
  }
  const order = (code: string) => (code ? rank(programs.map((p) => p.code), code) : programs.length + 1);
  return [...groups].sort(([a], [b]) => order(a) - order(b)).map(([programCode, list]) => ({ programCode, rows: list }));
}

/** The overdue trend's last week (the current one, counted up to now): its figures match the
 * obligation list by status today, so they link to it; earlier weeks are history. */
export function isCurrentWeek(trend: Dashboard['overdueTrend'], index: number): boolean {
  return index === trend.length - 1;
}
