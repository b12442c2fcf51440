import { inboxRepository, type Db } from '@kampung/db';
import { inboxItemIdSchema, inboxQuerySchema, type InboxItem, type InboxItemState, type InboxUnreadCount } from '@kampung/domain';
import { AppError } from '../errors';
import { parseInput } from '../http/validate';

type InboxRow = Awaited<ReturnType<typeof inboxRepository.listInbox>>[number];
type MarkRow = NonNullable<Awaited<ReturnType<typeof inboxRepository.markRead>>>;

function inboxRowToItem(r: InboxRow): InboxItem {
  return {
    id: r.id,
    kind: r.kind as InboxItem['kind'],
    createdAt: r.created_at.toISOString(),
    readAt: r.read_at?.toISOString() ?? null,
    doneAt: r.done_at?.toISOString() ?? null,
    obligation: r.obligation_id
      ? { id: r.obligation_id, kind: r.obligation_kind as NonNullable<InboxItem['obligation']>['kind'], status: r.obligation_status as NonNullable<InboxItem['obligation']>['status'] }
      : null,
    report: r.report_id ? { id: r.report_id, period: r.report_period ?? '', progressPercent: Number(r.report_progress) } : null,
    finding: r.finding_kind ? { kind: r.finding_kind } : null,
    case: { id: r.case_id, name: r.case_name },
  };
}

const markRowToState = (r: MarkRow): InboxItemState => ({ id: r.id, readAt: r.read_at?.toISOString() ?? null, doneAt: r.done_at?.toISOString() ?? null });

/** The signed-in user's inbox: still to deal with by default, or the done ones, or all. */
export async function inbox(db: Db, userId: string, query: unknown): Promise<InboxItem[]> {
  const { state } = parseInput(inboxQuerySchema, query);
  return (await inboxRepository.listInbox(db, userId, state)).map(inboxRowToItem);
}

export async function unreadCount(db: Db, userId: string): Promise<InboxUnreadCount> {
  return { unread: await inboxRepository.countUnread(db, userId) };
}

/** Someone else's item, or no item at all, is simply not found. */
function notFound(id: string): never {
  throw new AppError('NOT_FOUND', `No inbox item ${id}`);
}

/** Opening an item marks it read; a second opening keeps the first instant. */
export async function markRead(db: Db, userId: string, id: string, now = new Date()): Promise<InboxItemState> {
  if (!inboxItemIdSchema.safeParse(id).success) notFound(id);
  return markRowToState((await inboxRepository.markRead(db, userId, id, now)) ?? notFound(id));
}

/** Done (and so read too), or, with `done` false, back among the items still to deal with. */
export async function markDone(db: Db, userId: string, id: string, done: boolean, now = new Date()): Promise<InboxItemState> {
  if (!inboxItemIdSchema.safeParse(id).success) notFound(id);
  return markRowToState((await inboxRepository.markDone(db, userId, id, done, now)) ?? notFound(id));
}
