import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Locator } from 'playwright-core';
import { newAccount } from '../integration/support/accounts';
import { validData } from '../integration/support/stage-data';
import { CaseListPage } from './pages/CaseListPage';
import { CasePage } from './pages/CasePage';
import { InboxPage } from './pages/InboxPage';
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

const PROGRAM = 'KAMPUNG_SEJAHTERA_MANDIRI';
const POLICY_URL = `/api/programs/${PROGRAM}/policy`;
// Gandasari, Kec. Jatiuwung (Tangerang): no demo case and no other test works there, so a manager
// limited to it hears of this test's escalations only.
const KELURAHAN = '36.71.02.1004';
const KECAMATAN = '36.71.02';

interface PolicyVersion {
  version: number;
  policy: { stageMaxDuration: Record<string, string> } & Record<string, unknown>;
}

/** The element's computed font weight (700 is bold), as the browser draws it. */
type Styles = { getComputedStyle(element: unknown): { fontWeight: string } };
const fontWeight = (locator: Locator) => locator.evaluate((element) => Number((globalThis as unknown as Styles).getComputedStyle(element).fontWeight));

test(
  'a manager reads and finishes escalations counted in the navigation, and the case list shows each kampung stalled, overdue and its mentor',
  { skip: SKIP_WITHOUT_APP, timeout: 240_000 },
  async () => {
    assert.ok(ADMIN_EMAIL && ADMIN_PASSWORD, 'E2E_ADMIN_EMAIL and E2E_ADMIN_PASSWORD must be set');
    const api = await Api.signIn(ADMIN_EMAIL, ADMIN_PASSWORD);
    const suffix = Date.now().toString(36);
    const manager = await newAccount('MANAGER', { programCodes: [PROGRAM], kecamatanCodes: [KECAMATAN], name: `Manajer Kotak Masuk ${suffix}` });
    const mentorName = `Pendamping Kolom ${suffix}`;
    const mentor = await newAccount('MENTOR', { name: mentorName });
    const names = { a: `Kampung Kolom A ${suffix}`, b: `Kampung Kolom B ${suffix}`, c: `Kampung Kolom C ${suffix}` };
    const ids: Partial<Record<keyof typeof names, string>> = {};
    const propose = async (key: keyof typeof names) => {
      const created = await api.call<{ id: string }>('POST', '/api/cases', {
        programCode: PROGRAM,
        kelurahanCode: KELURAHAN,
        rw: '2',
        name: names[key],
        theme: 'Kampung Uji Kotak Masuk',
        profile: { households: 90, poorHouseholds: 30, potentials: [], problems: [] },
        proposer: { name: 'Uji', organisation: 'RW 002' },
      });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      ids[key] = created.body.id;
      return created.body.id;
    };

    const original = (await api.call<PolicyVersion>('GET', POLICY_URL)).body;
    let restored = false;
    const restore = async () => {
      const latest = (await api.call<PolicyVersion>('GET', POLICY_URL)).body;
      const put = await api.call('PUT', POLICY_URL, { baseVersion: latest.version, changeNote: 'Uji e2e: kembalikan kebijakan', policy: original.policy });
      assert.equal(put.status, 200, `the policy is restored: ${JSON.stringify(put.body)}`);
      restored = true;
    };
    const browser = await launchChromium();
    try {
      // Given a Sejahtera Mandiri policy under which a proposal stalls after a second, and its
      // deadline turns overdue and escalates a second after that
      const changed = await api.call('PUT', POLICY_URL, {
        baseVersion: original.version,
        changeNote: 'Uji e2e: kotak masuk, usulan macet setelah 1 detik',
        policy: {
          ...original.policy,
          stageMaxDuration: { ...original.policy.stageMaxDuration, PROPOSAL: 'PT1S' },
          reminderLead: 'PT1S',
          visitGrace: 'PT1S',
          escalationDelay: 'PT1S',
        },
      });
      assert.equal(changed.status, 200, JSON.stringify(changed.body));

      // And two kampung proposed under it, A with a mentor and B without
      const a = await propose('a');
      assert.equal((await api.call('POST', `/api/cases/${a}/assignments`, { userId: mentor.id, role: 'MENTOR', lead: true })).status, 201);
      const b = await propose('b');
      // When their deadlines escalate, the manager of the kecamatan has two unread escalations
      await eventually(async () => {
        const inbox = (await manager.api.get('/api/me/inbox')).body as { case: { id: string }; kind: string }[];
        assert.deepEqual(inbox.map((i) => i.case.id).sort(), [a, b].sort(), `two escalations: ${JSON.stringify(inbox)}`);
      }, 60_000);
      assert.deepEqual((await manager.api.get('/api/me/inbox/unread-count')).body, { unread: 2 });
      await restore();
      // And a third kampung, C, proposed under the usual policy and moved to Survei: on time
      const c = await propose('c');
      const moved = await api.call('POST', `/api/cases/${c}/transitions`, { to: 'SURVEY', data: validData('PROPOSAL', 'SURVEY') });
      assert.equal(moved.status, 200, JSON.stringify(moved.body));

      const phone = await newAppPage(browser, { phone: true });
      await screenshotOnFailure(phone, 'inbox-and-case-list-phone', async () => {
        // When the manager signs in on a phone
        await signIn(phone, manager.email, manager.password);
        const inbox = new InboxPage(phone);

        // Then the navigation's inbox entry counts the two unread items, in words for a screen reader
        await inbox.navLink().and(phone.getByRole('link', { name: 'Kotak masuk (2 belum dibaca)', exact: true })).waitFor();
        assert.equal((await inbox.unreadBadge().innerText()).trim(), '(2)');

        // When they open the inbox, both stand out as unread
        await inbox.openFromHeader();
        await inbox.item(names.a).waitFor();
        assert.equal(await inbox.items().count(), 2);
        for (const name of [names.a, names.b]) {
          const item = inbox.item(name);
          assert.equal(await item.getAttribute('data-read'), 'false', `${name} unread`);
          assert.equal(await item.getByText('Belum dibaca').count(), 1, 'unread, in words for a screen reader');
          assert.ok((await fontWeight(item.locator('.work-card__title'))) >= 700, 'an unread title is bold');
        }

        // When they open kampung A from its item, it is marked read and the count drops to one
        const read = await inbox.openCase(names.a);
        assert.equal(read.status(), 200, await read.text());
        await phone.getByRole('heading', { level: 1, name: names.a, exact: true }).waitFor();
        await inbox.navLink().and(phone.getByRole('link', { name: 'Kotak masuk (1 belum dibaca)', exact: true })).waitFor();

        // And back in the inbox, A reads as read (plain) and B still as unread
        await inbox.openFromHeader();
        await inbox.item(names.a).and(phone.locator('[data-read="true"]')).waitFor();
        assert.ok((await fontWeight(inbox.item(names.a).locator('.work-card__title'))) < 700, 'a read title is not bold');
        assert.equal(await inbox.item(names.a).getByText('Belum dibaca').count(), 0);
        assert.equal(await inbox.item(names.b).getAttribute('data-read'), 'false');

        // When they mark B done, it leaves the list; done counts as read, so the count is gone
        const done = await inbox.toggleDone(names.b, 'Selesai');
        assert.equal(done.status(), 200, await done.text());
        await eventually(async () => assert.equal(await inbox.item(names.b).count(), 0, 'B left the list of items not done'));
        assert.equal(await inbox.items().count(), 1, 'A stays');
        await inbox.navLink().and(phone.getByRole('link', { name: 'Kotak masuk', exact: true })).waitFor();
        assert.equal(await inbox.unreadBadge().count(), 0, 'no count when nothing is unread');

        // And the "Selesai" list holds B alone, done
        await inbox.show('Selesai');
        await phone.waitForURL(/\/inbox\?state=done$/);
        await inbox.item(names.b).and(phone.locator('[data-done="true"]')).waitFor();
        assert.equal(await inbox.items().count(), 1);
        await assertNoHorizontalScroll(phone);

        // When they take it back, it returns to the "Belum selesai" list
        const undone = await inbox.toggleDone(names.b, 'Tandai belum selesai');
        assert.equal(undone.status(), 200, await undone.text());
        await inbox.show('Belum selesai');
        await inbox.item(names.b).waitFor();
        assert.equal(await inbox.items().count(), 2);

        // And the case list, as cards on the phone, shows each kampung's stalled days, overdue obligations and mentor
        await phone.goto(`/?q=${encodeURIComponent(suffix)}`);
        const cases = new CaseListPage(phone);
        await cases.row(names.a).waitFor();
        assert.equal(await cases.cell(names.a, 'stalled').getAttribute('data-label'), 'Macet (hari)');
        assert.equal((await cases.cell(names.a, 'overdue').innerText()).trim(), '1');
        await assertNoHorizontalScroll(phone);
      });

      const desk = await newAppPage(browser);
      await screenshotOnFailure(desk, 'inbox-and-case-list-desk', async () => {
        // When the manager opens the case list on a desk, searching for the three kampung
        await signIn(desk, manager.email, manager.password);
        await desk.goto(`/?q=${encodeURIComponent(suffix)}`);
        const cases = new CaseListPage(desk);
        await cases.row(names.c).waitFor();

        // Then it has the three columns
        const table = desk.getByTestId('case-table');
        for (const column of ['Macet (hari)', 'Terlambat', 'Pendamping']) await table.getByRole('columnheader', { name: column, exact: true }).waitFor();

        // And A and B are stalled since today (0 whole days) with their escalated deadline overdue;
        // A's mentor is named; C, on time in Survei, is neither stalled nor overdue
        const shown = async (name: string, column: 'stalled' | 'overdue' | 'mentors') => (await cases.cell(name, column).innerText()).trim();
        assert.deepEqual(
          [await shown(names.a, 'stalled'), await shown(names.a, 'overdue'), await shown(names.a, 'mentors')],
          ['0', '1', mentorName],
          'A: stalled, one overdue obligation, its mentor',
        );
        assert.deepEqual([await shown(names.b, 'stalled'), await shown(names.b, 'overdue')], ['0', '1'], 'B: stalled, one overdue');
        assert.equal(await cases.cell(names.b, 'mentors').getByText('belum ada pendamping').count(), 1, 'B: no mentor, in words');
        assert.equal(await cases.cell(names.c, 'stalled').getByText('tidak macet').count(), 1, 'C: not stalled, in words');
        assert.equal(await shown(names.c, 'overdue'), '0', 'C: nothing overdue');

        // When they sort by overdue obligations (the column's header), the overdue kampung come first
        await table.getByRole('button', { name: 'Terlambat', exact: true }).click();
        await desk.waitForURL(/sort=overdue/);
        await eventually(async () => assert.equal((await cases.names()).at(-1), names.c, 'C, with nothing overdue, last'));
        assert.equal(await table.getByRole('columnheader', { name: 'Terlambat' }).getAttribute('aria-sort'), 'descending');

        // When they open kampung C, its move to Survei is told once: in the full timeline, with the
        // data it carried; the stage progress beside it marks the stage without repeating the history
        await cases.caseLink(names.c).click();
        const kampung = new CasePage(desk);
        await kampung.waitForStage('Survei');
        await kampung.move('Usulan', 'Survei').filter({ hasText: 'Tim survei Dinas Sosial dan kelurahan' }).waitFor();
        assert.equal(await desk.getByText('Usulan → Survei').count(), 1, 'the move is shown once on the page');
        assert.equal(await desk.getByText('Tim survei Dinas Sosial dan kelurahan').count(), 1, 'its data too');
        assert.equal(await desk.getByRole('region', { name: 'Riwayat tahap' }).count(), 0, 'no second history');
        const progress = kampung.stageProgress();
        assert.equal((await progress.locator('[aria-current="step"]').innerText()).trim().split('\n')[0]?.trim(), 'Survei');
        assert.equal(await progress.locator('[data-state="passed"]').count(), 1, 'Usulan passed');
        assert.equal(await progress.locator('time').count(), 0, 'no dates: not a history');
      });
    } finally {
      await browser.close();
      if (!restored) await restore();
      // Withdraw the test's kampung, so their escalated deadlines leave other lists alone.
      for (const [key, id] of Object.entries(ids)) {
        const from = key === 'c' ? 'SURVEY' : 'PROPOSAL';
        await api.call('POST', `/api/cases/${id}/transitions`, { to: 'WITHDRAWN', reason: 'Uji e2e selesai.', data: validData(from, 'WITHDRAWN') });
      }
    }
  },
);
