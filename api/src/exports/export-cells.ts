import type { ObligationKind, ObligationStatus, ProgramCode, Stage } from '@kampung/domain';

export type ExportLanguage = 'id' | 'en';
type Labels<Code extends string> = Record<Code, Record<ExportLanguage, string>>;

/** Indonesian civil time: WIB, UTC+7 all year. */
const WIB_OFFSET_MS = 7 * 3_600_000;

/** A cell a spreadsheet program would read as a formula (or that a tab or carriage return could
 * push into one): starting with = + - @, a tab or a carriage return. */
const FORMULA_START = /^[=+\-@\t\r]/;

/** A text cell as it is safe to open in a spreadsheet: one that would start a formula is kept as
 * text by a leading apostrophe (OWASP's CSV injection advice); every other text is unchanged. */
export function neutraliseCell(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** An instant as the local date and time in WIB, as people in the field read it: `2026-12-03 14:05`. */
export function wibDateTime(instant: Date): string {
  return new Date(instant.getTime() + WIB_OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ');
}

/** An instant for a spreadsheet's date cell: the WIB wall-clock time (XLSX has no time zones). */
export function wibWallClock(instant: Date): Date {
  return new Date(instant.getTime() + WIB_OFFSET_MS);
}

const STAGE_LABELS: Labels<Stage> = {
  PROPOSAL: { id: 'Usulan', en: 'Proposal' },
  SURVEY: { id: 'Survei', en: 'Survey' },
  VERIFICATION: { id: 'Verifikasi', en: 'Verification' },
  DESIGNATION: { id: 'Penetapan', en: 'Designation' },
  ENGAGEMENT: { id: 'Persiapan', en: 'Engagement' },
  ASSESSMENT: { id: 'Pengkajian', en: 'Assessment' },
  PLANNING: { id: 'Perencanaan', en: 'Planning' },
  ACTION_PLAN: { id: 'Rencana Aksi', en: 'Action plan' },
  IMPLEMENTATION: { id: 'Pelaksanaan', en: 'Implementation' },
  EVALUATION: { id: 'Evaluasi', en: 'Evaluation' },
  GRADUATED: { id: 'Percontohan (lulus)', en: 'Role model (graduated)' },
  REJECTED: { id: 'Ditolak', en: 'Rejected' },
  WITHDRAWN: { id: 'Ditarik', en: 'Withdrawn' },
  CLOSED: { id: 'Ditutup', en: 'Closed' },
  ON_HOLD: { id: 'Ditangguhkan', en: 'On hold' },
};

const PROGRAM_LABELS: Labels<ProgramCode> = {
  KAMPUNG_TEMATIK: { id: 'Kampung Tematik (Kota Semarang)', en: 'Kampung Tematik (Kota Semarang)' },
  KAMPUNG_SEJAHTERA_MANDIRI: { id: 'Kampung Sejahtera Mandiri (Kota Tangerang)', en: 'Kampung Sejahtera Mandiri (Kota Tangerang)' },
};

const OBLIGATION_KIND_LABELS: Labels<ObligationKind> = {
  VISIT: { id: 'Kunjungan', en: 'Visit' },
  MONITORING_REPORT: { id: 'Laporan monitoring', en: 'Monitoring report' },
  EVALUATION: { id: 'Evaluasi', en: 'Evaluation' },
  STAGE_DEADLINE: { id: 'Batas waktu tahap', en: 'Stage deadline' },
  GRADUATE_CHECK: { id: 'Pemeriksaan pascakelulusan', en: 'Post-graduation check' },
};

const OBLIGATION_STATUS_LABELS: Labels<ObligationStatus> = {
  UPCOMING: { id: 'Akan datang', en: 'Upcoming' },
  DUE: { id: 'Jatuh tempo', en: 'Due' },
  OVERDUE: { id: 'Terlambat', en: 'Overdue' },
  ESCALATED: { id: 'Dieskalasi', en: 'Escalated' },
  FULFILLED: { id: 'Terpenuhi', en: 'Fulfilled' },
  WAIVED: { id: 'Dibebaskan', en: 'Waived' },
  CANCELLED: { id: 'Dibatalkan', en: 'Cancelled' },
};

const YES_NO: Record<ExportLanguage, [string, string]> = { id: ['ya', 'tidak'], en: ['yes', 'no'] };

/** A code in the export's language; a code the table does not know is shown as it is. */
function labelOf<Code extends string>(labels: Labels<Code>, code: string | null, lang: ExportLanguage): string | null {
  if (code === null) return null;
  return (labels as Record<string, Record<ExportLanguage, string>>)[code]?.[lang] ?? code;
}

export const exportLabels = {
  stage: (code: string | null, lang: ExportLanguage) => labelOf(STAGE_LABELS, code, lang),
  program: (code: string | null, lang: ExportLanguage) => labelOf(PROGRAM_LABELS, code, lang),
  obligationKind: (code: string | null, lang: ExportLanguage) => labelOf(OBLIGATION_KIND_LABELS, code, lang),
  obligationStatus: (code: string | null, lang: ExportLanguage) => labelOf(OBLIGATION_STATUS_LABELS, code, lang),
  yesNo: (value: boolean, lang: ExportLanguage) => YES_NO[lang][value ? 0 : 1],
};
