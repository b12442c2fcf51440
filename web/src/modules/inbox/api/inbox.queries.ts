import type { InboxState } from '@kampung/domain/inbox';
import { queryOptions } from '@tanstack/react-query';
import { fetchInbox, fetchUnreadCount } from './inbox.api';

export const inboxKeys = {
  all: ['inbox'] as const,
  lists: () => [...inboxKeys.all, 'list'] as const,
  list: (state: InboxState) => [...inboxKeys.lists(), state] as const,
  unread: () => [...inboxKeys.all, 'unread'] as const,
};

/** How often the navigation asks for the unread count while a page is open. */
export const UNREAD_REFETCH_MS = 60_000;

export const inboxQueries = {
  list: (state: InboxState) => queryOptions({ queryKey: inboxKeys.list(state), queryFn: () => fetchInbox(state) }),
  unread: () => queryOptions({ queryKey: inboxKeys.unread(), queryFn: fetchUnreadCount, refetchInterval: UNREAD_REFETCH_MS, staleTime: 15_000 }),
};
