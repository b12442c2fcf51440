import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from '@kampung/domain';

const here = path.dirname(fileURLToPath(import.meta.url));

const schema = z.object({
  DATABASE_URL: z.string().min(1, 'DATABASE_URL is required'),
  TEMPORAL_ADDRESS: z.string().default('127.0.0.1:7233'),
  TEMPORAL_NAMESPACE: z.string().default('default'),
  TEMPORAL_TASK_QUEUE: z.string().default('kampung-cases'),
  /** Household imports and duplicate detection: their workflows run on the worker's background queue. */
  BACKGROUND_TASK_QUEUE: z.string().default('kampung-background'),
  TEMPORAL_UI_URL: z.string().optional(),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  LOG_LEVEL: z.enum(['trace', 'debug', 'info', 'warn', 'error', 'silent']).default('info'),
  WEB_DIST_DIR: z.string().default(path.resolve(here, '../../web/dist')),
  SESSION_TTL_HOURS: z.coerce.number().positive().default(12),
  /** Temporary lockout: this many failed sign-ins to one email within the window lock it for LOGIN_LOCK_SECONDS. */
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).default(5),
  LOGIN_FAILURE_WINDOW_SECONDS: z.coerce.number().int().min(1).default(900),
  LOGIN_LOCK_SECONDS: z.coerce.number().int().min(1).default(900),
  /** Per source address: this many failed sign-ins (to any emails) within the window refuse its sign-ins for the rest of it. */
  LOGIN_IP_MAX_FAILURES: z.coerce.number().int().min(1).default(50),
  LOGIN_IP_WINDOW_SECONDS: z.coerce.number().int().min(1).default(900),
  /** A request waits on a dependency that is down or hung for at most about this long, then gets a
   * 503: PostgreSQL cancels a statement after DATABASE_STATEMENT_TIMEOUT_MS (a server that does not
   * answer at all, half a second later), a connection is waited for DATABASE_CONNECT_TIMEOUT_MS, a
   * call to Temporal TEMPORAL_CALL_TIMEOUT_MS. */
  DATABASE_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(100).default(3_000),
  DATABASE_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(100).default(3_000),
  TEMPORAL_CALL_TIMEOUT_MS: z.coerce.number().int().min(100).default(3_500),
  /** On SIGTERM, requests in flight get this long to finish; then their connections are closed. */
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(0).default(10_000),
  /** When set, GET /metrics answers only `Authorization: Bearer <METRICS_TOKEN>`; unset, it is open
   * on the API port (it carries counts and route patterns, no personal data). */
  METRICS_TOKEN: z.string().min(16, 'METRICS_TOKEN: at least 16 characters').optional(),
  /** Where visit photos' bytes are kept: PostgreSQL (the only store today; an S3-compatible one
   * would be another value, see api/src/evidence/evidence-store.ts). */
  EVIDENCE_STORE: z.enum(['postgres']).default('postgres'),
});
export type ApiConfig = z.infer<typeof schema>;

/** Parsed once at start-up; fails fast with every problem named. Nothing else reads process.env. */
export function loadApiConfig(env: NodeJS.ProcessEnv = process.env): ApiConfig {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    throw new Error(`invalid configuration: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  return parsed.data;
}
