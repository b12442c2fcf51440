import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CaseListPage } from './pages/CaseListPage';
import { LoginPage } from './pages/LoginPage';
import { ADMIN_EMAIL, ADMIN_PASSWORD, Api, launchChromium, newAppPage, screenshotOnFailure, SKIP_WITHOUT_APP } from './support/e2e';
import { linkIn, mailsTo, waitForMail } from './support/mailbox';

test(
  'an invited colleague gets the mail, opens its link on a phone, is told why a password will not do, chooses one and signs in',
  { skip: SKIP_WITHOUT_APP, timeout: 120_000 },
  async () => {
    // Given an admin invites a colleague (the mail with the link goes to the outbox, and the worker sends it)
    const admin = await Api.signIn(ADMIN_EMAIL, ADMIN_PASSWORD);
    const email = `pendamping-${Date.now()}@semarangkota.go.id`;
    const invited = await admin.call<{ id: string }>('POST', '/api/users', { email, name: 'Wahyu Nugroho', role: 'OFFICER' });
    assert.equal(invited.status, 201, JSON.stringify(invited.body));
    // Then the mail arrives at the SMTP server, once, Indonesian first, with the link
    const mail = await waitForMail(email);
    assert.match(mail.subject, /Undangan/);
    assert.match(mail.text, /Halo Wahyu Nugroho/);
    const link = linkIn(mail);

    const browser = await launchChromium();
    try {
      const page = await newAppPage(browser, { phone: true });
      await screenshotOnFailure(page, 'invitation', async () => {
        // A link cut short (as mail programs sometimes do) is explained in their language
        await page.goto(`${link.pathname}${link.hash.slice(0, 20)}`);
        await page.getByLabel('Kata sandi baru', { exact: true }).fill('kopi tubruk di pagi hari');
        await page.getByLabel('Ulangi kata sandi', { exact: true }).fill('kopi tubruk di pagi hari');
        await page.getByRole('button', { name: 'Simpan kata sandi' }).click();
        await page.getByTestId('invitation-invalid').filter({ hasText: 'Tautan undangan ini tidak berlaku' }).waitFor();

        // When they open the whole link, without a session
        await page.goto(`${link.pathname}${link.hash}`);
        await page.reload();
        await page.getByRole('heading', { name: 'Buat kata sandi' }).waitFor();
        // And try a short password with their name, then a matching good one
        await page.getByLabel('Kata sandi baru', { exact: true }).fill('wahyu123');
        await page.getByLabel('Ulangi kata sandi', { exact: true }).fill('wahyu123');
        await page.getByRole('button', { name: 'Simpan kata sandi' }).click();
        // Then they are told why, in their language
        await page.getByText('Minimal 12 karakter. Jangan memuat email atau nama Anda.').waitFor();
        await page.getByLabel('Kata sandi baru', { exact: true }).fill('kopi tubruk di pagi hari');
        await page.getByLabel('Ulangi kata sandi', { exact: true }).fill('kopi tubruk di pagi hari');
        await page.getByRole('button', { name: 'Simpan kata sandi' }).click();
        await page.getByTestId('invitation-done').waitFor();
        // And they sign in with it
        await page.getByRole('link', { name: 'Masuk' }).click();
        const login = new LoginPage(page);
        await page.getByRole('heading', { name: 'Masuk' }).waitFor();
        assert.equal((await login.signIn(email, 'kopi tubruk di pagi hari')).status(), 200);
        await new CaseListPage(page).waitUntilShown();
        assert.equal((await mailsTo(email)).length, 1, 'the invitation was mailed once');
      });
    } finally {
      await browser.close();
    }
  },
);
