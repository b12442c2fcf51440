import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { createDb, type Db } from '@kampung/db';
import { ApiClient } from './support/api-client';
import { env } from './support/env';
import { newAccount } from './support/accounts';
import { validData } from './support/stage-data';
import { eventually, withTemporal } from './support/temporal';

const KSM = 'KAMPUNG_SEJAHTERA_MANDIRI';
const KEY = 'Idempotency-Key';

/** A request whose process died after it wrote but before its answer was kept: the kept answer is
 * gone (deleted here), so the retry with the same key runs the use-case again. It must find what
 * the first attempt wrote and answer the same outcome, writing nothing twice. */
describe('a retry after a lost answer gets the outcome and does nothing twice', () => {
  let admin: ApiClient;
  let adminId: string;
  let db: Db;
  before(async () => {
    admin = await ApiClient.signedIn(env.admin());
    adminId = (await admin.get('/api/me')).body.id;
    db = createDb(env.databaseUrl, { max: 2 });
  });
  after(async () => {
    await db.destroy();
  });
  const forget = (key: string) => db.deleteFrom('idempotency_records').where('user_id', '=', adminId).where('key', '=', key).execute();
  const send = (path: string, body: unknown, key: string) => admin.request('POST', path, body, { [KEY]: key });

  test('when a move is sent again with its key, then it is answered from the recorded move, recorded once', async () => {
    const kampung = await admin.propose({ programCode: KSM, kelurahanCode: '36.71.07.1013', rw: '2' });
    const key = randomUUID();
    const body = { to: 'SURVEY', data: validData('PROPOSAL', 'SURVEY') };
    const first = await send(`/api/cases/${kampung.id}/transitions`, body, key);
    assert.equal(first.status, 200, JSON.stringify(first.body));
    await forget(key);
    const again = await send(`/api/cases/${kampung.id}/transitions`, body, key);
    assert.equal(again.status, 200, JSON.stringify(again.body));
    assert.equal(again.body.stage, 'SURVEY');
    const moves = await db.selectFrom('stage_history').select('id').where('case_id', '=', kampung.id).where('to_stage', '=', 'SURVEY').execute();
    assert.equal(moves.length, 1, 'one move');
    const requests = await db.selectFrom('transition_requests').select('id').where('case_id', '=', kampung.id).execute();
    assert.equal(requests.length, 1, 'one stored request');
  });

  test('when a visit is sent again with its key, then the same visit and obligation are answered, logged once', async () => {
    const kampung = await admin.propose({ programCode: KSM, kelurahanCode: '36.71.07.1013', rw: '3' });
    const assignment = (await admin.post(`/api/cases/${kampung.id}/assignments`, { userId: (await newAccount('MENTOR')).id, role: 'MENTOR' })).body;
    await eventually(async () => {
      const open = await db.selectFrom('obligations').select('id').where('assignment_id', '=', assignment.id).execute();
      assert.equal(open.length, 1, 'the first obligation is open');
    });
    const key = randomUUID();
    const body = { assignmentId: assignment.id, visitedOn: new Date().toISOString(), kind: 'MENTORING', notes: 'Sekali saja' };
    const first = await send(`/api/cases/${kampung.id}/visits`, body, key);
    assert.equal(first.status, 201, JSON.stringify(first.body));
    await forget(key);
    const again = await send(`/api/cases/${kampung.id}/visits`, body, key);
    assert.equal(again.status, 201, JSON.stringify(again.body));
    assert.equal(again.body.id, first.body.id);
    assert.equal(again.body.fulfilledObligationId, first.body.fulfilledObligationId);
    const visits = await db.selectFrom('visits').select('id').where('assignment_id', '=', assignment.id).execute();
    assert.equal(visits.length, 1, 'one visit');
  });

  test('when a move request was stored but its Update never arrived, then the reconciler removes it once the workflow agrees with PostgreSQL', async () => {
    const kampung = await admin.propose({ programCode: KSM, kelurahanCode: '36.71.07.1013', rw: '5' });
    const moved = await admin.move(kampung.id, 'SURVEY', { data: validData('PROPOSAL', 'SURVEY') });
    assert.equal(moved.status, 200);
    const orphan = randomUUID();
    await db.insertInto('transition_requests').values({ id: orphan, case_id: kampung.id, to_stage: 'VERIFICATION', actor_id: adminId, created_at: new Date(Date.now() - 3_600_000) }).execute();
    const summary = await withTemporal((client) =>
      client.workflow.execute('reconcilerWorkflow', { taskQueue: env.taskQueue, workflowId: `reconciler-test-${randomUUID()}`, args: [{ caseIds: [kampung.id] }] }),
    );
    assert.equal((summary as { repaired: number }).repaired, 1);
    const left = await db.selectFrom('transition_requests').select('id').where('case_id', '=', kampung.id).execute();
    assert.equal(left.length, 1, 'the recorded move\'s request stays, the orphan goes');
    assert.notEqual(left[0]!.id, orphan);
  });
});
