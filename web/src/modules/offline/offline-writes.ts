import type { QueryClient } from '@tanstack/react-query';
import { useSyncExternalStore } from 'react';
import { ApiError, http, isUnknownOutcome } from '../../lib/http';
import { newIdempotencyKey } from '../../lib/idempotency-keys';
import { authKeys } from '../auth/api/auth.queries';
import type { Worklist } from '../obligations/api/obligations.api';
import { obligationKeys, obligationQueries } from '../obligations/api/obligations.queries';
import './offline-texts';
import { indexedDbQueueStore } from './queue-db';
import { requestOf, withoutRefusedPhoto } from './queued-requests';
import { createWriteQueue, type QueuedKind, type QueuedWrite, type SendOutcome } from './write-queue';

/** What a queued write's mutation answers instead of the server's answer: kept on the device, sent later. */
export const QUEUED = { queued: true } as const;
export type Queued = typeof QUEUED;

export function isQueued(value: unknown): value is Queued {
  return value === QUEUED;
}

/** A write the person may make with no signal. */
export interface FieldWrite {
  kind: QueuedKind;
  caseId: string;
  method: 'POST' | 'PUT';
  path: string;
  /** JSON, or a Blob (a photo) sent as it is. */
  body: unknown;
  headers?: Record<string, string>;
}

/** The service worker's copy of the API's answers (web/vite.config.ts). */
const API_CACHE = 'kampung-api';

let client: QueryClient | undefined;
const signedIn = () => client?.getQueryData<{ id: string } | null>(authKeys.me())?.id ?? undefined;

async function sendQueued(write: QueuedWrite): Promise<SendOutcome> {
  try {
    await http(write.path, requestOf(write));
    return { sent: true };
  } catch (error) {
    if (!(error instanceof ApiError) || isUnknownOutcome(error) || error.code === 'TOO_MANY_ATTEMPTS') return { retry: true };
    if (error.code === 'UNAUTHENTICATED') return { signedOut: true };
    const fields = error.problem.errors?.map((e) => e.path);
    return { refused: { status: error.problem.status, code: error.code, detail: error.problem.detail, ...(fields?.length ? { fields } : {}) } };
  }
}

/** The device's one queue of field work. */
export const fieldWork = createWriteQueue({
  store: indexedDbQueueStore,
  send: sendQueued,
  currentUser: signedIn,
  // What was sent changed the worklist, the obligations and the cases' timelines: read them again.
  onSent: () => void client?.invalidateQueries(),
  // A visit goes on without a photo the server refused (the refused photo says so).
  withoutRefused: withoutRefusedPhoto,
});

let lastSeq = 0;

/**
 * Sends a field write now, or keeps it on the device when that cannot be done: no signal, a send
 * that failed on the way (its outcome unknown; the queue sends it again with the same key), or work
 * recorded earlier still waiting (this one goes after it). Answers the server's answer, or QUEUED.
 * A refusal (a validation or a conflict) is thrown as it comes, for the form to show.
 */
export async function writeOrQueue<T>(queryClient: QueryClient, write: FieldWrite): Promise<T | Queued> {
  client ??= queryClient;
  const userId = signedIn();
  const queued: QueuedWrite = {
    ...write,
    key: newIdempotencyKey(),
    seq: (lastSeq = Math.max(Date.now(), lastSeq + 1)),
    userId: userId ?? '',
    recordedAt: new Date().toISOString(),
    attempts: 0,
  };
  const keep = async () => {
    await fieldWork.add(queued);
    return QUEUED;
  };
  const waiting = fieldWork.snapshot().some((w) => w.userId === userId && !w.refused);
  if (!userId || !navigator.onLine || waiting) return keep();
  try {
    return await http<T>(write.path, requestOf(queued));
  } catch (error) {
    if (isUnknownOutcome(error)) return keep();
    throw error;
  }
}

let started = false;

