import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ActivitiesSection } from './pages/ActivitiesSection';
import { DuplicatesPage } from './pages/DuplicatesPage';
import { FieldWorkOffline } from './pages/FieldWorkOffline';
import { HouseholdImportPage } from './pages/HouseholdImportPage';
import { HouseholdPage } from './pages/HouseholdPage';
import { HouseholdsPage } from './pages/HouseholdsPage';
import {
  ADMIN_EMAIL,
  ADMIN_PASSWORD,
  Api,
  assertNoHorizontalScroll,
  launchChromium,
  screenshotOnFailure,
  signedInPage,
  SKIP_WITHOUT_APP,
  walkCaseTo,
} from './support/e2e';

const OFFICER_EMAIL = process.env.E2E_OFFICER_EMAIL ?? '';
const OFFICER_PASSWORD = process.env.E2E_OFFICER_PASSWORD ?? '';
const MANAGER_EMAIL = process.env.E2E_MANAGER_EMAIL ?? '';
const MANAGER_PASSWORD = process.env.E2E_MANAGER_PASSWORD ?? '';

/** Karanganyar Gunung, Kec. Candisari, Kota Semarang: the kampung and its households. */
const KELURAHAN = '33.74.08.1005';
const HEADER = 'no_kk,nik,nama,tanggal_lahir,jenis_kelamin,hubungan_keluarga,alamat,rt,rw,kode_kelurahan,desil,id_dtks,tanggal_data,sumber';

/** This run's tag: keeps its KK and NIK numbers apart from other runs and tests on the same stack. */
const TAG = 1000 + (Date.now() % 8000);
/** The tag in letters, for names (registry names carry no digits); also what residents are searched by. */
const WORD = `K${String(TAG).split('').map((d) => 'bcdfghjklm'[Number(d)]).join('')}`;

/** A NIK as Dukcapil forms it: kecamatan 33.74.08, the birth date as DDMMYY (women: day + 40), a sequence. */
function nik(birthDate: string, sex: 'L' | 'P'): string {
  const [y, m, d] = birthDate.split('-') as [string, string, string];
  return `337408${String(Number(d) + (sex === 'P' ? 40 : 0)).padStart(2, '0')}${m}${y.slice(2)}${String(TAG).padStart(4, '0')}`;
}
/** A family card issued in kecamatan 33.74.08 on 15 August 2019. */
const kk = (n: number) => `337408150819${String((TAG * 10 + n) % 10_000).padStart(4, '0')}`;

interface Member {
  name: string;
  birthDate: string;
  sex: 'L' | 'P';
  relation: string;
}
function rows(n: number, rt: string, decile: number, members: Member[]): string[] {
  return members.map((m) =>
    [kk(n), nik(m.birthDate, m.sex), `${m.name} ${WORD}`, m.birthDate, m.sex, m.relation, `Jl. Karanganyar Gunung ${n}`, rt, '3', KELURAHAN, decile, '', '2026-09-30', 'DTKS'].join(','),
  );
}
const csv = (lines: string[]) => `${[HEADER, ...lines].join('\n')}\n`;

// Three households, seven people, each born on another day (so none is taken for another).
const AGUS = { name: 'Agus Setiawan', birthDate: '1978-03-12', sex: 'L', relation: 'KEPALA KELUARGA' } as const;
const SITI = { name: 'Siti Aminah', birthDate: '1981-07-25', sex: 'P', relation: 'ISTRI' } as const;
const FILE = csv([
  ...rows(1, '1', 1, [AGUS, SITI, { name: 'Rizky Pratama', birthDate: '2004-10-02', sex: 'L', relation: 'ANAK' }]),
  ...rows(2, '2', 2, [
    { name: 'Bambang Sutrisno', birthDate: '1975-11-08', sex: 'L', relation: 'KEPALA KELUARGA' },
    { name: 'Dewi Lestari', birthDate: '1979-01-19', sex: 'P', relation: 'ISTRI' },
  ]),
  ...rows(3, '4', 3, [
    { name: 'Sri Rahayu', birthDate: '1969-06-14', sex: 'P', relation: 'KEPALA KELUARGA' },
    { name: 'Putri Handayani', birthDate: '1995-09-28', sex: 'P', relation: 'ANAK' },
  ]),
]);
/** A fourth household, its second row (line 3 of the file) with a birth date that is no date. */
const BAD_FILE = csv(
  rows(4, '5', 2, [
    { name: 'Joko Widodo', birthDate: '1983-04-21', sex: 'L', relation: 'KEPALA KELUARGA' },
    { name: 'Ani Susanti', birthDate: '1986-08-03', sex: 'P', relation: 'ISTRI' },
  ]).map((line, i) => (i === 1 ? line.replace(',1986-08-03,', ',1986-13-45,') : line)),
);

