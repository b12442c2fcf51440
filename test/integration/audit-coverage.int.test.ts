/**
 * The audit log holds every kind of change: this test makes one of each through the API and then
 * finds, for every action of AUDIT_ACTIONS, an entry with who, the request id and the source
 * address (and, for changes, what changed). The few kinds that only a failing workflow service
 * produces are named below with the test that covers them instead.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { createDb, type Db } from '@kampung/db';
import { AUDIT_ACTIONS, reportPeriodLabel, type AuditAction, type Stage } from '@kampung/domain';
import { ApiClient, uniqueName } from './support/api-client';
import { newAccount } from './support/accounts';
import { env } from './support/env';
import { FULL_PATH, moverOf, validData } from './support/stage-data';
import { caseObligationsWorkflowId } from '@kampung/workflows';
import { eventually, withTemporal } from './support/temporal';

/** Written only when Temporal refuses or is down after the row was written (the entry then records
 * the compensation); the refusal paths are exercised by the tests named. */
const ONLY_ON_WORKFLOW_FAILURE: Partial<Record<AuditAction, string>> = {
  CASE_PROPOSAL_UNDONE: 'the case workflow could not be started (Temporal down)',
  ASSIGNMENT_UNDONE: 'the visit cadence could not be started (Temporal down)',
  OBLIGATION_WAIVER_UNDONE: 'the cadence had moved on to another obligation between the read and the waiver',
};

const KT = 'KAMPUNG_TEMATIK';

