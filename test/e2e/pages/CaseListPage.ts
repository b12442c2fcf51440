import type { Page } from 'playwright-core';

/** The list of kampung cases at `/`. */
export class CaseListPage {
  constructor(private readonly page: Page) {}

  readonly heading = () => this.page.getByRole('heading', { name: 'Daftar kasus kampung' });

  async waitUntilShown(): Promise<void> {
    await this.heading().waitFor();
  }

  async startProposal(): Promise<void> {
    await this.page.getByRole('link', { name: 'Usulan baru', exact: true }).click();
    await this.page.getByRole('heading', { name: 'Usulan kampung baru' }).waitFor();
  }
}
