import type { QueryClient, QueryKey } from '@tanstack/react-query';
import { hashKey } from '@tanstack/react-query';
import type { Me } from '@kampung/domain/auth';
import { answeredAt } from '../../lib/http';
import { authKeys } from '../auth/api/auth.queries';
import { WORKLIST_PATH, worklistKey } from '../obligations/api/worklist.api';

/** The answers a repeat visit shows at once from the device, each with the API path it came from
 * (its "Data per …" time is the time the server gave that answer, as the page shows it). */
export const KEPT_QUERIES: readonly { queryKey: QueryKey; path: string }[] = [{ queryKey: worklistKey(), path: WORKLIST_PATH }];

const STORAGE_KEY = 'kampung.kept';

/** What the device keeps between visits: the session as last known (null: signed out) and, for a
 * signed-in person, their own answers (KEPT_QUERIES), each with the time the server gave it. */
interface Kept {
  me: Me | null;
  queries: { queryKey: QueryKey; data: unknown; at: number }[];
}

type KeptStorage = Pick<Storage, 'getItem' | 'setItem'>;

function read(storage: KeptStorage): Kept | undefined {
  try {
    const kept = JSON.parse(storage.getItem(STORAGE_KEY) ?? 'null') as Kept | null;
    return kept && Array.isArray(kept.queries) ? kept : undefined;
  } catch {
    return undefined;
  }
}

function write(storage: KeptStorage, kept: Kept): void {
  try {
    storage.setItem(STORAGE_KEY, JSON.stringify(kept));
  } catch {
    // A full or refused storage: the next visit waits for the network, as without it.
  }
}

/**
 * A repeat visit shows at once what the device kept, the session and the person's worklist, before
 * any request; the page brings them up to date (first-load.ts), and each answer of the server is
 * kept again for the next visit. Signed out, or signed in as someone else, what was kept of the
 * person before is forgotten, on the device and in the page. Runs before the first render.
 *
 * Returns the session it restored (null: signed out), or undefined when nothing was kept.
 */
export function keepQueriesOnDevice(queryClient: QueryClient, storage: KeptStorage | undefined = globalThis.localStorage): Me | null | undefined {
  if (!storage) return undefined;
  let kept = read(storage);
  const restored = kept?.me;
  if (kept) {
    queryClient.setQueryData(authKeys.me(), kept.me);
    if (kept.me) for (const { queryKey, data, at } of kept.queries) queryClient.setQueryData(queryKey, data, { updatedAt: at });
  }
  const meHash = hashKey(authKeys.me());
  queryClient.getQueryCache().subscribe((event) => {
    if (event.type !== 'updated' || event.action.type !== 'success') return;
    const { queryHash, queryKey, state } = event.query;
    if (queryHash === meHash) {
      const me = (state.data as Me | null | undefined) ?? null;
      const same = kept?.me?.id === me?.id;
      // What the page shows of the person before is not shown to the next one (or to nobody).
      if (kept?.me && !same) for (const q of KEPT_QUERIES) queryClient.removeQueries({ queryKey: q.queryKey, exact: true });
      kept = { me, queries: same && kept ? kept.queries : [] };
    } else {
      const q = KEPT_QUERIES.find((k) => hashKey(k.queryKey) === queryHash);
      if (!q || !kept?.me) return;
      const entry = { queryKey, data: state.data, at: answeredAt.get(q.path) ?? state.dataUpdatedAt };
      kept = { ...kept, queries: [...kept.queries.filter((k) => hashKey(k.queryKey) !== queryHash), entry] };
    }
    write(storage, kept);
  });
  return restored;
}
