/** Households and people of the one-data registry, as the API shows them: NIK and KK masked for
 * roles without need (an unmasked read is asked for explicitly, and audited). */
import { z } from './zod';

export const personViewSchema = z
  .object({
    id: z.uuid(),
    /** Masked (3374********0001) unless the reader asked for it unmasked and may see it. */
    nik: z.string(),
    nikMasked: z.boolean(),
    name: z.string(),
    birthDate: z.iso.date(),
    sex: z.enum(['L', 'P']),
    relation: z.string(),
    quality: z.enum(['VALID', 'SUSPECT', 'DUPLICATE', 'MOVED']),
    nikProblems: z.array(z.string()),
    mergedInto: z.uuid().nullable(),
  })
  .openapi('Person');
export type PersonView = z.infer<typeof personViewSchema>;

export const receivedItemSchema = z.object({
  activityId: z.uuid(),
  title: z.string(),
  kind: z.string(),
  agency: z.object({ code: z.string(), name: z.string() }),
  case: z.object({ id: z.uuid(), name: z.string() }),
  person: z.object({ id: z.uuid(), name: z.string() }),
  enrolledAt: z.iso.datetime(),
  firstSession: z.iso.date().nullable(),
  lastSession: z.iso.date().nullable(),
  sessionsAttended: z.number().int(),
  sessions: z.number().int(),
  outputs: z.array(z.string()),
});

export const householdViewSchema = z
  .object({
    id: z.uuid(),
    kk: z.string(),
    kkMasked: z.boolean(),
    kelurahan: z.object({ code: z.string(), name: z.string() }),
    kecamatan: z.object({ code: z.string(), name: z.string() }),
    rw: z.string(),
    rt: z.string(),
    address: z.string(),
    decile: z.number().int().nullable(),
    dataDate: z.iso.date(),
    source: z.string(),
    dtksId: z.string().nullable(),
    members: z.array(personViewSchema),
    /** Everything the household received: which activity, from which agency, when, who took part. */
    received: z.array(receivedItemSchema),
  })
  .openapi('Household');
export type HouseholdView = z.infer<typeof householdViewSchema>;

export const householdListQuerySchema = z
  .object({
    kelurahan: z.string().regex(/^\d{2}\.\d{2}\.\d{2}\.\d{4}$/).optional(),
    rw: z.string().regex(/^\d{1,3}$/).optional(),
    /** A name (part of it), or a whole NIK or KK. */
    q: z.string().trim().min(2).max(100).optional(),
    page: z.coerce.number().int().min(1).default(1),
    pageSize: z.coerce.number().int().min(1).max(200).default(50),
  })
  .strict();

export const householdSummarySchema = z.object({
  id: z.uuid(),
  kk: z.string(),
  head: z.string().nullable(),
  members: z.number().int(),
  kelurahanName: z.string(),
  rw: z.string(),
  rt: z.string(),
  decile: z.number().int().nullable(),
});
export type HouseholdSummary = z.infer<typeof householdSummarySchema>;

export const householdImportSchema = z
  .object({
    id: z.uuid(),
    filename: z.string(),
    status: z.enum(['VALIDATING', 'WRITING', 'DONE', 'REFUSED', 'FAILED', 'CANCELLED']),
    totalRows: z.number().int(),
    processedRows: z.number().int(),
    households: z.number().int(),
    personsCreated: z.number().int(),
    personsUpdated: z.number().int(),
    personsUnchanged: z.number().int(),
    problemCount: z.number().int(),
    /** Per row (the file's line number), what is wrong; the first 1,000. */
    problems: z.array(z.object({ line: z.number().int(), column: z.string(), message: z.string() })),
    error: z.string().nullable(),
    startedAt: z.iso.datetime(),
    finishedAt: z.iso.datetime().nullable(),
  })
  .openapi('HouseholdImport');
export type HouseholdImportView = z.infer<typeof householdImportSchema>;

export const duplicateDecisionSchema = z
  .object({
    decision: z.enum(['MERGE', 'DISMISS']),
    /** For a merge: the record that stays (the other is merged into it). */
    keepId: z.uuid().optional(),
  })
  .strict()
  .refine((d) => d.decision !== 'MERGE' || d.keepId, { path: ['keepId'], message: 'a merge names the record that stays' })
  .openapi('DuplicateDecision');
