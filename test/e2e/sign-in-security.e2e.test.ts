import assert from 'node:assert/strict';
import { test } from 'node:test';
import { LoginPage } from './pages/LoginPage';
import { launchChromium, newAppPage, screenshotOnFailure, signedInPage, SKIP_WITHOUT_APP, AUDITOR_EMAIL, AUDITOR_PASSWORD } from './support/e2e';

test(
  'a user signs out on every device from the phone, and the laptop is signed out too; repeated failed sign-ins show the lockout',
  { skip: SKIP_WITHOUT_APP, timeout: 120_000 },
  async () => {
    assert.ok(AUDITOR_EMAIL && AUDITOR_PASSWORD, 'E2E_AUDITOR_EMAIL and E2E_AUDITOR_PASSWORD must be set');
    const browser = await launchChromium();
    try {
      // Given the same user signed in on a laptop and on a phone
      const laptop = await signedInPage(browser, AUDITOR_EMAIL, AUDITOR_PASSWORD);
      const phone = await signedInPage(browser, AUDITOR_EMAIL, AUDITOR_PASSWORD, { phone: true });
      await screenshotOnFailure(phone, 'sign-out-everywhere', async () => {
        // When they choose "Keluar dari semua perangkat" in their menu on the phone
        await phone.getByTestId('current-user').click();
        await Promise.all([
          phone.waitForResponse((r) => new URL(r.url()).pathname === '/api/auth/logout-everywhere' && r.status() === 204),
          phone.getByRole('button', { name: 'Keluar dari semua perangkat', exact: true }).click(),
        ]);
        // Then the phone shows the sign-in form, and so does the laptop on its next request
        await phone.getByRole('heading', { name: 'Masuk' }).waitFor();
        await laptop.reload();
        await laptop.getByRole('heading', { name: 'Masuk' }).waitFor();
      });

      // When someone keeps guessing a password, then after five failures the form says the account is locked
      const page = await newAppPage(browser, { phone: true });
      await screenshotOnFailure(page, 'lockout', async () => {
        const login = new LoginPage(page);
        await login.open();
        const email = `tebak-${Date.now()}@kampung.demo`;
        for (let i = 0; i < 5; i++) assert.equal((await login.signIn(email, `tebakan-${i}`)).status(), 401);
        assert.equal((await login.signIn(email, 'tebakan-lagi')).status(), 429);
        await page.getByText('Terlalu banyak percobaan masuk yang gagal. Akun ini dikunci sementara; coba lagi nanti.').waitFor();
      });
    } finally {
      await browser.close();
    }
  },
);
