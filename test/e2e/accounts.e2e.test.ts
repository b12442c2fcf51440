import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createDb } from '@kampung/db';
import type { Page } from 'playwright-core';
import { ForgotPasswordForm, PasswordChangePage, SetPasswordPage } from './pages/AccountPasswordPages';
import { AuditPage } from './pages/AuditPage';
import { LoginPage } from './pages/LoginPage';
import { UsersPage } from './pages/UsersPage';
import {
  ADMIN_EMAIL,
  ADMIN_PASSWORD,
  Api,
  assertNoHorizontalScroll,
  AUDITOR_EMAIL,
  AUDITOR_PASSWORD,
  eventually,
  launchChromium,
  newAppPage,
  screenshotOnFailure,
  signedInPage,
  SKIP_WITHOUT_APP,
} from './support/e2e';

const MENTOR_EMAIL = process.env.E2E_MENTOR_EMAIL ?? '';
const MENTOR_PASSWORD = process.env.E2E_MENTOR_PASSWORD ?? '';

/** The link of the newest email of a template to a user, from the outbox (where the mail goes out from). */
async function outboxLink(recipientId: string, template: 'USER_INVITED' | 'PASSWORD_RESET'): Promise<URL> {
  const db = createDb(process.env.DATABASE_URL!, { max: 1 });
  try {
    const row = await db
      .selectFrom('outbox')
      .select('payload')
      .where('recipient_id', '=', recipientId)
      .where('template', '=', template)
      .orderBy('created_at', 'desc')
      .executeTakeFirstOrThrow();
    return new URL((row.payload as { link: string }).link);
  } finally {
    await db.destroy();
  }
}

/** The main navigation's link of that name (none when the role may not open it). */
const navLink = (page: Page, name: string) => page.getByRole('navigation', { name: 'Navigasi utama' }).getByRole('link', { name, exact: true });

