import type { Page, Response } from 'playwright-core';

/** The sign-in form, shown at any URL when there is no session. */
export class LoginPage {
  constructor(private readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.goto('/');
    await this.page.getByRole('heading', { name: 'Masuk' }).waitFor();
  }

  /** Signs in and returns the API's answer. */
  async signIn(email: string, password: string): Promise<Response> {
    await this.page.getByLabel('Email', { exact: true }).fill(email);
    await this.page.getByLabel('Kata sandi', { exact: true }).fill(password);
    const [response] = await Promise.all([
      this.page.waitForResponse((r) => r.url().endsWith('/api/auth/login')),
      this.page.getByRole('button', { name: 'Masuk', exact: true }).click(),
    ]);
    return response;
  }
}