describe('the audit log contains each kind of change', () => {
  let admin: ApiClient;
  let db: Db;
  const start = new Date(Date.now() - 1000).toISOString();
  before(async () => {
    admin = await ApiClient.signedIn(env.admin());
    db = createDb(env.databaseUrl, { max: 2 });
  });
  after(async () => {
    await db.destroy();
  });

  /** A sign-in from an address of its own, so the failures here do not count against the suite's. */
  const loginFrom = (address: string, body: unknown) =>
    fetch(`${env.appUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': address }, body: JSON.stringify(body) });
  const linkOf = async (userId: string, template: string) => {
    const row = await db.selectFrom('outbox').select('payload').where('recipient_id', '=', userId).where('template', '=', template).orderBy('created_at', 'desc').executeTakeFirstOrThrow();
    return new URL((row.payload as { link: string }).link).hash.slice(1);
  };

  test('one change of each kind, each found in the log with who and what', async () => {
    const ok = (res: { status: number; body: unknown }, status: number, what: string) => assert.equal(res.status, status, `${what}: ${JSON.stringify(res.body)}`);

    // Sessions
    const locked = `terkunci-${Date.now()}@kampung.demo`;
    for (let i = 0; i < 6; i++) await loginFrom('10.77.0.1', { email: locked, password: 'salah-sekali' });
    // Accounts: invite, resend, accept, change, deactivate, reactivate, supervisor, password change, reset
    const email = `cakupan-${Date.now()}@semarangkota.go.id`;
    const invited = await admin.post('/api/users', { email, name: 'Wahyu Cakupan', role: 'MENTOR' });
    ok(invited, 201, 'invite');
    ok(await admin.post(`/api/users/${invited.body.id}/invitation`), 200, 'resend');
    const password = 'sungai kaligarang jernih';
    ok(await new ApiClient().post('/api/invitations/accept', { token: await linkOf(invited.body.id, 'USER_INVITED'), password }), 204, 'accept');
    ok(await admin.request('PATCH', `/api/users/${invited.body.id}`, { programCodes: [KT] }), 200, 'change scope');
    ok(await admin.request('PATCH', `/api/users/${invited.body.id}`, { active: false }), 200, 'deactivate');
    ok(await admin.request('PATCH', `/api/users/${invited.body.id}`, { active: true }), 200, 'reactivate');
    ok(await admin.request('PUT', `/api/users/${invited.body.id}/supervisor`, { supervisorId: (await admin.get('/api/me')).body.id }), 200, 'supervisor');
    const colleague = await ApiClient.signedIn({ email, password });
    const newPassword = 'hujan deras di simpang lima';
    ok(await colleague.post('/api/auth/password', { currentPassword: password, newPassword }), 204, 'password change');
    ok(await new ApiClient().post('/api/auth/password-reset-request', { email }), 202, 'reset request');
    ok(await new ApiClient().post('/api/invitations/accept', { token: await linkOf(invited.body.id, 'PASSWORD_RESET'), password: 'pasar johar ramai pagi' }), 204, 'reset');
    const again = await ApiClient.signedIn({ email, password: 'pasar johar ramai pagi' });
    ok(await again.post('/api/auth/logout-everywhere'), 204, 'sign out everywhere');
    const mentor = await newAccount('MENTOR');
    ok(await mentor.api.post('/api/auth/logout'), 204, 'sign out');

    // A case: proposal, move, team, handover, visit (and one the cadence refuses), waiver, report, reads and exports
    const kampung = await admin.propose({ name: uniqueName('Kampung Cakupan') });
    const moved = await admin.move(kampung.id, 'SURVEY', { data: validData('PROPOSAL', 'SURVEY') });
    ok(moved, 200, 'move');
    const assignment = await admin.post(`/api/cases/${kampung.id}/assignments`, { userId: (await newAccount('MENTOR')).id, role: 'MENTOR' });
    ok(assignment, 201, 'assign');
    ok(await admin.post(`/api/cases/${kampung.id}/assignments/${assignment.body.id}/handover`, { toUserId: mentor.id, reason: 'Pindah tugas' }), 200, 'handover');
    const photoId = randomUUID();
    const photo = await fetch(`${env.appUrl}/api/cases/${kampung.id}/photos/${photoId}`, {
      method: 'PUT', headers: { 'content-type': 'image/jpeg', cookie: admin.cookieHeader(), 'x-csrf-token': admin.csrfToken() }, body: Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]),
    });
    ok({ status: photo.status, body: await photo.text() }, 201, 'photo');
    ok(await admin.post(`/api/cases/${kampung.id}/visits`, { assignmentId: assignment.body.id, visitedOn: new Date().toISOString(), kind: 'MENTORING', notes: 'Kunjungan', photoIds: [photoId] }), 201, 'visit');
    const committee = await admin.post(`/api/cases/${kampung.id}/assignments`, { userId: (await newAccount('COMMITTEE')).id, role: 'COMMITTEE_CONTACT' });
    ok(committee, 201, 'committee contact');
    // The committee contact has no visit cadence: the visit is written, refused by the workflow and taken back.
    ok(await admin.post(`/api/cases/${kampung.id}/visits`, { assignmentId: committee.body.id, visitedOn: new Date().toISOString(), kind: 'MENTORING', notes: 'Tanpa kadens' }), 409, 'visit without a cadence');
    ok(await admin.post(`/api/cases/${kampung.id}/assignments/${committee.body.id}/end`, { reason: 'Ketua diganti' }), 200, 'assignment ended');
    const open = await eventually(async () => {
      const [o] = (await admin.get(`/api/obligations?case=${kampung.id}&open=true&kind=STAGE_DEADLINE`)).body.items;
      assert.ok(o, 'the Survei deadline is not written yet');
      return o;
    });
    ok(await admin.post(`/api/obligations/${open.id}/waive`, { reason: 'Survei ditunda' }), 200, 'waive');
    // A report covers a month of the case's implementation: on to it, then the month under way.
    let stage: Stage = 'SURVEY';
    for (const to of FULL_PATH.slice(FULL_PATH.indexOf('SURVEY') + 1, FULL_PATH.indexOf('IMPLEMENTATION') + 1)) {
      ok(await admin.move(kampung.id, to, { data: validData(stage, to) }), 200, `move to ${to}`);
      stage = to;
    }
    ok(await admin.post(`/api/cases/${kampung.id}/monitoring-reports`, { period: reportPeriodLabel(new Date(), 'P1M'), progressPercent: 80, budgetRealised: 1_000 }), 201, 'report');
    ok(await admin.get(`/api/cases/${kampung.id}`), 200, 'read the case (its proposer)');
    assert.equal((await fetch(`${env.appUrl}/api/cases/export?q=Cakupan`, { headers: { cookie: admin.cookieHeader() } })).status, 200, 'export');

    // Program settings and one's lists
    const policy = (await admin.get(`/api/programs/${KT}/policy`)).body;
    ok(await admin.request('PUT', `/api/programs/${KT}/policy`, { baseVersion: policy.version, changeNote: 'Uji cakupan audit', policy: policy.policy }), 200, 'policy');
    const settings = (await admin.get('/api/dashboard/settings')).body;
    ok(await admin.request('PUT', '/api/dashboard/settings', settings), 200, 'dashboard settings');
    const worklist = await admin.post('/api/worklists', { target: 'cases', name: uniqueName('Daftar cakupan'), filters: {} });
    ok(worklist, 201, 'worklist');
    ok(await admin.request('PUT', `/api/worklists/${worklist.body.id}`, { target: 'cases', name: uniqueName('Daftar cakupan baru'), filters: {} }), 200, 'worklist change');
    ok(await admin.request('DELETE', `/api/worklists/${worklist.body.id}`), 204, 'worklist delete');

    // One data: an import (with two people registered twice), an activity and its records, and the duplicate queue
    const word = String(Date.now() % 100000).split('').map((d) => 'bcdfghjklm'[Number(d)]).join('');
    const line = (kkNo: string, nikNo: string, name: string, rt: string) =>
      [kkNo, nikNo, name, '1975-08-21', 'L', 'KEPALA KELUARGA', 'Jl. Cakupan', rt, '3', '33.74.08.1005', '2', '', '2026-09-30', 'DTKS'].join(',');
    const seq = String(Date.now() % 9000 + 1000);
    const file = ['no_kk,nik,nama,tanggal_lahir,jenis_kelamin,hubungan_keluarga,alamat,rt,rw,kode_kelurahan,desil,id_dtks,tanggal_data,sumber',
      line(`337408010120${seq}`, `337408210875${seq}`, `Djoko Cakupan ${word}`, '001'),
      line(`337408010121${seq}`, `337408210876${seq}`, `Joko Cakupan ${word}`, '002'),
      line(`337408010122${seq}`, `337408210877${seq}`, `Bambang Ganda ${word}`, '003'),
      line(`337408010123${seq}`, `337408210878${seq}`, `Bambang Gandha ${word}`, '004'),
    ].join('\n');
    const upload = await fetch(`${env.appUrl}/api/household-imports?filename=cakupan.csv`, {
      method: 'POST', headers: { 'content-type': 'text/csv', cookie: admin.cookieHeader(), 'x-csrf-token': admin.csrfToken() }, body: file,
    });
    const started = (await upload.json()) as { id: string };
    await eventually(async () => assert.equal((await admin.get(`/api/household-imports/${started.id}`)).body.status, 'DONE', 'the import has not finished'));
    // A second, longer list (3,000 households) is cancelled as soon as it is taken: checking and
    // writing it lasts seconds, so the cancellation finds it running.
    const letters = (n: number) => String(n).split('').map((d) => 'bcdfghjklm'[Number(d)]).join('');
    const long = ['no_kk,nik,nama,tanggal_lahir,jenis_kelamin,hubungan_keluarga,alamat,rt,rw,kode_kelurahan,desil,id_dtks,tanggal_data,sumber'];
    for (let i = 0; i < 3000; i++) {
      const day = String(1 + (i % 28)).padStart(2, '0');
      const serial = String(1000 + Math.floor(i / 28));
      long.push([`3374080199${seq.slice(0, 2)}${String(i).padStart(4, '0')}`, `337408${day}0775${serial}`, `Warga Batal ${word} ${letters(i)}`, `1975-07-${day}`, 'L', 'KEPALA KELUARGA', 'Jl. Batal', '005', '3', '33.74.08.1005', '2', '', '2026-09-30', 'DTKS'].join(','));
    }
    const longUpload = await fetch(`${env.appUrl}/api/household-imports?filename=dibatalkan.csv`, {
      method: 'POST', headers: { 'content-type': 'text/csv', cookie: admin.cookieHeader(), 'x-csrf-token': admin.csrfToken() }, body: long.join('\n'),
    });
    const cancelled = (await longUpload.json()) as { id: string };
    ok(await admin.post(`/api/household-imports/${cancelled.id}/cancel`), 200, 'import cancel');
    const manager = await ApiClient.signedIn(env.manager());
    const working = await admin.propose({ name: uniqueName('Kampung Cakupan Kegiatan') });
    let at = 'PROPOSAL' as Stage;
    for (const to of FULL_PATH.slice(0, FULL_PATH.indexOf('IMPLEMENTATION') + 1)) {
      ok(await moverOf(at, to, admin, manager).move(working.id, to, { data: validData(at, to) }), 200, `move to ${to}`);
      at = to;
    }
    // A report whose obligations workflow is gone (terminated here): stored, refused, taken back.
    const due = await eventually(async () => {
      const [o] = (await admin.get(`/api/obligations?case=${working.id}&open=true&kind=MONITORING_REPORT`)).body.items;
      assert.ok(o, 'the first report obligation is not written yet');
      return o;
    });
    await withTemporal((client) => client.workflow.getHandle(caseObligationsWorkflowId(working.id)).terminate('audit coverage: a report the workflow cannot take'));
    ok(await admin.post(`/api/cases/${working.id}/monitoring-reports`, { period: due.periodLabel, progressPercent: 80, budgetRealised: 1_000 }), 409, 'report refused');
    const activity = await admin.post(`/api/cases/${working.id}/activities`, { agencyCode: 'DISNAKER', title: 'Pelatihan cukur rambut', kind: 'TRAINING', quota: 5, budget: 5_000_000, budgetSource: 'APBD', sessions: [{ date: '2026-12-01', topic: 'Dasar' }] });
    ok(activity, 201, 'activity');
    const [resident] = (await admin.get(`/api/cases/${working.id}/residents?q=${word}`)).body as { id: string }[];
    ok(await admin.post(`/api/activities/${activity.body.id}/participants`, { personIds: [resident!.id] }), 200, 'enrol');
    ok(await admin.request('PUT', `/api/activities/${activity.body.id}/attendance`, { sessionId: activity.body.sessions[0].id, records: [{ personId: resident!.id, present: true }] }), 200, 'attendance');
    ok(await admin.post(`/api/activities/${activity.body.id}/outputs`, { personId: resident!.id, kind: 'CERTIFIED', note: null }), 200, 'output');
    ok(await admin.post('/api/duplicates/run'), 200, 'duplicate run');
    const queue = ((await admin.get('/api/duplicates?status=OPEN')).body as any[]).filter((c) => c.a.name.endsWith(word));
    assert.equal(queue.length, 2, `both planted pairs are in the queue: ${JSON.stringify(queue.map((c) => [c.a.name, c.b.name]))}`);
    ok(await admin.post(`/api/duplicates/${queue[0].id}/decision`, { decision: 'MERGE', keepId: queue[0].a.id }), 200, 'merge request');
    ok(await manager.post(`/api/duplicates/${queue[0].id}/approval`), 200, 'merge approval');
    ok(await admin.post(`/api/duplicates/${queue[1].id}/decision`, { decision: 'DISMISS' }), 200, 'dismissal');

    // Every kind is in the log (the move's entry is written by the worker, a moment later).
    const found = await eventually(async () => {
      const rows = await db.selectFrom('audit_log').select(['action', 'actor_id', 'request_id', 'source_ip', 'before', 'after']).where('at', '>=', new Date(start)).execute();
      const actions = new Set(rows.map((r) => r.action));
      const missing = AUDIT_ACTIONS.filter((a) => !actions.has(a) && !ONLY_ON_WORKFLOW_FAILURE[a]);
      assert.deepEqual(missing, [], 'every kind of change is in the audit log');
      return rows;
    });
    for (const row of found.filter((r) => !['LOGIN_FAILED', 'LOGIN_REFUSED_LOCKED', 'PASSWORD_RESET_REQUESTED'].includes(r.action))) {
      assert.ok(row.actor_id, `${row.action} names who`);
    }
    for (const row of found) assert.ok(row.request_id && row.source_ip, `${row.action} has the request id and the source address`);
    const change = (action: string) => found.find((r) => r.action === action)!;
    assert.deepEqual([change('CASE_TRANSITIONED').before, (change('CASE_TRANSITIONED').after as any).stage], [{ stage: 'PROPOSAL' }, 'SURVEY'], 'a move: from and to');
    assert.deepEqual(change('USER_CHANGED').after, { programCodes: [KT] }, 'a scope change: what it became');
    assert.deepEqual(change('USER_CHANGED').before, { programCodes: [] }, 'and what it was');
    assert.equal((change('OBLIGATION_WAIVED').before as any).status !== undefined, true, 'a waiver: the status before');
    assert.deepEqual((change('ASSIGNMENT_HANDED_OVER').after as any).userId, mentor.id, 'a handover: to whom');
  });
});
