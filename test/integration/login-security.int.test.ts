import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ApiClient } from './support/api-client';
import { env } from './support/env';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const LOCK_SECONDS = Number(process.env.LOGIN_LOCK_SECONDS);

async function attempt(email: string, password: string) {
  const res = await fetch(`${env.appUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
  return { status: res.status, retryAfter: res.headers.get('retry-after'), body: (await res.json()) as { code: string; detail: string } };
}

describe('sign-in: temporary lockout and signing out everywhere', () => {
  test('five failed sign-ins lock the account for a while, even for the right password; the lock ends and a success clears the count', async () => {
    assert.ok(LOCK_SECONDS > 0 && LOCK_SECONDS <= 10, 'the test stack locks for a few seconds');
    const viewer = env.viewer();
    for (let i = 0; i < 5; i++) {
      const wrong = await attempt(viewer.email, `salah-${i}`);
      assert.equal(wrong.status, 401, `failure ${i + 1} is a plain 401`);
    }
    const locked = await attempt(viewer.email, viewer.password);
    assert.equal(locked.status, 429, 'locked: the right password is refused too');
    assert.equal(locked.body.code, 'TOO_MANY_ATTEMPTS');
    const retryAfter = Number(locked.retryAfter);
    assert.ok(retryAfter >= 1 && retryAfter <= LOCK_SECONDS, `Retry-After ${locked.retryAfter}`);

    await sleep(retryAfter * 1000 + 200);
    assert.equal((await attempt(viewer.email, viewer.password)).status, 200, 'the lock has ended');
    // The success cleared the count: four more failures do not lock.
    for (let i = 0; i < 4; i++) assert.equal((await attempt(viewer.email, 'salah')).status, 401);
    assert.equal((await attempt(viewer.email, viewer.password)).status, 200, 'four failures after a success do not lock');
  });

  test('an unknown email is answered as a known one: the same 401, and the same lock', async () => {
    const unknown = `tidak-ada-${Date.now()}@kampung.demo`;
    const known = await attempt(env.admin().email, 'salah');
    const first = await attempt(unknown, 'salah');
    assert.deepEqual([first.status, first.body.code, first.body.detail], [known.status, known.body.code, known.body.detail], 'nothing tells that the account does not exist');
    for (let i = 0; i < 4; i++) await attempt(unknown, 'salah');
    assert.equal((await attempt(unknown, 'salah')).status, 429, 'an unknown email locks like a known one');
    // The admin's one failure is cleared by the next success (other tests sign in as admin).
    assert.equal((await attempt(env.admin().email, env.admin().password)).status, 200);
  });

  test('signing out everywhere ends every session of the user, on every device', async () => {
    const phone = await ApiClient.signedIn(env.officer());
    const laptop = await ApiClient.signedIn(env.officer());
    const other = await ApiClient.signedIn(env.viewer());
    assert.equal((await phone.get('/api/me')).status, 200);
    const out = await laptop.post('/api/auth/logout-everywhere');
    assert.equal(out.status, 204);
    assert.equal((await phone.get('/api/me')).status, 401, 'the phone is signed out');
    assert.equal((await laptop.get('/api/me')).status, 401, 'and the laptop');
    assert.equal((await other.get('/api/me')).status, 200, "another user's session goes on");
    assert.equal((await new ApiClient().post('/api/auth/logout-everywhere')).status, 401, 'only for someone signed in');
    assert.equal((await (await ApiClient.signedIn(env.officer())).get('/api/me')).status, 200, 'signing in again works');
  });
});
