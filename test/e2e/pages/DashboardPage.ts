import type { Locator, Page } from 'playwright-core';

/** "Dasbor" at `/dashboard`: a program's figures, each number a link to the list behind it. */
export class DashboardPage {
  constructor(private readonly page: Page) {}

  readonly heading = () => this.page.getByRole('heading', { level: 1, name: 'Dasbor' });

  async openFromHeader(): Promise<void> {
    await this.page.getByRole('navigation').getByRole('link', { name: 'Dasbor', exact: true }).click();
    await this.heading().waitFor();
    await this.section('Kasus per tahap').waitFor();
  }

  /** Picks a program (by its label; '' for both) and waits for its figures. */
  async chooseProgram(label: string, code: string): Promise<void> {
    await Promise.all([
      this.page.waitForResponse((r) => new URL(r.url()).pathname === '/api/dashboard' && new URL(r.url()).searchParams.get('program') === code),
      this.page.getByLabel('Program', { exact: true }).selectOption({ label }),
    ]);
    await this.page.waitForURL((url) => url.searchParams.get('program') === code);
    // The previous program's figures stay (dimmed) until the new ones are drawn.
    await this.page.locator('.dash--stale').waitFor({ state: 'detached' });
  }

  /** A card of the dashboard by its heading, e.g. "Kasus macet". */
  section(title: string): Locator {
    return this.page.getByRole('region', { name: title, exact: true });
  }

  /** The charts of a card (canvases announced as images, labelled in the page's language). */
  charts(title: string): Locator {
    return this.section(title).getByRole('img');
  }

  /** The link of a stalled-case bucket (0 is the first, the fewest days). */
  stalledBucketLink(index: number): Locator {
    return this.section('Kasus macet').getByTestId('stalled-bucket').nth(index).getByRole('link');
  }

  /** The figure of the overdue table `by` ("kind", "assignee" or "kecamatan") for a row key and status. */
  overdueFigure(by: 'kind' | 'assignee' | 'kecamatan', key: string, status: 'OVERDUE' | 'ESCALATED'): Locator {
    return this.page.getByTestId(`overdue-by-${by}`).locator(`tr[data-key="${key}"] td[data-status="${status}"]`).getByRole('link');
  }

  /** Opens the admin's form for the stalled-case ranges. */
  async openSettings(): Promise<Locator> {
    await this.section('Kasus macet').locator('summary', { hasText: 'Ubah rentang umur kasus macet' }).click();
    const form = this.page.getByRole('form', { name: 'Rentang umur kasus macet' });
    await form.waitFor();
    return form;
  }
}
