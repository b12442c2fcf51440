import type { Locator, Page } from 'playwright-core';

/** The list of kampung cases at `/`. */
export class CaseListPage {
  constructor(private readonly page: Page) {}

  readonly heading = () => this.page.getByRole('heading', { name: 'Daftar kasus kampung' });

  async waitUntilShown(): Promise<void> {
    await this.heading().waitFor();
  }

  /** A case's name, linking to it, in the list (a row on a desk, a card on a phone). */
  caseLink(name: string): Locator {
    return this.page.locator('.case-table').getByRole('link', { name, exact: true });
  }

  /** A case's row (a card on a phone), by the case's name. */
  row(name: string): Locator {
    return this.page.getByTestId('case-row').filter({ has: this.page.getByRole('link', { name, exact: true }) });
  }

  /** What a row shows beside the case: days stalled, overdue obligations, mentors. */
  cell(name: string, column: 'stalled' | 'overdue' | 'mentors'): Locator {
    return this.row(name).getByTestId(`case-${column}`);
  }

  /** The case names in the order the list shows them. */
  async names(): Promise<string[]> {
    return (await this.page.getByTestId('case-row').locator('td:first-child a').allInnerTexts()).map((n) => n.trim());
  }

  /** A filter chip (a filter set by a link, e.g. from the dashboard), by its text. */
  chip(text: string): Locator {
    return this.page.getByTestId('filter-chip').filter({ hasText: text });
  }

  async startProposal(): Promise<void> {
    await this.page.getByRole('link', { name: 'Usulan baru', exact: true }).click();
    await this.page.getByRole('heading', { name: 'Usulan kampung baru' }).waitFor();
  }
}
