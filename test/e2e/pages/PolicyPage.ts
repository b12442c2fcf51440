import type { Locator, Page, Response } from 'playwright-core';

/** "Kebijakan program" at `/policies`: a program's current policy, its values, the form to change it
 * (admins) and the version history. */
export class PolicyPage {
  constructor(private readonly page: Page) {}

  /** Opens the page through the header link. */
  async openFromHeader(): Promise<void> {
    await this.page.getByRole('navigation').getByRole('link', { name: 'Kebijakan program', exact: true }).click();
    await this.page.getByRole('heading', { level: 1, name: 'Kebijakan program' }).waitFor();
  }

  /** Picks a program by its label, e.g. "Kampung Sejahtera Mandiri (Kota Tangerang)". */
  async chooseProgram(label: string): Promise<void> {
    await this.page.getByLabel('Program', { exact: true }).selectOption({ label });
  }

  /** The current version: number, author, note and how it applies to running cases. */
  readonly current = () => this.page.getByTestId('policy-current');
  readonly version = () => this.page.getByTestId('policy-version');
  readonly appliesTo = () => this.page.getByTestId('policy-applies-to');
  readonly saved = () => this.page.getByTestId('policy-saved');

  /** A value of the current policy by its path (`visitCadence.MENTOR`), as shown read-only. */
  value(path: string): Locator {
    return this.page.getByTestId('policy-values').locator(`[data-field="${path}"]`);
  }

  readonly editButton = () => this.page.getByRole('button', { name: 'Ubah kebijakan', exact: true });
  readonly form = () => this.page.getByRole('form', { name: 'Ubah kebijakan' });

  async edit(): Promise<void> {
    await this.editButton().click();
    await this.form().waitFor();
  }

  field(label: string): Locator {
    return this.form().getByLabel(label, { exact: true });
  }

  /** A field's hint and error (the field and its messages share a wrapper). */
  fieldMessages(label: string): Locator {
    return this.form().locator('.field', { has: this.page.getByLabel(label, { exact: true }) });
  }

  /** Clicks save when the form is expected to stop it before it reaches the API. */
  async saveRefused(): Promise<void> {
    await this.form().getByRole('button', { name: 'Simpan sebagai versi baru', exact: true }).click();
    await this.form().getByRole('alert').filter({ hasText: 'Periksa isian yang ditandai.' }).waitFor();
  }

  /** Clicks save and returns the API's answer. */
  async save(): Promise<Response> {
    const [response] = await Promise.all([
      this.page.waitForResponse((r) => /\/api\/programs\/[^/]+\/policy$/.test(r.url()) && r.request().method() === 'PUT'),
      this.form().getByRole('button', { name: 'Simpan sebagai versi baru', exact: true }).click(),
    ]);
    return response;
  }

  /** The message shown when someone else saved a newer version first, with its reload button. */
  readonly conflict = () => this.form().getByTestId('policy-conflict');

  readonly history = () => this.page.getByRole('region', { name: 'Riwayat versi' });

  historyItem(version: number): Locator {
    return this.history().locator(`[data-testid="policy-version-item"][data-version="${version}"]`);
  }

  /** Opens a version in the history and returns its read-only values. */
  async showVersion(version: number): Promise<Locator> {
    const item = this.historyItem(version);
    await item.getByRole('button', { name: `Lihat isi versi ${version}`, exact: true }).click();
    const values = item.getByTestId('policy-version-values');
    await values.waitFor();
    return values;
  }
}
