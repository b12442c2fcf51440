import type { Locator, Page, Response } from 'playwright-core';
import { unfold } from './fold';

/** The team ("Tim pendamping"), obligations ("Kewajiban") and own visit ("Kunjungan Anda") sections of a case page. */
export class CaseWorkPage {
  constructor(private readonly page: Page) {}

  readonly team = () => this.page.getByRole('region', { name: 'Tim pendamping' });
  readonly obligations = () => this.page.getByRole('region', { name: 'Kewajiban' });
  /** "Kunjungan Anda": a mentor's or architect's own visit, near the top. */
  readonly ownVisit = () => this.page.getByRole('region', { name: 'Kunjungan Anda' });

  /** Opens the case page with its team shown (on a phone the team is folded at first). */
  async open(caseId: string): Promise<void> {
    await this.page.goto(`/cases/${caseId}`);
    await this.showTeam();
  }

  /** Unfolds the team ("Tim pendamping (N)"), as a phone shows it folded. */
  async showTeam(): Promise<void> {
    await unfold(this.team());
  }

  /** A team member line showing the name and the role label. */
  member(name: string, role: string): Locator {
    return this.team().getByTestId('team-member').filter({ hasText: name }).filter({ hasText: role });
  }

  /** Unfolds the closed obligations ("Kewajiban selesai (N)") once they are there. */
  async showClosed(): Promise<void> {
    const fold = this.obligations().locator('details.folded');
    await fold.locator('summary').waitFor();
    if ((await fold.getAttribute('open')) === null) await fold.locator('summary').click();
  }

  /** Obligations of a kind (e.g. "Kunjungan"), optionally with a given status label (e.g. "Terpenuhi"). */
  obligation(kind: string, status?: string): Locator {
    const items = this.obligations().getByTestId('obligation').filter({ hasText: kind });
    if (!status) return items;
    return items.filter({ has: this.page.getByTestId('obligation-status').filter({ hasText: new RegExp(`^\\s*${status}\\s*$`) }) });
  }

  /** Logs the signed-in mentor's own visit from "Kunjungan Anda" with these notes; returns the API's answer. */
  async logOwnVisit(notes: string): Promise<Response> {
    await this.ownVisit().getByRole('button', { name: 'Catat kunjungan', exact: true }).click();
    const form = this.ownVisit().getByRole('form', { name: 'Catat kunjungan' });
    await form.getByLabel('Catatan', { exact: true }).fill(notes);
    const [response] = await Promise.all([
      this.page.waitForResponse((r) => /\/api\/cases\/[^/]+\/visits$/.test(r.url()) && r.request().method() === 'POST'),
      form.getByRole('button', { name: 'Simpan kunjungan', exact: true }).click(),
    ]);
    return response;
  }

  /** Hands the position of a team member (a `member(…)` line) over to `toName`, with a reason; returns the API's answer. */
  async handOver(member: Locator, toName: string, reason: string): Promise<Response> {
    await this.showTeam();
    await member.getByRole('button', { name: 'Serah terima', exact: true }).click();
    const form = member.getByRole('form', { name: 'Serah terima' });
    await form.getByLabel('Diserahkan kepada', { exact: true }).selectOption({ label: toName });
    await form.getByLabel('Alasan', { exact: true }).fill(reason);
    const [response] = await Promise.all([
      this.page.waitForResponse((r) => /\/api\/cases\/[^/]+\/assignments\/[^/]+\/handover$/.test(r.url()) && r.request().method() === 'POST'),
      form.getByRole('button', { name: 'Serahkan', exact: true }).click(),
    ]);
    return response;
  }

  /** Ends the assignment of a team member (a `member(…)` line) with a reason; returns the API's answer. */
  async endAssignment(member: Locator, reason: string): Promise<Response> {
    await this.showTeam();
    await member.getByRole('button', { name: 'Akhiri penugasan', exact: true }).click();
    const form = member.getByRole('form', { name: 'Akhiri penugasan' });
    await form.getByLabel('Alasan', { exact: true }).fill(reason);
    const [response] = await Promise.all([
      this.page.waitForResponse((r) => /\/api\/cases\/[^/]+\/assignments\/[^/]+\/end$/.test(r.url()) && r.request().method() === 'POST'),
      form.getByRole('button', { name: 'Akhiri', exact: true }).click(),
    ]);
    return response;
  }

  /** Entries of the handover history ("Riwayat serah terima") in the team panel. */
  handovers(): Locator {
    return this.team().getByTestId('handover');
  }

  /** Waives an open obligation (an `obligation(…)` item) with a reason; returns the API's answer. */
  async waive(obligation: Locator, reason: string): Promise<Response> {
    await obligation.getByRole('button', { name: 'Bebaskan', exact: true }).click();
    const form = obligation.getByRole('form', { name: 'Bebaskan kewajiban' });
    await form.getByLabel('Alasan pembebasan', { exact: true }).fill(reason);
    const [response] = await Promise.all([
      this.page.waitForResponse((r) => /\/api\/obligations\/[^/]+\/waive$/.test(r.url()) && r.request().method() === 'POST'),
      form.getByRole('button', { name: 'Bebaskan kewajiban', exact: true }).click(),
    ]);
    return response;
  }
}
