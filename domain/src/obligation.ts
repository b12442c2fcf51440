import { z } from './zod';
import { assignmentRoleSchema } from './program-policy';

export const OBLIGATION_KINDS = ['VISIT', 'MONITORING_REPORT', 'EVALUATION', 'STAGE_DEADLINE', 'GRADUATE_CHECK'] as const;
export const OBLIGATION_STATUSES = ['UPCOMING', 'DUE', 'OVERDUE', 'ESCALATED', 'FULFILLED', 'WAIVED', 'CANCELLED'] as const;
export type ObligationKind = (typeof OBLIGATION_KINDS)[number];
export type ObligationStatus = (typeof OBLIGATION_STATUSES)[number];
export const OPEN_OBLIGATION_STATUSES: readonly ObligationStatus[] = ['UPCOMING', 'DUE', 'OVERDUE', 'ESCALATED'];

export const assignmentRequestSchema = z
  .object({ userId: z.uuid(), role: assignmentRoleSchema, lead: z.boolean().default(true) })
  .strict()
  .openapi('AssignmentRequest');

export const assignmentSchema = z
  .object({
    id: z.uuid(),
    caseId: z.uuid(),
    user: z.object({ id: z.uuid(), name: z.string() }),
    role: assignmentRoleSchema,
    lead: z.boolean(),
    startedAt: z.iso.datetime(),
    endedAt: z.iso.datetime().nullable(),
  })
  .openapi('Assignment');
export type Assignment = z.infer<typeof assignmentSchema>;

export const VISIT_KINDS = ['MENTORING', 'MONITORING', 'TECHNICAL', 'SOCIALISATION'] as const;

export const visitRequestSchema = z
  .object({
    assignmentId: z.uuid(),
    visitedOn: z.iso.datetime({ offset: true }).describe('When the visit took place'),
    kind: z.enum(VISIT_KINDS),
    notes: z.string().trim().min(1).max(4000),
    attendees: z.number().int().min(0).max(10_000).default(0),
    followUps: z.array(z.string().trim().min(1).max(300)).max(20).default([]),
  })
  .strict()
  .openapi('VisitRequest');
export type VisitRequest = z.infer<typeof visitRequestSchema>;

export const obligationSchema = z
  .object({
    id: z.uuid(),
    kind: z.enum(OBLIGATION_KINDS),
    caseId: z.uuid(),
    caseName: z.string(),
    assignee: z.object({ id: z.uuid(), name: z.string() }).nullable(),
    status: z.enum(OBLIGATION_STATUSES),
    opensAt: z.iso.datetime(),
    dueAt: z.iso.datetime(),
    overdueAt: z.iso.datetime(),
    escalatesAt: z.iso.datetime(),
    policyVersion: z.number().int(),
    fulfilledAt: z.iso.datetime().nullable(),
    late: z.boolean().nullable(),
  })
  .openapi('Obligation');
export type Obligation = z.infer<typeof obligationSchema>;

export const obligationListQuerySchema = z
  .object({
    status: z.enum(OBLIGATION_STATUSES).optional(),
    kind: z.enum(OBLIGATION_KINDS).optional(),
    assignee: z.uuid().optional(),
    case: z.uuid().optional(),
    kecamatan: z.string().regex(/^\d{2}\.\d{2}\.\d{2}$/).optional(),
    dueFrom: z.iso.datetime({ offset: true }).optional(),
    dueTo: z.iso.datetime({ offset: true }).optional(),
    page: z.coerce.number().int().min(1).default(1),
    pageSize: z.coerce.number().int().min(1).max(200).default(50),
  })
  .strict();
export type ObligationListQuery = z.infer<typeof obligationListQuerySchema>;

export const waiverRequestSchema = z
  .object({ reason: z.string().trim().min(1).max(2000) })
  .strict()
  .openapi('WaiverRequest');
