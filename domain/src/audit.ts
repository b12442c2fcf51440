import { z } from './zod';

/** What the audit log records: every change (with its before and after, written in the change's
 * own transaction), sign-ins, account changes, and reads of personal data and exports. An entry
 * ending in _UNDONE records a change taken back because the workflow refused it. */
export const AUDIT_ACTIONS = [
  // sessions
  'LOGIN',
  'LOGIN_FAILED',
  'LOGIN_REFUSED_LOCKED',
  'LOGOUT',
  'LOGOUT_EVERYWHERE',
  // accounts
  'USER_INVITED',
  'INVITATION_RESENT',
  'INVITATION_ACCEPTED',
  'USER_CHANGED',
  'USER_DEACTIVATED',
  'USER_REACTIVATED',
  'SUPERVISOR_CHANGED',
  'PASSWORD_CHANGED',
  'PASSWORD_RESET_REQUESTED',
  'PASSWORD_RESET',
  // cases
  'CASE_PROPOSED',
  'CASE_PROPOSAL_UNDONE',
  'CASE_TRANSITIONED',
  'ASSIGNMENT_CREATED',
  'ASSIGNMENT_UNDONE',
  'ASSIGNMENT_HANDED_OVER',
  'ASSIGNMENT_ENDED',
  'VISIT_LOGGED',
  'VISIT_UNDONE',
  'PHOTO_UPLOADED',
  'REPORT_SUBMITTED',
  'REPORT_UNDONE',
  'OBLIGATION_WAIVED',
  'OBLIGATION_WAIVER_UNDONE',
  // one data: households, activities, duplicates
  'HOUSEHOLDS_IMPORTED',
  'HOUSEHOLD_IMPORT_CANCELLED',
  'ACTIVITY_CREATED',
  'PARTICIPANTS_ENROLLED',
  'ATTENDANCE_RECORDED',
  'OUTPUT_RECORDED',
  'DUPLICATE_RUN_REQUESTED',
  'DUPLICATES_FOUND',
  'MERGE_REQUESTED',
  'DUPLICATE_DISMISSED',
  'MERGE_APPROVED',
  // program settings
  'POLICY_CHANGED',
  'DASHBOARD_SETTINGS_CHANGED',
  // the user's own lists
  'WORKLIST_SAVED',
  'WORKLIST_CHANGED',
  'WORKLIST_DELETED',
  // reads
  'PERSONAL_DATA_READ',
  'LIST_EXPORTED',
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
