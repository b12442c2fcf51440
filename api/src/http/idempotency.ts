import { createHash, randomUUID } from 'node:crypto';
import type { Request, RequestHandler, Response } from 'express';
import { idempotencyRepository, type Db } from '@kampung/db';
import { IDEMPOTENCY_KEY_HEADER, IDEMPOTENT_REPLAYED_HEADER, idempotencyKeySchema } from '@kampung/domain/idempotency';
import { AppError } from '../errors';

/** How long a key is remembered after its first use. */
export const RETENTION_SECONDS = 24 * 60 * 60;
/** How long one attempt holds a key. Past it, a retry of the same request takes the key over: the
 * process that held it died mid-request. Longer than any write takes. */
export const LEASE_SECONDS = 2 * 60;
/** What a repeat is told to wait while the first request runs. */
const RETRY_AFTER_SECONDS = 1;
/** Answers larger than this are not kept (a retry runs again); writes answer far less. */
const MAX_STORED_BYTES = 1024 * 1024;
const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

declare module 'express-serve-static-core' {
  interface Request {
    idempotencyKey?: string;
  }
}

/**
 * The key of the write this request runs, once the middleware holds it for this request: the one
 * identity of the person's action, for a use-case to make its Temporal workflow id or Update id
 * (so Temporal deduplicates too). Undefined when the client sent none (API clients may omit it).
 * Unique per user, not across users: prefix it with the user's id where other users' requests meet
 * the same id (an Update id on a shared case workflow).
 */
export function idempotencyKeyOf(req: Request): string | undefined {
  return req.idempotencyKey;
}

/** The JSON body with its keys sorted, so the same body always hashes the same. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const object = value as Record<string, unknown>;
    return `{${Object.keys(object).sort().map((key) => `${JSON.stringify(key)}:${canonicalJson(object[key])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** A hash of the request's body. A body that is not JSON (a file upload, read later by its route)
 * is not read here: its type and length stand for it. */
export function requestBodyHash(req: { body?: unknown; get(name: string): string | undefined }): string {
  const seen = req.body === undefined ? `raw:${req.get('content-type') ?? ''}:${req.get('content-length') ?? ''}` : `json:${canonicalJson(req.body)}`;
  return createHash('sha256').update(seen).digest('hex');
}

interface Answer {
  status: number;
  contentType: string | null;
  /** Null when too large to keep. */
  body: string | null;
}

/** Holds back the end of the response until `settle` has run with the complete answer: the answer
 * is kept before the client can see it, so a retry after a lost answer always finds it. */
function beforeAnswer(res: Response, settle: (answer: Answer) => Promise<void>) {
  const chunks: Buffer[] = [];
  let size = 0;
  const keep = (chunk: unknown, encoding: unknown) => {
    if (chunk === undefined || chunk === null || typeof chunk === 'function' || size > MAX_STORED_BYTES) return;
    const buffer = Buffer.isBuffer(chunk)
      ? chunk
      : chunk instanceof Uint8Array
        ? Buffer.from(chunk)
        : Buffer.from(String(chunk), typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8');
    size += buffer.length;
    if (size <= MAX_STORED_BYTES) chunks.push(buffer);
    else chunks.length = 0;
  };
  const write = res.write;
  const end = res.end;
  res.write = function (this: Response, ...args: unknown[]) {
    keep(args[0], args[1]);
    return (write as (...a: unknown[]) => boolean).apply(this, args);
  } as Response['write'];
  res.end = function (this: Response, ...args: unknown[]) {
    res.write = write;
    res.end = end;
    keep(args[0], args[1]);
    const type = res.getHeader('content-type');
    const answer = {
      status: res.statusCode,
      contentType: type === undefined ? null : String(type),
      body: size > MAX_STORED_BYTES ? null : size === 0 ? '' : Buffer.concat(chunks).toString('utf8'),
    };
    // Part of this response, not background work: `settle` catches its own errors, then it ends.
    void settle(answer).finally(() => (end as (...a: unknown[]) => Response).apply(this, args));
    return this;
  } as Response['end'];
}

function replay(res: Response, answer: NonNullable<idempotencyRepository.IdempotencyRecord['response']>) {
  res.status(answer.status).set(IDEMPOTENT_REPLAYED_HEADER, 'true');
  if (answer.contentType) res.set('Content-Type', answer.contentType);
  if (answer.body) res.send(answer.body);
  else res.end();
}

/**
 * Writes under /api (after authentication) may carry an `Idempotency-Key`. Without one, nothing
 * changes. With one, the first request records the key as in progress (atomically), runs, and its
 * answer is kept before it is sent, unless it is a 5xx: then the key is released and a retry runs
 * again. A repeat of the same request gets the kept answer and nothing runs; a repeat while the
 * first still runs gets 409 REQUEST_IN_PROGRESS; the same key on another request, 422
 * IDEMPOTENCY_KEY_REUSED. Keys are per user, kept 24 hours.
 */
export function idempotency(db: Db): RequestHandler {
  return async (req, res, next) => {
    const key = req.get(IDEMPOTENCY_KEY_HEADER);
    // Sign-in and the other writes without a session have no one to keep the key for.
    if (key === undefined || !WRITES.has(req.method) || !req.user) return next();
    if (!idempotencyKeySchema.safeParse(key).success) {
      throw new AppError('VALIDATION_FAILED', `The ${IDEMPOTENCY_KEY_HEADER} header must be 8 to 128 characters: letters, digits, _ and -`, [
        { path: `header.${IDEMPOTENCY_KEY_HEADER}`, message: '8 to 128 characters: letters, digits, _ and -' },
      ]);
    }
    const attempt = { userId: req.user.id, key, attemptId: randomUUID() };
    const request = { method: req.method, path: req.originalUrl, requestHash: requestBodyHash(req) };

    await idempotencyRepository.sweepExpired(db);
    // Twice at most: a record released between our insert and our read is simply gone.
    for (let round = 0; round < 2; round += 1) {
      const outcome = await idempotencyRepository.acquire(db, { ...attempt, ...request, leaseSeconds: LEASE_SECONDS, retentionSeconds: RETENTION_SECONDS });
      if (outcome.acquired) {
        req.idempotencyKey = key;
        beforeAnswer(res, async (answer) => {
          try {
            if (answer.status >= 500 || answer.body === null) await idempotencyRepository.release(db, attempt);
            else if (!(await idempotencyRepository.complete(db, attempt, answer))) req.log?.warn('idempotency: the key was taken over before the answer was kept');
          } catch (error) {
            // The answer still goes out; the key stays in progress until its lease ends.
            req.log?.error({ err: error }, 'idempotency: the answer could not be kept');
          }
        });
        return next();
      }
      const record = outcome.record;
      if (!record) continue;
      if (record.method !== request.method || record.path !== request.path || record.requestHash !== request.requestHash) {
        throw new AppError('IDEMPOTENCY_KEY_REUSED', `This ${IDEMPOTENCY_KEY_HEADER} was first used for another request (${record.method} ${record.path}); use a new key for a new request`);
      }
      if (record.response) return replay(res, record.response);
      res.set('Retry-After', String(RETRY_AFTER_SECONDS));
      throw new AppError('REQUEST_IN_PROGRESS', `The first request with this ${IDEMPOTENCY_KEY_HEADER} is still running; repeat it shortly to get its answer`);
    }
    res.set('Retry-After', String(RETRY_AFTER_SECONDS));
    throw new AppError('REQUEST_IN_PROGRESS', `The request with this ${IDEMPOTENCY_KEY_HEADER} changed state meanwhile; repeat it shortly`);
  };
}
