import type { Response } from 'express';
import { casesRepository, obligationsRepository, type Db } from '@kampung/db';
import { caseListQuerySchema, obligationListQuerySchema, z, type CaseReach } from '@kampung/domain';
import { audit, type AuditSource } from '../audit/audit.service';
import { parseInput } from '../http/validate';
import { exportLabels } from './export-cells';
import { exportFormatSchema, paged, sendTable, type ExportColumn } from './tabular-export';

const exportOptions = { format: exportFormatSchema.default('csv'), lang: z.enum(['id', 'en']).default('id') };

/** Who exports, within what reach, from where. */
export interface Exporter {
  userId: string;
  reach: CaseReach;
  source: AuditSource;
}

/** Data leaving the product is audited: who took which list, with which filters. */
function auditExport(db: Db, by: Exporter, list: string, filters: Record<string, unknown>) {
  return audit(db, { actorId: by.userId, action: 'LIST_EXPORTED', subjectType: 'list', subjectId: list, after: filters, ...by.source });
}

type ObligationRow = Awaited<ReturnType<typeof obligationsRepository.listObligations>>['items'][number];
const OBLIGATION_COLUMNS: ExportColumn<ObligationRow>[] = [
  { header: { id: 'Kampung', en: 'Kampung' }, value: (r) => r.case_name, width: 32 },
  { header: { id: 'Jenis', en: 'Kind' }, value: (r, lang) => exportLabels.obligationKind(r.kind, lang) },
  { header: { id: 'Status', en: 'Status' }, value: (r, lang) => exportLabels.obligationStatus(r.status, lang) },
  { header: { id: 'Penanggung jawab', en: 'Assignee' }, value: (r) => r.assignee_name, width: 28 },
  { header: { id: 'Periode / tahap', en: 'Period / stage' }, value: (r, lang) => r.period_label ?? exportLabels.stage(r.stage, lang) },
  { header: { id: 'Dibuka (WIB)', en: 'Opens (WIB)' }, value: (r) => r.opens_at },
  { header: { id: 'Jatuh tempo (WIB)', en: 'Due (WIB)' }, value: (r) => r.due_at },
  { header: { id: 'Terlambat sejak (WIB)', en: 'Overdue from (WIB)' }, value: (r) => r.overdue_at },
  { header: { id: 'Eskalasi (WIB)', en: 'Escalates (WIB)' }, value: (r) => r.escalates_at },
  { header: { id: 'Dipenuhi (WIB)', en: 'Fulfilled (WIB)' }, value: (r) => r.fulfilled_at },
  { header: { id: 'Terlambat', en: 'Late' }, value: (r) => r.late },
  { header: { id: 'ID kewajiban', en: 'Obligation id' }, value: (r) => r.id, width: 38 },
  { header: { id: 'ID kasus', en: 'Case id' }, value: (r) => r.case_id, width: 38 },
];

/** The obligations list, with the same filters as on screen, as CSV or XLSX. */
export async function exportObligations(db: Db, res: Response, query: Record<string, unknown>, by: Exporter) {
  const { format, lang, ...q } = parseInput(obligationListQuerySchema.extend(exportOptions), query);
  await auditExport(db, by, 'obligations', { format, ...q });
  await sendTable(res, {
    format,
    lang,
    filename: 'kewajiban',
    columns: OBLIGATION_COLUMNS,
    pages: paged(async (page, pageSize) => (await obligationsRepository.listObligations(db, { ...q, page, pageSize }, by.reach)).items),
  });
}

type CaseRow = Awaited<ReturnType<typeof casesRepository.listCases>>['items'][number];
const CASE_COLUMNS: ExportColumn<CaseRow>[] = [
  { header: { id: 'Nama kampung', en: 'Kampung' }, value: (r) => r.name, width: 32 },
  { header: { id: 'Program', en: 'Program' }, value: (r, lang) => exportLabels.program(r.program_code, lang), width: 40 },
  { header: { id: 'Tahap', en: 'Stage' }, value: (r, lang) => exportLabels.stage(r.stage, lang) },
  { header: { id: 'Sejak (WIB)', en: 'Since (WIB)' }, value: (r) => r.stage_entered_at },
  { header: { id: 'Kecamatan', en: 'Kecamatan' }, value: (r) => r.kecamatan_name },
  { header: { id: 'Kelurahan', en: 'Kelurahan' }, value: (r) => r.kelurahan_name },
  { header: { id: 'RW', en: 'RW' }, value: (r) => r.rw },
  { header: { id: 'Tema', en: 'Theme' }, value: (r) => r.theme, width: 30 },
  { header: { id: 'ID kasus', en: 'Case id' }, value: (r) => r.id, width: 38 },
];

/** The case list, with the same filters as on screen (stalled buckets too), as CSV or XLSX. */
export async function exportCases(db: Db, res: Response, query: Record<string, unknown>, by: Exporter) {
  const { format, lang, ...q } = parseInput(caseListQuerySchema.extend(exportOptions), query);
  await auditExport(db, by, 'cases', { format, ...q });
  await sendTable(res, {
    format,
    lang,
    filename: 'kampung',
    columns: CASE_COLUMNS,
    pages: paged(async (page, pageSize) => (await casesRepository.listCases(db, { ...q, page, pageSize }, by.reach)).items),
  });
}
