import { z } from './zod';

/** What the audit log records (this far: sign-ins and accounts; the access issue adds every change). */
export const AUDIT_ACTIONS = [
  'LOGIN',
  'LOGIN_FAILED',
  'LOGIN_REFUSED_LOCKED',
  'LOGOUT',
  'LOGOUT_EVERYWHERE',
  'USER_INVITED',
  'INVITATION_ACCEPTED',
  'WORKLIST_SAVED',
  'WORKLIST_CHANGED',
  'WORKLIST_DELETED',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const auditQuerySchema = z
  .object({
    action: z.enum(AUDIT_ACTIONS).optional(),
    actor: z.uuid().optional(),
    case: z.uuid().optional(),
    from: z.iso.datetime({ offset: true }).optional(),
    to: z.iso.datetime({ offset: true }).optional(),
    page: z.coerce.number().int().min(1).default(1),
    pageSize: z.coerce.number().int().min(1).max(200).default(50),
  })
  .strict();

export const auditEntrySchema = z
  .object({
    id: z.string(),
    at: z.iso.datetime(),
    actor: z.object({ id: z.uuid(), name: z.string() }).nullable(),
    action: z.string(),
    subjectType: z.string().nullable(),
    subjectId: z.string().nullable(),
    caseId: z.uuid().nullable(),
    before: z.unknown().nullable(),
    after: z.unknown().nullable(),
    reason: z.string().nullable(),
    requestId: z.string().nullable(),
    sourceIp: z.string().nullable(),
  })
  .openapi('AuditEntry');
export type AuditEntryView = z.infer<typeof auditEntrySchema>;
