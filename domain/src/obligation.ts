import { z } from './zod';
import { assignmentRoleSchema } from './program-policy';
import { REPORT_PERIOD_PATTERN } from './obligation-schedule';
import { programCodeSchema } from './program';
import { MAX_PHOTOS_PER_VISIT, obligationEvidenceSchema, visitLocationSchema } from './visit-evidence';

import { OBLIGATION_KINDS, OBLIGATION_STATUSES, type CaseObligationKind } from './obligation-rules';
export { OBLIGATION_KINDS, OBLIGATION_STATUSES, OPEN_OBLIGATION_STATUSES, type CaseObligationKind, type ObligationKind, type ObligationStatus } from './obligation-rules';

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
    endReason: z.string().nullable(),
    handovers: z.array(
      z.object({
        id: z.uuid(),
        from: z.object({ id: z.uuid(), name: z.string() }),
        to: z.object({ id: z.uuid(), name: z.string() }),
        reason: z.string(),
        movedObligations: z.number().int(),
        by: z.object({ id: z.uuid(), name: z.string() }).nullable(),
        at: z.iso.datetime(),
      }),
    ),
  })
  .openapi('Assignment');

/** Reassignment: the position stays, its holder changes; open obligations move to the new person. */
export const handoverRequestSchema = z
  .object({ toUserId: z.uuid(), reason: z.string().trim().min(1).max(2000) })
  .strict()
  .openapi('HandoverRequest');
export type Assignment = z.infer<typeof assignmentSchema>;

/** The end of an assignment: a mentor leaves the program, or the kampung's team changes. */
export const assignmentEndRequestSchema = z
  .object({ reason: z.string().trim().min(1).max(2000) })
  .strict()
  .openapi('AssignmentEndRequest');

export const VISIT_KINDS = ['MENTORING', 'MONITORING', 'TECHNICAL', 'SOCIALISATION'] as const;

export const visitRequestSchema = z
  .object({
    assignmentId: z.uuid(),
    visitedOn: z.iso.datetime({ offset: true }).describe('When the visit took place'),
    kind: z.enum(VISIT_KINDS),
    notes: z.string().trim().min(1).max(4000),
    attendees: z.number().int().min(0).max(10_000).default(0),
    followUps: z.array(z.string().trim().min(1).max(300)).max(20).default([]),
    photoIds: z
      .array(z.uuid())
      .max(MAX_PHOTOS_PER_VISIT)
      .refine((ids) => new Set(ids).size === ids.length, 'each photo once')
      .optional()
      .describe('Photos uploaded first (PUT /api/cases/{id}/photos/{photoId}) by the same person to the same case; the visit takes them'),
    location: visitLocationSchema.optional().describe('Where the phone was, when the person allowed it'),
  })
  .strict()
  .openapi('VisitRequest');
export type VisitRequest = z.infer<typeof visitRequestSchema>;

/** A logged visit, as its request is answered. */
export const visitSchema = z
  .object({
    id: z.uuid(),
    caseId: z.uuid(),
    assignmentId: z.uuid(),
    visitedAt: z.iso.datetime(),
    fulfilledObligationId: z.uuid(),
    photoIds: z.array(z.uuid()),
    location: visitLocationSchema.nullable(),
  })
  .openapi('Visit');
export type Visit = z.infer<typeof visitSchema>;

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
    waivedReason: z.string().nullable(),
    periodLabel: z.string().nullable().describe('MONITORING_REPORT and GRADUATE_CHECK: the period the report covers'),
    stage: z.string().nullable().describe('STAGE_DEADLINE: the stage whose expected duration it watches'),
    evidence: obligationEvidenceSchema
      .nullable()
      .describe('VISIT fulfilled by a visit: how many photos it carries and whether its location was recorded; null otherwise'),
  })
  .openapi('Obligation');
export type Obligation = z.infer<typeof obligationSchema>;

