import { z } from './zod';
import { isoDurationSchema } from './duration';
import { FORWARD_CHAIN } from './stages';

/** Roles in which a person is assigned to a kampung. */
export const ASSIGNMENT_ROLES = ['IAI_ARCHITECT', 'MENTOR', 'DINSOS_OFFICER', 'COMMITTEE_CONTACT'] as const;
export const assignmentRoleSchema = z.enum(ASSIGNMENT_ROLES);
export type AssignmentRole = z.infer<typeof assignmentRoleSchema>;

/** A program's rules for the obligations of its cases. Every duration is ISO-8601. */
export const programPolicySchema = z
  .object({
    visitCadence: z
      .partialRecord(assignmentRoleSchema, isoDurationSchema)
      .describe('How often each assignment role must visit; a role without an entry has no visit cadence'),
    reminderLead: isoDurationSchema.describe('How long before a due date the obligation opens (DUE)'),
    visitGrace: isoDurationSchema.describe('How long after the due date an obligation (of any kind) becomes OVERDUE'),
    escalationDelay: isoDurationSchema.describe('How long after OVERDUE it ESCALATES to supervisors and managers'),
    monitoringReportPeriod: isoDurationSchema.describe(
      'Each period needs a monitoring report once implementation starts; whole months follow the calendar (WIB)',
    ),
    monitoringReportDueAfter: isoDurationSchema.describe(
      'How long after its period ends a report is due: P10D with P1M is the previous month\'s report by the end of the 10th',
    ),
    monitoringTargetPercent: z.number().min(0).max(100).describe('Progress below this makes a report red'),
    evaluationInterval: isoDurationSchema.describe('Evaluations fall due this often once implementation starts'),
    ratingClasses: z
      .object({ baikMin: z.number().min(1).max(5), sedangMin: z.number().min(1).max(5) })
      .strict()
      .refine((r) => r.baikMin > r.sedangMin, { message: 'baikMin must be above sedangMin', path: ['baikMin'] })
      .describe('Yearly rating by mean welfare score: BAIK from baikMin, SEDANG from sedangMin, else KURANG'),
    stageMaxDuration: z
      .partialRecord(z.enum(FORWARD_CHAIN), isoDurationSchema)
      .describe('Beyond this a case in the stage is stalled'),
    graduatedMonitoringCadence: isoDurationSchema.describe('The lighter monitoring cadence after graduation'),
  })
  .strict()
  .openapi('ProgramPolicy');
export type ProgramPolicy = z.infer<typeof programPolicySchema>;

export const policyUpdateSchema = z
  .object({ policy: programPolicySchema, changeNote: z.string().trim().min(1).max(500) })
  .strict()
  .openapi('ProgramPolicyUpdate');

export const policyVersionSchema = z
  .object({
    programCode: z.string(),
    version: z.number().int().min(1),
    policy: programPolicySchema,
    changeNote: z.string(),
    createdAt: z.iso.datetime(),
    createdBy: z.object({ id: z.uuid().nullable(), name: z.string() }),
    appliesTo: z.string().describe('How the version reaches running cases'),
  })
  .openapi('ProgramPolicyVersion');
export type PolicyVersion = z.infer<typeof policyVersionSchema>;

export const POLICY_APPLIES_TO =
  'Running cases follow this version from their next obligation on; obligations already fulfilled are never rewritten.';

/** The starting policies, from the programs' own practice (biweekly mentoring, monthly reports,
 * six-monthly evaluation, a yearly three-class rating). Admins change them; every change is a version. */
const SHARED_DEFAULTS = {
  reminderLead: 'P3D',
  visitGrace: 'P3D',
  escalationDelay: 'P7D',
  monitoringReportPeriod: 'P1M',
  monitoringReportDueAfter: 'P10D',
  monitoringTargetPercent: 75,
  evaluationInterval: 'P6M',
  ratingClasses: { baikMin: 4, sedangMin: 3 },
  graduatedMonitoringCadence: 'P3M',
} satisfies Partial<ProgramPolicy>;

const EARLY_STAGES = { PROPOSAL: 'P30D', SURVEY: 'P30D', VERIFICATION: 'P30D', DESIGNATION: 'P60D', ENGAGEMENT: 'P60D' };

export const DEFAULT_POLICIES: Record<'KAMPUNG_TEMATIK' | 'KAMPUNG_SEJAHTERA_MANDIRI', ProgramPolicy> = {
  KAMPUNG_TEMATIK: {
    ...SHARED_DEFAULTS,
    visitCadence: { IAI_ARCHITECT: 'P14D', MENTOR: 'P14D', DINSOS_OFFICER: 'P1M' },
    stageMaxDuration: { ...EARLY_STAGES, ASSESSMENT: 'P60D', PLANNING: 'P90D', ACTION_PLAN: 'P60D', IMPLEMENTATION: 'P1Y', EVALUATION: 'P30D' },
  },
  KAMPUNG_SEJAHTERA_MANDIRI: {
    ...SHARED_DEFAULTS,
    visitCadence: { MENTOR: 'P14D', DINSOS_OFFICER: 'P1M' },
    stageMaxDuration: { ...EARLY_STAGES, ASSESSMENT: 'P45D', PLANNING: 'P60D', ACTION_PLAN: 'P45D', IMPLEMENTATION: 'P1Y', EVALUATION: 'P30D' },
  },
};

/** The yearly class of a kampung from its mean welfare score. */
export function ratingClass(meanScore: number, classes: ProgramPolicy['ratingClasses']): 'BAIK' | 'SEDANG' | 'KURANG' {
  if (meanScore >= classes.baikMin) return 'BAIK';
  if (meanScore >= classes.sedangMin) return 'SEDANG';
  return 'KURANG';
}
