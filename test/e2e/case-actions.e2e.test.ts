/**
 * Issue 14, defect 4, on a phone in Indonesian: a case page offers only the actions the role and the
 * workflow allow (`allowedTransitions`, the role's policy, the case's state, the agency's own
 * activities), so nothing offered is then refused.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEMO_USERS } from '@kampung/tools/demo/demo-users';
import { CasePage } from './pages/CasePage';
import { unfold } from './pages/fold';
import { moveMenu, openMoveMenu, seedCase } from './support/case-helpers';
import { phonePage } from './support/phone';
import { ADMIN_EMAIL, ADMIN_PASSWORD, Api, launchChromium, screenshotOnFailure, signIn, SKIP_WITHOUT_APP, walkCaseTo } from './support/e2e';

const demo = (role: string) => DEMO_USERS.find((user) => user.role === role)!;
const ARCHITECT = demo('IAI_ARCHITECT');
const MENTOR = demo('MENTOR');
const AGENCY = demo('AGENCY_STAFF');
const today = () => new Date().toISOString().slice(0, 10);

interface User {
  id: string;
  name: string;
}
async function userNamed(api: Api, name: string): Promise<User> {
  const user = (await api.call<User[]>('GET', '/api/users')).body.find((u) => u.name === name);
  assert.ok(user, `${name} is a user`);
  return user;
}

test(
  'a case page offers only what the role and the workflow allow: the moves the case can make, a required reason marked, no visit on hold, no architect menu, no recording on another agency\'s activity',
  { skip: SKIP_WITHOUT_APP, timeout: 240_000 },
  async () => {
    assert.ok(ADMIN_EMAIL && ADMIN_PASSWORD, 'E2E_ADMIN_EMAIL and E2E_ADMIN_PASSWORD must be set');
    const api = await Api.signIn(ADMIN_EMAIL, ADMIN_PASSWORD);
    const suffix = Date.now().toString(36);
    // Given a fresh proposal with the demo architect and the demo mentor on its team
    const caseId = await seedCase(api, `Kampung Aksi E2E ${suffix}`);
    const architect = await userNamed(api, ARCHITECT.name);
    const mentor = await userNamed(api, MENTOR.name);
    for (const [user, role] of [[architect, 'IAI_ARCHITECT'], [mentor, 'MENTOR']] as const) {
      const assigned = await api.call('POST', `/api/cases/${caseId}/assignments`, { userId: user.id, role, lead: true });
      assert.equal(assigned.status, 201, JSON.stringify(assigned.body));
    }
    // And a kampung in implementation with one activity of Disnaker and one of Diskominfo
    const implementing = await seedCase(api, `Kampung Kegiatan E2E ${suffix}`);
    await walkCaseTo(api, implementing, 'IMPLEMENTATION');
    const titles = { DISNAKER: `Pelatihan las ${suffix}`, DISKOMINFO: `Pemasaran daring ${suffix}` };
    for (const [agencyCode, title] of Object.entries(titles)) {
      const added = await api.call('POST', `/api/cases/${implementing}/activities`, {
        agencyCode,
        title,
        kind: 'TRAINING',
        quota: 10,
        budget: 1_000_000,
        budgetSource: 'APBD',
        sponsor: null,
        sessions: [{ date: today(), topic: 'Pertemuan pertama' }],
      });
      assert.equal(added.status, 201, JSON.stringify(added.body));
    }

    const browser = await launchChromium();
    try {
      // When the architect opens the proposal on a phone: they have no move from it
      const architectPage = await phonePage(browser);
      await screenshotOnFailure(architectPage, 'case-actions-architect', async () => {
        await signIn(architectPage, ARCHITECT.email, ARCHITECT.password);
        await architectPage.goto(`/cases/${caseId}`);
        const kampung = new CasePage(architectPage);
        await kampung.waitForStage('Usulan');
        // Then there is no move menu at all, only the words that there is no next step
        await kampung.nextSteps().filter({ hasText: 'Tidak ada langkah berikutnya' }).waitFor();
        assert.equal(await moveMenu(architectPage).count(), 0, 'no "Pindah ke tahap…" for an architect with no next step');
      });

      const page = await phonePage(browser);
      const moves: string[] = [];
      page.on('request', (r) => {
        if (r.method() === 'POST' && r.url().endsWith(`/api/cases/${caseId}/transitions`)) moves.push(r.postData() ?? '');
      });
      await screenshotOnFailure(page, 'case-actions-admin', async () => {
        // When the admin opens the same proposal
        await signIn(page, ADMIN_EMAIL, ADMIN_PASSWORD);
        await page.goto(`/cases/${caseId}`);
        const kampung = new CasePage(page);
        await kampung.waitForStage('Usulan');
        const team = page.getByRole('region', { name: 'Tim pendamping' });
        // Folded at first on a phone
        await unfold(team);
        const logVisit = team.getByRole('button', { name: `Catat kunjungan ${MENTOR.name}`, exact: true });
        await logVisit.waitFor();

        // Then "Pindah ke tahap…" lists only what the workflow allows from a proposal without stage data
        const menu = await openMoveMenu(page);
        const target = menu.getByLabel('Tahap tujuan', { exact: true });
        const options = (await target.locator('option').allInnerTexts()).map((o) => o.trim());
        assert.deepEqual(options, ['— pilih —', 'Ditarik', 'Ditangguhkan']);

        // And a hold is marked as needing a reason, and is not sent without one
        await target.selectOption({ label: 'Ditangguhkan' });
        const reason = menu.getByLabel('Alasan', { exact: true });
        assert.equal(await reason.getAttribute('aria-required'), 'true');
        await menu.filter({ hasText: 'wajib' }).waitFor();
        await menu.getByRole('button', { name: 'Ajukan', exact: true }).click();
        await menu.locator('.field__error').filter({ hasText: 'Wajib diisi.' }).waitFor();
        assert.deepEqual(moves, [], 'nothing is sent without the reason');

        // When they give the reason and hold the kampung
        await reason.fill('Menunggu kepastian lahan');
        const [held] = await Promise.all([
          page.waitForResponse((r) => r.url().endsWith(`/api/cases/${caseId}/transitions`) && r.request().method() === 'POST'),
          menu.getByRole('button', { name: 'Ajukan', exact: true }).click(),
        ]);
        assert.equal(held.status(), 200, await held.text());
        await kampung.waitForStage('Ditangguhkan');

        // Then no visit can be logged on it, and the team section says why
        await team.filter({ hasText: 'sedang ditunda' }).waitFor();
        assert.equal(await logVisit.count(), 0, 'no "Catat kunjungan" on a kampung on hold');
        // And the menu offers only the resume
        const resumeOptions = (await (await openMoveMenu(page)).getByLabel('Tahap tujuan', { exact: true }).locator('option').allInnerTexts()).map((o) => o.trim());
        assert.deepEqual(resumeOptions, ['— pilih —', 'Usulan']);
      });

      // When Disnaker's staff open the kampung in implementation
      const agencyPage = await phonePage(browser);
      await screenshotOnFailure(agencyPage, 'case-actions-agency', async () => {
        await signIn(agencyPage, AGENCY.email, AGENCY.password);
        await agencyPage.goto(`/cases/${implementing}`);
        const section = agencyPage.getByRole('region', { name: 'Kegiatan' });
        const card = (title: string) =>
          section.locator('[data-testid="activity"]').filter({ has: agencyPage.getByRole('heading', { name: title, exact: true }) });
        // Then they record on their own agency's activity, and are offered nothing on Diskominfo's
        await card(titles.DISNAKER).getByRole('button', { name: 'Daftarkan peserta', exact: true }).waitFor();
        await card(titles.DISKOMINFO).waitFor();
        assert.equal(await card(titles.DISKOMINFO).getByRole('button').count(), 0, "no actions on another agency's activity");
      });
    } finally {
      await browser.close();
    }
  },
);