export const obligationListQuerySchema = z
  .object({
    status: z.enum(OBLIGATION_STATUSES).optional(),
    kind: z.enum(OBLIGATION_KINDS).optional(),
    assignee: z.uuid().optional(),
    case: z.uuid().optional(),
    program: programCodeSchema.optional(),
    kecamatan: z.string().regex(/^\d{2}\.\d{2}\.\d{2}$/).optional(),
    dueFrom: z.iso.datetime({ offset: true }).optional(),
    dueTo: z.iso.datetime({ offset: true }).optional(),
    open: z.enum(['true', 'false']).optional().describe('true: still to do (UPCOMING to ESCALATED); false: closed'),
    sort: z.enum(['due', '-due']).default('due').describe('By due date, soonest first (due) or latest first (-due)'),
    page: z.coerce.number().int().min(1).default(1),
    pageSize: z.coerce.number().int().min(1).max(200).default(50),
  })
  .strict();
export type ObligationListQuery = z.infer<typeof obligationListQuerySchema>;

export const waiverRequestSchema = z
  .object({ reason: z.string().trim().min(1).max(2000) })
  .strict()
  .openapi('WaiverRequest');

/** `2026-02-31T00:00:00` or `0000-01` match the pattern but name no period the program can have. */
function isRealPeriod(period: string): boolean {
  const year = Number(period.slice(0, 4));
  if (year < 2000 || year > 2100) return false;
  if (period.length === 7) return true;
  const instant = new Date(`${period}Z`);
  return !Number.isNaN(instant.getTime()) && instant.toISOString().slice(0, 19) === period;
}

export const monitoringReportRequestSchema = z
  .object({
    period: z
      .string()
      // abort: a label that is not one is not also said to name no month.
      .regex(REPORT_PERIOD_PATTERN, { message: 'a month as YYYY-MM (or the period named on the obligation)', abort: true })
      .refine(isRealPeriod, 'no such month or instant (a year from 2000 on, a real day and time)')
      .describe('The month (YYYY-MM) the report covers'),
    progressPercent: z.number().min(0).max(100).describe('Physical progress of the planned work, percent'),
    budgetRealised: z.number().int().min(0).max(1e15).describe('Budget realised so far, in rupiah'),
    problems: z.string().trim().max(4000).default(''),
    explanation: z
      .string()
      .trim()
      .max(4000)
      .optional()
      .describe('Required when the progress is below the program target (a red report)'),
  })
  .strict()
  .openapi('MonitoringReportRequest');
export type MonitoringReportRequest = z.infer<typeof monitoringReportRequestSchema>;

export const monitoringReportSchema = z
  .object({
    id: z.uuid(),
    caseId: z.uuid(),
    caseName: z.string(),
    period: z.string(),
    progressPercent: z.number(),
    budgetRealised: z.number(),
    problems: z.string(),
    explanation: z.string().nullable(),
    targetPercent: z.number(),
    red: z.boolean().describe('Progress below the program target: visible to managers'),
    fulfilledObligationId: z.uuid().nullable(),
    submittedBy: z.object({ id: z.uuid(), name: z.string() }).nullable(),
    submittedAt: z.iso.datetime(),
  })
  .openapi('MonitoringReport');
export type MonitoringReport = z.infer<typeof monitoringReportSchema>;

export const monitoringReportListQuerySchema = z
  .object({
    red: z.enum(['true', 'false']).optional(),
    case: z.uuid().optional(),
    program: z.string().optional(),
    page: z.coerce.number().int().min(1).default(1),
    pageSize: z.coerce.number().int().min(1).max(200).default(50),
  })
  .strict();

export const supervisorRequestSchema = z
  .object({ supervisorId: z.uuid().nullable() })
  .strict()
  .openapi('SupervisorRequest');

/** Whose a case-level obligation is: the first role in the list the case has someone active in
 * (a lead before a backup); with nobody in those roles it waits unassigned for the first one. */
export const CASE_OBLIGATION_ROLES: Record<CaseObligationKind, readonly ('MENTOR' | 'DINSOS_OFFICER')[]> = {
  STAGE_DEADLINE: ['DINSOS_OFFICER'],
  EVALUATION: ['DINSOS_OFFICER'],
  MONITORING_REPORT: ['MENTOR', 'DINSOS_OFFICER'],
  GRADUATE_CHECK: ['MENTOR', 'DINSOS_OFFICER'],
};

