import type { Request } from 'express';
import { auditRepository, type Db } from '@kampung/db';
import { auditQuerySchema, type AuditAction, type AuditEntryView } from '@kampung/domain';
import { parseInput } from '../http/validate';

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

/** The audit log, newest first, filtered. */
export async function listAudit(db: Db, query: unknown) {
  const q = parseInput(auditQuerySchema, query);
  const { items, total } = await auditRepository.listAudit(db, {
    ...q,
    from: q.from ? new Date(q.from) : undefined,
    to: q.to ? new Date(q.to) : undefined,
  });
  const entries: AuditEntryView[] = items.map((r) => ({
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
  }));
  return { items: entries, total, page: q.page, pageSize: q.pageSize };
}
