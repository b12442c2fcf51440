import { z } from './zod';

/** The closed set of machine error codes the API answers with. */
export const ERROR_CODES = [
  'UNAUTHENTICATED',
  'INVALID_CREDENTIALS',
  'FORBIDDEN',
  'NOT_FOUND',
  'VALIDATION_FAILED',
  'ILLEGAL_TRANSITION',
  'REASON_REQUIRED',
  'UNKNOWN_REGION',
  'UNKNOWN_PROGRAM',
  'REGION_NOT_IN_PROGRAM',
  'CONFLICT',
  'VISIT_ALREADY_LOGGED',
  'OBLIGATION_CLOSED',
  'ASSIGNMENT_ENDED',
  'CASE_ON_HOLD',
  'PHOTO_TYPE_NOT_ALLOWED',
  'PHOTO_TOO_LARGE',
  'PHOTO_ID_TAKEN',
  'PHOTO_ALREADY_ATTACHED',
  'TOO_MANY_ATTEMPTS',
  'IDEMPOTENCY_KEY_REUSED',
  'REQUEST_IN_PROGRESS',
  'SERVICE_UNAVAILABLE',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** What the product depends on to answer: named by a SERVICE_UNAVAILABLE problem. */
export const DEPENDENCIES = ['PostgreSQL', 'Temporal'] as const;
export type Dependency = (typeof DEPENDENCIES)[number];

/** One field's problem. `message` is English; a client shows its own words from `code` (the zod
 * issue code, with its bound or format) and `path`, never the message, in another language. */
export const fieldProblemSchema = z.object({
  path: z.string(),
  message: z.string(),
  code: z.string().optional().describe('The validation issue: invalid_type, too_small, too_big, invalid_format, invalid_value, custom …'),
  origin: z.string().optional().describe('For too_small/too_big: string, number, array, date …'),
  minimum: z.number().optional(),
  maximum: z.number().optional(),
  format: z.string().optional().describe('For invalid_format: date, email, uuid, regex …'),
  expected: z.string().optional().describe('For invalid_type: the type expected'),
});
export type FieldProblem = z.infer<typeof fieldProblemSchema>;

export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    code: z.enum(ERROR_CODES),
    detail: z.string(),
    requestId: z.string().optional(),
    errors: z
      .array(fieldProblemSchema)
      .optional()
      .describe('Field-level problems, for VALIDATION_FAILED'),
    dependency: z.enum(DEPENDENCIES).optional().describe('For SERVICE_UNAVAILABLE: what did not answer (the answer has a Retry-After header)'),
  })
  .openapi('Problem');
export type Problem = z.infer<typeof problemSchema>;
