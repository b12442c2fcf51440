import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import { test } from 'node:test';
import { validData } from '../integration/support/stage-data';
import { CaseListPage } from './pages/CaseListPage';
import { DashboardPage } from './pages/DashboardPage';
import { ObligationListPage } from './pages/ObligationListPage';
import {
  ADMIN_EMAIL,
  ADMIN_PASSWORD,
  Api,
  assertNoHorizontalScroll,
  eventually,
  launchChromium,
  newAppPage,
  screenshotOnFailure,
  signIn,
  SKIP_WITHOUT_APP,
} from './support/e2e';

const PROGRAM = 'KAMPUNG_TEMATIK';
const PROGRAM_LABEL = 'Kampung Tematik (Kota Semarang)';
const POLICY_URL = `/api/programs/${PROGRAM}/policy`;
// Sawah Besar, Kec. Gayamsari (Semarang): no demo case and no other test works there, so the
// kecamatan's escalated obligations are this test's own.
const KELURAHAN = '33.74.04.1003';
const KECAMATAN = '33.74.04';

interface PolicyVersion {
  version: number;
  policy: Record<string, unknown>;
}
interface Obligation {
  kind: string;
  status: string;
  stage: string | null;
}
interface Dashboard {
  stalled: { total: number; buckets: { fromDays: number; toDays: number | null; count: number }[] };
  overdue: { byKecamatan: { status: string; kecamatan: { code: string; name: string }; count: number }[] };
}

