import { z } from './zod';

export const USER_ROLES = ['ADMIN', 'OFFICER', 'VIEWER'] as const;
export const userRoleSchema = z.enum(USER_ROLES);
export type UserRole = z.infer<typeof userRoleSchema>;

/** Roles that may change cases (submit proposals, make transitions). The full role model comes later. */
export function canWrite(role: UserRole): boolean {
  return role === 'ADMIN' || role === 'OFFICER';
}

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
    canWrite: z.boolean(),
  })
  .openapi('Me');
export type Me = z.infer<typeof meSchema>;
