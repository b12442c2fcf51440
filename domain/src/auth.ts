import { z } from './zod';
import { ACTIONS } from './access';
import { userRoleSchema, userScopeSchema } from './user-scope';

export const loginRequestSchema = z
  .object({ email: z.string().trim().toLowerCase().email().max(200), password: z.string().min(1).max(200) })
  .strict()
  .openapi('LoginRequest');
export type LoginRequest = z.infer<typeof loginRequestSchema>;

export const meSchema = z
  .object({
    id: z.uuid(),
    email: z.string(),
    name: z.string(),
    role: userRoleSchema,
    scope: userScopeSchema,
    /** What this role may do (PERMISSIONS); a case's own moves are in its `allowedTransitions`. */
    permissions: z.array(z.enum(ACTIONS as [string, ...string[]])),
  })
  .openapi('Me');
export type Me = z.infer<typeof meSchema>;
