import { addDuration, parseIsoDuration, z } from '@kampung/domain';

/** An ISO-8601 duration as milliseconds (from the epoch: months and years as the calendar has them). */
export function durationMs(iso: string): number {
  if (!parseIsoDuration(iso)) throw new Error(`not an ISO-8601 duration: ${iso}`);
  return addDuration(new Date(0), iso).getTime();
}

const schema = z.object({
  DATABASE_URL: z.string().min(1, 'DATABASE_URL is required'),
  TEMPORAL_ADDRESS: z.string().default('127.0.0.1:7233'),
  TEMPORAL_NAMESPACE: z.string().default('default'),
  TEMPORAL_TASK_QUEUE: z.string().default('kampung-cases'),
  BACKGROUND_TASK_QUEUE: z.string().default('kampung-background').describe('The task queue of household imports and duplicate detection'),
  LOG_LEVEL: z.enum(['trace', 'debug', 'info', 'warn', 'error']).default('info'),
  RECONCILE_EVERY: z
    .string()
    .default('PT1H')
    .refine((v) => { try { return durationMs(v) > 0; } catch { return false; } }, 'an ISO-8601 duration such as PT1H or PT15M')
    .describe('How often the reconciler compares the workflows with PostgreSQL'),
  WORKER_METRICS_ADDRESS: z
    .string()
    .regex(/^[^\s:]+:\d+$/, 'host:port, such as 0.0.0.0:9464')
    .optional()
    .describe('Where the worker serves its Prometheus /metrics (SDK and activity failure metrics); unset: none'),
  SMTP_URL: z
    .string({ error: 'SMTP_URL is required (the SMTP server mail is sent through, e.g. smtp://user:password@mail.example.org:587)' })
    .refine((v) => { try { return ['smtp:', 'smtps:'].includes(new URL(v).protocol); } catch { return false; } }, 'SMTP_URL must be an smtp:// or smtps:// URL')
    .describe('The SMTP server the outbox is sent through'),
  MAIL_FROM: z
    .string({ error: 'MAIL_FROM is required (the sender address, e.g. "Kampung <no-reply@example.org>")' })
    .regex(/^(?:[^<>]*<)?[^\s@<>]+@[^\s@<>]+>?$/, 'MAIL_FROM must be an address, e.g. no-reply@example.org or "Kampung <no-reply@example.org>"'),
  MAIL_EVERY: z
    .string()
    .default('PT10S')
    .refine((v) => { try { return durationMs(v) > 0; } catch { return false; } }, 'an ISO-8601 duration such as PT10S')
    .describe('How often the outbox is looked at'),
  MAIL_MAX_ATTEMPTS: z.coerce.number().int().min(1).default(10).describe('Failed attempts of one mail before it is given up (dead letter)'),
  WORKFLOW_BUNDLE: z.string().optional().describe('Path of a prebuilt workflow bundle (production)'),
});
export type WorkerConfig = z.infer<typeof schema>;

/** Parsed once at start-up; fails fast with every problem named. */
export function loadWorkerConfig(env: NodeJS.ProcessEnv = process.env): WorkerConfig {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    throw new Error(`invalid configuration: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  return parsed.data;
}
