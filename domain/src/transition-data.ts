import { z } from './zod';
import type { Stage } from './stages';

/** Each transition carries the data of the step it completes, validated here. The web renders its
 * forms from these schemas (via JSON Schema), the API validates with them, PostgreSQL stores them. */
const date = () => z.iso.date();
const note = (max = 2000) => z.string().trim().min(1).max(max);
const rupiah = () => z.number().int().min(0).max(1_000_000_000_000);

export const surveyScheduleSchema = z
  .object({ plannedDate: date(), team: note(200) })
  .strict()
  .openapi('SurveySchedule');

export const surveyFindingsSchema = z
  .object({
    surveyDate: date(),
    householdsSurveyed: z.number().int().min(1).max(100_000),
    poorHouseholdsFound: z.number().int().min(0).max(100_000),
    findings: note(),
    recommendation: z.enum(['PROCEED', 'REVISE', 'REJECT']),
  })
  .strict()
  .refine((s) => s.poorHouseholdsFound <= s.householdsSurveyed, {
    message: 'poorHouseholdsFound cannot exceed householdsSurveyed',
    path: ['poorHouseholdsFound'],
  })
  .openapi('SurveyFindings');

export const csrSponsorSchema = z
  .object({ sponsor: note(120), amount: rupiah() })
  .strict()
  .openapi('CsrSponsor');

export const designationDecreeSchema = z
  .object({
    decreeNumber: note(80).describe('Nomor SK penetapan'),
    decreeDate: date(),
    budget: z
      .object({ apbd: rupiah().describe('APBD, Rupiah'), csr: z.array(csrSponsorSchema).max(20).default([]) })
      .strict(),
  })
  .strict()
  .openapi('DesignationDecree');

export const engagementSchema = z
  .object({ teamFormedDate: date(), socialisationDate: date(), notes: note().optional() })
  .strict()
  .openapi('Engagement');

export const notesOnlySchema = z.object({ notes: note().optional() }).strict().openapi('Notes');

export const assessmentResultSchema = z
  .object({ feltProblems: note(), potentials: note() })
  .strict()
  .openapi('AssessmentResult');

export const programAlternativesSchema = z
  .object({ alternatives: note(), agenciesInvolved: note(500) })
  .strict()
  .openapi('ProgramAlternatives');

export const actionPlanSchema = z
  .object({ agreedDate: date(), activities: note() })
  .strict()
  .openapi('ActionPlan');

/** BPS welfare dimensions, each scored 1 (poor) to 5 (good). */
export const WELFARE_DIMENSIONS = [
  'population',
  'healthNutrition',
  'education',
  'employment',
  'incomeConsumption',
  'housingEnvironment',
  'poverty',
  'mindsetTechnology',
] as const;
const score = () => z.number().int().min(1).max(5);

export const RATINGS = ['BAIK', 'SEDANG', 'KURANG'] as const;

export const evaluationSchema = z
  .object({
    evaluationDate: date(),
    scores: z.object(Object.fromEntries(WELFARE_DIMENSIONS.map((d) => [d, score()])) as {
      [K in (typeof WELFARE_DIMENSIONS)[number]]: ReturnType<typeof score>;
    }).strict(),
    rating: z.enum(RATINGS),
    notes: note().optional(),
  })
  .strict()
  .openapi('Evaluation');

export const noDataSchema = z.object({}).strict().openapi('NoData');

export const TRANSITION_DATA_SCHEMAS = {
  SURVEY_SCHEDULE: surveyScheduleSchema,
  SURVEY_FINDINGS: surveyFindingsSchema,
  DESIGNATION_DECREE: designationDecreeSchema,
  ENGAGEMENT: engagementSchema,
  NOTES: notesOnlySchema,
  ASSESSMENT_RESULT: assessmentResultSchema,
  PROGRAM_ALTERNATIVES: programAlternativesSchema,
  ACTION_PLAN: actionPlanSchema,
  EVALUATION: evaluationSchema,
  NONE: noDataSchema,
} as const;
export type TransitionDataKind = keyof typeof TRANSITION_DATA_SCHEMAS;

/** Which data a move from `from` to `to` carries. */
export function transitionDataKind(from: Stage, to: Stage): TransitionDataKind {
  if (from === 'EVALUATION' && (to === 'IMPLEMENTATION' || to === 'PLANNING' || to === 'GRADUATED')) {
    return 'EVALUATION';
  }
  if (from === 'ON_HOLD') return 'NONE';
  switch (to) {
    case 'SURVEY':
      return 'SURVEY_SCHEDULE';
    case 'VERIFICATION':
      return 'SURVEY_FINDINGS';
    case 'DESIGNATION':
      return 'DESIGNATION_DECREE';
    case 'ENGAGEMENT':
      return 'ENGAGEMENT';
    case 'PLANNING':
      return 'ASSESSMENT_RESULT';
    case 'ACTION_PLAN':
      return 'PROGRAM_ALTERNATIVES';
    case 'IMPLEMENTATION':
      return 'ACTION_PLAN';
    case 'ASSESSMENT':
    case 'EVALUATION':
    case 'CLOSED':
      return 'NOTES';
    default:
      return 'NONE';
  }
}

export function transitionDataSchema(from: Stage, to: Stage) {
  return TRANSITION_DATA_SCHEMAS[transitionDataKind(from, to)];
}

/** What an evaluation decided, read from where it sent the case. */
export function evaluationDecision(to: Stage): 'CONTINUE' | 'REMENTOR' | 'GRADUATE' | null {
  if (to === 'IMPLEMENTATION') return 'CONTINUE';
  if (to === 'PLANNING') return 'REMENTOR';
  if (to === 'GRADUATED') return 'GRADUATE';
  return null;
}