test(
  'an admin on a phone follows the dashboard: the first stalled bucket to the stalled case, an escalated figure to the obligation list',
  { skip: SKIP_WITHOUT_APP, timeout: 180_000 },
  async () => {
    assert.ok(ADMIN_EMAIL && ADMIN_PASSWORD, 'E2E_ADMIN_EMAIL and E2E_ADMIN_PASSWORD must be set');
    const api = await Api.signIn(ADMIN_EMAIL, ADMIN_PASSWORD);
    const original = (await api.call<PolicyVersion>('GET', POLICY_URL)).body;
    const name = `Kampung Macet E2E ${Date.now().toString(36)}`;
    let caseId: string | undefined;
    let restored: { status: number; body: unknown } | undefined;
    const browser = await launchChromium();
    try {
      // Given a Kampung Tematik policy under which a case stalls in Survei after a second, and its
      // deadline turns overdue and escalates a second after that
      const changed = await api.call<PolicyVersion>('PUT', POLICY_URL, {
        baseVersion: original.version,
        changeNote: 'Uji e2e: dasbor, tahap Survei macet setelah 1 detik',
        policy: { ...original.policy, stageMaxDuration: { SURVEY: 'PT1S' }, reminderLead: 'PT1S', visitGrace: 'PT1S', escalationDelay: 'PT1S' },
      });
      assert.equal(changed.status, 200, JSON.stringify(changed.body));

      // And a kampung moved to Survei under it
      const created = await api.call<{ id: string }>('POST', '/api/cases', {
        programCode: PROGRAM,
        kelurahanCode: KELURAHAN,
        rw: '3',
        name,
        theme: 'Kampung Uji Dasbor',
        profile: { households: 80, poorHouseholds: 20, potentials: [], problems: [] },
        proposer: { name: 'Uji', organisation: 'RW 003' },
      });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      const id = created.body.id;
      caseId = id;
      const moved = await api.call('POST', `/api/cases/${id}/transitions`, { to: 'SURVEY', data: validData('PROPOSAL', 'SURVEY') });
      assert.equal(moved.status, 200, JSON.stringify(moved.body));

      // When its Survei deadline has passed and escalated, the dashboard counts it stalled
      await eventually(async () => {
        const { items } = (await api.call<{ items: Obligation[] }>('GET', `/api/obligations?case=${id}&kind=STAGE_DEADLINE`)).body;
        assert.ok(items.some((o) => o.stage === 'SURVEY' && o.status === 'ESCALATED'), `the Survei deadline escalated: ${JSON.stringify(items)}`);
      }, 60_000);
      const dashboard = await eventually(async () => {
        const figures = (await api.call<Dashboard>('GET', `/api/dashboard?program=${PROGRAM}`)).body;
        const first = figures.stalled.buckets[0];
        assert.ok(first && first.count >= 1, `the first bucket counts the case: ${JSON.stringify(figures.stalled)}`);
        const list = await api.call<{ items: { id: string }[] }>(
          'GET',
          `/api/cases?program=${PROGRAM}&stalledMinDays=${first.fromDays}${first.toDays === null ? '' : `&stalledMaxDays=${first.toDays}`}`,
        );
        assert.ok(list.body.items.some((c) => c.id === id), 'the case list of the first bucket has the case');
        return figures;
      });
      const first = dashboard.stalled.buckets[0]!;
      const range = first.toDays === null ? `≥ ${first.fromDays} hari` : `${first.fromDays}–${first.toDays} hari`;
      const escalatedHere = dashboard.overdue.byKecamatan.find((r) => r.status === 'ESCALATED' && r.kecamatan.code === KECAMATAN);
      assert.ok(escalatedHere, 'the dashboard counts the escalated deadline in its kecamatan');

      const page = await newAppPage(browser, { phone: true });
      const settingsSent: string[] = [];
      page.on('request', (r) => {
        if (r.method() === 'PUT' && new URL(r.url()).pathname === '/api/dashboard/settings') settingsSent.push(r.postData() ?? '');
      });
      await screenshotOnFailure(page, 'dashboard', async () => {
        // When the admin opens the dashboard on a phone and picks Kampung Tematik
        await signIn(page, ADMIN_EMAIL, ADMIN_PASSWORD);
        const board = new DashboardPage(page);
        await board.openFromHeader();
        await board.chooseProgram(PROGRAM_LABEL, PROGRAM);

        // Then it draws the stage funnel, the weekly overdue trend and the kecamatan comparison,
        // each a labelled picture with its figures (links) in a table under it, within the phone's width
        await board.charts('Kasus per tahap').first().waitFor();
        const funnel = await board.charts('Kasus per tahap').first().getAttribute('aria-label');
        assert.match(funnel ?? '', /^Grafik batang: jumlah kasus per tahap, Kampung Tematik/, 'the funnel is labelled in Indonesian');
        assert.equal(await board.charts('Kasus per tahap').count(), 1, 'one funnel for the one program chosen');
        await board.charts('Tren keterlambatan per minggu').first().waitFor();
        assert.equal(await board.section('Tren keterlambatan per minggu').getByTestId('trend-table').locator('tbody tr').count(), 12, 'twelve weeks');
        await board.charts('Perbandingan kecamatan').first().waitFor();
        const compared = board.section('Perbandingan kecamatan').locator(`[data-testid="kecamatan-row"][data-key="${KECAMATAN}"]`);
        assert.match((await compared.locator('td[data-status="ESCALATED"] a').getAttribute('href')) ?? '', new RegExp(`program=${PROGRAM}.*kecamatan=${KECAMATAN}`));
        // And, for one program, the obligation figures open that program's lists only
        assert.match((await page.getByTestId('tile-escalated').getByRole('link').getAttribute('href')) ?? '', new RegExp(`^/obligations\\?program=${PROGRAM}&status=ESCALATED$`));
        await assertNoHorizontalScroll(page);

        // When they tap "Perbarui", then the figures are computed now, past the server's short cache
        const [refreshed] = await Promise.all([
          page.waitForResponse((r) => new URL(r.url()).pathname === '/api/dashboard' && r.request().headers()['cache-control'] === 'no-cache'),
          page.getByRole('button', { name: 'Perbarui', exact: true }).click(),
        ]);
        const generatedAt = ((await refreshed.json()) as { generatedAt: string }).generatedAt;
        assert.ok(Date.now() - Date.parse(generatedAt) < 10_000, `computed now: ${generatedAt}`);

        // Then ranges typed out of order are refused beside the field, before anything is sent
        const settings = await board.openSettings();
        await settings.getByLabel('Batas rentang (hari)', { exact: true }).fill('90, 30');
        await settings.getByRole('button', { name: 'Simpan rentang', exact: true }).click();
        await settings.locator('.field__error').filter({ hasText: 'Urutkan naik' }).waitFor();
        assert.deepEqual(settingsSent, [], 'nothing was sent');

        // When they tap the first stalled bucket
        const bucket = board.stalledBucketLink(0);
        assert.match((await bucket.getAttribute('href')) ?? '', new RegExp(`program=${PROGRAM}.*stalledMinDays=${first.fromDays}`));
        await bucket.click();

        // Then the case list shows the range as a filter chip, with the stalled kampung in it, which opens
        const cases = new CaseListPage(page);
        await cases.waitUntilShown();
        await cases.chip(`Macet ${range}`).waitFor();
        const link = cases.caseLink(name);
        await link.waitFor();
        await assertNoHorizontalScroll(page);
        await link.click();
        await page.getByRole('heading', { level: 1, name, exact: true }).waitFor();
        await page.getByTestId('current-stage').filter({ hasText: 'Survei' }).waitFor();

        // When they go back to the dashboard and tap the escalated figure of the kampung's kecamatan
        await board.openFromHeader();
        const figure = board.overdueFigure('kecamatan', KECAMATAN, 'ESCALATED');
        const shown = (await figure.innerText()).trim();
        await figure.click();

        // Then the obligation list shows as many escalated obligations there, the kampung's among them
        const obligations = new ObligationListPage(page);
        await obligations.waitUntilShown();
        await obligations.chip(`Kec. ${escalatedHere.kecamatan.name}`).waitFor();
        await obligations.total().filter({ hasText: new RegExp(`^${shown} kewajiban ditemukan$`) }).waitFor();
        assert.equal(await page.getByLabel('Status', { exact: true }).inputValue(), 'ESCALATED');
        const card = obligations.card(name);
        await card.filter({ hasText: 'Batas waktu tahap' }).waitFor();
        await card.getByTestId('obligation-status').filter({ hasText: 'Dieskalasi' }).waitFor();
        await assertNoHorizontalScroll(page);

        // And the list downloads as CSV with the same filters: exactly its rows, this kampung's among them
        const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'CSV', exact: true }).click()]);
        const rows: string[][] = parse((await readFile((await download.path())!, 'utf8')).replace(/^\uFEFF/, ''));
        assert.deepEqual(rows[0]!.slice(0, 3), ['Kampung', 'Jenis', 'Status'], 'the file has Indonesian headers');
        assert.equal(rows.length - 1, Number(shown), 'the file holds as many rows as the list');
        assert.ok(rows.slice(1).every((r) => r[2] === 'Dieskalasi'), 'only escalated obligations, as filtered (the status in words, as the list shows it)');
        assert.ok(rows.some((r) => r[0] === name && r[1] === 'Batas waktu tahap'), 'the kampung\'s deadline is in the file');

        // And the card opens its case
        await card.getByRole('link', { name, exact: true }).click();
        await page.getByRole('heading', { level: 1, name, exact: true }).waitFor();
      });
    } finally {
      await browser.close();
      // Put the Kampung Tematik policy back exactly as it was (other test files share the database),
      // and withdraw the test's kampung so its escalated deadline leaves other lists alone.
      const latest = (await api.call<PolicyVersion>('GET', POLICY_URL)).body;
      restored = await api.call('PUT', POLICY_URL, { baseVersion: latest.version, changeNote: 'Uji e2e: kembalikan kebijakan', policy: original.policy });
      if (caseId) {
        await api.call('POST', `/api/cases/${caseId}/transitions`, {
          to: 'WITHDRAWN',
          reason: 'Uji e2e selesai.',
          data: validData('SURVEY', 'WITHDRAWN'),
        });
      }
    }
    assert.equal(restored?.status, 200, `the policy is restored: ${JSON.stringify(restored?.body)}`);
    const after = (await api.call<PolicyVersion>('GET', POLICY_URL)).body;
    assert.deepEqual(after.policy, original.policy, 'the policy is as it was');
  },
);
