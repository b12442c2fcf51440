import type { SavedWorklist } from '@kampung/domain/saved-worklist';
import { http, searchString } from '../../../lib/http';

export type { SavedWorklist };

export type WorklistTarget = SavedWorklist['target'];
export type WorklistVisibility = SavedWorklist['visibility'];

/** What a worklist is saved as: the list, a name, who may open it, and the list URL's filters. */
export interface WorklistInput {
  target: WorklistTarget;
  name: string;
  visibility: WorklistVisibility;
  filters: Record<string, string>;
}

/** Mine and the ones colleagues share, of one list or both. */
export const fetchWorklists = (target?: WorklistTarget) => http<SavedWorklist[]>(`/api/worklists${searchString({ target })}`);

/** 409 when the user already has a worklist of that name. */
export const createWorklist = (input: WorklistInput) => http<SavedWorklist>('/api/worklists', { method: 'POST', body: input });

/** Rename, share or unshare (the owner only; 403 otherwise, 409 for a name already taken). */
export const updateWorklist = (id: string, input: WorklistInput) =>
  http<SavedWorklist>(`/api/worklists/${encodeURIComponent(id)}`, { method: 'PUT', body: input });

export const deleteWorklist = (id: string) => http<void>(`/api/worklists/${encodeURIComponent(id)}`, { method: 'DELETE' });
