import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { assignmentsRepository, createDb, type Db } from '@kampung/db';
import { ApiClient } from './support/api-client';
import { env } from './support/env';
import { newAccount } from './support/accounts';
import { eventually } from './support/temporal';

const KSM = 'KAMPUNG_SEJAHTERA_MANDIRI';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Writes that change an assignment and its obligations take their row locks in one order (the
 * assignment, then its obligations), so two of them at once wait for each other instead of one
 * failing with "deadlock detected" (seen in the simulation, seed 18: a handover beside an end). */
describe('an assignment changed by two writes at once', () => {
  let admin: ApiClient;
  let db: Db;
  before(async () => {
    admin = await ApiClient.signedIn(env.admin());
    db = createDb(env.databaseUrl, { max: 4 });
  });
  after(async () => {
    await db.destroy();
  });

  test('when a handover runs while another transaction holds the assignment and then moves its obligations, then both finish', async () => {
    const [mentor, next] = [await newAccount('MENTOR'), await newAccount('MENTOR')];
    const kampung = await admin.propose({ programCode: KSM, kelurahanCode: '36.71.07.1013', rw: '8' });
    const assignment = (await admin.post(`/api/cases/${kampung.id}/assignments`, { userId: mentor.id, role: 'MENTOR' })).body;
    assert.ok(assignment.id, JSON.stringify(assignment));
    await eventually(async () => {
      const open = await db.selectFrom('obligations').select('id').where('assignment_id', '=', assignment.id).where('status', 'in', ['UPCOMING', 'DUE']).execute();
      assert.equal(open.length, 1, 'the first visit obligation is open');
    });

    // As an assignment's end does: the assignment row first, then its obligations.
    let held!: () => void;
    const holding = new Promise<void>((r) => (held = r));
    const other = db.transaction().execute(async (trx) => {
      await trx.updateTable('assignments').set({ end_reason: null }).where('id', '=', assignment.id).execute();
      held();
      await sleep(500);
      await trx.updateTable('obligations').set({ assignee_id: mentor.id }).where('assignment_id', '=', assignment.id).execute();
    });
    await holding;
    const handover = assignmentsRepository.handOver(db, {
      id: randomUUID(), assignmentId: assignment.id, fromUserId: mentor.id, toUserId: next.id, reason: 'mutasi', byUserId: mentor.id,
    });
    const [a, b] = await Promise.allSettled([other, handover]);
    assert.equal(a.status, 'fulfilled', a.status === 'rejected' ? String(a.reason) : '');
    assert.equal(b.status, 'fulfilled', b.status === 'rejected' ? String(b.reason) : '');
    const after = await db.selectFrom('assignments').select('user_id').where('id', '=', assignment.id).executeTakeFirstOrThrow();
    assert.equal(after.user_id, next.id);
  });
});
