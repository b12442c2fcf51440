import type { Page, Response } from 'playwright-core';

export interface Proposal {
  program: string;
  kecamatan: string;
  kelurahan: string;
  rw: string;
  name: string;
  theme: string;
  households: number;
  poorHouseholds: number;
  potentials: string[];
  problems: string[];
  proposerName: string;
  organisation: string;
}

/** The new-proposal form at `/cases/new` (labels in Bahasa Indonesia). */
export class ProposalPage {
  constructor(private readonly page: Page) {}

  private field(label: string) {
    return this.page.getByLabel(label, { exact: true });
  }

  async fill(p: Proposal): Promise<void> {
    // Each select waits for its options, which load once the one before it is chosen.
    await this.field('Program').selectOption({ label: p.program });
    await this.field('Kecamatan').selectOption({ label: p.kecamatan });
    await this.field('Kelurahan').selectOption({ label: p.kelurahan });
    await this.field('RW').fill(p.rw);
    await this.field('Nama kampung').fill(p.name);
    await this.field('Tema').fill(p.theme);
    await this.field('Jumlah KK').fill(String(p.households));
    await this.field('Jumlah KK miskin').fill(String(p.poorHouseholds));
    await this.field('Potensi').fill(p.potentials.join('\n'));
    await this.field('Masalah').fill(p.problems.join('\n'));
    await this.field('Nama pengusul').fill(p.proposerName);
    await this.field('Organisasi / lembaga').fill(p.organisation);
  }

  /** Submits and returns the API's answer to POST /api/cases. */
  async submit(): Promise<Response> {
    const [response] = await Promise.all([
      this.page.waitForResponse((r) => r.url().endsWith('/api/cases') && r.request().method() === 'POST'),
      this.page.getByRole('button', { name: 'Kirim usulan' }).click(),
    ]);
    return response;
  }
}
