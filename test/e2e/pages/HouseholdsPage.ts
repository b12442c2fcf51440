import type { Locator, Page, Response } from 'playwright-core';

/** "Rumah tangga" at `/households`: the one-data list of households, searched by name, NIK or KK. */
export class HouseholdsPage {
  constructor(private readonly page: Page) {}

  readonly heading = () => this.page.getByRole('heading', { level: 1, name: 'Rumah tangga' });

  async openFromHeader(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Navigasi utama' }).getByRole('link', { name: 'Rumah tangga', exact: true }).click();
    await this.heading().waitFor();
  }

  /** Searches by a name (part of it) or a whole NIK or KK; returns the API's answer. */
  async search(text: string): Promise<Response> {
    const form = this.page.getByRole('search', { name: 'Cari rumah tangga' });
    await form.getByLabel('Cari nama, NIK atau No KK', { exact: true }).fill(text);
    const [response] = await Promise.all([
      this.page.waitForResponse((r) => new URL(r.url()).pathname === '/api/households' && new URL(r.url()).searchParams.get('q') === text),
      form.getByRole('button', { name: 'Cari', exact: true }).click(),
    ]);
    return response;
  }

  /** A household's card, by the name of its head (a link to the household). */
  household(head: string): Locator {
    return this.page.getByTestId('household').filter({ has: this.page.getByRole('link', { name: head, exact: true }) });
  }

  /** "Impor data", for staff: opens the import page. */
  async openImport(): Promise<void> {
    await this.page.getByRole('link', { name: 'Impor data', exact: true }).click();
    await this.page.getByRole('heading', { level: 1, name: 'Impor data rumah tangga' }).waitFor();
  }
}
