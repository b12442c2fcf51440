import type { ErrorRequestHandler } from 'express';
import type { Dependency, ErrorCode, FieldProblem, Problem } from '@kampung/domain';
import type { z } from '@kampung/domain';
import { isDatabaseUnavailable } from '@kampung/db';
import { isTemporalUnavailable } from './temporal/connection';

/** How long a client is told to wait before asking again while a dependency is away. */
export const RETRY_AFTER_SECONDS = 5;

const STATUS: Record<ErrorCode, number> = {
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  VALIDATION_FAILED: 422,
  UNKNOWN_REGION: 422,
  UNKNOWN_PROGRAM: 422,
  REGION_NOT_IN_PROGRAM: 422,
  ILLEGAL_TRANSITION: 409,
  REASON_REQUIRED: 409,
  CONFLICT: 409,
  VISIT_ALREADY_LOGGED: 409,
  OBLIGATION_CLOSED: 409,
  ASSIGNMENT_ENDED: 409,
  CASE_ON_HOLD: 409,
  PHOTO_TYPE_NOT_ALLOWED: 415,
  PHOTO_TOO_LARGE: 413,
  PHOTO_ID_TAKEN: 409,
  PHOTO_ALREADY_ATTACHED: 409,
  TOO_MANY_ATTEMPTS: 429,
  IDEMPOTENCY_KEY_REUSED: 422,
  REQUEST_IN_PROGRESS: 409,
  SERVICE_UNAVAILABLE: 503,
  INTERNAL: 500,
};

const TITLES: Record<ErrorCode, string> = {
  UNAUTHENTICATED: 'Not signed in',
  INVALID_CREDENTIALS: 'Wrong email or password',
  FORBIDDEN: 'Not allowed',
  NOT_FOUND: 'Not found',
  VALIDATION_FAILED: 'Invalid input',
  UNKNOWN_REGION: 'Unknown region',
  UNKNOWN_PROGRAM: 'Unknown program',
  REGION_NOT_IN_PROGRAM: 'Region outside the program',
  ILLEGAL_TRANSITION: 'Transition not allowed',
  REASON_REQUIRED: 'A reason is required',
  CONFLICT: 'Conflict',
  VISIT_ALREADY_LOGGED: 'This visit is already logged',
  OBLIGATION_CLOSED: 'The obligation is already closed',
  ASSIGNMENT_ENDED: 'The assignment has ended',
  CASE_ON_HOLD: 'The case is on hold',
  PHOTO_TYPE_NOT_ALLOWED: 'Not a JPEG, PNG or WebP image',
  PHOTO_TOO_LARGE: 'The photo is too large',
  PHOTO_ID_TAKEN: 'This photo id is taken by another photo',
  PHOTO_ALREADY_ATTACHED: 'The photo belongs to another visit',
  TOO_MANY_ATTEMPTS: 'Too many attempts',
  IDEMPOTENCY_KEY_REUSED: 'Idempotency key used for another request',
  REQUEST_IN_PROGRESS: 'The first request with this key is still running',
  SERVICE_UNAVAILABLE: 'Service unavailable',
  INTERNAL: 'Internal error',
};

/** The one error type use-cases throw; the middleware turns it into application/problem+json. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly errors?: FieldProblem[],
    /** For SERVICE_UNAVAILABLE: what did not answer. */
    readonly dependency?: Dependency,
  ) {
    super(message);
  }
  get status(): number {
    return STATUS[this.code];
  }
}

/** A 503 naming what did not answer; the client may try again after RETRY_AFTER_SECONDS. */
export function unavailable(dependency: Dependency, message: string): AppError {
  return new AppError('SERVICE_UNAVAILABLE', message, undefined, dependency);
}

/** PostgreSQL or Temporal down, hung or unreachable, as a 503; anything else stays unknown. */
function unavailableDependency(error: unknown): AppError | undefined {
  if (isDatabaseUnavailable(error)) return unavailable('PostgreSQL', 'The database (PostgreSQL) does not answer; try again in a few seconds');
  if (isTemporalUnavailable(error)) return unavailable('Temporal', 'The workflow service (Temporal) does not answer; try again in a few seconds');
  return undefined;
}

/** A zod issue as a field problem: the English message, and the issue's code with its bound or
 * format, from which a client words it in its reader's language. */
function fieldProblem(issue: z.core.$ZodIssue, prefix: string): FieldProblem {
  const bound = (value: unknown) => (typeof value === 'number' || typeof value === 'bigint' ? Number(value) : undefined);
  const details = issue as { origin?: unknown; minimum?: unknown; maximum?: unknown; format?: unknown; expected?: unknown };
  return {
    path: [prefix, ...issue.path.map(String)].filter((p) => p !== '').join('.'),
    message: issue.message,
    code: issue.code,
    ...(typeof details.origin === 'string' ? { origin: details.origin } : {}),
    ...(bound(details.minimum) !== undefined ? { minimum: bound(details.minimum) } : {}),
    ...(bound(details.maximum) !== undefined ? { maximum: bound(details.maximum) } : {}),
    ...(typeof details.format === 'string' ? { format: details.format } : {}),
    ...(typeof details.expected === 'string' ? { expected: details.expected } : {}),
  };
}

export function validationError(error: z.ZodError, prefix = ''): AppError {
  return new AppError(
    'VALIDATION_FAILED',
    'Some fields are invalid',
    error.issues.map((issue) => fieldProblem(issue, prefix)),
  );
}

export function problemBody(err: AppError, requestId?: string): Problem {
  return {
    type: `https://kampung.example/problems/${err.code.toLowerCase().replace(/_/g, '-')}`,
    title: TITLES[err.code],
    status: err.status,
    code: err.code,
    detail: err.message,
    ...(requestId ? { requestId } : {}),
    ...(err.errors ? { errors: err.errors } : {}),
    ...(err.dependency ? { dependency: err.dependency } : {}),
  };
}

export const errorMiddleware: ErrorRequestHandler = (error, req, res, _next) => {
  let appError: AppError;
  const down = error instanceof AppError ? undefined : unavailableDependency(error);
  if (error instanceof AppError) appError = error;
  else if (down) {
    // Expected while a dependency is away: one line, no stack.
    req.log?.warn({ dependency: down.dependency, error: (error as Error).message }, 'dependency unavailable');
    appError = down;
  } else if (error?.type === 'entity.parse.failed') appError = new AppError('VALIDATION_FAILED', 'The body is not valid JSON');
  else if (error?.type === 'entity.too.large') appError = new AppError('VALIDATION_FAILED', 'The body is too large');
  else {
    req.log?.error({ err: error }, 'unhandled error');
    appError = new AppError('INTERNAL', 'Something went wrong; the request id helps us find it');
  }
  if (appError.code === 'SERVICE_UNAVAILABLE') res.set('Retry-After', String(RETRY_AFTER_SECONDS));
  res
    .status(appError.status)
    .type('application/problem+json')
    .json(problemBody(appError, String(req.id ?? '')));
};
