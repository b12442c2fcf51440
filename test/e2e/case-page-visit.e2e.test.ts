/**
 * Issue 14, defect 2 and the field roles' phone layout: a mentor logs a visit from the case page on a
 * 390 × 844 phone (not on a case on hold, where it says why, as the worklist does); the header is one
 * slim row and a mentor navigates with a bar at the bottom, which covers nothing of the page; a
 * manager and an officer at a desk keep the header's navigation.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Obligation } from '@kampung/domain/obligation';
import type { CaseTimeline } from '@kampung/domain/case-timeline';
import { wibWeek } from '@kampung/domain/wib-week';
import { DEMO_USERS } from '@kampung/tools/demo/demo-users';
import { AppShell } from './pages/AppShell';
import { CaseWorkPage } from './pages/CaseWorkPage';
import { WorklistPage } from './pages/WorklistPage';
import { seedCase } from './support/case-helpers';
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
import { phonePage } from './support/phone';

// The program of the kampung `seedCase` proposes.
const PROGRAM = 'KAMPUNG_TEMATIK';
const MANAGER = DEMO_USERS.find((user) => user.role === 'MANAGER')!;
const OFFICER = DEMO_USERS.find((user) => user.role === 'OFFICER')!;

interface Policy {
  version: number;
  policy: { visitCadence: Record<string, string> } & Record<string, unknown>;
}

/** The element is wholly on screen, above the bottom bar (if there is one). */
function assertInView(what: string, box: { y: number; height: number } | null, bottom: number): void {
  assert.ok(box, `${what} is shown`);
  assert.ok(box.y >= 0 && box.y + box.height <= bottom, `${what} is in view (${Math.round(box.y)}–${Math.round(box.y + box.height)} px, screen ends at ${bottom} px)`);
}

