import type { dashboardRepository, Db } from '@kampung/db';
import type { Dashboard } from '@kampung/domain';
import { dashboard } from './dashboard.service';

/** A computed dashboard is served as it is for this long… */
export const DASHBOARD_FRESH_MS = 2_000;
/** …and, up to this age, served while one refresh runs in the background. Older, a request waits
 * for a fresh computation. Its `generatedAt` tells its age. */
export const DASHBOARD_MAX_STALE_MS = 10_000;

type Scope = dashboardRepository.DashboardScope;
const EVERYWHERE: Scope = { programs: [], kecamatans: [] };

interface Entry {
  at: number;
  value: Promise<Dashboard>;
  refreshing: boolean;
}

/** A single-flight, stale-while-revalidate cache in front of the dashboard: its aggregates over a
 * million obligations cost tens of milliseconds, far more than fifty managers asking at once may
 * each spend. Keyed by the query (the program) and the reader's scope. A request with `Cache-Control: no-cache` computes
 * afresh (and refreshes the entry). A failed computation is not kept. */
export function createDashboardCache(
  db: Db,
  { freshMs = DASHBOARD_FRESH_MS, maxStaleMs = DASHBOARD_MAX_STALE_MS, clock = () => Date.now(), compute = dashboard } = {},
) {
  const entries = new Map<string, Entry>();

  function start(key: string, query: Record<string, unknown>, scope: Scope): Entry {
    const entry: Entry = { at: clock(), value: compute(db, query, scope), refreshing: false };
    entry.value.then(
      () => entries.set(key, entry),
      () => {
        if (entries.get(key) === entry) entries.delete(key);
      },
    );
    return entry;
  }

  async function cachedDashboard(
    query: Record<string, unknown>,
    { fresh = false, scope = EVERYWHERE }: { fresh?: boolean; scope?: Scope } = {},
  ): Promise<Dashboard> {
    const key = JSON.stringify([Object.entries(query).sort(), scope]);
    const hit = entries.get(key);
    const age = hit ? clock() - hit.at : Infinity;
    if (!fresh && hit && age < freshMs) return hit.value;
    if (!fresh && hit && age < maxStaleMs) {
      if (!hit.refreshing) {
        hit.refreshing = true;
        start(key, query, scope).value.catch(() => {
          hit.refreshing = false;
        });
      }
      return hit.value;
    }
    // Nothing young enough: this request waits, and the ones arriving meanwhile share its computation.
    const entry = start(key, query, scope);
    entries.set(key, entry);
    return entry.value;
  }
  /** After a settings change (the aging buckets): the next request computes afresh. */
  return Object.assign(cachedDashboard, { clear: () => entries.clear() });
}
