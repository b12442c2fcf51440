/**
 * Issue 14, defect 10, on a phone: the audit log is filtered by a kampung found by its name (no
 * UUID to paste), and its entries read in words, without raw ids or keys.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { proposal } from '@kampung/tools/client/api-client';
import { AuditPage } from './pages/AuditPage';
import { phonePage } from './support/phone';
import { ADMIN_EMAIL, ADMIN_PASSWORD, Api, eventually, launchChromium, screenshotOnFailure, signIn, SKIP_WITHOUT_APP } from './support/e2e';

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

test(
  'the admin finds a kampung\'s audit entries by typing its name, and reads them in words without ids',
  { skip: SKIP_WITHOUT_APP, timeout: 180_000 },
  async () => {
    assert.ok(ADMIN_EMAIL && ADMIN_PASSWORD, 'E2E_ADMIN_EMAIL and E2E_ADMIN_PASSWORD must be set');
    const api = await Api.signIn(ADMIN_EMAIL, ADMIN_PASSWORD);
    // Given a kampung proposed and then put on hold, with a reason
    const word = `Audit${Date.now().toString(36)}`;
    const created = await eventually(async () => {
      const answer = await api.call<{ id: string }>('POST', '/api/cases', proposal({ name: `Kampung ${word}` }));
      assert.notEqual(answer.status, 503, 'the workflow service answers');
      return answer;
    }, 60_000);
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const caseId = created.body.id;
    const held = await api.call('POST', `/api/cases/${caseId}/transitions`, { to: 'ON_HOLD', reason: 'Menunggu kepastian lahan', data: {} });
    assert.equal(held.status, 200, JSON.stringify(held.body));

    const browser = await launchChromium();
    try {
      const page = await phonePage(browser);
      await screenshotOnFailure(page, 'audit-words', async () => {
        // When the admin opens the audit log and types part of the kampung's name
        await signIn(page, ADMIN_EMAIL, ADMIN_PASSWORD);
        const audit = new AuditPage(page);
        await audit.openFromHeader();
        const filters = page.getByRole('search', { name: 'Saring log audit' });
        await filters.getByLabel('Cari kampung', { exact: true }).fill(word);
        // Then the kampung is offered by name, and they choose it
        const picker = filters.getByLabel('Kampung', { exact: true });
        await picker.locator('option', { hasText: `Kampung ${word}` }).waitFor({ state: 'attached' });
        await picker.selectOption({ label: `Kampung ${word} — Kel. Karanganyar Gunung` }).catch(async () => {
          const option = await picker.locator('option', { hasText: `Kampung ${word}` }).getAttribute('value');
          await picker.selectOption(option ?? '');
        });
        const [answer] = await Promise.all([
          page.waitForResponse((r) => new URL(r.url()).pathname === '/api/audit' && new URL(r.url()).searchParams.has('case')),
          filters.getByRole('button', { name: 'Terapkan', exact: true }).click(),
        ]);
        assert.equal(new URL(answer.url()).searchParams.get('case'), caseId, 'the log is asked for that kampung');

        // And the entries are that kampung's, in words: the hold with its reason and the stage by name, no ids
        const hold = audit.entry('Menunggu kepastian lahan');
        await hold.waitFor();
        await hold.filter({ hasText: 'Ditangguhkan' }).filter({ hasText: 'Tahap' }).waitFor();
        const entries = page.getByTestId('audit-entry');
        assert.ok((await entries.count()) >= 2, 'the proposal and the hold');
        // (what each entry is about and what changed; the request id stays, as a reference to the server's log)
        for (const text of await entries.locator('.work-card__title, .audit-entry__subject, .audit-changes').allInnerTexts()) {
          assert.doesNotMatch(text, UUID, `no id in: ${text}`);
        }
      });
    } finally {
      await browser.close();
    }
  },
);
