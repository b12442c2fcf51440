/**
 * Issue 14, a slow link: a repeat visit shows what the device kept (the session, the mentor's
 * worklist) before the API answers, and nothing of it once the mentor has signed out. The API is
 * held with `page.route` (no answer at all, as on a link too slow to wait for); the service worker
 * is kept out, so what shows comes from the page's own copy (modules/offline/kept-queries.ts).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { launchChromium, MENTOR_EMAIL, MENTOR_PASSWORD, newAppPage, screenshotOnFailure, signIn, SKIP_WITHOUT_APP } from './support/e2e';

/** Every API request of the page waits, unanswered, until the test lets it go. */
async function holdTheApi(page: Page): Promise<() => Promise<void>> {
  const held = (url: URL) => url.pathname.startsWith('/api/');
  await page.route(held, () => undefined);
  return () => page.unroute(held);
}

test(
  'a mentor who comes back on a link that does not answer sees their worklist from the device at once; signed out, the device shows the sign-in form and nothing of theirs',
  { skip: SKIP_WITHOUT_APP, timeout: 120_000 },
  async () => {
    assert.ok(MENTOR_EMAIL && MENTOR_PASSWORD, 'E2E_MENTOR_* must be set');
    const browser = await launchChromium();
    try {
      const page = await newAppPage(browser, { phone: true });
      await screenshotOnFailure(page, 'kept-on-device', async () => {
        // Given a mentor who opened their worklist once (the server answered)
        await signIn(page, MENTOR_EMAIL, MENTOR_PASSWORD);
        await page.goto('/worklist');
        await page.getByTestId('data-as-of').waitFor();
        const asOf = await page.getByTestId('data-as-of').textContent();

        // When they come back and the API does not answer
        let release = await holdTheApi(page);
        await page.reload();

        // Then the worklist is there from the device, with the time the server gave it
        await page.getByRole('heading', { level: 1, name: 'Daftar kerja saya' }).waitFor();
        await page.getByTestId('current-user').waitFor();
        assert.equal(await page.getByTestId('data-as-of').textContent(), asOf, '"Data per …" keeps the age of the copy');

        // When the API answers again and they sign out
        await release();
        await page.reload();
        await page.getByTestId('data-as-of').waitFor();
        await page.getByTestId('current-user').click();
        await page.getByRole('button', { name: 'Keluar', exact: true }).click();
        await page.getByRole('heading', { name: 'Masuk' }).waitFor();

        // Then the next visit, the API held again, shows the sign-in form at once and nothing of theirs
        release = await holdTheApi(page);
        await page.goto('/worklist');
        await page.getByRole('heading', { name: 'Masuk' }).waitFor();
        assert.equal(await page.getByTestId('current-user').count(), 0, 'no one is shown signed in');
        assert.equal(await page.getByTestId('data-as-of').count(), 0, 'no worklist is shown');
        const kept = await page.evaluate<string | null>("localStorage.getItem('kampung.kept')");
        assert.deepEqual(JSON.parse(kept ?? 'null'), { me: null, queries: [] }, 'the device keeps nothing of the mentor');
        await release();
      });
    } finally {
      await browser.close();
    }
  },
);
