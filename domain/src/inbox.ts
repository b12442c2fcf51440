import { z } from './zod';
import { OBLIGATION_KINDS, OBLIGATION_STATUSES } from './obligation-rules';

/** What reaches a user's inbox: an escalation of their team's obligation, a red monitoring report,
 * a difference the reconciler could not mend. */
export const INBOX_ITEM_KINDS = ['ESCALATION', 'RED_REPORT', 'RECONCILIATION'] as const;
export type InboxItemKind = (typeof INBOX_ITEM_KINDS)[number];

/** Which items the inbox lists: those still to deal with (the default), those done, or all. */
export const INBOX_STATES = ['open', 'done', 'all'] as const;
export type InboxState = (typeof INBOX_STATES)[number];

export const inboxQuerySchema = z
  .object({ state: z.enum(INBOX_STATES).default('open').describe('open: not done yet; done: marked done; all') })
  .strict();
export type InboxQuery = z.infer<typeof inboxQuerySchema>;

/** An inbox item's id, as the API gives it (a number written in digits). */
export const inboxItemIdSchema = z.string().regex(/^[1-9]\d{0,17}$/);

export const inboxItemSchema = z
  .object({
    id: inboxItemIdSchema,
    kind: z.enum(INBOX_ITEM_KINDS),
    createdAt: z.iso.datetime(),
    readAt: z.iso.datetime().nullable().describe('When the user first opened it (or marked it done); null: unread'),
    doneAt: z.iso.datetime().nullable().describe('When the user marked it done; null: still to deal with'),
    obligation: z.object({ id: z.uuid(), kind: z.enum(OBLIGATION_KINDS), status: z.enum(OBLIGATION_STATUSES) }).nullable(),
    report: z.object({ id: z.uuid(), period: z.string(), progressPercent: z.number() }).nullable(),
    finding: z.object({ kind: z.string() }).nullable(),
    case: z.object({ id: z.uuid(), name: z.string() }),
  })
  .openapi('InboxItem');
export type InboxItem = z.infer<typeof inboxItemSchema>;

export const inboxUnreadCountSchema = z
  .object({ unread: z.number().int().min(0).describe('Items of the signed-in user not opened yet (done or not)') })
  .openapi('InboxUnreadCount');
export type InboxUnreadCount = z.infer<typeof inboxUnreadCountSchema>;

/** An item's read and done marks, as a mark (or its undoing) leaves them. */
export const inboxItemStateSchema = inboxItemSchema.pick({ id: true, readAt: true, doneAt: true }).openapi('InboxItemState');
export type InboxItemState = z.infer<typeof inboxItemStateSchema>;
