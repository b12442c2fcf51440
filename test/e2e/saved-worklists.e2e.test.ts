import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEMO_USERS } from '@kampung/tools/demo/demo-users';
import { ObligationListPage } from './pages/ObligationListPage';
import { WorklistsPage } from './pages/WorklistsPage';
import {
  ADMIN_EMAIL,
  ADMIN_PASSWORD,
  Api,
  assertNoHorizontalScroll,
  eventually,
  launchChromium,
  screenshotOnFailure,
  signedInPage,
  SKIP_WITHOUT_APP,
  AUDITOR_EMAIL,
  AUDITOR_PASSWORD,
} from './support/e2e';

const OFFICER = DEMO_USERS.find((user) => user.role === 'OFFICER')!;
const PROGRAM = 'KAMPUNG_SEJAHTERA_MANDIRI';
const PROGRAM_LABEL = 'Kampung Sejahtera Mandiri (Kota Tangerang)';
// Batuceper (Kota Tangerang): no other test works there, so its visits are this test's own.
const KECAMATAN = '36.71.03';
const KECAMATAN_NAME = 'Batuceper';
const KELURAHAN = '36.71.03.1002';

interface User {
  id: string;
  name: string;
}
interface Obligation {
  id: string;
  kind: string;
  status: string;
}
interface SavedWorklist {
  id: string;
  name: string;
  visibility: string;
  filters: Record<string, string>;
}

