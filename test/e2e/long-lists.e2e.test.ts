import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { test } from 'node:test';
import type { Page, Route } from 'playwright-core';
import { ObligationListPage } from './pages/ObligationListPage';
import { ADMIN_EMAIL, ADMIN_PASSWORD, eventually, launchChromium, screenshotOnFailure, signedInPage, SKIP_WITHOUT_APP } from './support/e2e';

// Thousands of rows are more than a test should seed through the workflows, so this test answers
// the list's API calls itself: what is checked is the page's rendering, not the server.
const TOTAL = 2_000;

/** A page of synthetic obligations, as `GET /api/obligations` answers. */
function obligationPage(page: number, pageSize: number) {
  const start = (page - 1) * pageSize;
  const count = Math.max(0, Math.min(pageSize, TOTAL - start));
  const items = Array.from({ length: count }, (_, i) => {
    const n = start + i;
    const due = new Date(Date.UTC(2026, 0, 1) + n * 3_600_000).toISOString();
    return {
      id: randomUUID(),
      kind: 'VISIT',
      caseId: randomUUID(),
      caseName: `Kampung Panjang ${n + 1}`,
      assignee: { id: randomUUID(), name: 'Pendamping Uji' },
      status: 'OVERDUE',
      opensAt: due,
      dueAt: due,
      overdueAt: due,
      escalatesAt: due,
      policyVersion: 1,
      fulfilledAt: null,
      late: null,
      waivedReason: null,
      periodLabel: null,
      stage: null,
    };
  });
  return { items, total: TOTAL, page, pageSize };
}

async function serveObligations(page: Page, pagesAsked: number[]): Promise<void> {
  await page.route(
    (url) => url.pathname === '/api/obligations',
    async (route: Route) => {
      const url = new URL(route.request().url());
      const pageNo = Number(url.searchParams.get('page') ?? 1);
      pagesAsked.push(pageNo);
      await route.fulfill({ json: obligationPage(pageNo, Number(url.searchParams.get('pageSize') ?? 50)) });
    },
  );
}

test(
  'a long obligation list keeps only a window of its rows in the page, and loads the next page as it is scrolled',
  { skip: SKIP_WITHOUT_APP, timeout: 90_000 },
  async () => {
    assert.ok(ADMIN_EMAIL && ADMIN_PASSWORD, 'E2E_ADMIN_EMAIL and E2E_ADMIN_PASSWORD must be set');
    const browser = await launchChromium();
    try {
      for (const phone of [false, true]) {
        const page = await signedInPage(browser, ADMIN_EMAIL, ADMIN_PASSWORD, { phone });
        const pagesAsked: number[] = [];
        await serveObligations(page, pagesAsked);
        await screenshotOnFailure(page, `long-list${phone ? '-phone' : ''}`, async () => {
          // Given a list of 2,000 obligations
          await page.goto('/obligations?status=OVERDUE');
          const list = new ObligationListPage(page);
          await list.waitUntilShown();
          await list.total().filter({ hasText: /^2000 kewajiban ditemukan$/ }).waitFor();
          await list.card('Kampung Panjang 1').waitFor();

          // Then only the rows near the viewport are in the page, though a page of 50 is loaded
          const first = await list.items().count();
          assert.ok(first > 0 && first < 40, `a window of rows is rendered, not all 50 loaded (${first})`);
          assert.deepEqual(pagesAsked, [1], 'one page is loaded at first');

          // When the user scrolls down to the end of what is loaded
          await eventually(async () => {
            await page.evaluate('window.scrollBy(0, 4000)');
            assert.ok(pagesAsked.includes(2), `the next page is asked for (${pagesAsked.join(', ')})`);
          });

          // Then the next page loads, and still only a window of rows is in the page
          await page.getByTestId('list-end').filter({ hasText: /Menampilkan (100|150) dari 2\.000/ }).waitFor();
          await eventually(async () => {
            await page.evaluate('window.scrollBy(0, 4000)');
            assert.ok(pagesAsked.length >= 3, `later pages load as the list is scrolled (${pagesAsked.join(', ')})`);
          });
          const later = await list.items().count();
          assert.ok(later < 40, `still a window of rows (${later}), of ${pagesAsked.length * 50} loaded`);
          assert.equal(await list.card('Kampung Panjang 1').count(), 0, 'the first row left the page when scrolled far past');

          // And scrolling back to the top brings the first row back
          await page.evaluate('window.scrollTo(0, 0)');
          await list.card('Kampung Panjang 1').waitFor();
        });
        await page.context().close();
      }
    } finally {
      await browser.close();
    }
  },
);
