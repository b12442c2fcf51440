import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sessionCookieOptions } from './auth.middleware';

test('the session cookie is Secure in production, HttpOnly and SameSite always', () => {
  assert.deepEqual(sessionCookieOptions({ NODE_ENV: 'production' }), { httpOnly: true, sameSite: 'lax', secure: true, path: '/' });
  assert.equal(sessionCookieOptions({ NODE_ENV: 'development' }).secure, false, 'plain http on a developer machine');
});
