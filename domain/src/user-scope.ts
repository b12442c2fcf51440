import { z } from './zod';
import { USER_ROLES } from './access';

export const userRoleSchema = z.enum(USER_ROLES).openapi('UserRole');

/** A user's limits: programs and kecamatan (empty: all), and their agency (for agency staff). */
export const programCodesSchema = z.array(z.string().trim().min(1).max(40)).max(20);
export const kecamatanCodesSchema = z.array(z.string().regex(/^\d{2}\.\d{2}\.\d{2}$/, 'a kecamatan code like 33.74.01')).max(200);
export const agencyCodeSchema = z.string().trim().min(1).max(60).nullable();
export const userScopeSchema = z
  .object({
    programCodes: programCodesSchema.default([]),
    kecamatanCodes: kecamatanCodesSchema.default([]),
    agencyCode: agencyCodeSchema.default(null),
  })
  .openapi('UserScope');
export type UserScope = z.infer<typeof userScopeSchema>;
