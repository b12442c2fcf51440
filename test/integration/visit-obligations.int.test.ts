import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ApiClient } from './support/api-client';
import { env } from './support/env';
import { newAccount, type TestAccount } from './support/accounts';
import { eventually, withTemporal } from './support/temporal';

const KSM = 'KAMPUNG_SEJAHTERA_MANDIRI';

async function obligationsOf(api: ApiClient, caseId: string) {
  return (await api.get(`/api/obligations?case=${caseId}&kind=VISIT&pageSize=200`)).body.items as any[];
}

describe('visit obligations driven by Temporal timers', () => {
  let admin: ApiClient;
  let adminId: string;
  let mentorId: string;
  let mentor: TestAccount;
  before(async () => {
    admin = await ApiClient.signedIn(env.admin());
    adminId = (await admin.get('/api/me')).body.id;
    mentor = await newAccount('MENTOR');
    mentorId = mentor.id;
    // A second-scale policy: due 4 s after the last visit, open 1 s before, overdue 2 s after, escalated 2 s later.
    const current = (await admin.get(`/api/programs/${KSM}/policy`)).body;
    const res = await admin.request('PUT', `/api/programs/${KSM}/policy`, {
      baseVersion: current.version,
      changeNote: 'Uji: kadens detik',
      policy: { ...current.policy, visitCadence: { MENTOR: 'PT4S' }, reminderLead: 'PT1S', visitGrace: 'PT2S', escalationDelay: 'PT2S' },
    });
    assert.equal(res.status, 200);
  });

  test('when a mentor misses a visit, then it is UPCOMING, DUE, OVERDUE and ESCALATED, each at its time, and lands in the inbox', async () => {
    const kampung = await admin.propose({ programCode: KSM, kelurahanCode: '36.71.07.1013', rw: '9' });
    const assigned = await admin.post(`/api/cases/${kampung.id}/assignments`, { userId: mentorId, role: 'MENTOR' });
    assert.equal(assigned.status, 201, JSON.stringify(assigned.body));

    const first = await eventually(async () => {
      const [o] = await obligationsOf(admin, kampung.id);
      assert.ok(o, 'the first obligation is written');
      return o;
    });
    assert.equal(first.kind, 'VISIT');
    assert.equal(first.assignee.id, mentorId);
    if (Date.now() < Date.parse(first.opensAt)) assert.equal(first.status, 'UPCOMING');
    assert.deepEqual(
      [first.opensAt, first.dueAt, first.overdueAt, first.escalatesAt].map((t) => Date.parse(t) - Date.parse(first.dueAt)),
      [-1000, 0, 2000, 4000],
    );
    for (const status of ['DUE', 'OVERDUE', 'ESCALATED']) {
      const seenAt = await eventually(async () => {
        const [o] = await obligationsOf(admin, kampung.id);
        assert.ok(['DUE', 'OVERDUE', 'ESCALATED'].indexOf(o.status) >= ['DUE', 'OVERDUE', 'ESCALATED'].indexOf(status), `${o.status} → ${status}`);
        return Date.now();
      });
      const boundary = { DUE: first.opensAt, OVERDUE: first.overdueAt, ESCALATED: first.escalatesAt }[status]!;
      assert.ok(seenAt >= Date.parse(boundary), `${status} not before its time`);
    }
    const work = (await mentor.api.get('/api/me/worklist')).body; // the mentor's own
    assert.ok(work.escalated.some((o: any) => o.id === first.id), 'the worklist shows it as escalated');
    const inbox = (await admin.get('/api/me/inbox')).body;
    assert.ok(inbox.some((i: any) => i.obligation.id === first.id && i.kind === 'ESCALATION' && i.case.id === kampung.id), 'inbox.some((i: any) => i.obligation.id === first.id && i....');
    const escalated = (await admin.get(`/api/obligations?status=ESCALATED&kind=VISIT&case=${kampung.id}`)).body;
    assert.equal(escalated.total, 1);
  });

  test('when a visit is logged before it is due, then the obligation is fulfilled on time and the next one counts from the visit', async () => {
    const kampung = await admin.propose({ programCode: KSM, kelurahanCode: '36.71.07.1013', rw: '8' });
    const assignment = (await admin.post(`/api/cases/${kampung.id}/assignments`, { userId: mentorId, role: 'MENTOR' })).body;
    await eventually(async () => assert.equal((await obligationsOf(admin, kampung.id)).length, 1));
    const visitedOn = new Date().toISOString();
    const visit = await admin.post(`/api/cases/${kampung.id}/visits`, {
      assignmentId: assignment.id,
      visitedOn,
      kind: 'MENTORING',
      notes: 'Pendampingan pembukuan UMKM',
      attendees: 12,
      followUps: ['Cek laporan keuangan bulan depan'],
    });
    assert.equal(visit.status, 201, JSON.stringify(visit.body));

    const [done, next] = await eventually(async () => {
      const list = await obligationsOf(admin, kampung.id);
      assert.equal(list.length, 2);
      return list;
    });
    assert.equal(done.id, visit.body.fulfilledObligationId);
    assert.equal(done.status, 'FULFILLED');
    assert.equal(done.late, false);
    const work = (await mentor.api.get('/api/me/worklist')).body; // the mentor's own
    assert.ok(work.dueThisWeek.some((o: any) => o.id === next.id), 'the next visit is due this week');
    const users = (await admin.get('/api/users')).body;
    assert.ok(users.some((u: any) => u.id === adminId && typeof u.name === 'string'), 'users.some((u: any) => u.id === adminId && typeof u.name ...');
    assert.equal(Date.parse(next.dueAt) - Date.parse(visitedOn), 4000, 'the next visit is due a cadence after the visit');

    // And the next one is timed by itself: DUE, then OVERDUE, with no other message arriving.
    await eventually(async () => {
      const again = (await obligationsOf(admin, kampung.id)).find((o) => o.id === next.id);
      assert.equal(again.status, 'OVERDUE', `the next visit moves on its own (${again.status})`);
    }, { timeoutMs: 20_000 });
  });

  test('when a visit is invalid or for another case, then 422 or 404 and nothing is written', async () => {
    const kampung = await admin.propose({ programCode: KSM, kelurahanCode: '36.71.07.1013', rw: '7' });
    const assignment = (await admin.post(`/api/cases/${kampung.id}/assignments`, { userId: mentorId, role: 'MENTOR' })).body;
    const bad = await admin.post(`/api/cases/${kampung.id}/visits`, { assignmentId: assignment.id, visitedOn: 'kemarin', kind: 'PICNIC', notes: '' });
    assert.equal(bad.status, 422);
    assert.deepEqual(bad.body.errors.map((e: any) => e.path).sort(), ['kind', 'notes', 'visitedOn']);
    const future = await admin.post(`/api/cases/${kampung.id}/visits`, {
      assignmentId: assignment.id, visitedOn: new Date(Date.now() + 86_400_000).toISOString(), kind: 'MENTORING', notes: 'x',
    });
    assert.equal(future.status, 422);
    const other = await admin.propose({ programCode: KSM, kelurahanCode: '36.71.07.1013', rw: '6' });
    const wrongCase = await admin.post(`/api/cases/${other.id}/visits`, {
      assignmentId: assignment.id, visitedOn: new Date().toISOString(), kind: 'MENTORING', notes: 'x',
    });
    assert.equal(wrongCase.status, 404);
    for (const path of ['/api/cases/bukan-uuid/assignments', '/api/cases/00000000-0000-4000-8000-000000000000/assignments']) {
      assert.equal((await admin.get(path)).status, 404, path);
      const res = await admin.post(path, { userId: mentorId, role: 'MENTOR' });
      assert.equal(res.status, 404, path);
      assert.equal(res.body.code, 'NOT_FOUND');
    }
  });

  test('when three years of biweekly visits (78) are logged, then the cadence continues as new and every run stays far under 4,096 events', async () => {
    const kampung = await admin.propose({ programCode: KSM, kelurahanCode: '36.71.07.1013', rw: '5' });
    const assignment = (await admin.post(`/api/cases/${kampung.id}/assignments`, { userId: mentorId, role: 'MENTOR' })).body;
    for (let i = 0; i < 78; i++) {
      const res = await admin.post(`/api/cases/${kampung.id}/visits`, {
        assignmentId: assignment.id, visitedOn: new Date().toISOString(), kind: 'MENTORING', notes: `kunjungan ${i + 1}`,
      });
      assert.equal(res.status, 201, JSON.stringify(res.body));
    }
    await eventually(async () => {
      const list = await obligationsOf(admin, kampung.id);
      assert.equal(list.filter((o) => o.status === 'FULFILLED').length, 78);
      assert.equal(list.filter((o) => o.status !== 'FULFILLED').length, 1, 'exactly one open obligation: the next visit');
    });
    const runs = await withTemporal(async (client) => {
      const found = [];
      for await (const run of client.workflow.list({ query: `WorkflowId = 'visits-${assignment.id}'` })) found.push(run);
      return found;
    });
    assert.ok(runs.length >= 4, `continued as new (${runs.length} runs)`);
    for (const run of runs) assert.ok((run.historyLength ?? 0) < 4096, `run ${run.runId}: ${run.historyLength} events`);
    assert.ok(Math.max(...runs.map((r) => r.historyLength ?? 0)) < 1000, 'Math.max(...runs.map((r) => r.historyLength ?? 0)) < 1000');
  });

  test('when an officer waives an open obligation with a reason, then it is WAIVED and the next one counts from the waiver', async () => {
    const kampung = await admin.propose({ programCode: KSM, kelurahanCode: '36.71.07.1013', rw: '4' });
    await admin.post(`/api/cases/${kampung.id}/assignments`, { userId: mentorId, role: 'MENTOR' });
    const [open] = await eventually(async () => {
      const list = await obligationsOf(admin, kampung.id);
      assert.equal(list.length, 1);
      return list;
    });
    const noReason = await admin.post(`/api/obligations/${open.id}/waive`, {});
    assert.equal(noReason.status, 422);
    const viewer = await ApiClient.signedIn(env.auditor());
    assert.equal((await viewer.post(`/api/obligations/${open.id}/waive`, { reason: 'x' })).status, 403);

    const before = Date.now();
    const waived = await admin.post(`/api/obligations/${open.id}/waive`, { reason: 'Pendamping cuti melahirkan; kunjungan diganti rapat daring' });
    assert.equal(waived.status, 200, JSON.stringify(waived.body));
    assert.equal(waived.body.status, 'WAIVED');
    assert.equal(waived.body.waivedReason, 'Pendamping cuti melahirkan; kunjungan diganti rapat daring');
    const after = Date.now();
    const next = await eventually(async () => {
      const list = await obligationsOf(admin, kampung.id);
      assert.equal(list.length, 2);
      return list.find((o) => o.id !== open.id);
    });
    const due = Date.parse(next.dueAt);
    assert.ok(due >= before + 4000 && due <= after + 4000, 'the next visit is due a cadence after the waiver');
    const again = await admin.post(`/api/obligations/${open.id}/waive`, { reason: 'lagi' });
    assert.equal(again.status, 409);
    assert.equal((await admin.post('/api/obligations/00000000-0000-4000-8000-000000000000/waive', { reason: 'x' })).status, 404);
  });

  test('Kampung Tematik: two IAI architects per kecamatan, a third is refused with a clear message', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push((await newAccount('IAI_ARCHITECT')).id);
    const a = await admin.propose({ kelurahanCode: '33.74.16.1001' });
    const b = await admin.propose({ kelurahanCode: '33.74.16.1002' });
    assert.equal((await admin.post(`/api/cases/${a.id}/assignments`, { userId: ids[0], role: 'IAI_ARCHITECT' })).status, 201);
    assert.equal((await admin.post(`/api/cases/${b.id}/assignments`, { userId: ids[1], role: 'IAI_ARCHITECT' })).status, 201);
    const same = await admin.post(`/api/cases/${b.id}/assignments`, { userId: ids[0], role: 'IAI_ARCHITECT' });
    assert.equal(same.status, 201, 'an architect already serving the kecamatan may take another kampung there');
    const third = await admin.post(`/api/cases/${b.id}/assignments`, { userId: ids[2], role: 'IAI_ARCHITECT' });
    assert.equal(third.status, 409);
    assert.equal(third.body.code, 'CONFLICT');
    assert.match(third.body.detail, /already has 2 IAI architects/);
    const team = (await admin.get(`/api/cases/${b.id}/assignments`)).body;
    assert.deepEqual(team.map((t: any) => t.user.id).sort(), [ids[0], ids[1]].sort());
  });
});