test(
  'a mentor on a phone logs a visit from the case page and sees it confirmed; on a kampung on hold the case page and the worklist say why there is no visit to log',
  { skip: SKIP_WITHOUT_APP, timeout: 180_000 },
  async (t) => {
    assert.ok(ADMIN_EMAIL && ADMIN_PASSWORD && MENTOR_EMAIL && MENTOR_PASSWORD, 'E2E_ADMIN_* and E2E_MENTOR_* must be set');
    const api = await Api.signIn(ADMIN_EMAIL, ADMIN_PASSWORD);
    const mentor = await Api.signIn(MENTOR_EMAIL, MENTOR_PASSWORD);
    const me = (await mentor.call<{ id: string; name: string }>('GET', '/api/me')).body;
    const suffix = Date.now().toString(36);

    // Given mentor visits that fall due within this calendar week (so that they are on the worklist)
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
      // And two kampung with the demo mentor assigned, the second one put on hold
      const active = { name: `Kampung Kunjungan E2E ${suffix}`, id: '' };
      const held = { name: `Kampung Ditunda E2E ${suffix}`, id: '' };
      for (const kampung of [active, held]) {
        kampung.id = await seedCase(api, kampung.name);
        const assigned = await api.call('POST', `/api/cases/${kampung.id}/assignments`, { userId: me.id, role: 'MENTOR', lead: true });
        assert.equal(assigned.status, 201, JSON.stringify(assigned.body));
      }
      await eventually(async () => {
        const work = (await mentor.call<{ dueThisWeek: Obligation[] }>('GET', '/api/me/worklist')).body;
        for (const kampung of [active, held]) assert.ok(work.dueThisWeek.some((o) => o.caseId === kampung.id), `${kampung.name}'s visit is due this week`);
      });
      const onHold = await api.call('POST', `/api/cases/${held.id}/transitions`, { to: 'ON_HOLD', reason: 'Menunggu kepastian lahan', data: {} });
      assert.equal(onHold.status, 200, JSON.stringify(onHold.body));

      const page = await phonePage(browser);
      const shell = new AppShell(page);
      const kampung = new CaseWorkPage(page);
      await screenshotOnFailure(page, 'case-page-visit', async () => {
        // When the mentor signs in on a 390 × 844 phone
        await signIn(page, MENTOR_EMAIL, MENTOR_PASSWORD);

        // Then the header is one slim row, the header's list of pages is hidden, and the bottom bar offers the day's places
        const header = await shell.header().boundingBox();
        assert.ok(header && header.height <= 56, `the header is at most 56 px high (${header?.height} px)`);
        assert.equal(await shell.topNav().isVisible(), false, 'the header lists no pages on a phone');
        for (const name of ['Daftar kerja', 'Kasus', 'Kotak masuk']) {
          const link = shell.bottomLink(name);
          await link.waitFor();
          const box = await link.boundingBox();
          assert.ok(box && box.height >= 44 && box.width >= 44, `"${name}" is a large touch target (${box?.width} × ${box?.height} px)`);
        }

        // When they open the kampung and log a visit from its page
        await page.goto(`/cases/${active.id}`);
        await kampung.ownVisit().waitFor();
        const notes = `Pendampingan dari halaman kasus ${suffix}`;
        const saved = await kampung.logOwnVisit(notes);
        assert.equal(saved.status(), 201, await saved.text());

        // Then the confirmation is announced, and on screen above the bottom bar
        const confirmation = kampung.ownVisit().getByTestId('visit-saved');
        await confirmation.filter({ hasText: 'Kunjungan tercatat.' }).waitFor();
        assert.equal(await confirmation.getAttribute('role'), 'status');
        assert.equal(await confirmation.getAttribute('aria-live'), 'polite');
        assertInView('the confirmation', await confirmation.boundingBox(), await shell.bottomNavTop());

        // And the server has the visit once, and the visit obligation fulfilled
        await eventually(async () => {
          const timeline = (await api.call<CaseTimeline>('GET', `/api/cases/${active.id}/timeline`)).body;
          assert.equal(timeline.events.filter((e) => e.kind === 'VISIT').length, 1, 'one visit');
          const fulfilled = (await api.call<{ items: Obligation[] }>('GET', `/api/obligations?case=${active.id}&kind=VISIT&status=FULFILLED`)).body;
          assert.equal(fulfilled.items.length, 1, 'the visit obligation is fulfilled');
        });
        await kampung.showClosed();
        await kampung.obligation('Kunjungan', 'Terpenuhi').first().waitFor();

        // And at the end of the page, nothing is under the bottom bar
        await page.evaluate('window.scrollTo(0, document.documentElement.scrollHeight)');
        const last = page.locator('#main .card').last();
        const lastBox = await last.boundingBox();
        assert.ok(lastBox, 'the page ends with a card');
        const barTop = await shell.bottomNavTop();
        assert.ok(lastBox.y + lastBox.height <= barTop, `the last card ends (${Math.round(lastBox.y + lastBox.height)} px) above the bottom bar (${Math.round(barTop)} px)`);
        await assertNoHorizontalScroll(page);
        t.diagnostic(`case page height on a 390 × 844 phone, for the mentor: ${await page.evaluate<number>('document.documentElement.scrollHeight')} px`);

        // When they open the kampung on hold
        await page.goto(`/cases/${held.id}`);
        // Then there is no visit to log there, and it says why
        await kampung.ownVisit().getByTestId('visit-on-hold').filter({ hasText: 'sedang ditunda' }).waitFor();
        assert.equal(await page.getByRole('button', { name: 'Catat kunjungan', exact: true }).count(), 0, 'no "Catat kunjungan" on a case on hold');

        // And the worklist, opened from the bottom bar, offers no visit on its card either, and says why
        const worklist = new WorklistPage(page);
        await worklist.openFromHeader();
        const card = worklist.card(held.name);
        await card.getByTestId('visit-on-hold').filter({ hasText: 'sedang ditunda' }).waitFor();
        assert.equal(await card.getByRole('button', { name: 'Catat kunjungan', exact: true }).count(), 0, 'no "Catat kunjungan" on the held case\'s card');
      });
    } finally {
      await browser.close();
      // Put the program's policy back as it was for other tests.
      const latest = (await api.call<Policy>('GET', `/api/programs/${PROGRAM}/policy`)).body;
      await api.call('PUT', `/api/programs/${PROGRAM}/policy`, { baseVersion: latest.version, changeNote: 'Uji e2e: kembalikan kebijakan', policy: current.policy });
    }
  },
);

test(
  'the bottom bar is a field role\'s on a phone: a mentor at a desk, a manager and an officer keep the header\'s navigation',
  { skip: SKIP_WITHOUT_APP, timeout: 120_000 },
  async () => {
    const browser = await launchChromium();
    try {
      for (const [who, email, password] of [
        ['mentor', MENTOR_EMAIL, MENTOR_PASSWORD],
        ['manager', MANAGER.email, MANAGER.password],
        ['officer', OFFICER.email, OFFICER.password],
      ] as const) {
        const page = await newAppPage(browser);
        const shell = new AppShell(page);
        await screenshotOnFailure(page, `case-page-visit-desk-${who}`, async () => {
          // When they sign in at a desk
          await signIn(page, email, password);
          // Then the header lists their pages, and there is no bottom bar
          await shell.topNav().getByRole('link', { name: 'Daftar kasus', exact: true }).waitFor();
          assert.equal(await shell.bottomNav().isVisible(), false, `no bottom bar for the ${who} at a desk`);
        });
        await page.context().close();
      }

      // And a manager on a phone keeps the header's navigation, with no bottom bar
      const phone = await phonePage(browser);
      const shell = new AppShell(phone);
      await screenshotOnFailure(phone, 'case-page-visit-phone-manager', async () => {
        await signIn(phone, MANAGER.email, MANAGER.password);
        await shell.topNav().getByRole('link', { name: 'Dasbor', exact: true }).waitFor();
        assert.equal(await shell.bottomNav().count(), 0, 'no bottom bar for a manager');
      });
    } finally {
      await browser.close();
    }
  },
);
