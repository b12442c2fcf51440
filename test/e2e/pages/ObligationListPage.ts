import type { Locator, Page } from 'playwright-core';

/** "Daftar kewajiban" at `/obligations`: obligations across cases, filtered from the URL. */
export class ObligationListPage {
  constructor(private readonly page: Page) {}

  readonly heading = () => this.page.getByRole('heading', { level: 1, name: 'Daftar kewajiban' });
  /** "N kewajiban ditemukan". */
  readonly total = () => this.page.getByTestId('obligation-total');

  async waitUntilShown(): Promise<void> {
    await this.heading().waitFor();
    await this.total().waitFor();
  }

  /** The card of a case's obligation. */
  card(caseName: string): Locator {
    return this.page.getByTestId('obligation-item').filter({ has: this.page.getByRole('link', { name: caseName, exact: true }) });
  }

  /** A filter chip (a filter set by the link that led here), by its text. */
  chip(text: string): Locator {
    return this.page.getByTestId('filter-chip').filter({ hasText: text });
  }
}
