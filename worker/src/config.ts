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
