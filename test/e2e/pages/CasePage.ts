import type { Locator, Page, Response } from 'playwright-core';
import { unfold } from './fold';

const exactly = (text: string) => new RegExp(`^\\s*${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`);

/** One case at `/cases/:id`: header, next steps, the move-to-any-stage section, the stage progress and
 * the full timeline. */
export class CasePage {
  constructor(private readonly page: Page) {}

  readonly nextSteps = () => this.page.getByRole('region', { name: 'Langkah berikutnya' });
  /** "Tahapan": the stages of the way, the current one marked (no history). */
  readonly stageProgress = () => this.page.getByRole('region', { name: 'Tahapan' });
  /** "Riwayat lengkap": every event of the case, newest first. */
  readonly fullTimeline = () => this.page.getByRole('region', { name: 'Riwayat lengkap' });
  /** The form of the step that is open under "Langkah berikutnya". */
  readonly stepForm = () => this.nextSteps().locator('form');

  /** Unfolds "Riwayat lengkap (N)", as a phone shows it folded. */
  async showFullTimeline(): Promise<void> {
    await unfold(this.fullTimeline());
  }

  /** Waits until the current-stage badge reads exactly `stage`. */
  async waitForStage(stage: string): Promise<void> {
    await this.page.getByTestId('current-stage').filter({ hasText: exactly(stage) }).waitFor();
  }

  async openStep(stage: string): Promise<Locator> {
    await this.nextSteps().getByRole('button', { name: `Pindah ke ${stage}`, exact: true }).click();
    await this.stepForm().waitFor();
    return this.stepForm();
  }

  field(label: string): Locator {
    return this.stepForm().getByLabel(label, { exact: true });
  }

  /** Submits the open step and returns the API's answer. */
  async submitStep(): Promise<Response> {
    return this.submitTransition(this.stepForm().getByRole('button', { name: 'Kirim', exact: true }));
  }

  /** The stages "Pindah ke tahap…" offers (only those the case can go to now and the role may decide). */
  async moveTargets(): Promise<string[]> {
    const section = await this.openMoveMenu();
    const options = await section.getByLabel('Tahap tujuan', { exact: true }).locator('option').allInnerTexts();
    return options.map((o) => o.trim()).filter((o) => o !== '— pilih —');
  }

  /** Moves the case to a stage through "Pindah ke tahap…". */
  async tryMove(stage: string, reason?: string): Promise<Response> {
    const section = await this.openMoveMenu();
    await section.getByLabel('Tahap tujuan', { exact: true }).selectOption({ label: stage });
    if (reason) await section.getByLabel('Alasan', { exact: true }).fill(reason);
    return this.submitTransition(section.getByRole('button', { name: 'Ajukan', exact: true }));
  }

  /** The full timeline's entry of a move, e.g. ("Usulan", "Survei"), with the data it carried. */
  move(from: string, to: string): Locator {
    return this.fullTimeline()
      .locator('[data-testid="full-timeline-event"]:is([data-kind="TRANSITION"], [data-kind="EVALUATION"])')
      .filter({ hasText: `${from} → ${to}` });
  }

  /** The full timeline's events of a kind (TRANSITION, ASSIGNMENT, VISIT, …) whose text has `text`. */
  event(kind: string, text: string): Locator {
    return this.fullTimeline().locator(`[data-testid="full-timeline-event"][data-kind="${kind}"]`).filter({ hasText: text });
  }

  alert(text: string): Locator {
    return this.page.getByRole('alert').filter({ hasText: text });
  }

  async switchLanguage(language: 'id' | 'en'): Promise<void> {
    const label = language === 'en' ? 'Bahasa' : 'Language';
    await this.page.getByLabel(label, { exact: true }).selectOption(language);
  }

  private async openMoveMenu(): Promise<Locator> {
    const section = this.page.locator('details', { has: this.page.locator('summary', { hasText: 'Pindah ke tahap…' }) });
    if ((await section.getAttribute('open')) === null) await section.locator('summary').click();
    return section;
  }

  private async submitTransition(button: Locator): Promise<Response> {
    const [response] = await Promise.all([
      this.page.waitForResponse((r) => /\/api\/cases\/[^/]+\/transitions$/.test(r.url()) && r.request().method() === 'POST'),
      button.click(),
    ]);
    return response;
  }
}
