import type { Locator, Page, Response } from 'playwright-core';

/** "Ubah kata sandi" at `/account/password`, from the user menu in the header. */
export class PasswordChangePage {
  constructor(private readonly page: Page) {}

  async openFromUserMenu(): Promise<void> {
    await this.page.getByTestId('current-user').click();
    await this.page.getByRole('link', { name: 'Ubah kata sandi', exact: true }).click();
    await this.page.getByRole('heading', { level: 1, name: 'Ubah kata sandi' }).waitFor();
  }

  /** The problem told beside a field, by the field's label. */
  fieldError(label: string): Locator {
    return this.page.locator('.field', { has: this.page.getByLabel(label, { exact: true }) }).locator('.field__error');
  }

  /** Fills the form (the new password twice) and returns the API's answer. */
  async change(currentPassword: string, newPassword: string): Promise<Response> {
    await this.page.getByLabel('Kata sandi saat ini', { exact: true }).fill(currentPassword);
    await this.page.getByLabel('Kata sandi baru', { exact: true }).fill(newPassword);
    await this.page.getByLabel('Ulangi kata sandi baru', { exact: true }).fill(newPassword);
    const [response] = await Promise.all([
      this.page.waitForResponse((r) => new URL(r.url()).pathname === '/api/auth/password'),
      this.page.getByRole('button', { name: 'Ubah kata sandi', exact: true }).click(),
    ]);
    return response;
  }
}

/** "Lupa kata sandi?" on the sign-in form: asks for a reset link by email. */
export class ForgotPasswordForm {
  constructor(private readonly page: Page) {}

  async openFromSignIn(): Promise<void> {
    await this.page.getByRole('button', { name: 'Lupa kata sandi?', exact: true }).click();
    await this.page.getByRole('heading', { level: 1, name: 'Lupa kata sandi' }).waitFor();
  }

  /** Asks for the link and returns the API's answer. */
  async request(email: string): Promise<Response> {
    await this.page.getByLabel('Email', { exact: true }).fill(email);
    const [response] = await Promise.all([
      this.page.waitForResponse((r) => new URL(r.url()).pathname === '/api/auth/password-reset-request'),
      this.page.getByRole('button', { name: 'Kirim tautan', exact: true }).click(),
    ]);
    return response;
  }
}

/** The page of a one-time link from an email (`/invitation#<token>`): an invitation or a reset. */
export class SetPasswordPage {
  constructor(private readonly page: Page) {}

  /** Opens the link, chooses the password, and follows "Masuk" to the sign-in form. */
  async choose(link: URL, password: string): Promise<void> {
    await this.page.goto(`${link.pathname}${link.hash}`);
    await this.page.getByRole('heading', { level: 1, name: 'Buat kata sandi' }).waitFor();
    await this.page.getByLabel('Kata sandi baru', { exact: true }).fill(password);
    await this.page.getByLabel('Ulangi kata sandi', { exact: true }).fill(password);
    await this.page.getByRole('button', { name: 'Simpan kata sandi', exact: true }).click();
    await this.page.getByTestId('invitation-done').waitFor();
    await this.page.getByRole('link', { name: 'Masuk', exact: true }).click();
    await this.page.getByRole('heading', { level: 1, name: 'Masuk' }).waitFor();
  }
}
