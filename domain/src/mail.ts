import { z } from './zod';

/** What an outbox row was for (the mail's template). */
export const MAIL_TEMPLATES = ['USER_INVITED', 'PASSWORD_RESET', 'MONITORING_REPORT_RED', 'ESCALATION_DIGEST', 'OBLIGATION_ESCALATED'] as const;

/** A mail the worker gave up on after its attempts (a dead letter), for admins. */
export const deadLetterSchema = z.object({
  id: z.string(),
  template: z.string(),
  recipient: z.object({ id: z.uuid(), name: z.string(), email: z.string() }),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  createdAt: z.iso.datetime(),
  deadAt: z.iso.datetime().nullable(),
});
export type DeadLetter = z.infer<typeof deadLetterSchema>;

export const deadLettersSchema = z.object({ items: z.array(deadLetterSchema) });
export type DeadLetters = z.infer<typeof deadLettersSchema>;
