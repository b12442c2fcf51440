import type { Locator, Page, Response } from 'playwright-core';

/** "Data ganda" at `/duplicates`: pairs of records that may be one person, by status. */
export class DuplicatesPage {
  constructor(private readonly page: Page) {}

  readonly heading = () => this.page.getByRole('heading', { level: 1, name: 'Data ganda' });

  async openFromHeader(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Navigasi utama' }).getByRole('link', { name: 'Data ganda', exact: true }).click();
    await this.heading().waitFor();
  }

  /** "Cari data ganda" (reviewers); returns the API's answer. */
  async run(): Promise<Response> {
    const [response] = await Promise.all([
      this.page.waitForResponse((r) => new URL(r.url()).pathname === '/api/duplicates/run' && r.request().method() === 'POST'),
      this.page.getByRole('button', { name: 'Cari data ganda', exact: true }).click(),
    ]);
    return response;
  }

  /** Shows the pairs of a status, by its name on the status buttons (e.g. "Menunggu persetujuan"). */
  async showStatus(label: string): Promise<void> {
    await this.page.getByRole('group', { name: 'Status' }).getByRole('button', { name: label, exact: true }).click();
  }

  /** A pair, by the (whole) name on one of its sides. */
  pair(name: string): Locator {
    return this.page.getByTestId('duplicate').filter({ has: this.page.getByTestId('duplicate-name').getByText(name, { exact: true }) });
  }

  /** One side of a pair, by the (whole) name on it. */
  side(pair: Locator, name: string): Locator {
    return pair.getByTestId('duplicate-side').filter({ has: this.page.getByTestId('duplicate-name').getByText(name, { exact: true }) });
  }

  /** Keeps the record with this name and asks for the merge; returns the API's answer. */
  async requestMerge(pair: Locator, keep: string): Promise<Response> {
    await this.side(pair, keep).getByRole('radio', { name: 'Pertahankan data ini' }).check();
    const [response] = await Promise.all([
      this.page.waitForResponse((r) => /^\/api\/duplicates\/[^/]+\/decision$/.test(new URL(r.url()).pathname)),
      pair.getByRole('button', { name: 'Ajukan penggabungan', exact: true }).click(),
    ]);
    return response;
  }

  /** A manager approves a requested merge, after confirming; returns the API's answer. */
  async approve(pair: Locator): Promise<Response> {
    await pair.getByRole('button', { name: 'Setujui penggabungan', exact: true }).click();
    const [response] = await Promise.all([
      this.page.waitForResponse((r) => /^\/api\/duplicates\/[^/]+\/approval$/.test(new URL(r.url()).pathname)),
      pair.getByRole('button', { name: 'Ya, setujui', exact: true }).click(),
    ]);
    return response;
  }

  /** The confirmation of the last decision. */
  readonly done = () => this.page.getByTestId('duplicate-done');
}
