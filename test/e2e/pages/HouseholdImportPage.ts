import type { Locator, Page, Response } from 'playwright-core';

/** "Impor data rumah tangga" at `/households/import`: upload a registry list, follow its progress,
 * read its result or its per-row report. */
export class HouseholdImportPage {
  constructor(private readonly page: Page) {}

  readonly form = () => this.page.getByRole('form', { name: 'Unggah berkas' });
  /** The columns a file needs, each with what it holds (folded until "Kolom yang diperlukan" is opened). */
  readonly columns = () => this.page.getByTestId('import-columns');

  async showColumns(): Promise<void> {
    await this.page.getByText('Kolom yang diperlukan', { exact: true }).click();
    await this.columns().waitFor();
  }
  /** The import shown (its progress and result); `data-status` holds its state. */
  readonly status = () => this.page.getByTestId('import-status');

  /** Chooses a file (given as text) and uploads it; returns the API's answer (202 with the import). */
  async upload(file: { name: string; mimeType: string; content: string }): Promise<Response> {
    await this.form().getByLabel('Berkas (.csv atau .xlsx)', { exact: true }).setInputFiles({ name: file.name, mimeType: file.mimeType, buffer: Buffer.from(file.content, 'utf8') });
    const [response] = await Promise.all([
      this.page.waitForResponse((r) => new URL(r.url()).pathname === '/api/household-imports' && r.request().method() === 'POST'),
      this.form().getByRole('button', { name: 'Unggah dan periksa', exact: true }).click(),
    ]);
    return response;
  }

  /** Waits until the import shown has ended in `status` (the page asks again every second). */
  async waitUntil(status: 'DONE' | 'REFUSED' | 'FAILED'): Promise<void> {
    await this.page.locator(`[data-testid="import-status"][data-status="${status}"]`).waitFor({ timeout: 30_000 });
  }

  readonly progressBar = () => this.status().locator('progress');
  readonly progressText = () => this.status().getByTestId('import-progress-text');

  /** A count of a finished import by its label ("Rumah tangga", "Anggota baru", …). */
  async count(label: string): Promise<string> {
    const item = this.status().getByTestId('import-counts').locator('div', { has: this.page.locator('dt', { hasText: new RegExp(`^${label}$`) }) });
    return (await item.locator('dd').innerText()).trim();
  }

  /** The alert of a refused import, saying that nothing was imported. */
  readonly refusal = () => this.status().getByTestId('import-refused');

  /** The report's problems of one line of the file. */
  problems(line: number): Locator {
    return this.status().locator(`[data-testid="import-problem"][data-line="${line}"]`);
  }

  /** An import among the recent ones, by its file name. */
  recent(filename: string): Locator {
    return this.page.getByTestId('recent-import').filter({ has: this.page.getByRole('link', { name: filename, exact: true }) });
  }
}
