import { test } from 'node:test';
import assert from 'node:assert/strict';
import { env } from './support/env';

test('every answer, page or API, carries the security headers; the session cookie is HttpOnly and SameSite', async () => {
  for (const path of ['/', '/api/me', '/api/openapi.json']) {
    const res = await fetch(`${env.appUrl}${path}`);
    const h = res.headers;
    assert.match(h.get('content-security-policy') ?? '', /default-src 'self'/, `${path}: CSP`);
    assert.match(h.get('content-security-policy') ?? '', /frame-ancestors 'self'/, `${path}: no framing by other sites`);
    assert.equal(h.get('x-content-type-options'), 'nosniff', `${path}: nosniff`);
    assert.equal(h.get('x-frame-options'), 'SAMEORIGIN', `${path}: X-Frame-Options`);
    assert.equal(h.get('referrer-policy'), 'no-referrer', `${path}: Referrer-Policy`);
    assert.match(h.get('strict-transport-security') ?? '', /max-age=\d+/, `${path}: HSTS`);
    assert.equal(h.get('x-powered-by'), null, `${path}: no X-Powered-By`);
  }
  const login = await fetch(`${env.appUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(env.auditor()) });
  const session = login.headers.getSetCookie().find((c) => c.startsWith('kampung_session=')) ?? '';
  assert.match(session, /HttpOnly/i, 'HttpOnly');
  assert.match(session, /SameSite=Lax/i, 'SameSite');
  assert.match(session, /Expires=/i, 'with an expiry');
});