/** The case-level kinds a newly assigned role takes over when nobody holds them yet. */
export function caseObligationKindsFor(role: string): CaseObligationKind[] {
  return (Object.keys(CASE_OBLIGATION_ROLES) as CaseObligationKind[]).filter((k) =>
    (CASE_OBLIGATION_ROLES[k] as readonly string[]).includes(role),
  );
}

const count = z.number().int().min(0);
/** How many people the dashboard names in its per-person figures (most overdue work, lowest
 * adherence): at a glance, on a phone, at national scale. */
export const DASHBOARD_TOP = 20;
/** The dashboard's window for visits with evidence, in days. */
export const VISIT_EVIDENCE_DAYS = 30;

export const dashboardSchema = z
  .object({
    program: z.string().nullable(),
    generatedAt: z.iso.datetime(),
    stages: z.array(z.object({ programCode: z.string(), stage: z.string(), count })),
    stalled: z.object({
      total: count,
      buckets: z.array(z.object({ fromDays: count, toDays: count.nullable(), count })),
    }),
    overdue: z.object({
      byKind: z.array(z.object({ status: z.enum(['OVERDUE', 'ESCALATED']), kind: z.enum(OBLIGATION_KINDS), count })),
      byAssignee: z
        .array(z.object({ status: z.enum(['OVERDUE', 'ESCALATED']), assignee: z.object({ id: z.uuid(), name: z.string() }).nullable(), count }))
        .describe(`The ${DASHBOARD_TOP} people with the most overdue and escalated work (then by name); each person's list is the obligation list by assignee`),
      assignees: count.describe('How many people (and "nobody") have overdue or escalated work in all'),
      byKecamatan: z.array(z.object({ status: z.enum(['OVERDUE', 'ESCALATED']), kecamatan: z.object({ code: z.string(), name: z.string() }), count })),
    }),
    adherence: z
      .array(z.object({ mentor: z.object({ id: z.uuid(), name: z.string() }), due: count, onTime: count, share: z.number().min(0).max(1) }))
      .describe(`Visits due in the last 90 days (not waived or cancelled) and the share done on time, for the ${DASHBOARD_TOP} people with the lowest share (then most visits due, then by name)`),
    adherenceSummary: z
      .object({ mentors: count, due: count, onTime: count, share: z.number().min(0).max(1) })
      .describe('The same over everyone: how many people had visits due, and the share done on time'),
    ratings: z.object({ year: z.number().int(), BAIK: count, SEDANG: count, KURANG: count }),
    budget: z.object({ allocated: z.number(), realised: z.number() }).describe('Rupiah: designation decrees (APBD + CSR) against the latest monitoring reports'),
    redReports: count,
    beneficiaries: z
      .object({ people: count, households: count, enrolments: count })
      .describe('Who took part in the activities of the kampung in view: each person and household once (merged duplicates count once), and the enrolments'),
    coverage: z.array(z.object({ kecamatan: z.object({ code: z.string(), name: z.string() }), kelurahan: count, covered: count })),
    overdueTrend: z
      .array(z.object({ weekStart: z.iso.date(), overdue: count, escalated: count }))
      .describe('The last 12 weeks (Monday to Sunday, WIB), oldest first: obligations still open past their overdue (or escalation) instant at the end of each week; the current week counts up to now'),
    visitEvidence: z
      .array(z.object({ programCode: z.string(), visits: count, withEvidence: count }))
      .describe(`Per program: the visits of the last ${VISIT_EVIDENCE_DAYS} days, and how many carry evidence (a photo or the phone's location)`),
  })
  .openapi('Dashboard');
export type Dashboard = z.infer<typeof dashboardSchema>;

export const dashboardQuerySchema = z.object({ program: programCodeSchema.optional() }).strict();

export const dashboardSettingsSchema = z
  .object({
    stalledAgingDays: z
      .array(z.number().int().min(1).max(3650))
      .min(1)
      .max(6)
      .refine((days) => days.every((d, i) => i === 0 || d > days[i - 1]!), 'ascending, each larger than the one before')
      .describe('Edges of the aging buckets of stalled cases, in days past the stage\'s expected duration'),
  })
  .strict()
  .openapi('DashboardSettings');
