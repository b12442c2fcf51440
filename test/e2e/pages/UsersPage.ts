import type { Locator, Page, Response } from 'playwright-core';

/** "Pengguna" at `/users`: the admin invites colleagues and manages their accounts. */
export class UsersPage {
  constructor(private readonly page: Page) {}

  readonly heading = () => this.page.getByRole('heading', { level: 1, name: 'Pengguna' });

  async openFromHeader(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Navigasi utama' }).getByRole('link', { name: 'Pengguna', exact: true }).click();
    await this.heading().waitFor();
  }

  /** "Surel yang tidak terkirim": the mail the worker gave up on. */
  readonly deadLetters = () => this.page.getByRole('region', { name: 'Surel yang tidak terkirim' });

  /** The invitation form, once "Undang pengguna baru" opened it. */
  readonly inviteForm = () => this.page.getByRole('form', { name: 'Undang pengguna baru' });

  async startInvitation(): Promise<void> {
    await this.page.getByRole('button', { name: 'Undang pengguna baru', exact: true }).click();
    await this.inviteForm().waitFor();
  }

  /** Fills the invitation: role by its Indonesian name, programs by their names (ticked). */
  async fillInvitation(invite: { email: string; name: string; role: string; programs: string[] }): Promise<void> {
    const form = this.inviteForm();
    await form.getByLabel('Email', { exact: true }).fill(invite.email);
    await form.getByLabel('Nama lengkap', { exact: true }).fill(invite.name);
    await form.getByLabel('Peran', { exact: true }).selectOption({ label: invite.role });
    for (const program of invite.programs) await form.getByRole('checkbox', { name: program, exact: true }).check();
  }

  /** Sends the invitation and returns the API's answer. */
  async sendInvitation(): Promise<Response> {
    const [response] = await Promise.all([
      this.page.waitForResponse((r) => new URL(r.url()).pathname === '/api/users' && r.request().method() === 'POST'),
      this.inviteForm().getByRole('button', { name: 'Kirim undangan', exact: true }).click(),
    ]);
    return response;
  }

  /** The error told beside a field of the invitation form. */
  fieldError(label: string): Locator {
    return this.inviteForm().locator('.field', { has: this.page.getByLabel(label, { exact: true }) }).locator('.field__error');
  }

  /** An account's card, by its email. */
  account(email: string): Locator {
    return this.page.locator(`[data-testid="account"][data-email="${email}"]`);
  }

  /** Deactivates an account after confirming, and returns the API's answer. */
  async deactivate(email: string): Promise<Response> {
    const card = this.account(email);
    await card.getByRole('button', { name: 'Nonaktifkan', exact: true }).click();
    const [response] = await Promise.all([
      this.page.waitForResponse((r) => /^\/api\/users\/[^/]+$/.test(new URL(r.url()).pathname) && r.request().method() === 'PATCH'),
      card.getByRole('button', { name: 'Ya, nonaktifkan', exact: true }).click(),
    ]);
    return response;
  }
}
