import type { Locator, Page, Response } from 'playwright-core';

/** "Kotak masuk" at `/inbox`: escalations, red monitoring reports and reconciler findings, unread ones
 * marked, each with "Selesai"; two lists, "Belum selesai" and "Selesai". */
export class InboxPage {
  constructor(private readonly page: Page) {}

  /** The navigation's entry: "Kotak masuk", or "Kotak masuk (3)" while items are unread (a screen
   * reader hears "Kotak masuk (3 belum dibaca)"). */
  navLink(): Locator {
    return this.page.getByRole('navigation', { name: 'Navigasi utama' }).getByRole('link', { name: /^Kotak masuk\b/ });
  }

  /** The unread count beside the entry, as shown ("(3)"). */
  unreadBadge(): Locator {
    return this.navLink().getByTestId('inbox-unread-count');
  }

  async openFromHeader(): Promise<void> {
    await this.navLink().click();
    await this.page.getByRole('heading', { level: 1, name: 'Kotak masuk' }).waitFor();
  }

  /** Every item of the list shown. */
  items(): Locator {
    return this.page.getByTestId('inbox-item');
  }

  /** The items about a case, by the case's name (its link). */
  item(caseName: string): Locator {
    return this.items().filter({ has: this.page.getByRole('link', { name: caseName, exact: true }) });
  }

  /** The red-report items about a case. */
  redReport(caseName: string): Locator {
    return this.page
      .locator('[data-testid="inbox-item"][data-kind="RED_REPORT"]')
      .filter({ has: this.page.getByRole('link', { name: caseName, exact: true }) });
  }

  /** Opens the item's case from its link; returns the answer to the read mark it sends. */
  async openCase(caseName: string): Promise<Response> {
    const [response] = await Promise.all([
      this.page.waitForResponse((r) => /\/api\/me\/inbox\/\d+\/read$/.test(new URL(r.url()).pathname) && r.request().method() === 'POST'),
      this.item(caseName).getByRole('link', { name: caseName, exact: true }).click(),
    ]);
    return response;
  }

  /** "Selesai" on the item (or, on a done one, "Tandai belum selesai"); returns the API's answer. */
  async toggleDone(caseName: string, button: 'Selesai' | 'Tandai belum selesai'): Promise<Response> {
    const [response] = await Promise.all([
      this.page.waitForResponse((r) => /\/api\/me\/inbox\/\d+\/done$/.test(new URL(r.url()).pathname) && r.request().method() !== 'GET'),
      this.item(caseName).getByRole('button', { name: `${button}: ${caseName}`, exact: true }).click(),
    ]);
    return response;
  }

  /** Shows one of the two lists: "Belum selesai" or "Selesai". */
  async show(list: 'Belum selesai' | 'Selesai'): Promise<void> {
    await this.page.getByRole('group', { name: 'Tampilkan' }).getByRole('button', { name: list, exact: true }).click();
  }
}
