import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createDb, type Db } from '@kampung/db';
import { ApiClient } from './support/api-client';
import { env } from './support/env';
import { newAccount } from './support/accounts';

describe('accounts: admins invite colleagues, who choose a password once through the link', () => {
  let admin: ApiClient;
  let db: Db;
  before(async () => {
    admin = await ApiClient.signedIn(env.admin());
    db = createDb(env.databaseUrl, { max: 2 });
  });
  after(async () => {
    await db.destroy();
  });

  /** The link of the invitation email in the outbox (the token travels in its fragment). */
  async function invitationLink(userId: string) {
    const row = await db.selectFrom('outbox').select(['template', 'payload']).where('recipient_id', '=', userId).where('template', '=', 'USER_INVITED').executeTakeFirstOrThrow();
    const { link } = row.payload as { link: string };
    return { link, token: new URL(link).hash.slice(1) };
  }
  const accept = (token: string, password: string) => new ApiClient().post('/api/invitations/accept', { token, password });

  test('the invitation email is in the outbox; the link sets a password that follows the rules, once; then the colleague signs in', async () => {
    const email = `undangan-${Date.now()}@semarangkota.go.id`;
    const invited = await admin.post('/api/users', { email, name: 'Dewi Lestari', role: 'OFFICER' });
    assert.equal(invited.status, 201, JSON.stringify(invited.body));
    assert.equal(invited.body.role, 'OFFICER');
    assert.ok(Date.parse(invited.body.invitationExpiresAt) > Date.now() + 71 * 3_600_000, 'valid for 72 hours');
    assert.equal(JSON.stringify(invited.body).includes('token'), false, 'the admin does not see the token');
    const { link, token } = await invitationLink(invited.body.id);
    assert.match(link, /\/invitation#[\w-]{40,}$/, 'a one-time link to the web app');
    const stored = await db.selectFrom('invitations').select('token_hash').where('user_id', '=', invited.body.id).executeTakeFirstOrThrow();
    assert.notEqual(stored.token_hash, token, 'only a hash of the token is stored');

    const signInAs = (password: string) => new ApiClient().post('/api/auth/login', { email, password });
    assert.equal((await signInAs('anything-at-all-here')).status, 401, 'no password until the invitation is used');

    const weak = await accept(token, 'dewi12345');
    assert.equal(weak.status, 422);
    assert.deepEqual(weak.body.errors.map((e: any) => e.message), ['at least 12 characters', 'must not contain your email or name']);
    const common = await accept(token, 'Password2026!');
    assert.deepEqual(common.body.errors.map((e: any) => e.message), ['too easy to guess']);

    assert.equal((await accept(token, 'sawah hijau di pagi hari')).status, 204, 'a good password; the refusals did not use the link');
    assert.equal((await signInAs('sawah hijau di pagi hari')).status, 200, 'signed in with it');
    const again = await accept(token, 'another good passphrase');
    assert.equal(again.status, 404, 'the link works once');
    assert.match(again.body.detail, /not valid/);
    assert.equal((await signInAs('another good passphrase')).status, 401, 'the password did not change');
  });

  test('an expired link, an unknown token, a taken email, a bad invitation and a non-admin are refused, and nothing is written', async () => {
    const email = `kedaluwarsa-${Date.now()}@tangerangkota.go.id`;
    const invited = await admin.post('/api/users', { email, name: 'Rudi Hartono', role: 'AUDITOR' });
    const { token } = await invitationLink(invited.body.id);
    await db.updateTable('invitations').set({ expires_at: new Date(Date.now() - 1000) }).where('user_id', '=', invited.body.id).execute();
    assert.equal((await accept(token, 'sawah hijau di pagi hari')).status, 404, 'expired');
    assert.equal((await accept('x'.repeat(43), 'sawah hijau di pagi hari')).status, 404, 'unknown token');
    assert.equal((await accept('short', 'sawah hijau di pagi hari')).status, 422, 'not a token at all');

    const users = async () => Number((await db.selectFrom('users').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);
    const before = await users();
    const taken = await admin.post('/api/users', { email: email.toUpperCase(), name: 'Lagi', role: 'AUDITOR' });
    assert.equal(taken.status, 409, 'the email (in any case) has an account');
    assert.deepEqual(taken.body.errors.map((e: any) => e.path), ['email']);
    const bad = await admin.post('/api/users', { email: 'bukan-email', name: '', role: 'KING' });
    assert.equal(bad.status, 422);
    assert.deepEqual(bad.body.errors.map((e: any) => e.path).sort(), ['email', 'name', 'role']);
    const officer = await ApiClient.signedIn(env.officer());
    assert.equal((await officer.post('/api/users', { email: `x-${Date.now()}@kampung.demo`, name: 'X', role: 'ADMIN' })).status, 403, 'only admins invite');
    assert.equal(await users(), before, 'nothing was written');
  });

  test('a password change names every problem at once: a wrong current password and each rule the new one breaks; nothing changes', async () => {
    const who = await newAccount('OFFICER');
    const refused = await who.api.post('/api/auth/password', { currentPassword: 'bukan-yang-ini', newPassword: 'pendek' });
    assert.equal(refused.status, 422);
    assert.deepEqual(refused.body.errors.map((e: any) => [e.path, e.message]), [['currentPassword', 'wrong password'], ['newPassword', 'at least 12 characters']]);
    assert.equal((await ApiClient.signedIn({ email: who.email, password: who.password }).then(() => 'signed in')), 'signed in', 'the old password still works');
  });
});
