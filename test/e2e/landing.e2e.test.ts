/**
 * Issue 14, defect 7 (landing): each role lands where its day begins: a manager on the dashboard, a
 * mentor on the worklist, an admin on the case list; a link opened while signed out is kept.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEMO_USERS } from '@kampung/tools/demo/demo-users';
import { LoginPage } from './pages/LoginPage';
import { phonePage } from './support/phone';
import { ADMIN_EMAIL, ADMIN_PASSWORD, launchChromium, screenshotOnFailure, SKIP_WITHOUT_APP } from './support/e2e';

const MANAGER = DEMO_USERS.find((user) => user.role === 'MANAGER')!;
const MENTOR = DEMO_USERS.find((user) => user.role === 'MENTOR')!;

test(
  'signing in, a manager lands on the dashboard, a mentor on the worklist, an admin on the case list, and a link opened signed out is kept',
  { skip: SKIP_WITHOUT_APP, timeout: 180_000 },
  async () => {
    assert.ok(ADMIN_EMAIL && ADMIN_PASSWORD, 'E2E_ADMIN_EMAIL and E2E_ADMIN_PASSWORD must be set');
    const browser = await launchChromium();
    try {
      for (const [who, email, password, path, heading] of [
        ['manager', MANAGER.email, MANAGER.password, '/dashboard', 'Dasbor'],
        ['mentor', MENTOR.email, MENTOR.password, '/worklist', 'Daftar kerja saya'],
        ['admin', ADMIN_EMAIL, ADMIN_PASSWORD, '/', 'Daftar kasus kampung'],
      ] as const) {
        const page = await phonePage(browser);
        await screenshotOnFailure(page, `landing-${who}`, async () => {
          // When they sign in at the app's address
          const login = new LoginPage(page);
          await login.open();
          assert.equal((await login.signIn(email, password)).status(), 200);
          // Then they land on their page
          await page.getByRole('heading', { level: 1, name: heading, exact: true }).waitFor();
          assert.equal(new URL(page.url()).pathname, path, `${who} lands on ${path}`);
        });
        await page.context().close();
      }

      // When a manager opens a link to the obligations while signed out, and signs in there
      const page = await phonePage(browser);
      await screenshotOnFailure(page, 'landing-link', async () => {
        await page.goto('/obligations');
        await page.getByRole('heading', { name: 'Masuk' }).waitFor();
        assert.equal((await new LoginPage(page).signIn(MANAGER.email, MANAGER.password)).status(), 200);
        // Then they stay on the page the link named
        await page.getByRole('navigation', { name: 'Navigasi utama' }).waitFor();
        await page.getByRole('heading', { name: 'Masuk' }).waitFor({ state: 'detached' });
        assert.equal(new URL(page.url()).pathname, '/obligations');
      });
    } finally {
      await browser.close();
    }
  },
);
