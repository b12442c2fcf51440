/**
 * Issue 14, defect 5, on a phone in Indonesian: the assign form asks for the position first and then
 * the person, and changing the position keeps a person who may still hold it.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { proposal } from '@kampung/tools/client/api-client';
import { DEMO_USERS } from '@kampung/tools/demo/demo-users';
import { CasePage } from './pages/CasePage';
import { CaseWorkPage } from './pages/CaseWorkPage';
import { phonePage } from './support/phone';
import { ADMIN_EMAIL, ADMIN_PASSWORD, Api, eventually, launchChromium, screenshotOnFailure, signIn, SKIP_WITHOUT_APP } from './support/e2e';

const OFFICER = DEMO_USERS.find((user) => user.role === 'OFFICER')!;

test(
  'assigning a team member: the position comes above the person, and a person who may hold the new position stays chosen',
  { skip: SKIP_WITHOUT_APP, timeout: 180_000 },
  async () => {
    assert.ok(ADMIN_EMAIL && ADMIN_PASSWORD, 'E2E_ADMIN_EMAIL and E2E_ADMIN_PASSWORD must be set');
    const api = await Api.signIn(ADMIN_EMAIL, ADMIN_PASSWORD);
    const created = await eventually(async () => {
      const answer = await api.call<{ id: string }>('POST', '/api/cases', proposal({ name: `Kampung Tim E2E ${Date.now().toString(36)}` }));
      assert.notEqual(answer.status, 503, 'the workflow service answers');
      return answer;
    }, 60_000);
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const browser = await launchChromium();
    try {
      const page = await phonePage(browser);
      await screenshotOnFailure(page, 'assign-form', async () => {
        // Given the admin on a kampung's page, at the assign form
        await signIn(page, ADMIN_EMAIL, ADMIN_PASSWORD);
        await page.goto(`/cases/${created.body.id}`);
        await new CasePage(page).waitForStage('Usulan');
        await new CaseWorkPage(page).showTeam();
        const form = page.getByRole('form', { name: 'Tugaskan anggota tim' });
        const position = form.getByLabel('Peran', { exact: true });
        const person = form.getByLabel('Pengguna', { exact: true });
        await person.locator('option', { hasText: OFFICER.name }).waitFor({ state: 'attached' });

        // Then the position is asked first, above the person
        const [positionBox, personBox] = [await position.boundingBox(), await person.boundingBox()];
        assert.ok(positionBox && personBox && positionBox.y < personBox.y, 'Peran is above Pengguna');

        // When they choose the officer as mentor, then make the position "Petugas Dinas Sosial"
        await position.selectOption({ label: 'Pendamping' });
        await person.selectOption({ label: OFFICER.name });
        await position.selectOption({ label: 'Petugas Dinas Sosial' });

        // Then the officer stays chosen: an officer may hold that position too
        assert.equal(await person.locator('option:checked').innerText(), OFFICER.name);

        // When the position becomes one the officer may not hold
        await position.selectOption({ label: 'Arsitek IAI' });

        // Then the choice is cleared, and the list offers only who may hold it
        assert.equal(await person.inputValue(), '');
        assert.equal(await person.locator('option', { hasText: OFFICER.name }).count(), 0);

        // And an assignment made this way is saved with the position and the person chosen
        await position.selectOption({ label: 'Petugas Dinas Sosial' });
        await person.selectOption({ label: OFFICER.name });
        const [saved] = await Promise.all([
          page.waitForResponse((r) => r.url().endsWith(`/api/cases/${created.body.id}/assignments`) && r.request().method() === 'POST'),
          form.getByRole('button', { name: 'Tugaskan', exact: true }).click(),
        ]);
        assert.equal(saved.status(), 201, await saved.text());
        assert.deepEqual(
          { role: JSON.parse(saved.request().postData() ?? '{}').role, user: (await saved.json()).user.name },
          { role: 'DINSOS_OFFICER', user: OFFICER.name },
        );
      });
    } finally {
      await browser.close();
    }
  },
);
