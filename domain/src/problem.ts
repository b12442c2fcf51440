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

export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    code: z.enum(ERROR_CODES),
    detail: z.string(),
    requestId: z.string().optional(),
    errors: z
      .array(z.object({ path: z.string(), message: z.string() }))
      .optional()
      .describe('Field-level problems, for VALIDATION_FAILED'),
    dependency: z.enum(DEPENDENCIES).optional().describe('For SERVICE_UNAVAILABLE: what did not answer (the answer has a Retry-After header)'),
  })
  .openapi('Problem');
export type Problem = z.infer<typeof problemSchema>;
