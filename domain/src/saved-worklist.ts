import { z } from './zod';
import { caseListQuerySchema } from './case-views';
import { obligationListQuerySchema } from './obligation';

/** A named list a user keeps: the filters (and sort) of the case list or the obligation list,
 * private to its owner or shared with every colleague. Opening it opens the list with its filters. */
export const WORKLIST_TARGETS = ['cases', 'obligations'] as const;
export const WORKLIST_VISIBILITIES = ['PRIVATE', 'SHARED'] as const;

/** The filters a worklist keeps: a list's query without its page. */
export const caseWorklistFiltersSchema = caseListQuerySchema.omit({ page: true, pageSize: true });
export const obligationWorklistFiltersSchema = obligationListQuerySchema.omit({ page: true, pageSize: true });

const name = z.string().trim().min(1).max(120);

export const savedWorklistRequestSchema = z
  .discriminatedUnion('target', [
    z.object({ target: z.literal('cases'), name, visibility: z.enum(WORKLIST_VISIBILITIES).default('PRIVATE'), filters: caseWorklistFiltersSchema }).strict(),
    z.object({ target: z.literal('obligations'), name, visibility: z.enum(WORKLIST_VISIBILITIES).default('PRIVATE'), filters: obligationWorklistFiltersSchema }).strict(),
  ])
  .openapi('SavedWorklistRequest');
export type SavedWorklistRequest = z.infer<typeof savedWorklistRequestSchema>;
/** What a client sends (defaults may be left out). */
export type SavedWorklistInput = z.input<typeof savedWorklistRequestSchema>;

export const savedWorklistSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    target: z.enum(WORKLIST_TARGETS),
    visibility: z.enum(WORKLIST_VISIBILITIES),
    filters: z.record(z.string(), z.string()).describe('The list query parameters, as in the list URL'),
    owner: z.object({ id: z.uuid(), name: z.string() }),
    mine: z.boolean().describe('The signed-in user owns it (and may rename, share or delete it)'),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .openapi('SavedWorklist');
export type SavedWorklist = z.infer<typeof savedWorklistSchema>;
