import type { Locator, Page, Response } from 'playwright-core';

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

  /** Picks a filter by its label ("Program", "Status", "Jenis", "Penanggung jawab") and waits for the list. */
  async filter(label: string, option: string): Promise<void> {
    await Promise.all([
      this.page.waitForResponse((r) => new URL(r.url()).pathname === '/api/obligations' && r.request().method() === 'GET'),
      this.page.getByRole('search').getByLabel(label, { exact: true }).selectOption({ label: option }),
    ]);
    await this.page.locator('.long-list--stale').waitFor({ state: 'detached' });
  }

  /** The obligation cards in the page now (a long list renders only those near the viewport). */
  readonly items = () => this.page.getByTestId('obligation-item');

  /** The rows shown, each as its case, kind, status and due date, for comparing two views of a list. */
  async rowsShown(): Promise<string[]> {
    const rows = await this.items().all();
    return Promise.all(
      rows.map(async (row) =>
        [await row.getAttribute('data-case-id'), await row.getAttribute('data-kind'), await row.getAttribute('data-status'), await row.locator('time').first().getAttribute('datetime')].join(' '),
      ),
    );
  }

  /** "Simpan sebagai daftar kerja": names the list, shares it if asked, and saves; returns the API's answer. */
  async saveAsWorklist(name: string, { shared }: { shared: boolean }): Promise<Response> {
    await this.page.getByRole('button', { name: 'Simpan sebagai daftar kerja', exact: true }).click();
    const form = this.worklistForm();
    await form.getByLabel('Nama daftar kerja', { exact: true }).fill(name);
    const share = form.getByLabel('Bagikan dengan rekan kerja', { exact: true });
    if (shared) await share.check();
    else await share.uncheck();
    const [response] = await Promise.all([
      this.page.waitForResponse((r) => new URL(r.url()).pathname === '/api/worklists' && r.request().method() === 'POST'),
      form.getByRole('button', { name: 'Simpan daftar kerja', exact: true }).click(),
    ]);
    return response;
  }

  readonly worklistForm = () => this.page.getByRole('form', { name: 'Simpan sebagai daftar kerja' });
}
