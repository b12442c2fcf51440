import type { Locator, Page } from 'playwright-core';

/** "Laporan merah" at `/red-reports`: every red monitoring report, for managers. */
export class RedReportsPage {
  constructor(private readonly page: Page) {}

  async openFromHeader(): Promise<void> {
    await this.page.getByRole('navigation').getByRole('link', { name: 'Laporan merah', exact: true }).click();
    await this.page.getByRole('heading', { level: 1, name: 'Laporan merah' }).waitFor();
  }

  report(caseName: string, period: string): Locator {
    return this.page
      .locator(`[data-testid="monitoring-report"][data-period="${period}"]`)
      .filter({ has: this.page.getByRole('link', { name: caseName, exact: true }) });
  }
}
