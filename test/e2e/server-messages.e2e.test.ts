/**
 * Issue 14, defect 3, on a phone in Indonesian: a refusal reads in the reader's language, mapped
 * from its stable code (no English detail, raw code or request id).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Locator } from 'playwright-core';
import { CasePage } from './pages/CasePage';
import { LoginPage } from './pages/LoginPage';
import { openMoveMenu, seedCase } from './support/case-helpers';
import { phonePage } from './support/phone';
import { ADMIN_EMAIL, ADMIN_PASSWORD, Api, launchChromium, screenshotOnFailure, signIn, SKIP_WITHOUT_APP } from './support/e2e';

interface Problem {
  code: string;
  title: string;
  detail: string;
  requestId?: string;
}

/** The alert says `message` and nothing of the server's English: not its title or detail, not the
 * machine code, not the request id. */
async function assertInIndonesian(alert: Locator, message: string, problem: Problem): Promise<void> {
  await alert.filter({ hasText: message }).waitFor();
  const text = await alert.innerText();
  assert.ok(!text.includes(problem.detail), `no English detail ("${problem.detail}") in: ${text}`);
  assert.ok(!text.includes(problem.title), `no English title ("${problem.title}") in: ${text}`);
  assert.ok(!text.includes(problem.code), `no raw code (${problem.code}) in: ${text}`);
  if (problem.requestId) assert.ok(!text.includes(problem.requestId), `no request id in: ${text}`);
  assert.doesNotMatch(text, /\bID:/);
}

test(
  'a refused sign-in and a move a colleague made impossible are explained in Indonesian, without the server\'s English, codes or request ids',
  { skip: SKIP_WITHOUT_APP, timeout: 180_000 },
  async () => {
    assert.ok(ADMIN_EMAIL && ADMIN_PASSWORD, 'E2E_ADMIN_EMAIL and E2E_ADMIN_PASSWORD must be set');
    const api = await Api.signIn(ADMIN_EMAIL, ADMIN_PASSWORD);
    const caseId = await seedCase(api, `Kampung Pesan E2E ${Date.now().toString(36)}`);
    const browser = await launchChromium();
    try {
      const page = await phonePage(browser);
      await screenshotOnFailure(page, 'case-actions-messages', async () => {
        // When someone signs in with a wrong password
        const login = new LoginPage(page);
        await login.open();
        const refused = await login.signIn(ADMIN_EMAIL, 'bukan-kata-sandinya');
        assert.equal(refused.status(), 401);
        // Then the sign-in form says so in Indonesian only
        await assertInIndonesian(page.getByRole('alert'), 'Email atau kata sandi salah.', (await refused.json()) as Problem);

        // Given the admin signed in, choosing to withdraw a fresh proposal
        await signIn(page, ADMIN_EMAIL, ADMIN_PASSWORD);
        await page.goto(`/cases/${caseId}`);
        const kampung = new CasePage(page);
        await kampung.waitForStage('Usulan');
        const menu = await openMoveMenu(page);
        await menu.getByLabel('Tahap tujuan', { exact: true }).selectOption({ label: 'Ditarik' });
        await menu.getByLabel('Alasan', { exact: true }).fill('Pengusul membatalkan usulan');

        // And a colleague puts the kampung on hold meanwhile
        const held = await api.call('POST', `/api/cases/${caseId}/transitions`, { to: 'ON_HOLD', reason: 'Menunggu kepastian lahan', data: {} });
        assert.equal(held.status, 200, JSON.stringify(held.body));

        // When the admin sends the withdrawal
        const [answer] = await Promise.all([
          page.waitForResponse((r) => r.url().endsWith(`/api/cases/${caseId}/transitions`) && r.request().method() === 'POST'),
          menu.getByRole('button', { name: 'Ajukan', exact: true }).click(),
        ]);
        assert.equal(answer.status(), 409);
        const problem = (await answer.json()) as Problem;
        assert.equal(problem.code, 'ILLEGAL_TRANSITION');

        // Then the refusal is explained in Indonesian, with nothing of the server's English
        await assertInIndonesian(menu.getByRole('alert'), 'Perpindahan tahap tidak diizinkan.', problem);
      });
    } finally {
      await browser.close();
    }
  },
);
