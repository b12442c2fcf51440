import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createDb, obligationsRepository, type Db } from '@kampung/db';
import type { CaseDetail } from '@kampung/domain';
import { ApiClient } from './support/api-client';
import { newAccount, type TestAccount } from './support/accounts';
import { env } from './support/env';
import { eventually } from './support/temporal';

/**
 * Inbox read and done marks: each user's own view of their inbox. The items are escalations written
 * by the repository function the worker's escalation activity calls (recordEscalation), for three
 * kampung, to two officers: officers get no red reports or reconciler findings, so nothing else
 * reaches these fresh accounts while the test runs.
 */
describe('inbox: a user marks their own items read and done, and takes done back', () => {
  let db: Db;
  let admin: ApiClient;
  let reader: TestAccount;
  let other: TestAccount;
  const kampung: CaseDetail[] = [];

  /** The reader's item about a case (from the list of all their items). */
  const itemOf = async (user: TestAccount, caseId: string) => {
    const res = await user.api.get('/api/me/inbox?state=all');
    assert.equal(res.status, 200, JSON.stringify(res.body));
    const item = (res.body as any[]).find((i) => i.case.id === caseId);
    assert.ok(item, `an inbox item about ${caseId}`);
    return item;
  };
  const unread = async (user: TestAccount) => {
    const res = await user.api.get('/api/me/inbox/unread-count');
    assert.equal(res.status, 200, JSON.stringify(res.body));
    return res.body.unread as number;
  };
  const listed = async (user: TestAccount, query = '') => ((await user.api.get(`/api/me/inbox${query}`)).body as any[]).map((i) => i.case.id).sort();
  const ids = (...cases: CaseDetail[]) => cases.map((c) => c.id).sort();

  before(async () => {
    db = createDb(env.databaseUrl, { max: 2 });
    admin = await ApiClient.signedIn(env.admin());
    reader = await newAccount('OFFICER', { name: 'Pembaca Kotak Masuk' });
    other = await newAccount('OFFICER', { name: 'Rekan Lain' });
    for (let i = 0; i < 3; i++) kampung.push(await admin.propose({ rw: String(11 + i) }));
    for (const c of kampung) {
      const deadline = await eventually(async () => {
        const [o] = (await admin.get(`/api/obligations?case=${c.id}&open=true&kind=STAGE_DEADLINE`)).body.items;
        assert.ok(o, 'the proposal deadline is not written yet');
        return o;
      });
      await obligationsRepository.recordEscalation(db, deadline.id, [reader.id, other.id]);
    }
  });
  after(() => db.destroy());

  test('when escalations reach a user, then they are unread and not done, and the count says so', async () => {
    assert.equal(await unread(reader), 3);
    const items = (await reader.api.get('/api/me/inbox')).body as any[];
    assert.deepEqual(items.map((i) => i.case.id).sort(), ids(...kampung), 'the default list: not done');
    for (const item of items) {
      assert.equal(item.kind, 'ESCALATION');
      assert.match(item.id, /^\d+$/);
      assert.equal(item.readAt, null, 'unread');
      assert.equal(item.doneAt, null, 'not done');
      assert.equal(item.obligation.kind, 'STAGE_DEADLINE');
    }
  });

  test('when the user opens an item, then it is read (once: a second mark keeps the first instant) and the count drops', async () => {
    const item = await itemOf(reader, kampung[0]!.id);
    const first = await reader.api.post(`/api/me/inbox/${item.id}/read`);
    assert.equal(first.status, 200, JSON.stringify(first.body));
    assert.equal(first.body.id, item.id);
    assert.ok(first.body.readAt, 'read');
    assert.equal(first.body.doneAt, null, 'read is not done');
    const again = await reader.api.post(`/api/me/inbox/${item.id}/read`);
    assert.equal(again.status, 200);
    assert.equal(again.body.readAt, first.body.readAt, 'the first instant is kept');
    assert.equal(await unread(reader), 2);
    assert.equal((await itemOf(reader, kampung[0]!.id)).readAt, first.body.readAt, 'the list shows it read');
    assert.equal(await unread(other), 3, 'the other recipient of the same escalation still has it unread');
  });

  test('when the user marks an item done, then it leaves the open list for the done list, read too; taken back, it returns', async () => {
    const item = await itemOf(reader, kampung[1]!.id);
    const done = await reader.api.post(`/api/me/inbox/${item.id}/done`);
    assert.equal(done.status, 200, JSON.stringify(done.body));
    assert.ok(done.body.doneAt, 'done');
    assert.ok(done.body.readAt, 'done is read as well');
    assert.equal(await unread(reader), 1);
    assert.deepEqual(await listed(reader), ids(kampung[0]!, kampung[2]!), 'open: the two not done');
    assert.deepEqual(await listed(reader, '?state=open'), ids(kampung[0]!, kampung[2]!), 'open, asked by name');
    assert.deepEqual(await listed(reader, '?state=done'), ids(kampung[1]!), 'done: the one');
    assert.deepEqual(await listed(reader, '?state=all'), ids(...kampung), 'all three');
    assert.equal((await reader.api.post(`/api/me/inbox/${item.id}/done`)).body.doneAt, done.body.doneAt, 'done twice: the first instant is kept');

    const undone = await reader.api.request('DELETE', `/api/me/inbox/${item.id}/done`);
    assert.equal(undone.status, 200, JSON.stringify(undone.body));
    assert.equal(undone.body.doneAt, null, 'not done again');
    assert.equal(undone.body.readAt, done.body.readAt, 'still read');
    assert.equal((await reader.api.request('DELETE', `/api/me/inbox/${item.id}/done`)).status, 200, 'taking back twice is no error');
    assert.deepEqual(await listed(reader), ids(...kampung), 'back in the open list');
    assert.deepEqual(await listed(reader, '?state=done'), [], 'the done list is empty');
    assert.equal(await unread(reader), 1, 'taking done back does not make it unread');
  });

  test('when read and done are sent at the same moment, then both land; so do two done marks', async () => {
    const item = await itemOf(reader, kampung[2]!.id);
    assert.equal(item.readAt, null, 'unread before');
    const [read, done, doneAgain] = await Promise.all([
      reader.api.post(`/api/me/inbox/${item.id}/read`),
      reader.api.post(`/api/me/inbox/${item.id}/done`),
      reader.api.post(`/api/me/inbox/${item.id}/done`),
    ]);
    assert.deepEqual([read.status, done.status, doneAgain.status], [200, 200, 200], JSON.stringify([read.body, done.body, doneAgain.body]));
    const after = await itemOf(reader, kampung[2]!.id);
    assert.ok(after.readAt, 'read landed');
    assert.ok(after.doneAt, 'done landed');
    assert.deepEqual([done.body.doneAt, doneAgain.body.doneAt], [after.doneAt, after.doneAt], 'one done instant: the later mark kept the first');
    assert.equal(await unread(reader), 0);
    assert.deepEqual(await listed(reader, '?state=done'), ids(kampung[2]!));
  });

  test("when a user marks someone else's item, or one that does not exist, then it is not found and nothing changes", async () => {
    const theirs = await itemOf(other, kampung[0]!.id);
    for (const [method, path] of [
      ['POST', `/api/me/inbox/${theirs.id}/read`],
      ['POST', `/api/me/inbox/${theirs.id}/done`],
      ['DELETE', `/api/me/inbox/${theirs.id}/done`],
      ['POST', '/api/me/inbox/999999999999/read'],
      ['POST', '/api/me/inbox/not-an-id/done'],
    ] as const) {
      const res = await reader.api.request(method, path);
      assert.equal(res.status, 404, `${method} ${path}: ${JSON.stringify(res.body)}`);
      assert.equal(res.body.code, 'NOT_FOUND');
    }
    const still = await itemOf(other, kampung[0]!.id);
    assert.deepEqual([still.readAt, still.doneAt], [null, null], "the other user's item is untouched");
    assert.equal(await unread(other), 3);
  });

  test('when the list is asked for a state it does not know, then the request is refused', async () => {
    const res = await reader.api.get('/api/me/inbox?state=archived');
    assert.equal(res.status, 422, JSON.stringify(res.body));
  });
});
