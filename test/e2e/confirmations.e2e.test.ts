/**
 * Issue 14, defect 1, on a 390 × 844 phone: after a submit the confirmation is on screen (scrolled
 * into view) and announced (role="status", aria-live), so nobody enters the same thing twice.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Locator } from 'playwright-core';
import { CasePage } from './pages/CasePage';
import { ProposalPage } from './pages/ProposalPage';
import { phonePage } from './support/phone';
import { ADMIN_EMAIL, ADMIN_PASSWORD, launchChromium, screenshotOnFailure, signIn, SKIP_WITHOUT_APP } from './support/e2e';

const VIEWPORT_HEIGHT = 844;
const today = () => new Date().toISOString().slice(0, 10);

/** The confirmation says `text`, is a polite live region, and lies wholly within the phone's screen. */
async function assertConfirmedInView(statuses: Locator, text: string): Promise<void> {
  const confirmation = statuses.filter({ hasText: text });
  await confirmation.waitFor();
  assert.equal(await confirmation.getAttribute('aria-live'), 'polite');
  // Scrolling into view happens as it appears; give it the next frames.
  for (let frame = 0; frame < 10; frame++) {
    const box = await confirmation.boundingBox();
    if (box && box.y >= 0 && box.y + box.height <= VIEWPORT_HEIGHT) return;
    await confirmation.page().evaluate('new Promise((resolve) => requestAnimationFrame(resolve))');
  }
  const box = await confirmation.boundingBox();
  assert.fail(`"${text}" is off-screen (top ${box?.y}, bottom ${box ? box.y + box.height : '?'}, screen 0–${VIEWPORT_HEIGHT})`);
}

test(
  'on a phone, proposing a kampung and moving it show their confirmation on screen and announce it',
  { skip: SKIP_WITHOUT_APP, timeout: 180_000 },
  async () => {
    assert.ok(ADMIN_EMAIL && ADMIN_PASSWORD, 'E2E_ADMIN_EMAIL and E2E_ADMIN_PASSWORD must be set');
    const browser = await launchChromium();
    try {
      const page = await phonePage(browser);
      await screenshotOnFailure(page, 'confirmations', async () => {
        const name = `Kampung Konfirmasi ${Date.now().toString(36)}`;
        const status = page.getByRole('status');
        // Given the admin filling in a proposal at the bottom of the long form
        await signIn(page, ADMIN_EMAIL, ADMIN_PASSWORD);
        await page.goto('/cases/new');
        const proposal = new ProposalPage(page);
        await proposal.fill({
          program: 'Kampung Tematik (Kota Semarang)',
          kecamatan: 'Candisari',
          kelurahan: 'Jatingaleh',
          rw: '4',
          name,
          theme: 'Kampung Batik',
          households: 150,
          poorHouseholds: 30,
          potentials: ['Batik tulis'],
          problems: ['Pemasaran'],
          proposerName: 'Rina Lestari',
          organisation: 'LPMK Jatingaleh',
        });

        // When they send it
        assert.equal((await proposal.submit()).status(), 201);

        // Then the case page says it was saved, where they look
        const kampung = new CasePage(page);
        await kampung.waitForStage('Usulan');
        await assertConfirmedInView(status, `Usulan ${name} tersimpan sebagai kasus baru.`);

        // When they schedule the survey from "Langkah berikutnya"
        await kampung.openStep('Survei');
        await kampung.field('Tanggal rencana').fill(today());
        await kampung.field('Tim').fill('Tim Dinas Sosial');
        assert.equal((await kampung.submitStep()).status(), 200);

        // Then the move is confirmed on screen
        await kampung.waitForStage('Survei');
        await assertConfirmedInView(kampung.nextSteps().getByRole('status'), 'Kasus dipindahkan ke tahap Survei.');

        // When they put it on hold from "Pindah ke tahap…", with the reason
        assert.equal((await kampung.tryMove('Ditangguhkan', 'Menunggu kepastian lahan')).status(), 200);

        // Then that move too is confirmed on screen, by the form that made it
        await kampung.waitForStage('Ditangguhkan');
        const menu = page.locator('details', { has: page.locator('summary', { hasText: 'Pindah ke tahap…' }) });
        await assertConfirmedInView(menu.getByRole('status'), 'Kasus dipindahkan ke tahap Ditangguhkan.');
      });
    } finally {
      await browser.close();
    }
  },
);
