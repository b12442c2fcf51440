import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEMO_USERS } from '@kampung/tools/demo/demo-users';
import { validData } from '../integration/support/stage-data';
import { CasePage } from './pages/CasePage';
import {
  ADMIN_EMAIL,
  ADMIN_PASSWORD,
  Api,
  assertNoHorizontalScroll,
  launchChromium,
  screenshotOnFailure,
  signedInPage,
  SKIP_WITHOUT_APP,
  AUDITOR_EMAIL,
  AUDITOR_PASSWORD,
} from './support/e2e';

const OFFICER = DEMO_USERS.find((user) => user.role === 'OFFICER')!;

interface User {
  id: string;
  name: string;
}

test(
  'the case page shows the full timeline: a move with its reason, an assignment and a visit, each with who and when; admins get the Temporal UI link',
  { skip: SKIP_WITHOUT_APP, timeout: 120_000 },
  async () => {
    assert.ok(ADMIN_EMAIL && ADMIN_PASSWORD && AUDITOR_EMAIL && AUDITOR_PASSWORD, 'the admin and viewer logins must be set');
    const api = await Api.signIn(ADMIN_EMAIL, ADMIN_PASSWORD);
    const admin = (await api.call<User>('GET', '/api/me')).body;
    const officer = (await api.call<User[]>('GET', '/api/users')).body.find((u) => u.name === OFFICER.name);
    assert.ok(officer, `${OFFICER.name} is a user`);
    const name = `Kampung Riwayat E2E ${Date.now().toString(36)}`;
    const reason = 'Survei dipercepat atas permintaan lurah.';
    const notes = 'Rapat warga membahas rencana drainase.';

    // Given a kampung moved to Survei with a reason, the officer assigned as its mentor, and a visit they logged
    const created = await api.call<{ id: string }>('POST', '/api/cases', {
      programCode: 'KAMPUNG_TEMATIK',
      kelurahanCode: '33.74.13.1003',
      rw: '4',
      name,
      theme: 'Kampung Uji Riwayat',
      profile: { households: 70, poorHouseholds: 15, potentials: [], problems: [] },
      proposer: { name: 'Uji', organisation: 'RW 004' },
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const caseId = created.body.id;
    const moved = await api.call('POST', `/api/cases/${caseId}/transitions`, { to: 'SURVEY', reason, data: validData('PROPOSAL', 'SURVEY') });
    assert.equal(moved.status, 200, JSON.stringify(moved.body));
    const assigned = await api.call<{ id: string }>('POST', `/api/cases/${caseId}/assignments`, { userId: officer.id, role: 'MENTOR', lead: true });
    assert.equal(assigned.status, 201, JSON.stringify(assigned.body));
    const mentor = await Api.signIn(OFFICER.email, OFFICER.password);
    const visited = await mentor.call('POST', `/api/cases/${caseId}/visits`, {
      assignmentId: assigned.body.id,
      visitedOn: new Date().toISOString(),
      kind: 'MENTORING',
      notes,
      attendees: 14,
    });
    assert.equal(visited.status, 201, JSON.stringify(visited.body));

    const browser = await launchChromium();
    try {
      // When the admin opens the case
      const page = await signedInPage(browser, ADMIN_EMAIL, ADMIN_PASSWORD);
      await screenshotOnFailure(page, 'case-timeline', async () => {
        await page.goto(`/cases/${caseId}`);
        const kampung = new CasePage(page);
        await kampung.fullTimeline().waitFor();

        // Then the full timeline has the move, with who and why
        const move = kampung.event('TRANSITION', 'Pindah tahap: Usulan → Survei');
        await move.waitFor();
        await move.getByTestId('event-actor').filter({ hasText: `oleh ${admin.name}` }).waitFor();
        await move.getByTestId('event-reason').filter({ hasText: reason }).waitFor();
        // (the move's own time; the dates of the data it carried are listed under it)
        assert.match(await move.locator('.timeline__meta time').innerText(), /WIB$/, 'the time reads in WIB');

        // And the assignment, by the admin, and the visit, by the officer, with its notes
        const assignment = kampung.event('ASSIGNMENT', `${OFFICER.name} ditugaskan sebagai Pendamping`);
        await assignment.getByTestId('event-actor').filter({ hasText: `oleh ${admin.name}` }).waitFor();
        const visit = kampung.event('VISIT', `Kunjungan Pendampingan oleh ${OFFICER.name}`);
        await visit.filter({ hasText: '14 peserta' }).filter({ hasText: notes }).waitFor();
        await visit.getByTestId('event-actor').filter({ hasText: `oleh ${OFFICER.name}` }).waitFor();

        // And newest first: the visit before the assignment before the move
        const events = await kampung.fullTimeline().getByTestId('full-timeline-event').all();
        const kinds = await Promise.all(events.map((event) => event.getAttribute('data-kind')));
        const order = ['VISIT', 'ASSIGNMENT', 'TRANSITION'].map((kind) => kinds.indexOf(kind));
        assert.ok(order.every((index, i) => index >= 0 && (i === 0 || index > order[i - 1]!)), `newest first: ${kinds.join(', ')}`);

        // And, for an admin, a link to the case's workflow in the Temporal UI, opening a new tab
        const link = kampung.fullTimeline().getByRole('link', { name: /^Buka di Temporal UI/ });
        assert.equal(await link.getAttribute('target'), '_blank', 'the Temporal UI opens in a new tab');
        assert.match((await link.getAttribute('href')) ?? '', new RegExp(`case-${caseId}`), 'the link names the case\'s workflow');
      });

      // When a viewer opens it on a phone (where it is folded at first), then they see the same timeline without the operators' link
      const phone = await signedInPage(browser, AUDITOR_EMAIL, AUDITOR_PASSWORD, { phone: true });
      await screenshotOnFailure(phone, 'case-timeline-viewer', async () => {
        await phone.goto(`/cases/${caseId}`);
        const kampung = new CasePage(phone);
        await kampung.showFullTimeline();
        await kampung.event('VISIT', `Kunjungan Pendampingan oleh ${OFFICER.name}`).waitFor();
        assert.equal(await kampung.fullTimeline().getByRole('link', { name: /Temporal UI/ }).count(), 0, 'no Temporal UI link for a viewer');
        await assertNoHorizontalScroll(phone);
      });
    } finally {
      await browser.close();
    }
  },
);
