import { z } from './zod';
import { STAGES } from './stages';

export const stageSchema = z.enum(STAGES).openapi('Stage');

export const transitionRequestSchema = z
  .object({
    to: stageSchema,
    reason: z.string().trim().min(1).max(2000).optional(),
    data: z.record(z.string(), z.unknown()).optional().describe('The stage data; see transition-data schemas'),
  })
  .strict()
  .openapi('TransitionRequest');
export type TransitionRequest = z.infer<typeof transitionRequestSchema>;
