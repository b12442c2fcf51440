import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createDb } from '@kampung/db';
import { UsersPage } from './pages/UsersPage';
import { ADMIN_EMAIL, ADMIN_PASSWORD, Api, launchChromium, screenshotOnFailure, signedInPage, SKIP_WITHOUT_APP } from './support/e2e';

test(
  "an admin finds a colleague's invitation that could not be delivered on the Pengguna page, with the mail server's answer",
  { skip: SKIP_WITHOUT_APP, timeout: 120_000 },
  async () => {
    // Given an invitation the worker gave up on (as mail-delivery.int.test.ts drives it there: refused, attempt after attempt)
    const admin = await Api.signIn(ADMIN_EMAIL, ADMIN_PASSWORD);
    const email = `salah-ketik-${Date.now()}@semarangkota.go.id`;
    const invited = await admin.call<{ id: string }>('POST', '/api/users', { email, name: 'Dewi Salah Ketik', role: 'OFFICER' });
    assert.equal(invited.status, 201, JSON.stringify(invited.body));
    const db = createDb(process.env.DATABASE_URL!, { max: 1 });
    try {
      await db
        .insertInto('outbox')
        .values({ dedupe_key: `dead-e2e:${invited.body.id}`, recipient_id: invited.body.id, template: 'USER_INVITED', payload: JSON.stringify({}), status: 'DEAD', attempts: 10, last_error: '550 5.1.1 mailbox unavailable', dead_at: new Date() })
        .execute();
    } finally {
      await db.destroy();
    }

    const browser = await launchChromium();
    try {
      const page = await signedInPage(browser, ADMIN_EMAIL, ADMIN_PASSWORD);
      await screenshotOnFailure(page, 'dead-letters', async () => {
        const users = new UsersPage(page);
        await users.openFromHeader();
        // Then the undelivered invitation is there, to whom, and why
        const item = users.deadLetters().getByRole('listitem').filter({ hasText: email });
        await item.waitFor();
        assert.match(await item.innerText(), /Undangan[\s\S]*Dewi Salah Ketik[\s\S]*10 percobaan[\s\S]*550 5\.1\.1 mailbox unavailable/);
      });
    } finally {
      await browser.close();
    }
  },
);
