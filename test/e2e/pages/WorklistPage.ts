import type { Locator, Page, Response } from 'playwright-core';

/** "Daftar kerja saya" at `/worklist`: escalated, overdue and due-this-week cards. */
export class WorklistPage {
  constructor(private readonly page: Page) {}

  /** Opens the worklist through the header link. */
  async openFromHeader(): Promise<void> {
    await this.page.getByRole('navigation').getByRole('link', { name: 'Daftar kerja', exact: true }).click();
    await this.page.getByRole('heading', { level: 1, name: 'Daftar kerja saya' }).waitFor();
  }

  /** The card of a case's obligation, within a group ("Jatuh tempo minggu ini", "Terlambat", …) or anywhere. */
  card(caseName: string, group?: string): Locator {
    const scope = group ? this.page.getByRole('region', { name: new RegExp(`^${group}`) }) : this.page;
    return scope.getByTestId('work-item').filter({ has: this.page.getByRole('link', { name: caseName, exact: true }) });
  }

  /** The confirmation shown once a visit is saved, linking to its case. */
  readonly logged = () => this.page.getByTestId('visit-logged');

  /** Taps "Catat kunjungan" on the card, fills the notes and saves; returns the API's answer. */
  async logVisit(card: Locator, notes: string): Promise<Response> {
    await card.getByRole('button', { name: 'Catat kunjungan', exact: true }).click();
    const form = card.getByRole('form', { name: 'Catat kunjungan' });
    await form.getByLabel('Catatan', { exact: true }).fill(notes);
    const [response] = await Promise.all([
      this.page.waitForResponse((r) => /\/api\/cases\/[^/]+\/visits$/.test(r.url()) && r.request().method() === 'POST'),
      form.getByRole('button', { name: 'Simpan kunjungan', exact: true }).click(),
    ]);
    return response;
  }
}
