import type { Locator, Page, Response } from 'playwright-core';

export interface NewActivity {
  /** The agency's name as the select shows it, e.g. "Dinas Tenaga Kerja". */
  agency: string;
  title: string;
  /** The kind in words, e.g. "Pelatihan". */
  kind: string;
  quota: string;
  budget: string;
  sessions: { date: string; topic: string }[];
}

/** The "Kegiatan" section of a case page: its activities, the form to add one, and enrolment,
 * attendance and outputs for each. */
export class ActivitiesSection {
  constructor(private readonly page: Page) {}

  readonly section = () => this.page.getByRole('region', { name: 'Kegiatan' });
  readonly form = () => this.section().getByRole('form', { name: 'Tambah kegiatan' });

  /** An activity's card, by its title. */
  activity(title: string): Locator {
    return this.section().locator('[data-testid="activity"]').filter({ has: this.page.getByRole('heading', { name: title, exact: true }) });
  }

  /** Opens "Tambah kegiatan", fills it (rows added for the sessions) and saves; returns the API's answer. */
  async add(activity: NewActivity): Promise<Response> {
    await this.section().getByRole('button', { name: 'Tambah kegiatan', exact: true }).click();
    const form = this.form();
    await form.getByLabel('OPD / mitra pelaksana', { exact: true }).selectOption({ label: activity.agency });
    await form.getByLabel('Nama kegiatan', { exact: true }).fill(activity.title);
    await form.getByLabel('Jenis kegiatan', { exact: true }).selectOption({ label: activity.kind });
    await form.getByLabel('Kuota peserta', { exact: true }).fill(activity.quota);
    await form.getByLabel('Anggaran (Rp)', { exact: true }).fill(activity.budget);
    for (const [index, session] of activity.sessions.entries()) {
      if (index > 0) await form.getByRole('button', { name: 'Tambah sesi', exact: true }).click();
      const row = form.getByRole('group', { name: `Sesi ${index + 1}`, exact: true });
      await row.getByLabel('Tanggal', { exact: true }).fill(session.date);
      await row.getByLabel('Materi', { exact: true }).fill(session.topic);
    }
    const [response] = await Promise.all([
      this.page.waitForResponse((r) => /\/api\/cases\/[^/]+\/activities$/.test(new URL(r.url()).pathname) && r.request().method() === 'POST'),
      form.getByRole('button', { name: 'Simpan kegiatan', exact: true }).click(),
    ]);
    return response;
  }

  /** Enrols residents: each search (a part of a name, or a whole NIK) ticks the resident of that
   * name; then "Daftarkan …"; returns the API's answer. */
  async enrol(activity: Locator, picks: { search: string; name: string }[]): Promise<Response> {
    await activity.getByRole('button', { name: 'Daftarkan peserta', exact: true }).click();
    const panel = activity.getByRole('group', { name: /^Daftarkan peserta:/ });
    for (const pick of picks) {
      const search = panel.getByRole('search', { name: 'Cari warga (nama atau NIK)' });
      await search.getByLabel('Cari warga (nama atau NIK)', { exact: true }).fill(pick.search);
      await Promise.all([
        this.page.waitForResponse((r) => /\/api\/cases\/[^/]+\/residents$/.test(new URL(r.url()).pathname) && new URL(r.url()).searchParams.get('q') === pick.search),
        search.getByRole('button', { name: 'Cari', exact: true }).click(),
      ]);
      await panel.getByTestId('resident').filter({ hasText: pick.name }).getByRole('checkbox').check();
    }
    const [response] = await Promise.all([
      this.page.waitForResponse((r) => /\/api\/activities\/[^/]+\/participants$/.test(new URL(r.url()).pathname) && r.request().method() === 'POST'),
      panel.getByRole('button', { name: /^Daftarkan \d+ warga$/ }).click(),
    ]);
    return response;
  }

  /** Takes the attendance of a session (its option starts "Sesi N"), ticking those present; returns the API's answer. */
  async attendance(activity: Locator, seq: number, present: string[]): Promise<Response> {
    const form = await this.fillAttendance(activity, seq, present);
    const [response] = await Promise.all([
      this.page.waitForResponse((r) => /\/api\/activities\/[^/]+\/attendance$/.test(new URL(r.url()).pathname) && r.request().method() === 'PUT'),
      form.getByRole('button', { name: 'Simpan presensi', exact: true }).click(),
    ]);
    return response;
  }

  /** Fills and saves the attendance form with no answer awaited (with no signal it stays on the
   * device); resolves once the form says where it went. */
  async attendanceOffline(activity: Locator, seq: number, present: string[]): Promise<void> {
    const form = await this.fillAttendance(activity, seq, present);
    await form.getByRole('button', { name: 'Simpan presensi', exact: true }).click();
    await activity.getByRole('status').filter({ hasText: 'Tersimpan di perangkat, akan dikirim saat ada sinyal.' }).waitFor();
  }

  /** Opens the attendance form and ticks who was present at session `seq`. */
  private async fillAttendance(activity: Locator, seq: number, present: string[]): Promise<Locator> {
    await activity.getByRole('button', { name: 'Catat presensi', exact: true }).click();
    const form = activity.getByRole('form', { name: 'Catat presensi' });
    const select = form.getByLabel('Sesi', { exact: true });
    const option = await select.locator('option', { hasText: new RegExp(`^Sesi ${seq} ·`) }).getAttribute('value');
    await select.selectOption(option ?? '');
    for (const name of present) await form.getByRole('checkbox', { name, exact: true }).check();
    return form;
  }

  /** Records a result for a participant (the kind in words, e.g. "Bersertifikat"); returns the API's answer. */
  async output(activity: Locator, output: { name: string; kind: string; note: string }): Promise<Response> {
    await activity.getByRole('button', { name: 'Catat hasil', exact: true }).click();
    const form = activity.getByRole('form', { name: 'Catat hasil' });
    await form.getByLabel('Peserta', { exact: true }).selectOption({ label: output.name });
    await form.getByLabel('Hasil', { exact: true }).selectOption({ label: output.kind });
    await form.getByLabel('Catatan', { exact: true }).fill(output.note);
    const [response] = await Promise.all([
      this.page.waitForResponse((r) => /\/api\/activities\/[^/]+\/outputs$/.test(new URL(r.url()).pathname) && r.request().method() === 'POST'),
      form.getByRole('button', { name: 'Simpan hasil', exact: true }).click(),
    ]);
    return response;
  }
}
