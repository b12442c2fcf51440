import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { createDb, type Db } from '@kampung/db';
import type { CaseDetail } from '@kampung/domain';
import { requestBodyHash } from '@kampung/api/src/http/idempotency';
import { ApiClient, proposal, type ApiResponse } from './support/api-client';
import { env } from './support/env';
import { validData } from './support/stage-data';

const KEY = 'Idempotency-Key';
const key = () => randomUUID();

let db: Db;
let admin: ApiClient;
let adminId: string;
before(async () => {
  db = createDb(env.databaseUrl, { max: 2 });
  admin = await ApiClient.signedIn(env.admin());
  adminId = (await admin.get('/api/me')).body.id;
});
after(async () => {
  await db.destroy();
});

const propose = (body: unknown, idempotencyKey?: string) =>
  admin.request('POST', '/api/cases', body, idempotencyKey ? { [KEY]: idempotencyKey } : {});
const move = (caseId: string, body: unknown, idempotencyKey?: string) =>
  admin.request('POST', `/api/cases/${caseId}/transitions`, body, idempotencyKey ? { [KEY]: idempotencyKey } : {});
/** How many cases the list finds by this (unique) name. */
const casesNamed = async (name: string) => (await admin.get(`/api/cases?q=${encodeURIComponent(name)}`)).body.total as number;
const replayed = (res: ApiResponse) => res.headers.get('idempotent-replayed');