test(
  'an admin on a phone invites a mentor limited to Kampung Tematik, who sets, changes and resets a password; once deactivated, their session ends',
  { skip: SKIP_WITHOUT_APP, timeout: 180_000 },
  async () => {
    assert.ok(ADMIN_EMAIL && ADMIN_PASSWORD, 'E2E_ADMIN_EMAIL and E2E_ADMIN_PASSWORD must be set');
    const email = `pendamping-${Date.now().toString(36)}@semarangkota.go.id`;
    const name = 'Rina Kusumawati';
    const passwords = { first: 'gunung merapi di pagi cerah', changed: 'sawah hijau sepanjang jalan desa', reset: 'teh manis hangat di sore hari' };

    const browser = await launchChromium();
    try {
      const admin = await signedInPage(browser, ADMIN_EMAIL, ADMIN_PASSWORD, { phone: true });
      const users = new UsersPage(admin);
      let invitedId = '';
      await screenshotOnFailure(admin, 'accounts-invite', async () => {
        // Given the admin opens "Pengguna" on a phone and fills the invitation with an email that has an account already
        await users.openFromHeader();
        await users.startInvitation();
        await users.fillInvitation({ email: ADMIN_EMAIL, name, role: 'Pendamping', programs: ['Kampung Tematik (Kota Semarang)'] });
        // Then the kecamatan of the program's city can be chosen, and nothing scrolls sideways
        await users.inviteForm().getByRole('group', { name: 'Kecamatan di Kota Semarang' }).waitFor();
        await assertNoHorizontalScroll(admin);
        // When it is sent, the taken email is told beside the field, in Indonesian
        assert.equal((await users.sendInvitation()).status(), 409, 'an email with an account already is refused');
        await users.fieldError('Email').waitFor();
        assert.equal(await users.fieldError('Email').innerText(), 'Email ini sudah memiliki akun.', 'the taken email is told beside its field');

        // When the admin corrects the email and sends the invitation
        await users.inviteForm().getByLabel('Email', { exact: true }).fill(email);
        const sent = await users.sendInvitation();
        assert.equal(sent.status(), 201, 'the invitation is accepted');
        invitedId = ((await sent.json()) as { id: string }).id;
        // Then the page says where the link went, and the account is listed as invited, a mentor, in Kampung Tematik
        await admin.getByTestId('invitation-sent').filter({ hasText: email }).waitFor();
        const card = users.account(email);
        await card.getByTestId('account-state').filter({ hasText: 'Diundang' }).waitFor();
        assert.equal(await card.getByTestId('account-role').innerText(), 'Pendamping', 'the role is shown in words');
        assert.equal(await card.getByTestId('account-scope').innerText(), 'Kampung Tematik (Kota Semarang) · semua kecamatan', 'the scope is shown in words');
        assert.equal(await card.getByRole('button', { name: 'Kirim ulang undangan', exact: true }).count(), 1, 'an invited account may get its invitation again');
        await assertNoHorizontalScroll(admin);
      });

      // When the colleague opens the link from the email on their phone and chooses a password, then signs in
      const invitee = await newAppPage(browser, { phone: true });
      await screenshotOnFailure(invitee, 'accounts-invitee', async () => {
        await new SetPasswordPage(invitee).choose(await outboxLink(invitedId, 'USER_INVITED'), passwords.first);
        assert.equal((await new LoginPage(invitee).signIn(email, passwords.first)).status(), 200, 'the invitee signs in with the password they chose');
        // A mentor lands on their worklist
        await invitee.getByRole('heading', { level: 1, name: 'Daftar kerja saya' }).waitFor();
        // Then, a mentor, they see neither "Pengguna" nor "Log audit"
        assert.equal(await navLink(invitee, 'Pengguna').count(), 0, 'a mentor has no "Pengguna" entry');
        assert.equal(await navLink(invitee, 'Log audit').count(), 0, 'a mentor has no "Log audit" entry');

        // When they change their password from the user menu, first to one too short
        const password = new PasswordChangePage(invitee);
        await password.openFromUserMenu();
        assert.equal((await password.change(passwords.first, 'pendek')).status(), 422, 'a short password is refused');
        // Then the rule is told beside the new password; a good one is accepted
        await password.fieldError('Kata sandi baru').filter({ hasText: 'Minimal 12 karakter.' }).waitFor();
        assert.equal((await password.change(passwords.first, passwords.changed)).status(), 204, 'a good new password is accepted');
        await invitee.getByTestId('password-changed').waitFor();
        await assertNoHorizontalScroll(invitee);

        // When they sign out and ask for a reset link with "Lupa kata sandi?"
        await invitee.getByTestId('current-user').click();
        await invitee.getByRole('button', { name: 'Keluar', exact: true }).click();
        await invitee.getByRole('heading', { level: 1, name: 'Masuk' }).waitFor();
        const forgot = new ForgotPasswordForm(invitee);
        await forgot.openFromSignIn();
        assert.equal((await forgot.request(email)).status(), 202, 'the reset request is taken');
        // Then the answer says only that a link was sent if the email is registered
        await invitee.getByTestId('reset-requested').filter({ hasText: 'Jika email terdaftar, tautan untuk mengatur ulang kata sandi telah dikirim' }).waitFor();
        // And the link from the email sets a new password, which signs them in
        await new SetPasswordPage(invitee).choose(await outboxLink(invitedId, 'PASSWORD_RESET'), passwords.reset);
        assert.equal((await new LoginPage(invitee).signIn(email, passwords.reset)).status(), 200, 'the reset password signs them in');
        await invitee.getByRole('heading', { level: 1, name: 'Daftar kerja saya' }).waitFor();
      });

      // When the admin deactivates the account, after confirming
      await screenshotOnFailure(admin, 'accounts-deactivate', async () => {
        await admin.reload();
        await users.heading().waitFor();
        assert.equal((await users.deactivate(email)).status(), 200, 'the account is deactivated');
        await users.account(email).getByTestId('account-state').filter({ hasText: 'Nonaktif' }).waitFor();
        assert.equal(await users.account(email).getByRole('button', { name: 'Aktifkan kembali', exact: true }).count(), 1, 'a deactivated account may be reactivated');
      });
      // Then the colleague's next navigation shows the sign-in form: their session ended
      await screenshotOnFailure(invitee, 'accounts-session-ended', async () => {
        await navLink(invitee, 'Kotak masuk').click();
        await invitee.getByRole('heading', { level: 1, name: 'Masuk' }).waitFor();
      });
    } finally {
      await browser.close();
    }
  },
);

