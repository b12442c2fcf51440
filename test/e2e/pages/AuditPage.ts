import type { Locator, Page, Response } from 'playwright-core';

/** "Log audit" at `/audit`: the whole audit log, filtered, for auditors and admins. */
export class AuditPage {
  constructor(private readonly page: Page) {}

  readonly heading = () => this.page.getByRole('heading', { level: 1, name: 'Log audit' });

  async openFromHeader(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Navigasi utama' }).getByRole('link', { name: 'Log audit', exact: true }).click();
    await this.heading().waitFor();
  }

  /** Chooses an action by its Indonesian name and applies the filters; returns the log's answer. */
  async filterByAction(label: string): Promise<Response> {
    const filters = this.page.getByRole('search', { name: 'Saring log audit' });
    await filters.getByLabel('Tindakan', { exact: true }).selectOption({ label });
    const [response] = await Promise.all([
      this.page.waitForResponse((r) => new URL(r.url()).pathname === '/api/audit' && new URL(r.url()).searchParams.has('action')),
      filters.getByRole('button', { name: 'Terapkan', exact: true }).click(),
    ]);
    return response;
  }

  /** Entries that mention `text` (an email, a name). */
  entry(text: string): Locator {
    return this.page.getByTestId('audit-entry').filter({ hasText: text });
  }

  /** A download link of the filtered log: "CSV" or "Excel (XLSX)". */
  exportLink(name: 'CSV' | 'Excel (XLSX)'): Locator {
    return this.page.locator('.export-links').getByRole('link', { name, exact: true });
  }
}
