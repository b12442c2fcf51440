import type { InboxItem, InboxItemState, InboxState, InboxUnreadCount } from '@kampung/domain/inbox';
import { http, searchString } from '../../../lib/http';

const itemPath = (id: string) => `/api/me/inbox/${encodeURIComponent(id)}`;

/** The signed-in user's inbox: still to deal with (`open`), done, or all. */
export const fetchInbox = (state: InboxState) => http<InboxItem[]>(`/api/me/inbox${searchString({ state })}`);

export const fetchUnreadCount = () => http<InboxUnreadCount>('/api/me/inbox/unread-count');

export const markInboxRead = (id: string) => http<InboxItemState>(`${itemPath(id)}/read`, { method: 'POST' });

/** Done, or (`done` false) back among the items still to deal with. */
export const markInboxDone = (id: string, done: boolean) => http<InboxItemState>(`${itemPath(id)}/done`, { method: done ? 'POST' : 'DELETE' });