test(
  'the auditor filters the audit log by "Pengguna diundang" and finds an invitation, downloads it, and reads a case\'s own log; a mentor has neither entry',
  { skip: SKIP_WITHOUT_APP, timeout: 120_000 },
  async () => {
    assert.ok(ADMIN_EMAIL && ADMIN_PASSWORD && AUDITOR_EMAIL && AUDITOR_PASSWORD, 'the admin and auditor logins must be set');
    assert.ok(MENTOR_EMAIL && MENTOR_PASSWORD, 'E2E_MENTOR_EMAIL and E2E_MENTOR_PASSWORD must be set');
    // Given an admin invited a colleague and proposed a kampung
    const api = await Api.signIn(ADMIN_EMAIL, ADMIN_PASSWORD);
    const email = `petugas-audit-${Date.now().toString(36)}@semarangkota.go.id`;
    const invited = await api.call<{ id: string }>('POST', '/api/users', {
      email,
      name: 'Yusuf Pratama',
      role: 'OFFICER',
      programCodes: ['KAMPUNG_TEMATIK'],
      kecamatanCodes: [],
      agencyCode: null,
    });
    assert.equal(invited.status, 201, JSON.stringify(invited.body));
    const proposed = await api.call<{ id: string }>('POST', '/api/cases', {
      programCode: 'KAMPUNG_TEMATIK',
      kelurahanCode: '33.74.13.1003',
      rw: '5',
      name: `Kampung Audit E2E ${Date.now().toString(36)}`,
      theme: 'Kampung Uji Audit',
      profile: { households: 40, poorHouseholds: 9, potentials: [], problems: [] },
      proposer: { name: 'Uji', organisation: 'RW 005' },
    });
    assert.equal(proposed.status, 201, JSON.stringify(proposed.body));

    const browser = await launchChromium();
    try {
      // When the auditor opens "Log audit" on a phone and filters by the action "Pengguna diundang"
      const auditor = await signedInPage(browser, AUDITOR_EMAIL, AUDITOR_PASSWORD, { phone: true });
      await screenshotOnFailure(auditor, 'accounts-audit', async () => {
        const audit = new AuditPage(auditor);
        await audit.openFromHeader();
        const listed = await audit.filterByAction('Pengguna diundang');
        assert.equal(listed.status(), 200, 'the filtered log is read');
        assert.equal(new URL(listed.url()).searchParams.get('action'), 'USER_INVITED', 'the log is asked for invitations only');
        // Then the invitation is listed, in words, with who made it and what it set
        const entry = audit.entry(email);
        await entry.waitFor();
        assert.match(await entry.innerText(), /Pengguna diundang/, 'the action is named in Indonesian');
        assert.match(await entry.getByTestId('audit-actor').innerText(), /oleh Admin Dinas Sosial/, 'the entry names who invited');
        // (the unfiltered page shown before may hold the invitation too; the filtered one replaces it)
        await eventually(async () => {
          const actions = await auditor.getByTestId('audit-entry').evaluateAll((items) => items.map((item) => item.getAttribute('data-action')));
          assert.ok(actions.length > 0 && actions.every((action) => action === 'USER_INVITED'), `only invitations are listed (${actions.join(', ')})`);
        });
        await assertNoHorizontalScroll(auditor);
        // And the CSV download carries the same filter and holds the invitation
        const href = await audit.exportLink('CSV').getAttribute('href');
        assert.ok(href?.includes('action=USER_INVITED') && href.includes('format=csv'), `the CSV link keeps the filter (${href})`);
        const csv = await auditor.request.get(href!);
        assert.equal(csv.status(), 200, 'the CSV downloads');
        assert.ok((await csv.text()).includes(email), 'the CSV holds the invitation');
        assert.ok((await audit.exportLink('Excel (XLSX)').getAttribute('href'))?.includes('format=xlsx'), 'there is an XLSX download too');

        // When the auditor opens the kampung and unfolds its own audit log
        await auditor.goto(`/cases/${proposed.body.id}`);
        const section = auditor.getByTestId('case-audit');
        await section.getByRole('heading', { name: 'Log audit kasus' }).waitFor();
        await Promise.all([
          auditor.waitForResponse((r) => new URL(r.url()).pathname === `/api/cases/${proposed.body.id}/audit` && r.status() === 200),
          section.getByText('Tampilkan log audit', { exact: true }).click(),
        ]);
        // Then the proposal is in it
        await section.getByTestId('audit-entry').filter({ hasText: 'Kasus diusulkan' }).waitFor();
        await assertNoHorizontalScroll(auditor);
      });

      // When a mentor signs in, then their navigation has neither "Pengguna" nor "Log audit"
      const mentor = await signedInPage(browser, MENTOR_EMAIL, MENTOR_PASSWORD);
      await screenshotOnFailure(mentor, 'accounts-mentor-nav', async () => {
        await navLink(mentor, 'Daftar kasus').waitFor();
        assert.equal(await navLink(mentor, 'Pengguna').count(), 0, 'a mentor has no "Pengguna" entry');
        assert.equal(await navLink(mentor, 'Log audit').count(), 0, 'a mentor has no "Log audit" entry');
        assert.equal(await navLink(mentor, 'Dasbor').count(), 0, 'a mentor has no "Dasbor" entry');
        // And their case list (they land on their worklist) says it holds the kampung assigned to them, with no download links (exports are not theirs)
        await navLink(mentor, 'Daftar kasus').click();
        await mentor.getByTestId('case-reach').filter({ hasText: 'kampung yang ditugaskan kepada Anda' }).waitFor();
        await mentor.getByTestId('case-total').waitFor();
        assert.equal(await mentor.getByRole('link', { name: 'CSV', exact: true }).count(), 0, 'a mentor is offered no export');
      });
    } finally {
      await browser.close();
    }
  },
);