/** Settles once the page has loaded and none of its reads is under way. */
function afterTheFirstLoad(queryClient: QueryClient): Promise<void> {
  const loaded = new Promise<void>((resolve) => {
    if (document.readyState === 'complete') resolve();
    else window.addEventListener('load', () => resolve(), { once: true });
  });
  return loaded.then(
    () =>
      new Promise<void>((resolve) => {
        const settled = () => {
          if (queryClient.isFetching() > 0) return false;
          resolve();
          return true;
        };
        if (settled()) return;
        const stop = queryClient.getQueryCache().subscribe(() => {
          if (settled()) stop();
        });
      }),
  );
}

/**
 * Runs once, after the app's first render (OfflineStatus, loaded lazily by the layout, so none of
 * this is in the first download): registers the service worker that keeps the app and the data read
 * on the device (built by vite-plugin-pwa into web/dist; not in `vite dev`), and starts sending the
 * work waiting on the device, again whenever the connection or the session comes back.
 */
export function startOffline(queryClient: QueryClient): void {
  if (started) return;
  started = true;
  if ('serviceWorker' in navigator && import.meta.env.PROD) {
    // Once the page has what it shows: the app's files, fetched all at once for use with no signal,
    // would otherwise share a slow link with what the person waits for.
    void afterTheFirstLoad(queryClient).then(() => navigator.serviceWorker.register('/sw.js', { scope: '/' })).catch(() => undefined);
    // Once the service worker first takes the page over, what the page shows (the session, the
    // worklist) is read again through it, so that it is kept on the device from now on.
    navigator.serviceWorker.addEventListener('controllerchange', () => void queryClient.refetchQueries({ type: 'active' }));
  }
  client = queryClient;
  window.addEventListener('online', () => void fieldWork.flush());
  let user = signedIn();
  queryClient.getQueryCache().subscribe((event) => {
    if (event.query.queryHash !== JSON.stringify(authKeys.me())) return;
    const now = signedIn();
    if (now === user) return;
    // What the API answered one person is not shown to the next one on this device.
    if (user) void globalThis.caches?.delete(API_CACHE);
    user = now;
    if (now) void fieldWork.flush();
  });
  keepWorklistCasesOnDevice(queryClient);
  void fieldWork.start();
}

/** The signed-in person's writes on the device: those waiting to be sent and those refused. */
export function useFieldWork(userId: string): { waiting: QueuedWrite[]; refused: QueuedWrite[] } {
  const all = useSyncExternalStore(fieldWork.subscribe, fieldWork.snapshot);
  const mine = all.filter((w) => w.userId === userId);
  return { waiting: mine.filter((w) => !w.refused), refused: mine.filter((w) => w.refused) };
}

const onlineEvents = (changed: () => void) => {
  window.addEventListener('online', changed);
  window.addEventListener('offline', changed);
  return () => {
    window.removeEventListener('online', changed);
    window.removeEventListener('offline', changed);
  };
};

/** Whether the browser has a connection (as far as it knows). */
export function useOnline(): boolean {
  return useSyncExternalStore(onlineEvents, () => navigator.onLine);
}

/** Whenever the worklist comes in with a signal, the team of each of its kampung is read too (through
 * the service worker, which keeps it): a visit can then be logged from the worklist with no signal. */
function keepWorklistCasesOnDevice(queryClient: QueryClient): void {
  const keep = (worklist: Worklist | undefined) => {
    if (!worklist || !navigator.onLine) return;
    const caseIds = new Set([...worklist.escalated, ...worklist.overdue, ...worklist.dueThisWeek].map((o) => o.caseId));
    // Read again even when fresh in memory: the copy on the device is what counts here.
    for (const caseId of caseIds) void queryClient.prefetchQuery({ ...obligationQueries.assignments(caseId), staleTime: 0 });
  };
  const worklistHash = JSON.stringify(obligationKeys.worklist());
  queryClient.getQueryCache().subscribe((event) => {
    if (event.type === 'updated' && event.action.type === 'success' && event.query.queryHash === worklistHash) keep(event.query.state.data as Worklist);
  });
  keep(queryClient.getQueryData<Worklist>(obligationKeys.worklist()));
}
