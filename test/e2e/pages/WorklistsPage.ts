import type { Locator, Page } from 'playwright-core';

/** "Daftar kerja tersimpan" at `/worklists`: my saved lists and those colleagues share. */
export class WorklistsPage {
  constructor(private readonly page: Page) {}

  readonly heading = () => this.page.getByRole('heading', { level: 1, name: 'Daftar kerja tersimpan' });

  async openFromHeader(): Promise<void> {
    await this.page.getByRole('navigation').getByRole('link', { name: 'Daftar kerja tersimpan', exact: true }).click();
    await this.heading().waitFor();
  }

  /** A group of the page: "Milik saya" or "Dibagikan rekan kerja". */
  group(name: 'Milik saya' | 'Dibagikan rekan kerja'): Locator {
    return this.page.getByRole('region', { name: new RegExp(`^${name}`) });
  }

  /** The card of a worklist, by its name (a link that opens the list). */
  card(name: string): Locator {
    return this.page.getByTestId('saved-worklist').filter({ has: this.page.getByRole('link', { name, exact: true }) });
  }

  /** The filters of a worklist's card, in words. */
  filters(name: string): Locator {
    return this.card(name).getByRole('list', { name: 'Saringan' }).getByRole('listitem');
  }

  async open(name: string): Promise<void> {
    await this.card(name).getByRole('link', { name, exact: true }).click();
  }
}
