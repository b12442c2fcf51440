import type { Locator, Page, Response } from 'playwright-core';

/** A household at `/households/:id`: its members and "Bantuan yang diterima". */
export class HouseholdPage {
  constructor(private readonly page: Page) {}

  readonly members = () => this.page.getByRole('region', { name: 'Anggota keluarga' });
  readonly receivedSection = () => this.page.getByRole('region', { name: 'Bantuan yang diterima' });
  readonly unmaskButton = () => this.members().getByRole('button', { name: 'Tampilkan NIK', exact: true });

  async open(id: string): Promise<void> {
    await this.page.goto(`/households/${id}`);
    await this.members().waitFor();
  }

  /** A member's NIK as shown, by the member's name. */
  nikOf(name: string): Locator {
    return this.members().getByTestId('member').filter({ hasText: name }).getByTestId('member-nik');
  }

  /** What the members received from an activity, by its title; one member's part when named. */
  received(title: string, person?: string): Locator {
    const items = this.receivedSection().getByTestId('received').filter({ hasText: title });
    return person ? items.filter({ has: this.page.getByTestId('received-person').filter({ hasText: `Peserta: ${person} ·` }) }) : items;
  }

  /** "Tampilkan NIK": asks for the household unmasked; returns the API's answer. */
  async unmask(): Promise<Response> {
    const [response] = await Promise.all([
      this.page.waitForResponse((r) => /^\/api\/households\/[^/]+$/.test(new URL(r.url()).pathname) && new URL(r.url()).searchParams.get('unmask') === 'true'),
      this.unmaskButton().click(),
    ]);
    return response;
  }
}
