import type { Request, Response } from 'express';
import { auditRepository, type Db } from '@kampung/db';
import { auditQuerySchema, z, type AuditAction, type AuditEntryView, type CaseReach } from '@kampung/domain';
import { AppError } from '../errors';
import { parseInput } from '../http/validate';
import { exportFormatSchema, paged, sendTable, type ExportColumn } from '../exports/tabular-export';

/** Where a request came from, for its audit entries: its request id and source address. */
type AuditEntry = auditRepository.AuditEntry;
/** Where a change came from: its request id and source address. */
export type AuditSource = Pick<AuditEntry, 'requestId' | 'sourceIp'>;

export function auditSource(req: Request): AuditSource {
  return { requestId: String(req.id ?? ''), sourceIp: req.ip ?? null };
}

export function audit(db: Db, entry: Omit<AuditEntry, 'action'> & { action: AuditAction }) {
  return auditRepository.appendAudit(db, entry);
}

/** The whole log is for readers without limits; one limited to programs or kecamatan reads the
 * log of each case within reach (GET /api/cases/{id}/audit). */
export function assertWholeLogReader(reach: CaseReach) {
  if (reach.kind !== 'REGION' || reach.programCodes.length || reach.kecamatanCodes.length) {
    throw new AppError('FORBIDDEN', 'The whole audit log is for auditors and admins without limits; read a case\'s log on its page');
  }
}

type AuditRow = Awaited<ReturnType<typeof auditRepository.listAudit>>['items'][number];

const filtersOf = (q: z.infer<typeof auditQuerySchema>) => ({ ...q, from: q.from ? new Date(q.from) : undefined, to: q.to ? new Date(q.to) : undefined });

/** The audit log, newest first, filtered (`caseId` fixes the case). */
export async function listAudit(db: Db, query: unknown, caseId?: string) {
  const q = parseInput(auditQuerySchema, query);
  const { items, total } = await auditRepository.listAudit(db, filtersOf({ ...q, ...(caseId ? { case: caseId } : {}) }));
  return { items: items.map(auditRowToEntry), total, page: q.page, pageSize: q.pageSize };
}

const AUDIT_COLUMNS: ExportColumn<AuditRow>[] = [
  { header: { id: 'Waktu', en: 'At' }, value: (r) => r.at },
  { header: { id: 'Pelaku', en: 'Actor' }, value: (r) => r.actor_name ?? '', width: 28 },
  { header: { id: 'ID pelaku', en: 'Actor id' }, value: (r) => r.actor_id, width: 38 },
  { header: { id: 'Tindakan', en: 'Action' }, value: (r) => r.action, width: 26 },
  { header: { id: 'Jenis objek', en: 'Subject type' }, value: (r) => r.subject_type },
  { header: { id: 'ID objek', en: 'Subject id' }, value: (r) => r.subject_id, width: 38 },
  { header: { id: 'ID kasus', en: 'Case id' }, value: (r) => r.case_id, width: 38 },
  { header: { id: 'Sebelum', en: 'Before' }, value: (r) => (r.before == null ? null : JSON.stringify(r.before)), width: 40 },
  { header: { id: 'Sesudah', en: 'After' }, value: (r) => (r.after == null ? null : JSON.stringify(r.after)), width: 40 },
  { header: { id: 'Alasan', en: 'Reason' }, value: (r) => r.reason, width: 30 },
  { header: { id: 'ID permintaan', en: 'Request id' }, value: (r) => r.request_id, width: 38 },
  { header: { id: 'Alamat asal', en: 'Source address' }, value: (r) => r.source_ip },
];

const exportOptions = { format: exportFormatSchema.default('csv'), lang: z.enum(['id', 'en']).default('id') };

/** The (filtered) audit log as CSV or XLSX, newest first; the export itself is audited. */
export async function exportAudit(db: Db, res: Response, query: Record<string, unknown>, by: { userId: string; source: AuditSource }, caseId?: string) {
  const { format, lang, page: _p, pageSize: _s, ...q } = parseInput(auditQuerySchema.extend(exportOptions), query);
  const filters = filtersOf({ ...q, page: 1, pageSize: 1, ...(caseId ? { case: caseId } : {}) });
  await audit(db, { actorId: by.userId, action: 'LIST_EXPORTED', subjectType: 'list', subjectId: 'audit', caseId, after: { format, ...q }, ...by.source });
  await sendTable(res, {
    format,
    lang,
    filename: 'log-audit',
    columns: AUDIT_COLUMNS,
    pages: paged(async (page, pageSize) => (await auditRepository.listAudit(db, { ...filters, page, pageSize }, { count: false })).items),
  });
}

function auditRowToEntry(r: AuditRow): AuditEntryView {
  return {
    id: String(r.id),
    at: r.at.toISOString(),
    actor: r.actor_id ? { id: r.actor_id, name: r.actor_name ?? '' } : null,
    action: r.action,
    subjectType: r.subject_type,
    subjectId: r.subject_id,
    caseId: r.case_id,
    before: r.before ?? null,
    after: r.after ?? null,
    reason: r.reason,
    requestId: r.request_id,
    sourceIp: r.source_ip,
  };
}
