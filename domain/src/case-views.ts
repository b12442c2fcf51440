import { z } from './zod';
import { kampungProfileSchema, proposerSchema } from './case-proposal';
import { programCodeSchema } from './program';
import { stageSchema } from './transition';

export const actorSchema = z.object({ id: z.uuid().nullable(), name: z.string() }).openapi('Actor');

export const historyEntrySchema = z
  .object({
    seq: z.number().int(),
    from: stageSchema.nullable(),
    to: stageSchema,
    at: z.iso.datetime(),
    actor: actorSchema,
    reason: z.string().nullable(),
    data: z.record(z.string(), z.unknown()).nullable(),
  })
  .openapi('HistoryEntry');

export const caseSummarySchema = z
  .object({
    id: z.uuid(),
    workflowId: z.string(),
    name: z.string(),
    theme: z.string(),
    programCode: programCodeSchema,
    kelurahanCode: z.string(),
    kelurahanName: z.string(),
    kecamatanCode: z.string(),
    kecamatanName: z.string(),
    rw: z.string(),
    stage: stageSchema,
    resumeStage: stageSchema.nullable(),
    stageEnteredAt: z.iso.datetime(),
    createdAt: z.iso.datetime(),
  })
  .openapi('CaseSummary');

export const caseDetailSchema = caseSummarySchema
  .extend({
    profile: kampungProfileSchema,
    proposer: proposerSchema,
    allowedTransitions: z.array(stageSchema),
    history: z.array(historyEntrySchema),
  })
  .openapi('CaseDetail');

/** How the case list is ordered: newest first (the default), oldest first, by name, longest in its
 * stage first, longest stalled first, or most overdue obligations first. */
export const CASE_SORTS = ['-created', 'created', 'name', 'stageEntered', 'stalled', 'overdue'] as const;
export type CaseSort = (typeof CASE_SORTS)[number];

export const caseListQuerySchema = z
  .object({
    program: programCodeSchema.optional(),
    kecamatan: z.string().regex(/^\d{2}\.\d{2}\.\d{2}$/).optional(),
    stage: stageSchema.optional(),
    q: z.string().trim().max(100).optional().describe('Text search in name, theme, kelurahan'),
    stalledMinDays: z.coerce.number().int().min(0).max(36_500).optional().describe('Stalled: past its stage\'s expected duration by at least this many days'),
    stalledMaxDays: z.coerce.number().int().min(1).max(36_500).optional().describe('… and by fewer than this many days'),
    sort: z
      .enum(CASE_SORTS)
      .default('-created')
      .describe('-created: newest first; created: oldest first; name; stageEntered: longest in its stage first; stalled: longest stalled first; overdue: most overdue obligations first'),
    page: z.coerce.number().int().min(1).default(1),
    pageSize: z.coerce.number().int().min(1).max(100).default(20),
  })
  .strict();

/** A row of the case list: the case, and what a manager follows it up by. */
export const caseListItemSchema = caseSummarySchema
  .extend({
    stalledDays: z
      .number()
      .int()
      .min(0)
      .nullable()
      .describe('Stalled: whole days since the open deadline of its stage passed (as the dashboard\'s aging buckets and the stalledMinDays filter count them); null: not stalled'),
    overdueObligations: z.number().int().min(0).describe('Its obligations now OVERDUE or ESCALATED'),
    mentors: z.array(z.object({ id: z.uuid(), name: z.string() })).describe('Its active mentors (MENTOR assignments not ended), the lead first'),
  })
  .openapi('CaseListItem');

export const casePageSchema = z
  .object({
    items: z.array(caseListItemSchema),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  })
  .openapi('CasePage');

export type HistoryEntry = z.infer<typeof historyEntrySchema>;
export type CaseSummary = z.infer<typeof caseSummarySchema>;
export type CaseListItem = z.infer<typeof caseListItemSchema>;
export type CaseDetail = z.infer<typeof caseDetailSchema>;
export type CaseListQuery = z.infer<typeof caseListQuerySchema>;
export type CasePage = z.infer<typeof casePageSchema>;
