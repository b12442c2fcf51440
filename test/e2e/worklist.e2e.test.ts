import assert from 'node:assert/strict';
import { test } from 'node:test';
import { wibWeek } from '@kampung/domain/wib-week';
import { CaseWorkPage } from './pages/CaseWorkPage';
import { WorklistPage } from './pages/WorklistPage';
import {
  ADMIN_EMAIL,
  ADMIN_PASSWORD,
  Api,
  assertNoHorizontalScroll,
  eventually,
  launchChromium,
  MENTOR_EMAIL,
  MENTOR_PASSWORD,
  newAppPage,
  screenshotOnFailure,
  signIn,
  SKIP_WITHOUT_APP,
} from './support/e2e';

const PROGRAM = 'KAMPUNG_SEJAHTERA_MANDIRI';
const STATUS_LABELS = ['Akan datang', 'Jatuh tempo', 'Terlambat', 'Dieskalasi', 'Terpenuhi', 'Dibebaskan', 'Dibatalkan'];

interface Policy {
  version: number;
  policy: { visitCadence: Record<string, string> } & Record<string, unknown>;
}

test(
  'a mentor sees the visit due on their phone worklist, logs it in one tap, and the case shows the obligation fulfilled',
  { skip: SKIP_WITHOUT_APP, timeout: 120_000 },
  async () => {
    assert.ok(ADMIN_EMAIL && ADMIN_PASSWORD && MENTOR_EMAIL && MENTOR_PASSWORD, 'E2E_ADMIN_* and E2E_MENTOR_* must be set');
    const api = await Api.signIn(ADMIN_EMAIL, ADMIN_PASSWORD);
    const mentor = await Api.signIn(MENTOR_EMAIL, MENTOR_PASSWORD);
    const me = (await mentor.call<{ id: string; name: string }>('GET', '/api/me')).body;
    const name = `Kampung Kerja E2E ${Date.now().toString(36)}`;

    // Given a program policy whose mentor visits fall due within this calendar week, Monday to Sunday
    // in WIB (the default is every 14 days): hours, up to two days, before the week ends
    const hoursLeft = Math.floor((wibWeek(new Date()).end.getTime() - Date.now()) / 3_600_000);
    const cadence = `PT${Math.max(1, Math.min(48, hoursLeft - 1))}H`;
    const current = (await api.call<Policy>('GET', `/api/programs/${PROGRAM}/policy`)).body;
    const changed = await api.call<Policy>('PUT', `/api/programs/${PROGRAM}/policy`, {
      baseVersion: current.version,
      changeNote: `Uji e2e: kunjungan pendamping tiap ${cadence}`,
      policy: { ...current.policy, visitCadence: { ...current.policy.visitCadence, MENTOR: cadence } },
    });
    assert.equal(changed.status, 200, JSON.stringify(changed.body));

    const browser = await launchChromium();
    try {
      // And a kampung with the demo mentor assigned to it
      const created = await api.call<{ id: string }>('POST', '/api/cases', {
        programCode: PROGRAM,
        kelurahanCode: '36.71.07.1013',
        rw: '4',
        name,
        theme: 'Kampung Uji Daftar Kerja',
        profile: { households: 100, poorHouseholds: 20, potentials: [], problems: [] },
        proposer: { name: 'Uji', organisation: 'RW 004' },
      });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      const caseId = created.body.id;
      const assigned = await api.call('POST', `/api/cases/${caseId}/assignments`, { userId: me.id, role: 'MENTOR', lead: true });
      assert.equal(assigned.status, 201, JSON.stringify(assigned.body));
      await eventually(async () => {
        const work = (await mentor.call<{ dueThisWeek: { caseId: string }[] }>('GET', '/api/me/worklist')).body;
        assert.ok(work.dueThisWeek.some((o) => o.caseId === caseId), 'the first visit is due this week');
      });

      const page = await newAppPage(browser, { phone: true });
      await screenshotOnFailure(page, 'worklist', async () => {
        // When they sign in on a phone and open the case
        await signIn(page, MENTOR_EMAIL, MENTOR_PASSWORD);
        const kampung = new CaseWorkPage(page);
        await kampung.open(caseId);

        // Then the team shows them as mentor, and a visit obligation with its status
        await kampung.member(me.name, 'Pendamping').waitFor();
        const visit = kampung.obligation('Kunjungan').first();
        await visit.waitFor();
        const status = (await visit.getByTestId('obligation-status').innerText()).trim();
        assert.ok(STATUS_LABELS.includes(status), `a known status label: ${status}`);
        assert.equal(await kampung.obligation('Kunjungan', 'Terpenuhi').count(), 0, 'nothing fulfilled yet');

        // When they open their worklist and log the visit from the case's card
        const worklist = new WorklistPage(page);
        await worklist.openFromHeader();
        const card = worklist.card(name, 'Jatuh tempo minggu ini');
        await card.waitFor();
        await assertNoHorizontalScroll(page);
        const saved = await worklist.logVisit(card, 'Pendampingan pembukuan kelompok usaha');
        assert.equal(saved.status(), 201, await saved.text());

        // Then the worklist confirms it, and the case (opened from the confirmation) shows the visit obligation fulfilled
        const confirmation = worklist.logged();
        await confirmation.filter({ hasText: 'Kunjungan tercatat' }).waitFor();
        await confirmation.getByRole('link', { name, exact: true }).click();
        await kampung.team().waitFor();
        await kampung.showClosed();
        await kampung.obligation('Kunjungan', 'Terpenuhi').first().waitFor();
      });
    } finally {
      await browser.close();
      // Put the program's policy back as it was for other tests.
      const latest = (await api.call<Policy>('GET', `/api/programs/${PROGRAM}/policy`)).body;
      await api.call('PUT', `/api/programs/${PROGRAM}/policy`, {
        baseVersion: latest.version,
        changeNote: 'Uji e2e: kembalikan kebijakan',
        policy: current.policy,
      });
    }
  },
);