test(
  'an officer on a phone imports households (a bad file is refused whole), runs a training with them, and finds it on a participant\'s household; a manager sees NIKs masked',
  { skip: SKIP_WITHOUT_APP, timeout: 240_000 },
  async () => {
    assert.ok(ADMIN_EMAIL && ADMIN_PASSWORD, 'E2E_ADMIN_EMAIL and E2E_ADMIN_PASSWORD must be set');
    assert.ok(OFFICER_EMAIL && OFFICER_PASSWORD, 'E2E_OFFICER_EMAIL and E2E_OFFICER_PASSWORD must be set');
    assert.ok(MANAGER_EMAIL && MANAGER_PASSWORD, 'E2E_MANAGER_EMAIL and E2E_MANAGER_PASSWORD must be set');
    const api = await Api.signIn(ADMIN_EMAIL, ADMIN_PASSWORD);

    // Given a kampung of Karanganyar Gunung in implementation
    const name = `Kampung Kegiatan E2E ${Date.now().toString(36)}`;
    const created = await api.call<{ id: string }>('POST', '/api/cases', {
      programCode: 'KAMPUNG_TEMATIK',
      kelurahanCode: KELURAHAN,
      rw: '3',
      name,
      theme: 'Kampung Jahit Karanganyar',
      profile: { households: 120, poorHouseholds: 40, potentials: ['Konveksi rumahan'], problems: ['Pengangguran'] },
      proposer: { name: 'Uji', organisation: 'LPMK Karanganyar Gunung' },
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const caseId = created.body.id;
    await walkCaseTo(api, caseId, 'IMPLEMENTATION');

    const browser = await launchChromium();
    let householdId = '';
    try {
      const phone = await signedInPage(browser, OFFICER_EMAIL, OFFICER_PASSWORD, { phone: true });
      await screenshotOnFailure(phone, 'households-import', async () => {
        // When the officer opens "Rumah tangga" on a phone and, from there, the import
        const households = new HouseholdsPage(phone);
        await households.openFromHeader();
        await households.openImport();
        const imports = new HouseholdImportPage(phone);
        // Then the columns the file needs are explained
        await imports.showColumns();
        assert.match(await imports.columns().innerText(), /kode_kelurahan[\s\S]*33\.74\.08\.1005/, 'the kelurahan code column is explained with an example');
        await assertNoHorizontalScroll(phone);

        // When they upload a list of three households
        const started = await imports.upload({ name: `dtks-karanganyar-${TAG}.csv`, mimeType: 'text/csv', content: FILE });
        assert.equal(started.status(), 202, await started.text());

        // Then the progress bar runs to the end, and the counts show three households of seven new people
        await imports.waitUntil('DONE');
        assert.equal(await imports.progressBar().getAttribute('max'), '7', 'the bar counts the file\'s seven rows');
        assert.equal(await imports.progressBar().getAttribute('value'), '7', 'the bar is full once done');
        assert.match(await imports.progressText().innerText(), /Selesai: 7 dari 7 baris/, 'the progress is told in words');
        assert.equal(await imports.count('Rumah tangga'), '3', 'three households');
        assert.equal(await imports.count('Anggota baru'), '7', 'seven new people');
        assert.equal(await imports.count('Anggota berubah'), '0', 'nobody changed');
        assert.equal(await imports.count('Anggota tidak berubah'), '0', 'nobody was there already');
        await assertNoHorizontalScroll(phone);

        // When they upload a file with one bad row
        const refused = await imports.upload({ name: `dtks-salah-${TAG}.csv`, mimeType: 'text/csv', content: BAD_FILE });
        assert.equal(refused.status(), 202, await refused.text());

        // Then the report names the row and the column, and says that nothing was imported and the file may be sent again
        await imports.waitUntil('REFUSED');
        await imports.refusal().filter({ hasText: 'Tidak ada data yang diimpor' }).filter({ hasText: 'unggah berkas itu lagi' }).waitFor();
        const problem = imports.problems(3);
        assert.equal(await problem.count(), 1, 'one problem, on line 3');
        assert.equal(await problem.getAttribute('data-column'), 'tanggal_lahir', 'in the birth date column');
        assert.match(await problem.innerText(), /Harus tanggal/, 'the problem told in Indonesian');
        await imports.recent(`dtks-salah-${TAG}.csv`).getByTestId('import-state').filter({ hasText: 'Ditolak' }).waitFor();
        await assertNoHorizontalScroll(phone);
        const none = await api.call<{ total: number }>('GET', `/api/households?q=${encodeURIComponent(`Joko Widodo ${WORD}`)}`);
        assert.equal(none.body.total, 0, 'the good row of the refused file was not imported either');

        // And the imported households are listed, their KK masked
        await households.openFromHeader();
        const found = await households.search(WORD);
        assert.equal(found.status(), 200, await found.text());
        const card = households.household(`${AGUS.name} ${WORD}`);
        await card.waitFor();
        assert.match(await card.getByTestId('household-kk').innerText(), /^3374\*{8}\d{4}$/, 'the KK is masked in the list');
        assert.match(await card.innerText(), /3 anggota/, 'with its three members');
        await assertNoHorizontalScroll(phone);
      });

      await screenshotOnFailure(phone, 'households-activity', async () => {
        // When the officer adds a training of the labour agency with two sessions to the kampung
        await phone.goto(`/cases/${caseId}`);
        const activities = new ActivitiesSection(phone);
        await activities.section().waitFor();
        const title = `Pelatihan menjahit ${WORD}`;
        const added = await activities.add({
          agency: 'Dinas Tenaga Kerja',
          title,
          kind: 'Pelatihan',
          quota: '20',
          budget: '15000000',
          sessions: [
            { date: '2026-12-07', topic: 'Dasar menjahit' },
            { date: '2026-12-14', topic: 'Membuat pola' },
          ],
        });
        assert.equal(added.status(), 201, await added.text());
        const activity = activities.activity(title);
        await activity.getByTestId('activity-kind').filter({ hasText: 'Pelatihan · Dinas Tenaga Kerja' }).waitFor();
        assert.equal(await activity.getByTestId('activity-session').count(), 2, 'two sessions');
        await assertNoHorizontalScroll(phone);

        // And enrols two imported residents, one found by name and one by the whole NIK
        const enrolled = await activities.enrol(activity, [
          { search: WORD, name: `${AGUS.name} ${WORD}` },
          { search: nik(SITI.birthDate, SITI.sex), name: `${SITI.name} ${WORD}` },
        ]);
        assert.equal(enrolled.status(), 200, await enrolled.text());
        await activity.getByTestId('activity-quota').filter({ hasText: 'Peserta: 2 dari kuota 20' }).waitFor();

        // And takes the attendance of the first session, and of the second in a hall with no
        // signal: it waits on the phone and is sent, once, when the signal is back
        assert.equal((await activities.attendance(activity, 1, [`${AGUS.name} ${WORD}`, `${SITI.name} ${WORD}`])).status(), 200, 'the first session\'s attendance is saved');
        await phone.context().setOffline(true);
        await activities.attendanceOffline(activity, 2, [`${AGUS.name} ${WORD}`]);
        const offline = new FieldWorkOffline(phone);
        await offline.waitForWaiting(1);
        const attendanceWrites: string[] = [];
        phone.on('request', (r) => {
          if (r.method() === 'PUT' && /\/api\/activities\/[^/]+\/attendance$/.test(new URL(r.url()).pathname)) attendanceWrites.push(r.url());
        });
        await phone.context().setOffline(false);
        await offline.waitUntilAllSent();
        await activity.locator('[data-testid="activity-session"][data-seq="1"]').filter({ hasText: 'hadir 2 dari 2' }).waitFor();
        await activity.locator('[data-testid="activity-session"][data-seq="2"]').filter({ hasText: 'hadir 1 dari 2' }).waitFor();
        assert.equal(attendanceWrites.length, 1, 'the attendance kept on the phone is sent once');
        const output = await activities.output(activity, { name: `${AGUS.name} ${WORD}`, kind: 'Bersertifikat', note: 'Sertifikat BNSP' });
        assert.equal(output.status(), 200, await output.text());
        await activity.getByTestId('activity-output').filter({ hasText: `${AGUS.name} ${WORD}` }).filter({ hasText: 'Bersertifikat' }).waitFor();
        await assertNoHorizontalScroll(phone);

        // Then Agus's household shows the training under "Bantuan yang diterima", with the agency and the certificate
        await activity.getByTestId('participant').getByRole('link', { name: `${AGUS.name} ${WORD}`, exact: true }).click();
        const household = new HouseholdPage(phone);
        await household.members().waitFor();
        householdId = new URL(phone.url()).pathname.split('/').at(-1) ?? '';
        const received = household.received(title, `${AGUS.name} ${WORD}`);
        await received.getByTestId('received-agency').filter({ hasText: 'Dinas Tenaga Kerja' }).filter({ hasText: name }).waitFor();
        await received.getByTestId('received-outputs').filter({ hasText: 'Bersertifikat' }).waitFor();
        assert.match(await received.innerText(), /Hadir 2 dari 2 sesi/, 'both sessions attended');
        // And Siti's part, from the same household: one session, no result yet
        const siti = household.received(title, `${SITI.name} ${WORD}`);
        assert.match(await siti.innerText(), /Hadir 1 dari 2 sesi/, 'Siti attended the first session');
        assert.equal(await siti.getByTestId('received-outputs').count(), 0, 'and has no result yet');

        // And the officer may see the NIK whole, the read being recorded
        assert.match(await household.nikOf(`${AGUS.name} ${WORD}`).innerText(), /^3374\*{8}\d{4}$/, 'masked at first');
        await household.members().getByText('setiap tampilan tercatat di log audit').waitFor();
        const unmasked = await household.unmask();
        assert.equal(unmasked.status(), 200, await unmasked.text());
        await household.nikOf(`${AGUS.name} ${WORD}`).filter({ hasText: nik(AGUS.birthDate, AGUS.sex) }).waitFor();
        await assertNoHorizontalScroll(phone);
      });

      // When a manager opens the same household
      const desk = await signedInPage(browser, MANAGER_EMAIL, MANAGER_PASSWORD);
      await screenshotOnFailure(desk, 'households-manager', async () => {
        const household = new HouseholdPage(desk);
        await household.open(householdId);
        // Then the NIKs are masked, and there is no "Tampilkan NIK"
        await household.nikOf(`${AGUS.name} ${WORD}`).waitFor();
        assert.match(await household.nikOf(`${AGUS.name} ${WORD}`).innerText(), /^3374\*{8}\d{4}$/, 'a manager sees the NIK masked');
        assert.equal(await household.unmaskButton().count(), 0, 'a manager has no "Tampilkan NIK"');
        await household.received(`Pelatihan menjahit ${WORD}`, `${AGUS.name} ${WORD}`).waitFor();

        // And the dashboard (computed now) counts the activities' beneficiaries, each person once
        await desk.goto('/dashboard');
        await Promise.all([
          desk.waitForResponse((r) => r.url().includes('/api/dashboard') && r.request().headers()['cache-control'] === 'no-cache'),
          desk.getByRole('button', { name: 'Perbarui', exact: true }).click(),
        ]);
        const counted = await api.call<{ beneficiaries: { people: number } }>('GET', '/api/dashboard');
        const line = desk.getByTestId('beneficiaries');
        await line.filter({ hasText: 'Penerima manfaat kegiatan' }).filter({ hasText: 'setiap orang dihitung sekali' }).waitFor();
        assert.ok(counted.body.beneficiaries.people >= 2, `at least the two enrolled: ${counted.body.beneficiaries.people}`);
      });
    } finally {
      await browser.close();
    }
  },
);

/** The same man twice, in two family cards (he moved RT): his name in the old spelling once, and one digit of his NIK mistyped. */
const DJOKO = { name: 'Djoko Susilo', birthDate: '1972-02-14', sex: 'L', relation: 'KEPALA KELUARGA' } as const;
const JOKO = { ...DJOKO, name: 'Joko Susilo' };
const mistyped = (value: string) => `${value.slice(0, 15)}${(Number(value.slice(15)) + 1) % 10}`;
const TWICE_FILE = csv([
  ...rows(5, '6', 2, [DJOKO]),
  ...rows(6, '7', 2, [JOKO]).map((line) => line.replace(nik(JOKO.birthDate, JOKO.sex), mistyped(nik(JOKO.birthDate, JOKO.sex)))),
]);

test(
  'an officer asks to merge a person registered twice, keeping one record, and a manager approves the merge',
  { skip: SKIP_WITHOUT_APP, timeout: 180_000 },
  async () => {
    assert.ok(OFFICER_EMAIL && OFFICER_PASSWORD, 'E2E_OFFICER_EMAIL and E2E_OFFICER_PASSWORD must be set');
    assert.ok(MANAGER_EMAIL && MANAGER_PASSWORD, 'E2E_MANAGER_EMAIL and E2E_MANAGER_PASSWORD must be set');
    const djoko = `${DJOKO.name} ${WORD}`;
    const joko = `${JOKO.name} ${WORD}`;
    const browser = await launchChromium();
    try {
      const phone = await signedInPage(browser, OFFICER_EMAIL, OFFICER_PASSWORD, { phone: true });
      await screenshotOnFailure(phone, 'households-duplicates', async () => {
        // Given a list with the same man twice has been imported
        const households = new HouseholdsPage(phone);
        await households.openFromHeader();
        await households.openImport();
        const imports = new HouseholdImportPage(phone);
        assert.equal((await imports.upload({ name: `dtks-ganda-${TAG}.csv`, mimeType: 'text/csv', content: TWICE_FILE })).status(), 202, 'the list is taken');
        await imports.waitUntil('DONE');

        // When the officer looks for duplicates
        const duplicates = new DuplicatesPage(phone);
        await duplicates.openFromHeader();
        const run = await duplicates.run();
        assert.equal(run.status(), 200, await run.text());
        await phone.getByTestId('duplicates-found').filter({ hasText: /Ditemukan \d+ pasangan/ }).waitFor();

        // Then the pair is in the open queue, both records side by side with masked NIKs, the kind and the reasons in words
        const pair = duplicates.pair(djoko);
        await duplicates.side(pair, joko).waitFor();
        assert.equal(await pair.getByTestId('duplicate-kind').innerText(), 'NIK hampir sama', 'the kind of match in words');
        assert.match(await pair.getByTestId('duplicate-reasons').innerText(), /NIK beda satu angka/, 'why, in words');
        for (const nikShown of await pair.getByTestId('duplicate-nik').allInnerTexts()) assert.match(nikShown, /^3374\*{8}\d{4}$/, 'NIKs masked');
        await assertNoHorizontalScroll(phone);

        // When they keep Djoko's record and ask for the merge
        const requested = await duplicates.requestMerge(pair, djoko);
        assert.equal(requested.status(), 200, await requested.text());

        // Then the pair awaits a manager's approval
        await duplicates.done().filter({ hasText: 'menunggu persetujuan pimpinan' }).waitFor();
        await duplicates.showStatus('Menunggu persetujuan');
        await duplicates.pair(djoko).filter({ hasText: 'Diajukan oleh' }).waitFor();
        assert.equal(await duplicates.pair(djoko).getByRole('button', { name: 'Setujui penggabungan' }).count(), 0, 'an officer does not approve merges');
      });

      // When the manager opens "Data ganda" and approves the merge
      const desk = await signedInPage(browser, MANAGER_EMAIL, MANAGER_PASSWORD);
      await screenshotOnFailure(desk, 'households-duplicates-manager', async () => {
        const duplicates = new DuplicatesPage(desk);
        await duplicates.openFromHeader();
        const pair = duplicates.pair(djoko);
        await duplicates.side(pair, djoko).getByText('Dipertahankan', { exact: true }).waitFor();
        assert.equal(await desk.getByRole('button', { name: 'Cari data ganda' }).count(), 0, 'a manager does not run the search');
        const approved = await duplicates.approve(pair);
        assert.equal(approved.status(), 200, await approved.text());

        // Then the pair is merged, Joko's record marked a duplicate of Djoko's
        await duplicates.done().filter({ hasText: `Data digabung ke ${djoko}` }).waitFor();
        await duplicates.showStatus('Digabung');
        const merged = duplicates.pair(djoko);
        await duplicates.side(merged, joko).getByTestId('quality').filter({ hasText: 'Duplikat' }).waitFor();
      });
    } finally {
      await browser.close();
    }
  },
);
