import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createDb, type Db } from '@kampung/db';
import { visitCadenceWorkflowId } from '@kampung/workflows';
import { ApiClient } from './support/api-client';
import { env } from './support/env';
import { newAccount } from './support/accounts';
import { eventually, withTemporal } from './support/temporal';

const KSM = 'KAMPUNG_SEJAHTERA_MANDIRI';

describe('ending an assignment (a mentor leaves the program, the team changes)', () => {
  let admin: ApiClient;
  let db: Db;
  before(async () => {
    admin = await ApiClient.signedIn(env.admin());
    db = createDb(env.databaseUrl, { max: 2 });
    const current = (await admin.get(`/api/programs/${KSM}/policy`)).body;
    const res = await admin.request('PUT', `/api/programs/${KSM}/policy`, {
      baseVersion: current.version,
      changeNote: 'Uji: akhir penugasan',
      policy: { ...current.policy, visitCadence: { ...current.policy.visitCadence, MENTOR: 'P14D' } },
    });
    assert.equal(res.status, 200, JSON.stringify(res.body));
  });
  after(async () => {
    await db.destroy();
  });

  const visitObligations = (assignmentId: string) =>
    db.selectFrom('obligations').select(['id', 'status']).where('assignment_id', '=', assignmentId).where('kind', '=', 'VISIT').orderBy('seq').execute();

  test('when an officer ends an assignment with a reason, then its open visit obligation is cancelled, its cadence completes, and it is audited and on the timeline', async () => {
    const mentor = await newAccount('MENTOR');
    const kampung = await admin.propose({ programCode: KSM, kelurahanCode: '36.71.07.1013', rw: '6' });
    const assignment = (await admin.post(`/api/cases/${kampung.id}/assignments`, { userId: mentor.id, role: 'MENTOR' })).body;
    await eventually(async () => assert.equal((await visitObligations(assignment.id)).length, 1, 'the first obligation is open'));

    const missing = await admin.post(`/api/cases/${kampung.id}/assignments/${assignment.id}/end`, {});
    assert.equal(missing.status, 422, 'a reason is required');
    const ended = await admin.post(`/api/cases/${kampung.id}/assignments/${assignment.id}/end`, { reason: 'Pendamping pindah tugas ke kecamatan lain' });
    assert.equal(ended.status, 200, JSON.stringify(ended.body));
    assert.ok(ended.body.endedAt, 'the end is recorded');
    assert.equal(ended.body.endReason, 'Pendamping pindah tugas ke kecamatan lain');

    assert.deepEqual((await visitObligations(assignment.id)).map((o) => o.status), ['CANCELLED'], 'nothing stays open');
    await withTemporal(async (client) => {
      const description = await client.workflow.getHandle(visitCadenceWorkflowId(assignment.id)).describe();
      assert.equal(description.status.name, 'COMPLETED');
    });

    // Sent again with the same reason (a retry after a lost answer): the same answer, nothing more.
    const again = await admin.post(`/api/cases/${kampung.id}/assignments/${assignment.id}/end`, { reason: 'Pendamping pindah tugas ke kecamatan lain' });
    assert.equal(again.status, 200, JSON.stringify(again.body));
    assert.equal(again.body.endedAt, ended.body.endedAt);
    const other = await admin.post(`/api/cases/${kampung.id}/assignments/${assignment.id}/end`, { reason: 'Alasan lain' });
    assert.equal(other.status, 409);
    assert.equal(other.body.code, 'ASSIGNMENT_ENDED');

    const visit = await admin.post(`/api/cases/${kampung.id}/visits`, { assignmentId: assignment.id, visitedOn: new Date().toISOString(), kind: 'MENTORING', notes: 'Setelah berakhir' });
    assert.equal(visit.status, 409);
    assert.equal(visit.body.code, 'ASSIGNMENT_ENDED');

    const timeline = (await admin.get(`/api/cases/${kampung.id}/timeline`)).body;
    const entries = timeline.events as any[];
    const end = entries.find((e) => e.kind === 'ASSIGNMENT_ENDED');
    assert.ok(end, 'the end is on the timeline');
    assert.equal(end.reason, 'Pendamping pindah tugas ke kecamatan lain');
    const audit = (await admin.get(`/api/cases/${kampung.id}/audit`)).body;
    const auditEntries = (audit.items ?? audit) as any[];
    assert.ok(auditEntries.some((e) => e.action === 'ASSIGNMENT_ENDED' && e.reason === 'Pendamping pindah tugas ke kecamatan lain'), 'the end is audited with its reason');
  });

  test('when a visit obligation is waived twice, then the second waiver is told the obligation is already closed', async () => {
    const mentor = await newAccount('MENTOR');
    const kampung = await admin.propose({ programCode: KSM, kelurahanCode: '36.71.07.1013', rw: '7' });
    const assignment = (await admin.post(`/api/cases/${kampung.id}/assignments`, { userId: mentor.id, role: 'MENTOR' })).body;
    const [first] = await eventually(async () => {
      const open = await visitObligations(assignment.id);
      assert.equal(open.length, 1, 'the first obligation is open');
      return open;
    });
    const [a, b] = await Promise.all([
      admin.post(`/api/obligations/${first!.id}/waive`, { reason: 'Banjir, akses tertutup' }),
      admin.post(`/api/obligations/${first!.id}/waive`, { reason: 'Banjir, akses tertutup (petugas lain)' }),
    ]);
    assert.deepEqual([a.status, b.status].sort(), [200, 409], JSON.stringify([a.body, b.body]));
    assert.equal([a, b].find((r) => r.status === 409)!.body.code, 'OBLIGATION_CLOSED');
    const statuses = (await visitObligations(assignment.id)).map((o) => o.status);
    assert.deepEqual(statuses.slice(0, 1), ['WAIVED']);
    await eventually(async () => assert.equal((await visitObligations(assignment.id)).length, 2, 'the next obligation is open'));
  });
});
