import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { freePort } from '@kampung/tools/stack/postgres';
import { ApiClient } from './support/api-client';
import { startApiProcess, type ApiProcess } from './support/api-process';
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
    const viewer = env.auditor();
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
    const other = await ApiClient.signedIn(env.auditor());
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

describe('sign-in: a limit per source address', () => {
  test('after LOGIN_IP_MAX_FAILURES failed sign-ins from one address (to many emails), its sign-ins are refused for a while; other addresses sign in', async () => {
    // The API trusts X-Forwarded-For from the loopback proxy: this test's failures come from a
    // documentation address of its own, so no other test's sign-ins are affected.
    const address = `203.0.113.${1 + Math.floor(Math.random() * 250)}`;
    const from = (ip: string, email: string, password: string) =>
      fetch(`${env.appUrl}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': ip },
        body: JSON.stringify({ email, password }),
      });
    let refused: Response | undefined;
    let failures = 0;
    for (let i = 0; i < 60 && !refused; i++) {
      const res = await from(address, `tebak-${i}-${Date.now()}@kampung.demo`, 'salah');
      if (res.status === 429) refused = res;
      else {
        assert.equal(res.status, 401, `failure ${i + 1}`);
        failures += 1;
      }
    }
    assert.ok(refused, 'the address is limited within 60 failures');
    assert.equal(failures, 50, 'after exactly the default limit of 50 failures');
    assert.equal(((await refused.json()) as { code: string }).code, 'TOO_MANY_ATTEMPTS');
    assert.ok(Number(refused.headers.get('retry-after')) > 0, 'with Retry-After');
    const viewer = env.auditor();
    assert.equal((await from(address, viewer.email, viewer.password)).status, 429, 'even a right password from that address');
    assert.equal((await from('198.51.100.7', viewer.email, viewer.password)).status, 200, 'another address signs in');
  });
});

describe('sign-in: the per-address limit is shared by API replicas', () => {
  // A second API process on the same database: two replicas behind one load balancer.
  let second: ApiProcess;
  before(async () => {
    second = await startApiProcess(await freePort(), {});
  });
  after(() => {
    second?.child.kill('SIGKILL');
  });
  const from = (appUrl: string, ip: string, email: string, password: string) =>
    fetch(`${appUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': ip },
      body: JSON.stringify({ email, password }),
    });
  const newAddress = () => `203.0.113.${1 + Math.floor(Math.random() * 250)}`;

  test('failed sign-ins from one address, alternating between two replicas, are refused after the same 50 as with one replica', async () => {
    const address = newAddress();
    const replicas = [env.appUrl, second.url];
    let failures = 0;
    let refused: { res: Response; replica: string } | undefined;
    for (let i = 0; i < 120 && !refused; i++) {
      const replica = replicas[i % 2]!;
      const res = await from(replica, address, `tebak-replika-${i}-${Date.now()}@kampung.demo`, 'salah');
      if (res.status === 429) refused = { res, replica };
      else {
        assert.equal(res.status, 401, `failure ${i + 1}`);
        failures += 1;
      }
    }
    assert.ok(refused, 'the address is limited (in memory per replica it would get 50 on each: 100)');
    assert.equal(failures, 50, 'after the limit of 50 failures, counted across both replicas');
    assert.ok(Number(refused.res.headers.get('retry-after')) > 0, 'with Retry-After');
    const viewer = env.auditor();
    for (const replica of replicas) {
      assert.equal((await from(replica, address, viewer.email, viewer.password)).status, 429, `refused by ${replica === env.appUrl ? 'the first' : 'the second'} replica too`);
    }
  });

  test('failures arriving at the same moment on both replicas are each counted once: exactly 50 pass', async () => {
    const address = newAddress();
    const burst = await Promise.all(
      Array.from({ length: 64 }, (_, i) =>
        from(i % 2 ? second.url : env.appUrl, address, `serentak-${i}-${Date.now()}@kampung.demo`, 'salah').then((res) => res.status),
      ),
    );
    assert.equal(burst.filter((status) => status === 401).length, 50, `statuses: ${burst.join(' ')}`);
    assert.equal(burst.filter((status) => status === 429).length, 14);
  });
});
