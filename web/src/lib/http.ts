import type { ErrorCode, Problem } from '@kampung/domain/problem';
import { IDEMPOTENCY_KEY_HEADER } from '@kampung/domain/idempotency-headers';
import { createWriteKeys, writeFingerprint } from './idempotency-keys';

/** A refusal from the API (or the network), carrying the server's problem+json body. */
export class ApiError extends Error {
  constructor(readonly problem: Problem | NetworkProblem) {
    super(problem.detail || problem.title);
    this.name = 'ApiError';
  }

  get code(): ErrorCode | 'NETWORK' {
    return this.problem.code;
  }
}

interface NetworkProblem extends Omit<Problem, 'code'> {
  code: 'NETWORK';
}

function isProblem(body: unknown): body is Problem {
  return typeof body === 'object' && body !== null && 'code' in body && 'status' in body;
}

function fallbackCode(status: number): ErrorCode {
  if (status === 401) return 'UNAUTHENTICATED';
  if (status === 403) return 'FORBIDDEN';
  if (status === 404) return 'NOT_FOUND';
  if (status === 409) return 'CONFLICT';
  if (status === 422) return 'VALIDATION_FAILED';
  if (status === 502 || status === 503 || status === 504) return 'SERVICE_UNAVAILABLE';
  return 'INTERNAL';
}

async function readBody(res: Response): Promise<unknown> {
  const text = await res.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** The token the API sets for this session; every write echoes it (CSRF protection). */
function csrfToken(): string | undefined {
  const match = document.cookie.match(/(?:^|;\s*)kampung_csrf=([^;]+)/);
  return match ? decodeURIComponent(match[1]!) : undefined;
}

export interface HttpInit {
  method?: string;
  /** Sent as JSON. */
  body?: unknown;
  /** Sent as it is, with its content type (an uploaded file, a photo); instead of `body`. */
  file?: { data: Blob; type: string };
  /** Headers of the request's own (a photo's X-Photo-Taken-At). */
  headers?: Record<string, string>;
  fresh?: boolean;
  /** The write's own key, kept by its caller (a write queued on the device): sent as it is. */
  idempotencyKey?: string;
}

/** Whether a failed request may have been done all the same, or may still be running: the network
 * failed, the server (or a proxy before it) failed, or it is still at it. A retry of it carries the
 * same Idempotency-Key, so it gets the first outcome and is never done twice. */
export function isUnknownOutcome(error: unknown): boolean {
  if (!(error instanceof ApiError)) return false;
  return error.code === 'NETWORK' || error.code === 'REQUEST_IN_PROGRESS' || error.problem.status >= 500;
}

const writeKeys = createWriteKeys({ isUnknownOutcome });

/** When the server answered each path read so far (its Date header): an answer kept on the device
 * (the service worker's copy, read with no signal) keeps the time it was brought up to date. */
export const answeredAt = new Map<string, number>();

/** Calls the same-origin JSON API with the session cookie; throws ApiError on any refusal. Every
 * write carries an Idempotency-Key: one per user action, the same on its retries (see
 * idempotency-keys.ts). */
export async function http<T>(path: string, init: HttpInit = {}): Promise<T> {
  const method = init.method ?? 'GET';
  if (method === 'GET') return send<T>(path, init);
  if (init.idempotencyKey) return send<T>(path, init, init.idempotencyKey);
  const fingerprint = writeFingerprint(method, path, { json: init.body, file: init.file?.data });
  return writeKeys.run(fingerprint, (key) => send<T>(path, init, key));
}

async function send<T>(path: string, init: HttpInit, idempotencyKey?: string): Promise<T> {
  const { method = 'GET', body, file, headers, fresh = false } = init;
  const token = method === 'GET' ? undefined : csrfToken();
  const contentType = file ? file.type : body === undefined ? undefined : 'application/json';
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers: {
        ...headers,
        Accept: 'application/json',
        ...(contentType ? { 'Content-Type': contentType } : {}),
        ...(token ? { 'X-CSRF-Token': token } : {}),
        ...(idempotencyKey ? { [IDEMPOTENCY_KEY_HEADER]: idempotencyKey } : {}),
        // Past any cache of the server (the dashboard's): computed now.
        ...(fresh ? { 'Cache-Control': 'no-cache' } : {}),
      },
      body: file ? file.data : body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (cause) {
    const detail = cause instanceof Error ? cause.message : String(cause);
    throw new ApiError({ type: 'about:blank', title: 'Network error', status: 0, code: 'NETWORK', detail });
  }
  const payload = await readBody(res);
  if (res.ok && method === 'GET') answeredAt.set(path, Date.parse(res.headers.get('Date') ?? '') || Date.now());
  if (res.ok) return payload as T;
  if (isProblem(payload)) throw new ApiError(payload);
  const detail = typeof payload === 'string' ? payload.slice(0, 300) : res.statusText;
  throw new ApiError({ type: 'about:blank', title: res.statusText, status: res.status, code: fallbackCode(res.status), detail });
}

/** Builds `?a=1&b=2` from the defined, non-empty values. */
export function searchString(params: Record<string, string | number | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}
