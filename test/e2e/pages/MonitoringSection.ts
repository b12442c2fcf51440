import type { Locator, Page, Response } from 'playwright-core';

/** The "Laporan monitoring" section of a case page: the reports sent and the form to send one. */
export class MonitoringSection {
  constructor(private readonly page: Page) {}

  readonly section = () => this.page.getByRole('region', { name: 'Laporan monitoring' });
  readonly form = () => this.section().getByRole('form', { name: 'Kirim laporan monitoring' });

  field(label: string): Locator {
    return this.form().getByLabel(label, { exact: true });
  }

  /** The explanation field's error or hint text (the field and its messages share a wrapper). */
  explanationMessages(): Locator {
    return this.form().locator('.field', { has: this.page.getByLabel('Penjelasan', { exact: true }) });
  }

  async fill(report: { progress: string; budget: string; problems: string; explanation?: string }): Promise<void> {
    await this.field('Progres fisik (%)').fill(report.progress);
    await this.field('Realisasi anggaran (Rp)').fill(report.budget);
    await this.field('Masalah').fill(report.problems);
    if (report.explanation !== undefined) await this.field('Penjelasan').fill(report.explanation);
  }

  /** Clicks "Kirim laporan" when the form is expected to stop it before it reaches the API. */
  async submitRefused(): Promise<void> {
    await this.form().getByRole('button', { name: 'Kirim laporan', exact: true }).click();
    await this.form().getByRole('alert').filter({ hasText: 'Periksa isian yang ditandai.' }).waitFor();
  }

  /** Clicks "Kirim laporan" and returns the API's answer. */
  async submit(): Promise<Response> {
    const [response] = await Promise.all([
      this.page.waitForResponse((r) => /\/api\/cases\/[^/]+\/monitoring-reports$/.test(r.url()) && r.request().method() === 'POST'),
      this.form().getByRole('button', { name: 'Kirim laporan', exact: true }).click(),
    ]);
    return response;
  }

  /** The report of a period (its label, e.g. `2026-11`). */
  report(period: string): Locator {
    return this.section().locator(`[data-testid="monitoring-report"][data-period="${period}"]`);
  }
}