test(
  'an admin saves a filtered obligation list as a shared worklist; a colleague opens it and sees the same rows',
  { skip: SKIP_WITHOUT_APP, timeout: 150_000 },
  async () => {
    assert.ok(ADMIN_EMAIL && ADMIN_PASSWORD && AUDITOR_EMAIL && AUDITOR_PASSWORD, 'the admin and viewer logins must be set');
    const api = await Api.signIn(ADMIN_EMAIL, ADMIN_PASSWORD);
    const admin = (await api.call<User>('GET', '/api/me')).body;
    const officer = (await api.call<User[]>('GET', '/api/users')).body.find((u) => u.name === OFFICER.name);
    assert.ok(officer, `${OFFICER.name} is a user`);
    const suffix = Date.now().toString(36);
    const listName = `Kunjungan ${KECAMATAN_NAME} ${suffix}`;

    // Given two kampung in Batuceper, each with the officer as mentor and so a visit to make
    for (const rw of ['1', '2']) {
      const created = await api.call<{ id: string }>('POST', '/api/cases', {
        programCode: PROGRAM,
        kelurahanCode: KELURAHAN,
        rw,
        name: `Kampung Daftar Kerja E2E ${suffix} RW ${rw}`,
        theme: 'Kampung Uji Daftar Kerja',
        profile: { households: 60, poorHouseholds: 12, potentials: [], problems: [] },
        proposer: { name: 'Uji', organisation: `RW 00${rw}` },
      });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      const assigned: { status: number; body: unknown } = await api.call('POST', `/api/cases/${created.body.id}/assignments`, { userId: officer.id, role: 'MENTOR', lead: true });
      assert.equal(assigned.status, 201, JSON.stringify(assigned.body));
      await eventually(async () => {
        const { items } = (await api.call<{ items: Obligation[] }>('GET', `/api/obligations?case=${created.body.id}&kind=VISIT`)).body;
        assert.ok(items.length > 0, 'the visit obligation is there');
      });
    }
    const expected = (await api.call<{ total: number }>('GET', `/api/obligations?program=${PROGRAM}&kecamatan=${KECAMATAN}&kind=VISIT`)).body.total;
    assert.ok(expected >= 2, `at least the two visits are listed (${expected})`);

    const browser = await launchChromium();
    let savedId: string | undefined;
    try {
      // When the admin opens the obligation list of Batuceper (as a dashboard figure leads there)
      const page = await signedInPage(browser, ADMIN_EMAIL, ADMIN_PASSWORD);
      let adminRows: string[] = [];
      await screenshotOnFailure(page, 'saved-worklists-admin', async () => {
        await page.goto(`/obligations?kecamatan=${KECAMATAN}`);
        const list = new ObligationListPage(page);
        await list.waitUntilShown();
        await list.chip(`Kec. ${KECAMATAN_NAME}`).waitFor();

        // And narrows it to the visits of Kampung Sejahtera Mandiri
        await list.filter('Program', PROGRAM_LABEL);
        await list.filter('Jenis', 'Kunjungan');
        // And sorts it latest due first
        await list.filter('Urutkan', 'Jatuh tempo terjauh');
        await list.total().filter({ hasText: new RegExp(`^${expected} kewajiban ditemukan$`) }).waitFor();
        await page.waitForURL((url) => url.searchParams.get('program') === PROGRAM && url.searchParams.get('kind') === 'VISIT' && url.searchParams.get('sort') === '-due');
        adminRows = await list.rowsShown();
        assert.equal(adminRows.length, expected, 'every row is shown (a short list)');
        const dues = adminRows.map((row) => row.split(' ')[3]!);
        assert.deepEqual(dues, [...dues].sort().reverse(), 'latest due first');

        // And saves it as a worklist shared with colleagues
        const saved = await list.saveAsWorklist(listName, { shared: true });
        assert.equal(saved.status(), 201, await saved.text());
        const body = (await saved.json()) as SavedWorklist;
        savedId = body.id;
        assert.deepEqual(body.filters, { kecamatan: KECAMATAN, program: PROGRAM, kind: 'VISIT', sort: '-due' }, 'the worklist keeps the list\'s filters');
        await page.getByTestId('worklist-saved').filter({ hasText: 'dibagikan' }).waitFor();

        // Then saving another under the same name is refused beside the name
        const again = await list.saveAsWorklist(listName, { shared: false });
        assert.equal(again.status(), 409, 'a second worklist of the same name is refused');
        await list.worklistForm().locator('.field__error').filter({ hasText: `Anda sudah memiliki daftar kerja bernama "${listName}"` }).waitFor();
        await list.worklistForm().getByRole('button', { name: 'Batal', exact: true }).click();

        // And the admin's own /worklists lists it as theirs, shared
        const worklists = new WorklistsPage(page);
        await worklists.openFromHeader();
        await worklists.group('Milik saya').getByTestId('saved-worklist').filter({ hasText: listName }).waitFor();
        await worklists.card(listName).getByTestId('worklist-visibility').filter({ hasText: 'Dibagikan' }).waitFor();
      });

      // When a colleague (the viewer) opens the saved worklists on a phone
      const phone = await signedInPage(browser, AUDITOR_EMAIL, AUDITOR_PASSWORD, { phone: true });
      await screenshotOnFailure(phone, 'saved-worklists-colleague', async () => {
        const worklists = new WorklistsPage(phone);
        await worklists.openFromHeader();
        const card = worklists.card(listName);
        await card.waitFor();

        // Then it is among those shared with them, with its owner, its list and its filters in words
        assert.equal(await worklists.group('Dibagikan rekan kerja').getByTestId('saved-worklist').filter({ hasText: listName }).count(), 1, 'listed as shared');
        await card.filter({ hasText: `Dari ${admin.name}` }).waitFor();
        await card.filter({ hasText: 'Daftar kewajiban' }).waitFor();
        await eventually(async () =>
          assert.deepEqual(await worklists.filters(listName).allInnerTexts(), [`Program: ${PROGRAM_LABEL}`, `Kec. ${KECAMATAN_NAME}`, 'Jenis: Kunjungan', 'Urutkan: Jatuh tempo terjauh']),
        );
        // And they may not change it
        assert.equal(await card.getByRole('button', { name: 'Hapus', exact: true }).count(), 0, 'no delete button for a colleague');
        await assertNoHorizontalScroll(phone);

        // When they open it, then the obligation list shows the same filtered rows
        await worklists.open(listName);
        const list = new ObligationListPage(phone);
        await list.waitUntilShown();
        await list.chip(`Kec. ${KECAMATAN_NAME}`).waitFor();
        await list.total().filter({ hasText: new RegExp(`^${expected} kewajiban ditemukan$`) }).waitFor();
        assert.equal(await phone.getByLabel('Program', { exact: true }).inputValue(), PROGRAM);
        assert.equal(await phone.getByLabel('Jenis', { exact: true }).inputValue(), 'VISIT');
        assert.deepEqual(await list.rowsShown(), adminRows, 'the same rows as the admin saw');
        await assertNoHorizontalScroll(phone);
      });

      // When the admin renames it and stops sharing it, then the colleague no longer sees it
      await screenshotOnFailure(page, 'saved-worklists-owner', async () => {
        const worklists = new WorklistsPage(page);
        const card = worklists.card(listName);
        await card.getByRole('button', { name: 'Ganti nama', exact: true }).click();
        const form = page.getByRole('form', { name: `Ubah daftar kerja ${listName}` });
        await form.getByLabel('Nama daftar kerja', { exact: true }).fill(`${listName} (arsip)`);
        await form.getByLabel('Bagikan dengan rekan kerja', { exact: true }).uncheck();
        const [changed] = await Promise.all([
          page.waitForResponse((r) => r.url().endsWith(`/api/worklists/${savedId}`) && r.request().method() === 'PUT'),
          form.getByRole('button', { name: 'Simpan perubahan', exact: true }).click(),
        ]);
        assert.equal(changed.status(), 200, await changed.text());
        const renamed = worklists.card(`${listName} (arsip)`);
        await renamed.getByTestId('worklist-visibility').filter({ hasText: 'Pribadi' }).waitFor();
      });
      await new WorklistsPage(phone).openFromHeader();
      await phone.getByTestId('worklists-shared').waitFor();
      assert.equal(await new WorklistsPage(phone).card(`${listName} (arsip)`).count(), 0, 'an unshared worklist is no longer the colleague\'s to see');

      // And the owner deletes it
      await screenshotOnFailure(page, 'saved-worklists-delete', async () => {
        const card = new WorklistsPage(page).card(`${listName} (arsip)`);
        await card.getByRole('button', { name: 'Hapus', exact: true }).click();
        const [removed] = await Promise.all([
          page.waitForResponse((r) => r.url().endsWith(`/api/worklists/${savedId}`) && r.request().method() === 'DELETE'),
          card.getByRole('button', { name: 'Ya, hapus', exact: true }).click(),
        ]);
        assert.equal(removed.status(), 204, await removed.text());
        await card.waitFor({ state: 'detached' });
        savedId = undefined;
      });
    } finally {
      await browser.close();
      if (savedId) await api.call('DELETE', `/api/worklists/${savedId}`);
    }
  },
);
