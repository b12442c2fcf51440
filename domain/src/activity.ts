/** Implementation activities: trainings and services an agency (OPD) or partner runs for a
 * kampung's residents, with sessions, participants (people of the one-data registry, by id),
 * attendance per session and outputs. */
import { z } from './zod';

export const ACTIVITY_KINDS = ['TRAINING', 'CERTIFICATION', 'BUSINESS_SUPPORT', 'INFRASTRUCTURE', 'TUTORING', 'HEALTH_SERVICE', 'OTHER'] as const;
export const BUDGET_SOURCES = ['APBD', 'CSR'] as const;
export const OUTPUT_KINDS = ['CERTIFIED', 'BUSINESS_STARTED', 'EMPLOYED', 'OTHER'] as const;

const isoDate = z.iso.date();

export const activityRequestSchema = z
  .object({
    agencyCode: z.string().trim().min(1).max(60),
    title: z.string().trim().min(1).max(200),
    kind: z.enum(ACTIVITY_KINDS),
    quota: z.number().int().min(1).max(10_000),
    budget: z.number().min(0).max(1e13),
    budgetSource: z.enum(BUDGET_SOURCES),
    sponsor: z.string().trim().min(1).max(200).nullable().default(null),
    sessions: z.array(z.object({ date: isoDate, topic: z.string().trim().min(1).max(200) }).strict()).min(1).max(100),
  })
  .strict()
  .refine((a) => a.budgetSource !== 'CSR' || a.sponsor !== null, { path: ['sponsor'], message: 'a CSR budget names its sponsor' })
  .openapi('ActivityRequest');
export type ActivityRequest = z.infer<typeof activityRequestSchema>;

export const enrolmentRequestSchema = z
  .object({ personIds: z.array(z.uuid()).min(1).max(500) })
  .strict()
  .openapi('EnrolmentRequest');

export const attendanceRequestSchema = z
  .object({
    sessionId: z.uuid(),
    records: z.array(z.object({ personId: z.uuid(), present: z.boolean() }).strict()).min(1).max(500),
  })
  .strict()
  .openapi('AttendanceRequest');

export const outputRequestSchema = z
  .object({ personId: z.uuid(), kind: z.enum(OUTPUT_KINDS), note: z.string().trim().max(500).nullable().default(null) })
  .strict()
  .openapi('OutputRequest');

const personRef = z.object({ id: z.uuid(), name: z.string(), nik: z.string(), nikMasked: z.boolean(), householdId: z.uuid() });

export const activitySchema = z
  .object({
    id: z.uuid(),
    caseId: z.uuid(),
    caseName: z.string(),
    agency: z.object({ code: z.string(), name: z.string(), kind: z.string() }),
    title: z.string(),
    kind: z.enum(ACTIVITY_KINDS),
    quota: z.number().int(),
    budget: z.number(),
    budgetSource: z.enum(BUDGET_SOURCES),
    sponsor: z.string().nullable(),
    sessions: z.array(
      z.object({
        id: z.uuid(),
        seq: z.number().int(),
        date: isoDate,
        topic: z.string(),
        present: z.number().int(),
        /** The participants recorded present at this session (ids). */
        presentIds: z.array(z.uuid()),
      }),
    ),
    participants: z.array(personRef.extend({ sessionsAttended: z.number().int() })),
    outputs: z.array(z.object({ person: personRef, kind: z.enum(OUTPUT_KINDS), note: z.string().nullable(), recordedAt: z.iso.datetime() })),
    createdAt: z.iso.datetime(),
  })
  .openapi('Activity');
export type Activity = z.infer<typeof activitySchema>;