describe('Idempotency-Key: a repeat of a write gets the first answer and writes nothing new', () => {
  test('when the same proposal is sent twice with one key, then both get the same 201 and body, the second marked as a replay, and one case exists', async () => {
    const body = proposal();
    const k = key();
    const first = await propose(body, k);
    assert.equal(first.status, 201, JSON.stringify(first.body));
    assert.equal(replayed(first), null, 'the first answer is not a replay');
    const second = await propose(body, k);
    assert.equal(second.status, 201);
    assert.equal(replayed(second), 'true');
    assert.match(second.contentType, /application\/json/);
    assert.deepEqual(second.body, first.body, 'the same body, the same case id');
    assert.equal(await casesNamed(body.name), 1, 'one case was written');
  });

  test('when a move is sent twice with one key, then the second gets the first 200 and the case moved once; without a key the repeat is refused as before', async () => {
    const created = (await propose(proposal())).body;
    const request = { to: 'SURVEY', data: validData('PROPOSAL', 'SURVEY') };
    const k = key();
    const first = await move(created.id, request, k);
    assert.equal(first.status, 200, JSON.stringify(first.body));
    const second = await move(created.id, request, k);
    assert.equal(second.status, 200, JSON.stringify(second.body));
    assert.equal(replayed(second), 'true');
    assert.deepEqual(second.body, first.body);
    const detail = (await admin.get(`/api/cases/${created.id}`)).body as CaseDetail;
    assert.equal(detail.stage, 'SURVEY');
    assert.deepEqual(detail.history.map((h) => h.to), ['PROPOSAL', 'SURVEY'], 'one move in the history');

    const unkeyed = await move(created.id, request);
    assert.equal(unkeyed.status, 409, 'without a key the repeat runs, and the workflow refuses it');
    assert.equal(unkeyed.body.code, 'ILLEGAL_TRANSITION');
  });

  test('when no key is sent, then writes behave as before: the same proposal twice makes two cases', async () => {
    const body = proposal();
    assert.equal((await propose(body)).status, 201);
    const again = await propose(body);
    assert.equal(again.status, 201);
    assert.equal(replayed(again), null);
    assert.equal(await casesNamed(body.name), 2);
  });

  test('when a key is used again for another request, then 422 IDEMPOTENCY_KEY_REUSED and nothing is written', async () => {
    const k = key();
    const first = proposal();
    assert.equal((await propose(first, k)).status, 201);
    const other = proposal();
    const reused = await propose(other, k);
    assert.equal(reused.status, 422);
    assert.match(reused.contentType, /application\/problem\+json/);
    assert.equal(reused.body.code, 'IDEMPOTENCY_KEY_REUSED');
    assert.equal(await casesNamed(other.name), 0, 'the other proposal was not written');
    assert.equal(await casesNamed(first.name), 1);

    const elsewhere = await admin.request('POST', '/api/worklists', { target: 'cases', name: `Daftar ${k}`, filters: {} }, { [KEY]: k });
    assert.equal(elsewhere.status, 422, 'another path with the key');
    assert.equal(elsewhere.body.code, 'IDEMPOTENCY_KEY_REUSED');
  });

  test('when a refusal is repeated with its key, then the refusal is the answer kept (a 4xx is an outcome)', async () => {
    const k = key();
    const invalid = { ...proposal(), rw: '' };
    const first = await propose(invalid, k);
    assert.equal(first.status, 422);
    const second = await propose(invalid, k);
    assert.equal(second.status, 422);
    assert.equal(replayed(second), 'true');
    assert.deepEqual(second.body, first.body);
  });

  test('when the key is malformed, then 422 VALIDATION_FAILED names the header and nothing is written', async () => {
    for (const bad of ['short', 'with spaces in it', 'x'.repeat(129), 'kunci/dengan/garis']) {
      const body = proposal();
      const res = await propose(body, bad);
      assert.equal(res.status, 422, bad);
      assert.equal(res.body.code, 'VALIDATION_FAILED');
      assert.match(res.body.detail, /Idempotency-Key/);
      assert.deepEqual(res.body.errors.map((e: { path: string }) => e.path), ['header.Idempotency-Key']);
      assert.equal(await casesNamed(body.name), 0, bad);
    }
  });

  test('when the same proposal is sent four times at once with one key, then one runs, the others get its answer or 409 REQUEST_IN_PROGRESS, and one case exists', async () => {
    const body = proposal();
    const k = key();
    const answers = await Promise.all([1, 2, 3, 4].map(() => propose(body, k)));
    const created = answers.filter((a) => a.status === 201);
    const waiting = answers.filter((a) => a.status === 409);
    assert.equal(created.length + waiting.length, 4, JSON.stringify(answers.map((a) => [a.status, a.body?.code])));
    assert.ok(created.length >= 1, 'one ran');
    assert.equal(created.filter((a) => replayed(a) === null).length, 1, 'exactly one is not a replay');
    for (const a of created) assert.deepEqual(a.body, created[0]!.body);
    for (const a of waiting) {
      assert.equal(a.body.code, 'REQUEST_IN_PROGRESS');
      assert.equal(a.headers.get('retry-after'), '1');
    }
    assert.equal(await casesNamed(body.name), 1, 'never two writes');
    const later = await propose(body, k);
    assert.equal(later.status, 201);
    assert.deepEqual(later.body, created[0]!.body, 'a later retry gets the outcome');
  });

  test('when the same move is sent three times at once with one key, then the case moves once and every answer is the move, a replay or 409', async () => {
    const created = (await propose(proposal())).body;
    const request = { to: 'SURVEY', data: validData('PROPOSAL', 'SURVEY') };
    const k = key();
    const answers = await Promise.all([1, 2, 3].map(() => move(created.id, request, k)));
    assert.deepEqual(
      answers.map((a) => (a.status === 200 ? 'moved' : a.body.code)).filter((s) => s !== 'moved' && s !== 'REQUEST_IN_PROGRESS'),
      [],
    );
    const detail = (await admin.get(`/api/cases/${created.id}`)).body as CaseDetail;
    assert.deepEqual(detail.history.map((h) => h.to), ['PROPOSAL', 'SURVEY']);
  });

  test('when the first attempt fails with a 5xx (PostgreSQL refused the write), then nothing is kept and a retry with the same key runs again', async () => {
    const body = proposal();
    const trigger = `idem_fault_${randomUUID().replace(/-/g, '')}`;
    await sql
      .raw(`create function ${trigger}() returns trigger language plpgsql as $$ begin raise exception 'injected fault'; end $$;
        create trigger ${trigger} before insert on cases for each row when (new.name = '${body.name.replace(/'/g, "''")}') execute function ${trigger}()`)
      .execute(db);
    const k = key();
    try {
      const failed = await propose(body, k);
      assert.equal(failed.status, 500, JSON.stringify(failed.body));
      assert.equal(failed.body.code, 'INTERNAL');
    } finally {
      await sql.raw(`drop trigger ${trigger} on cases; drop function ${trigger}()`).execute(db);
    }
    const { rows } = await sql<{ n: string }>`select count(*) as n from idempotency_records where user_id = ${adminId} and key = ${k}`.execute(db);
    assert.equal(Number(rows[0]!.n), 0, 'the key was released');
    const retried = await propose(body, k);
    assert.equal(retried.status, 201, JSON.stringify(retried.body));
    assert.equal(replayed(retried), null, 'it ran again, not replayed');
    assert.equal(await casesNamed(body.name), 1);
    const third = await propose(body, k);
    assert.equal(replayed(third), 'true', 'and the success is the answer kept');
    assert.deepEqual(third.body, retried.body);
  });

  test('when the first attempt still holds the key, then 409 REQUEST_IN_PROGRESS with Retry-After; once its lease has run out (its process died), the retry takes the key over and runs', async () => {
    const body = proposal();
    const k = key();
    const hash = requestBodyHash({ body, get: () => undefined });
    await db
      .insertInto('idempotency_records')
      .values({
        user_id: adminId, key: k, method: 'POST', path: '/api/cases', request_hash: hash, state: 'IN_PROGRESS',
        attempt_id: randomUUID(), expires_at: sql<Date>`now() + interval '1 day'`,
      })
      .execute();
    const busy = await propose(body, k);
    assert.equal(busy.status, 409);
    assert.equal(busy.body.code, 'REQUEST_IN_PROGRESS');
    assert.equal(busy.headers.get('retry-after'), '1');
    assert.equal(await casesNamed(body.name), 0, 'nothing ran');

    await db.updateTable('idempotency_records').set({ started_at: sql<Date>`now() - interval '3 minutes'` }).where('user_id', '=', adminId).where('key', '=', k).execute();
    const other = await propose(proposal(), k);
    assert.equal(other.status, 422, 'another request cannot take over a stale key');
    const taken = await propose(body, k);
    assert.equal(taken.status, 201, JSON.stringify(taken.body));
    assert.equal(replayed(taken), null);
    assert.equal(await casesNamed(body.name), 1);
    assert.deepEqual((await propose(body, k)).body, taken.body, 'and its answer is kept');
  });

  test('when a key has expired, then it is forgotten: a request with it runs as new, and expired records are swept', async () => {
    const k = key();
    await db
      .insertInto('idempotency_records')
      .values({
        user_id: adminId, key: k, method: 'POST', path: '/api/worklists', request_hash: 'old', state: 'COMPLETED',
        attempt_id: randomUUID(), response_status: 201, response_type: 'application/json', response_body: '{}',
        completed_at: sql<Date>`now() - interval '2 days'`, created_at: sql<Date>`now() - interval '2 days'`, expires_at: sql<Date>`now() - interval '1 day'`,
      })
      .execute();
    const body = proposal();
    const res = await propose(body, k);
    assert.equal(res.status, 201, JSON.stringify(res.body));
    assert.equal(await casesNamed(body.name), 1);
    const { rows } = await sql<{ n: string }>`select count(*) as n from idempotency_records where expires_at <= now()`.execute(db);
    assert.equal(Number(rows[0]!.n), 0, 'no expired record is left');
  });
});
