import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { createDb, type Db } from '@kampung/db';
import { ApiClient } from './support/api-client';
import { env } from './support/env';

describe('the audit log: sign-ins and accounts, append-only', () => {
  let admin: ApiClient;
  let db: Db;
  before(async () => {
    admin = await ApiClient.signedIn(env.admin());
    db = createDb(env.databaseUrl, { max: 2 });
  });
  after(async () => {
    await db.destroy();
  });
  const entries = async (query: string) => (await admin.get(`/api/audit?${query}`)).body.items as any[];
  const loginWithId = (requestId: string, email: string, password: string) =>
    fetch(`${env.appUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-request-id': requestId }, body: JSON.stringify({ email, password }) });

  test('a failed and a good sign-in, an invitation, its acceptance and a sign-out are each recorded with who, when, what, the request id and the source address', async () => {
    const failedId = randomUUID();
    const unknown = `audit-${Date.now()}@kampung.demo`;
    assert.equal((await loginWithId(failedId, unknown, 'salah')).status, 401);
    const [failed] = (await entries('action=LOGIN_FAILED&pageSize=200')).filter((e) => e.requestId === failedId);
    assert.ok(failed, 'the failed sign-in is recorded');
    assert.deepEqual([failed.actor, failed.subjectType, failed.subjectId], [null, 'email', unknown]);
    assert.match(failed.sourceIp, /127\.0\.0\.1/, 'with the source address');
    assert.equal(JSON.stringify(failed).includes('salah'), false, 'never the password');

    const goodId = randomUUID();
    const officer = env.officer();
    assert.equal((await loginWithId(goodId, officer.email, officer.password)).status, 200);
    const [good] = (await entries('action=LOGIN&pageSize=200')).filter((e) => e.requestId === goodId);
    assert.ok(good?.actor, 'the sign-in is recorded with who');
    assert.equal(good.actor.name, (await (await ApiClient.signedIn(officer)).get('/api/me')).body.name);

    const email = `diaudit-${Date.now()}@semarangkota.go.id`;
    const invited = await admin.post('/api/users', { email, name: 'Rina Audit', role: 'AUDITOR' });
    assert.equal(invited.status, 201);
    const me = (await admin.get('/api/me')).body;
    const [invitation] = (await entries('action=USER_INVITED&pageSize=200')).filter((e) => e.subjectId === invited.body.id);
    assert.deepEqual([invitation.actor.id, invitation.after], [me.id, { email, name: 'Rina Audit', role: 'AUDITOR', supervisorId: null, programCodes: [], kecamatanCodes: [], agencyCode: null }], 'who invited whom, as what');
    const row = await db.selectFrom('outbox').select('payload').where('recipient_id', '=', invited.body.id).executeTakeFirstOrThrow();
    const token = new URL((row.payload as { link: string }).link).hash.slice(1);
    assert.equal((await new ApiClient().post('/api/invitations/accept', { token, password: 'sawah hijau di pagi hari' })).status, 204);
    const [accepted] = (await entries(`action=INVITATION_ACCEPTED&actor=${invited.body.id}`));
    assert.ok(accepted, 'the acceptance is recorded, by the colleague');

    const rina = await ApiClient.signedIn({ email, password: 'sawah hijau di pagi hari' });
    assert.equal((await rina.post('/api/auth/logout')).status, 204);
    assert.equal((await entries(`action=LOGOUT&actor=${invited.body.id}`)).length, 1, 'the sign-out');
    const theirs = (await entries(`actor=${invited.body.id}`)).map((e) => e.action);
    assert.deepEqual(theirs, ['LOGOUT', 'LOGIN', 'INVITATION_ACCEPTED'], 'newest first');
  });

  test('nobody can change or remove an entry, not even through the database; only admins read it; bad filters get 422', async () => {
    await assert.rejects(db.updateTable('audit_log').set({ action: 'NOTHING' }).execute(), /append-only/);
    await assert.rejects(db.deleteFrom('audit_log').execute(), /append-only/);
    await assert.rejects(sql`truncate audit_log`.execute(db), /append-only/);
    const officer = await ApiClient.signedIn(env.officer());
    assert.equal((await officer.get('/api/audit')).status, 403);
    const bad = await admin.get('/api/audit?action=EVERYTHING&pageSize=5000');
    assert.equal(bad.status, 422);
    assert.deepEqual(bad.body.errors.map((e: any) => e.path).sort(), ['action', 'pageSize']);
  });
});
