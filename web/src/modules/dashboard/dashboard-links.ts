import type { Dashboard } from '@kampung/domain/obligation';
import { searchString } from '../../lib/http';
import { caseListPath } from '../cases/case-links';
import { obligationListPath } from '../obligations/obligation-links';
import { programOfKecamatan } from '../reference/program-of-kecamatan';

// Where each figure of the dashboard leads: the list of the cases or obligations behind it.

type Status = 'OVERDUE' | 'ESCALATED';
type Bucket = Dashboard['stalled']['buckets'][number];
type Kind = Dashboard['overdue']['byKind'][number]['kind'];

/** The window the adherence figures count (visits due in the last 90 days). */
export const ADHERENCE_DAYS = 90;

export const stageLink = (programCode: string, stage: string) => caseListPath({ program: programCode, stage });

/** The cases stalled by at least `fromDays` and fewer than `toDays` (none: no upper end). */
export const stalledLink = (program: string | null, bucket: Pick<Bucket, 'fromDays' | 'toDays'>) =>
  caseListPath({ program: program ?? undefined, stalledMinDays: bucket.fromDays, stalledMaxDays: bucket.toDays ?? undefined });

/** Every stalled case (of the program): stalled by 0 days or more. */
export const allStalledLink = (program: string | null) => caseListPath({ program: program ?? undefined, stalledMinDays: 0 });

/** The overdue (or escalated) obligations of a kind, person or kecamatan; of the dashboard's
 * program when it shows one (`program` null or absent: both programs). */
export const overdueLink = (status: Status, by: { kind?: Kind; assignee?: string; kecamatan?: string; program?: string | null } = {}) =>
  obligationListPath({ ...by, status, program: by.program ?? undefined });

/** The person's visits due in the window the adherence counts, up to when the figures were made
 * (of the dashboard's program, when it shows one). */
export function adherenceLink(personId: string, generatedAt: string, program: string | null = null): string {
  const to = new Date(generatedAt);
  const from = new Date(to.getTime() - ADHERENCE_DAYS * 86_400_000);
  return obligationListPath({ program: program ?? undefined, kind: 'VISIT', assignee: personId, dueFrom: from.toISOString(), dueTo: to.toISOString() });
}

export const redReportsLink = (program: string | null) => `/red-reports${searchString({ program: program ?? undefined })}`;

/** The cases of a kecamatan, with its program chosen too (the case list picks kecamatan per program). */
export function coverageLink(kecamatanCode: string, programs: readonly { code: string; cityCode: string }[]): string {
  return caseListPath({ program: programOfKecamatan(kecamatanCode, programs)?.code, kecamatan: kecamatanCode });
}
