import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEMO_USERS } from '@kampung/tools/demo/demo-users';
import { CaseWorkPage } from './pages/CaseWorkPage';
import { InboxPage } from './pages/InboxPage';
import { MonitoringSection } from './pages/MonitoringSection';
import { RedReportsPage } from './pages/RedReportsPage';
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
  walkCaseTo,
} from './support/e2e';

// The stack signs in the demo users; the officer is one of them.
const OFFICER = DEMO_USERS.find((user) => user.role === 'OFFICER')!;
/** The demo mentor takes the position over (a mentor's position goes to a mentor or an officer). */
const MENTOR = DEMO_USERS.find((user) => user.role === 'MENTOR')!;
const PROGRAM = 'KAMPUNG_SEJAHTERA_MANDIRI';

interface User {
  id: string;
  name: string;
  role: string;
}
interface Obligation {
  kind: string;
  status: string;
  periodLabel: string | null;
  dueAt: string;
}

test(
  'an officer sends a red monitoring report that must be explained, the admin finds it in the inbox, hands the position over and waives an obligation',
  { skip: SKIP_WITHOUT_APP, timeout: 180_000 },
  async () => {
    assert.ok(ADMIN_EMAIL && ADMIN_PASSWORD, 'E2E_ADMIN_EMAIL and E2E_ADMIN_PASSWORD must be set');
    assert.ok(OFFICER, 'the demo users include an officer');
    const api = await Api.signIn(ADMIN_EMAIL, ADMIN_PASSWORD);
    const admin = (await api.call<User>('GET', '/api/me')).body;
    const officer = (await api.call<User[]>('GET', '/api/users')).body.find((u) => u.name === OFFICER.name);
    assert.ok(officer, `${OFFICER.name} is a user`);
    const name = `Kampung Laporan E2E ${Date.now().toString(36)}`;

    // Given a kampung in implementation, with the officer as its mentor
    const created = await api.call<{ id: string }>('POST', '/api/cases', {
      programCode: PROGRAM,
      kelurahanCode: '36.71.07.1013',
      rw: '5',
      name,
      theme: 'Kampung Uji Laporan Monitoring',
      profile: { households: 90, poorHouseholds: 25, potentials: [], problems: [] },
      proposer: { name: 'Uji', organisation: 'RW 005' },
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const caseId = created.body.id;
    await walkCaseTo(api, caseId, 'IMPLEMENTATION');
    const assigned = await api.call('POST', `/api/cases/${caseId}/assignments`, { userId: officer.id, role: 'MENTOR', lead: true });
    assert.equal(assigned.status, 201, JSON.stringify(assigned.body));
    // And its first monthly report obligation open
    const period = await eventually(async () => {
      const { items } = (await api.call<{ items: Obligation[] }>('GET', `/api/obligations?case=${caseId}&kind=MONITORING_REPORT`)).body;
      const open = items.find((o) => o.periodLabel && ['UPCOMING', 'DUE', 'OVERDUE', 'ESCALATED'].includes(o.status));
      assert.ok(open?.periodLabel, 'a monitoring report obligation is open');
      return open.periodLabel;
    });
    const policy = (await api.call<{ policy: { monitoringTargetPercent: number } }>('GET', `/api/programs/${PROGRAM}/policy`)).body.policy;
    const target = policy.monitoringTargetPercent;
    assert.ok(target >= 10, `a target to fall short of (${target}%)`);
    const progress = String(target - 10);

    const browser = await launchChromium();
    try {
      // When the officer opens the case on a phone
      const phone = await signedInPage(browser, OFFICER.email, OFFICER.password, { phone: true });
      await screenshotOnFailure(phone, 'monitoring-handover', async () => {
        const kampung = new CaseWorkPage(phone);
        await kampung.open(caseId);
        const monitoring = new MonitoringSection(phone);
        await monitoring.form().waitFor();

        // Then the report form starts at the period of the open obligation
        await eventually(async () => assert.equal(await monitoring.field('Periode (bulan)').inputValue(), period));

        // When they report progress below the target without an explanation
        await monitoring.fill({ progress, budget: '45000000', problems: 'Material bangunan datang terlambat.' });
        await monitoring.explanationMessages().filter({ hasText: `di bawah target program ${target}%` }).waitFor();
        await monitoring.submitRefused();

        // Then the explanation is required, saying why
        await monitoring.explanationMessages().locator('.field__error').filter({ hasText: `di bawah target ${target}%` }).waitFor();
        assert.equal(await monitoring.report(period).count(), 0, 'nothing was sent');

        // When they explain and send it
        const explanation = 'Hujan deras dua minggu; pengecoran ditunda.';
        await monitoring.field('Penjelasan').fill(explanation);
        const sent = await monitoring.submit();
        assert.equal(sent.status(), 201, await sent.text());

        // Then the case shows the report marked red with its explanation, and the obligation fulfilled
        const report = monitoring.report(period);
        await report.getByTestId('report-red').filter({ hasText: 'Merah' }).waitFor();
        await report.getByTestId('report-explanation').filter({ hasText: explanation }).waitFor();
        await kampung.showClosed();
        await kampung.obligation('Laporan monitoring', 'Terpenuhi').first().waitFor();
        await assertNoHorizontalScroll(phone);
      });

      // When the admin opens their inbox
      const desk = await signedInPage(browser, ADMIN_EMAIL, ADMIN_PASSWORD);
      await screenshotOnFailure(desk, 'monitoring-handover', async () => {
        const inbox = new InboxPage(desk);
        await inbox.openFromHeader();

        // Then the red report is there, with its progress, linking to the case
        const item = inbox.redReport(name);
        await item.filter({ hasText: `progres ${progress}%` }).waitFor();
        assert.match(await item.innerText(), /Laporan merah/);

        // And the red reports page lists it too
        const red = new RedReportsPage(desk);
        await red.openFromHeader();
        await red.report(name, period).waitFor();

        // When they open the case from the inbox and hand the officer's position over to themselves
        await inbox.openFromHeader();
        await inbox.redReport(name).getByRole('link', { name, exact: true }).click();
        const kampung = new CaseWorkPage(desk);
        await kampung.team().waitFor();
        const member = kampung.member(officer.name, 'Pendamping');
        const handedOver = await kampung.handOver(member, MENTOR.name, 'Petugas cuti tiga bulan.');
        assert.equal(handedOver.status(), 200, await handedOver.text());

        // Then the team shows the handover in its history: from whom, to whom, why and by whom
        const entry = kampung.handovers().filter({ hasText: `${officer.name} → ${MENTOR.name}` });
        await entry.filter({ hasText: 'Petugas cuti tiga bulan.' }).filter({ hasText: `oleh ${admin.name}` }).waitFor();
        assert.match(await entry.innerText(), /\d+ kewajiban dipindahkan/);
        await kampung.team().getByTestId('team-member').locator('.item-list__title').filter({ hasText: MENTOR.name }).waitFor();

        // When they waive the open evaluation with a reason
        const evaluation = kampung.obligations().locator('[data-testid="obligation"][data-kind="EVALUATION"]').first();
        const itsId = await evaluation.getAttribute('data-id');
        const waived = await kampung.waive(evaluation, 'Evaluasi digabung dengan evaluasi tahunan kota.');
        assert.equal(waived.status(), 200, await waived.text());

        // Then it shows as waived, with the reason
        const after = kampung.obligations().locator(`[data-id="${itsId}"]`);
        await kampung.showClosed();
        await after.filter({ has: desk.getByTestId('obligation-status').filter({ hasText: 'Dibebaskan' }) }).waitFor();
        await after.getByTestId('waived-reason').filter({ hasText: 'Evaluasi digabung dengan evaluasi tahunan kota.' }).waitFor();

        // When they end the mentor's assignment with a reason (the mentor leaves the program)
        const leaving = kampung.member(MENTOR.name, 'Pendamping');
        const ended = await kampung.endAssignment(leaving, 'Pendamping pindah ke program lain.');
        assert.equal(ended.status(), 200, await ended.text());

        // Then the team shows the end and its reason, and offers no more actions on that position
        const endedMember = kampung.member(MENTOR.name, 'Pendamping');
        await endedMember.filter({ hasText: 'Diakhiri: Pendamping pindah ke program lain.' }).waitFor();
        assert.equal(await endedMember.getByRole('button', { name: 'Akhiri penugasan' }).count(), 0);
      });
    } finally {
      await browser.close();
    }
  },
);
