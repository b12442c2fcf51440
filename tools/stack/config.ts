/**
 * `npm start` configuration: read from the environment once, validated, with
 * defaults. Nothing else in the stack reads process.env for settings.
 */
import { resolve } from 'node:path';
import { z } from '@kampung/domain';

const optionalText = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();
const port = (fallback: number) =>
  optionalText.transform((value, ctx) => {
    if (value === undefined) return fallback;
    if (/^\d+$/.test(value) && Number(value) >= 1 && Number(value) <= 65_535) return Number(value);
    ctx.addIssue({ code: 'custom', message: 'must be a port number (1-65535)' });
    return z.NEVER;
  });
const flag = (fallback: boolean) =>
  z
    .string()
    .trim()
    .toLowerCase()
    .optional()
    .transform((value, ctx) => {
      if (value === undefined || value === '') return fallback;
      if (['1', 'true', 'yes', 'on'].includes(value)) return true;
      if (['0', 'false', 'no', 'off'].includes(value)) return false;
      ctx.addIssue({ code: 'custom', message: 'must be true or false' });
      return z.NEVER;
    });

const envSchema = z
  .object({
    DATA_DIR: optionalText.transform((value) => resolve(value ?? 'data')),
    DATABASE_URL: optionalText.pipe(
      z
        .string()
        .refine((value) => /^postgres(ql)?:\/\//.test(value), 'must be a postgres:// URL')
        .optional(),
    ),
    PG_PORT: port(5433),
    TEMPORAL_ADDRESS: optionalText.pipe(
      z
        .string()
        .regex(/^[^\s:/]+:\d+$/, 'must be host:port, e.g. localhost:7233')
        .optional(),
    ),
    TEMPORAL_NAMESPACE: optionalText.transform((value) => value ?? 'default'),
    TEMPORAL_TASK_QUEUE: optionalText.transform((value) => value ?? 'kampung-cases'),
    TEMPORAL_PORT: port(7233),
    TEMPORAL_UI_PORT: port(8233),
    TEMPORAL_CLI: optionalText,
    PORT: port(3000),
    BOOTSTRAP_ADMIN_EMAIL: optionalText.pipe(z.string().email().optional()),
    BOOTSTRAP_ADMIN_PASSWORD: optionalText.pipe(z.string().min(8, 'must be at least 8 characters').optional()),
    SEED_DEMO: flag(true),
    // Mail: a real SMTP server, or (unset) the local catcher on MAIL_CATCHER_SMTP_PORT with its page on MAIL_CATCHER_PORT.
    SMTP_URL: optionalText.pipe(z.string().refine((value) => /^smtps?:\/\//.test(value), 'must be an smtp:// or smtps:// URL').optional()),
    MAIL_FROM: optionalText.transform((value) => value ?? 'Kampung <no-reply@kampung.local>'),
    MAIL_CATCHER_SMTP_PORT: port(1025),
    MAIL_CATCHER_PORT: port(1080),
    // The levels both the worker and the api accept.
    LOG_LEVEL: optionalText.pipe(z.enum(['trace', 'debug', 'info', 'warn', 'error']).default('info')),
  })
  .superRefine((env, ctx) => {
    if ((env.BOOTSTRAP_ADMIN_EMAIL === undefined) !== (env.BOOTSTRAP_ADMIN_PASSWORD === undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: ['BOOTSTRAP_ADMIN_PASSWORD'],
        message: 'set both BOOTSTRAP_ADMIN_EMAIL and BOOTSTRAP_ADMIN_PASSWORD, or neither',
      });
    }
    if (!env.TEMPORAL_ADDRESS && env.TEMPORAL_PORT === env.TEMPORAL_UI_PORT) {
      ctx.addIssue({ code: 'custom', path: ['TEMPORAL_UI_PORT'], message: 'must differ from TEMPORAL_PORT' });
    }
  });

export type StartConfig = z.infer<typeof envSchema>;

/** Parses the environment; throws one error listing every problem. */
export function parseStartConfig(env: NodeJS.ProcessEnv = process.env): StartConfig {
  const result = envSchema.safeParse(env);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => `  ${issue.path.join('.') || '(environment)'}: ${issue.message}`);
  throw new ConfigError(`Invalid configuration:\n${problems.join('\n')}`);
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}
