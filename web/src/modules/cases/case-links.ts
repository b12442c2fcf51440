import { searchString } from '../../lib/http';

/** The case-list filters a link may set (the list at `/` reads them from its URL). */
export interface CaseListLink {
  program?: string;
  kecamatan?: string;
  stage?: string;
  stalledMinDays?: number;
  stalledMaxDays?: number;
}

/** `/?program=…&stage=…`: a link to the case list, filtered. */
export function caseListPath(filters: CaseListLink): string {
  const { program, kecamatan, stage, stalledMinDays, stalledMaxDays } = filters;
  return `/${searchString({ program, kecamatan, stage, stalledMinDays, stalledMaxDays })}`;
}

/** A whole number of days from the URL (`stalledMinDays=30`), or undefined when it is not one. */
export function daysParam(value: string | null, min: number): number | undefined {
  if (value === null || !/^\d{1,5}$/.test(value)) return undefined;
  const days = Number(value);
  return days >= min && days <= 36_500 ? days : undefined;
}
