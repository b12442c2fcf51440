import type { Locator, Page } from 'playwright-core';

/** The team ("Tim pendamping") and obligations ("Kewajiban") sections of a case page. */
export class CaseWorkPage {
  constructor(private readonly page: Page) {}

  readonly team = () => this.page.getByRole('region', { name: 'Tim pendamping' });
  readonly obligations = () => this.page.getByRole('region', { name: 'Kewajiban' });

  async open(caseId: string): Promise<void> {
    await this.page.goto(`/cases/${caseId}`);
    await this.team().waitFor();
  }

  /** A team member line showing the name and the role label. */
  member(name: string, role: string): Locator {
    return this.team().getByTestId('team-member').filter({ hasText: name }).filter({ hasText: role });
  }

  /** Obligations of a kind (e.g. "Kunjungan"), optionally with a given status label (e.g. "Terpenuhi"). */
  obligation(kind: string, status?: string): Locator {
    const items = this.obligations().getByTestId('obligation').filter({ hasText: kind });
    if (!status) return items;
    return items.filter({ has: this.page.getByTestId('obligation-status').filter({ hasText: new RegExp(`^\\s*${status}\\s*$`) }) });
  }
}
