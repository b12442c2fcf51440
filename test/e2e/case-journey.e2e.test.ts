import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Locator } from 'playwright-core';
import { CaseListPage } from './pages/CaseListPage';
import { CasePage } from './pages/CasePage';
import { ProposalPage } from './pages/ProposalPage';
import { ADMIN_EMAIL, ADMIN_PASSWORD, launchChromium, newAppPage, screenshotOnFailure, signIn, SKIP_WITHOUT_APP } from './support/e2e';

const today = () => new Date().toISOString().slice(0, 10);

/** A moment shown in the timeline: its `datetime` lies between `since` and now, and it reads as text. */
async function assertShownTime(entry: Locator, since: number): Promise<void> {
  const time = entry.locator('time').first();
  const at = Date.parse((await time.getAttribute('datetime')) ?? '');
  assert.ok(at >= since - 60_000 && at <= Date.now() + 60_000, `move time ${new Date(at).toISOString()} is recent`);
  assert.notEqual((await time.innerText()).trim(), '');
}

test(
  'an officer proposes a kampung, takes it through survey and verification to designation, and is offered no illegal move',
  { skip: SKIP_WITHOUT_APP, timeout: 120_000 },
  async () => {
    assert.ok(ADMIN_EMAIL && ADMIN_PASSWORD, 'E2E_ADMIN_EMAIL and E2E_ADMIN_PASSWORD must be set');
    const browser = await launchChromium();
    const page = await newAppPage(browser);
    const suffix = Date.now().toString(36);
    const name = `Kampung Uji E2E ${suffix}`;
    const decreeNumber = `050/${suffix}/2026`;
    const started = Date.now();

    try {
      await screenshotOnFailure(page, 'case-journey', async () => {
        // Given an admin signed in with the Indonesian interface
        await signIn(page, ADMIN_EMAIL, ADMIN_PASSWORD);
        const list = new CaseListPage(page);
        const me = (await (await page.request.get('/api/me')).json()) as { name: string };

        // When they propose a kampung in Candisari, Kota Semarang
        await list.startProposal();
        const proposal = new ProposalPage(page);
        await proposal.fill({
          program: 'Kampung Tematik (Kota Semarang)',
          kecamatan: 'Candisari',
          kelurahan: 'Jatingaleh',
          rw: '3',
          name,
          theme: 'Kampung Hidroponik',
          households: 180,
          poorHouseholds: 42,
          potentials: ['Sayur hidroponik', 'Warung kuliner'],
          problems: ['Saluran air tersumbat'],
          proposerName: 'Budi Santoso',
          organisation: 'LPMK Jatingaleh',
        });
        assert.equal((await proposal.submit()).status(), 201);

        // Then its page shows it as a proposal
        const kampung = new CasePage(page);
        await page.getByRole('heading', { level: 1, name }).waitFor();
        await kampung.waitForStage('Usulan');

        // When they schedule the survey
        await kampung.openStep('Survei');
        await kampung.field('Tanggal rencana').fill(today());
        await kampung.field('Tim').fill('Tim Dinas Sosial dan Bappeda');
        assert.equal((await kampung.submitStep()).status(), 200);
        await kampung.waitForStage('Survei');

        // And record the survey findings
        await kampung.openStep('Verifikasi');
        await kampung.field('Tanggal survei').fill(today());
        await kampung.field('Jumlah KK disurvei').fill('120');
        await kampung.field('Jumlah KK miskin ditemukan').fill('35');
        await kampung.field('Temuan').fill('Potensi hidroponik kuat; drainase perlu diperbaiki.');
        await kampung.field('Rekomendasi').selectOption({ label: 'Lanjutkan' });
        assert.equal((await kampung.submitStep()).status(), 200);
        await kampung.waitForStage('Verifikasi');

        // And designate it by decree with city budget and one CSR sponsor
        const form = await kampung.openStep('Penetapan');
        await kampung.field('Nomor SK').fill(decreeNumber);
        await kampung.field('Tanggal SK').fill(today());
        await kampung.field('Anggaran APBD (Rp)').fill('200000000');
        await form.getByRole('button', { name: 'Tambah Sponsor CSR' }).click();
        const sponsor = form.getByRole('group', { name: 'Sponsor CSR 1' });
        await sponsor.getByLabel('Sponsor', { exact: true }).fill('Bank Jateng');
        await sponsor.getByLabel('Jumlah (Rp)', { exact: true }).fill('50000000');
        assert.equal((await kampung.submitStep()).status(), 200);
        await kampung.waitForStage('Penetapan');

        // Then the timeline shows the three moves, who made them and when, and the decree number
        for (const [from, to] of [['Usulan', 'Survei'], ['Survei', 'Verifikasi'], ['Verifikasi', 'Penetapan']] as const) {
          const entry = kampung.move(from, to);
          await entry.filter({ hasText: `oleh ${me.name}` }).waitFor();
          await assertShownTime(entry, started);
        }
        await kampung.move('Verifikasi', 'Penetapan').filter({ hasText: decreeNumber }).filter({ hasText: 'Bank Jateng' }).waitFor();

        // Then "Pindah ke tahap…" offers no jump straight to implementation: only the moves a
        // designated kampung can make now without stage data (an illegal move is never offered)
        assert.deepEqual(await kampung.moveTargets(), ['Ditangguhkan']);
        await kampung.waitForStage('Penetapan');

        // When they switch to English, the labels change (and the choice survives a reload)
        await kampung.switchLanguage('en');
        await page.getByRole('heading', { name: 'Next steps' }).waitFor();
        await page.getByLabel('Language', { exact: true }).waitFor();
        await page.reload();
        await kampung.waitForStage('Designation');
        await page.getByRole('heading', { name: 'Stages', exact: true }).waitFor();
      });
    } finally {
      await browser.close();
    }
  },
);
