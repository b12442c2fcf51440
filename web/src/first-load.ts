import type { QueryClient } from '@tanstack/react-query';
import { authQueries } from './modules/auth/api/auth.queries';
import { worklistQuery } from './modules/obligations/api/worklist.api';
import { keepQueriesOnDevice } from './modules/offline/kept-queries';
import { preloadFirstPage } from './pages/lazy';

/** The cookie the API sets beside the session (readable by the page, for CSRF): a hint of a session. */
const hasSessionCookie = () => /(?:^|;\s*)kampung_csrf=/.test(document.cookie);

/**
 * The requests of a page load, started together before the first render rather than one after
 * another (on a weak signal each is a round trip of 400 ms or more): the session, the page texts,
 * the first page's code and, on the worklist, its data. What the device kept is shown at once
 * (modules/offline/kept-queries.ts) and brought up to date by the same requests.
 */
export function startFirstLoad(queryClient: QueryClient, pathname = window.location.pathname): void {
  const kept = keepQueriesOnDevice(queryClient);
  // Asked even when the device has it: a session ended elsewhere shows the sign-in form.
  void queryClient.prefetchQuery({ ...authQueries.me(), staleTime: 0 });
  const signedIn = kept === undefined ? hasSessionCookie() : kept !== null;
  preloadFirstPage(pathname, signedIn);
  if (signedIn && pathname === '/worklist') void queryClient.prefetchQuery(worklistQuery());
}
