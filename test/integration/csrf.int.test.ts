import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ApiClient, uniqueName } from './support/api-client';
import { env } from './support/env';

/** Signs in with fetch and returns the session cookie and the CSRF token the API set beside it. */
async function signIn() {
  const res = await fetch(`${env.appUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(env.officer()) });
  assert.equal(res.status, 200, 'signed in without any token');
  const cookies = new Map(res.headers.getSetCookie().map((c) => c.split(';')[0]!.split('=') as [string, string]));
  const csrfSetCookie = res.headers.getSetCookie().find((c) => c.startsWith('kampung_csrf='));
  assert.ok(csrfSetCookie && !/httponly/i.test(csrfSetCookie), 'the token cookie is readable by the page');
  assert.ok(/httponly/i.test(res.headers.getSetCookie().find((c) => c.startsWith('kampung_session=')) ?? ''), 'the session cookie is not');
  return { session: `kampung_session=${cookies.get('kampung_session')}`, token: cookies.get('kampung_csrf')! };
}

describe('CSRF: a cookie-authenticated write must echo the session\'s token', () => {
  test('without the token or with a wrong one a write is refused (403) and nothing is written; with it, it goes through; reads need none', async () => {
    const { session, token } = await signIn();
    const write = (headers: Record<string, string>, name: string) =>
      fetch(`${env.appUrl}/api/worklists`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: session, ...headers },
        body: JSON.stringify({ target: 'cases', name, filters: {} }),
      });
    const count = async () => ((await (await fetch(`${env.appUrl}/api/worklists`, { headers: { cookie: session } })).json()) as unknown[]).length;
    const before = await count();

    const missing = await write({}, uniqueName('Tanpa token'));
    assert.equal(missing.status, 403);
    const problem = (await missing.json()) as { code: string; detail: string };
    assert.equal(problem.code, 'FORBIDDEN');
    assert.match(problem.detail, /x-csrf-token/);
    assert.equal((await write({ 'x-csrf-token': `${token.slice(0, -2)}xx` }, uniqueName('Token salah'))).status, 403, 'a wrong token');
    const other = await signIn(); // another session's token is not this one's
    assert.equal((await write({ 'x-csrf-token': other.token }, uniqueName('Token lain'))).status, 403, "another session's token");
    assert.equal(await count(), before, 'nothing was written');

    assert.equal((await write({ 'x-csrf-token': token }, uniqueName('Dengan token'))).status, 201, 'the right token');
    assert.equal(await count(), before + 1);
    // Signing out is a write too.
    assert.equal((await fetch(`${env.appUrl}/api/auth/logout`, { method: 'POST', headers: { cookie: session } })).status, 403, 'no sign-out forged from elsewhere');
    const out = await fetch(`${env.appUrl}/api/auth/logout`, { method: 'POST', headers: { cookie: session, 'x-csrf-token': token } });
    assert.equal(out.status, 204);
    assert.ok(out.headers.getSetCookie().some((c) => c.startsWith('kampung_csrf=;')), 'the token cookie is cleared');
  });

  test('a session without its token cookie (signed in before this check) is given one on its next request', async () => {
    const api = await ApiClient.signedIn(env.officer());
    const session = api.cookieHeader().split('; ').find((c) => c.startsWith('kampung_session='))!;
    const res = await fetch(`${env.appUrl}/api/me`, { headers: { cookie: session } });
    assert.equal(res.status, 200);
    assert.ok(res.headers.getSetCookie().some((c) => c.startsWith('kampung_csrf=')), 'the token cookie is set again');
  });
});
