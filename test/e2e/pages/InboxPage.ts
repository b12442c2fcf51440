import type { Locator, Page } from 'playwright-core';

/** "Kotak masuk" at `/inbox`: escalations and red monitoring reports. */
export class InboxPage {
  constructor(private readonly page: Page) {}

  async openFromHeader(): Promise<void> {
    await this.page.getByRole('navigation').getByRole('link', { name: 'Kotak masuk', exact: true }).click();
    await this.page.getByRole('heading', { level: 1, name: 'Kotak masuk' }).waitFor();
  }

  /** The red-report items about a case. */
  redReport(caseName: string): Locator {
    return this.page
      .locator('[data-testid="inbox-item"][data-kind="RED_REPORT"]')
      .filter({ has: this.page.getByRole('link', { name: caseName, exact: true }) });
  }
}
