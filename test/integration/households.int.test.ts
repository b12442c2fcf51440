/**
 * One data: a registry list imported once (all or nothing, idempotent), people masked for roles
 * without need and unmasked reads audited, activities of a kampung in implementation with their
 * participants, attendance and outputs, what a household received, and duplicates found, merged
 * only with a manager's approval and counted once.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { createDb, type Db } from '@kampung/db';
import type { Stage } from '@kampung/domain';
import { ApiClient, proposal, uniqueName } from './support/api-client';
import { newAccount } from './support/accounts';
import { env } from './support/env';
import { FULL_PATH, moverOf, validData } from './support/stage-data';
import { eventually, withTemporal } from './support/temporal';

/** Karanganyar Gunung, Candisari (Semarang): the kampung and its households. */
const KELURAHAN = '33.74.08.1005';
const HEADER = 'no_kk,nik,nama,tanggal_lahir,jenis_kelamin,hubungan_keluarga,alamat,rt,rw,kode_kelurahan,desil,id_dtks,tanggal_data,sumber';

/** A NIK as Dukcapil forms it: kecamatan 33.74.08, the birth date (day + 40 for women), a sequence. */
function nik(birthDate: string, sex: 'L' | 'P', seq: number): string {
  const [y, m, d] = birthDate.split('-');
  const day = String(Number(d) + (sex === 'P' ? 40 : 0)).padStart(2, '0');
  return `337408${day}${m}${y!.slice(2)}${String(seq).padStart(4, '0')}`;
}

interface Member { name: string; birthDate: string; sex: 'L' | 'P'; relation: string; seq: number }
function rows(kk: string, rt: string, members: Member[], decile = 2): string[] {
  return members.map((m) => [kk, nik(m.birthDate, m.sex, m.seq), m.name, m.birthDate, m.sex, m.relation, `Jl. Karanganyar Gunung RT ${rt}`, rt, '3', KELURAHAN, String(decile), '', '2026-09-30', 'DTKS'].join(','));
}

describe('one data: households, activities and duplicates', () => {
  let officer: ApiClient;
  let manager: ApiClient;
  let admin: ApiClient;
  let db: Db;
  const tag = Date.now() % 9000 + 1000; // keeps this run's KK and NIK apart from other runs
  /** The tag in letters, for names (registry names have no digits). */
  const word = String(tag).split('').map((d) => 'bcdfghjklm'[Number(d)]).join('');
  const kk = (n: number) => `33740801012${String(tag).padStart(4, '0')}${n}`.slice(0, 16);
  const family = (n: number, seqBase: number): string[] => rows(kk(n), '00' + n, [
    { name: `Slamet Riyadi ${word} ${'abc'[n - 1] ?? 'd'}`, birthDate: '1980-05-17', sex: 'L', relation: 'KEPALA KELUARGA', seq: seqBase + 1 },
    { name: `Sri Wahyuni ${word} ${'abc'[n - 1] ?? 'd'}`, birthDate: '1983-02-09', sex: 'P', relation: 'ISTRI', seq: seqBase + 2 },
    { name: `Budi Santoso ${word} ${'abc'[n - 1] ?? 'd'}`, birthDate: '2006-11-30', sex: 'L', relation: 'ANAK', seq: seqBase + 3 },
  ]);
  const csv = (lines: string[]) => [HEADER, ...lines].join('\n');
  const seqBase = (tag % 900) * 10;

  before(async () => {
    officer = await ApiClient.signedIn(env.officer());
    manager = await ApiClient.signedIn(env.manager());
    admin = await ApiClient.signedIn(env.admin());
    db = createDb(env.databaseUrl, { max: 2 });
  });
  after(async () => {
    await db.destroy();
  });

  async function upload(client: ApiClient, body: string | Buffer, filename: string, type = 'text/csv') {
    const res = await fetch(`${env.appUrl}/api/household-imports?filename=${encodeURIComponent(filename)}`, {
      method: 'POST',
      headers: { 'content-type': type, cookie: client.cookieHeader(), 'x-csrf-token': client.csrfToken() },
      body,
    });
    const started = (await res.json()) as { id: string };
    assert.equal(res.status, 202, JSON.stringify(started));
    return eventually(async () => {
      const current = (await client.get(`/api/household-imports/${started.id}`)).body;
      assert.ok(['DONE', 'REFUSED', 'FAILED', 'CANCELLED'].includes(current.status), `still ${current.status} (${current.processedRows}/${current.totalRows})`);
      return current;
    }, { timeoutMs: 60_000 });
  }
  const personCount = async () => Number((await db.selectFrom('persons').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);

  test('a registry list is imported whole or not at all, and importing it again changes nothing', async () => {
    const file = csv([...family(1, seqBase), ...family(2, seqBase + 10), ...family(3, seqBase + 20)]);
    const first = await upload(officer, file, 'dtks-karanganyar.csv');
    assert.equal(first.status, 'DONE', JSON.stringify(first));
    assert.deepEqual([first.totalRows, first.households, first.personsCreated, first.personsUpdated, first.personsUnchanged], [9, 3, 9, 0, 0]);
    const again = await upload(officer, file, 'dtks-karanganyar.csv');
    assert.deepEqual([again.status, again.personsCreated, again.personsUpdated, again.personsUnchanged], ['DONE', 0, 0, 9], 'the same file again: nothing new, nothing changed');

    // A file with one bad row is refused whole, with the row's line and column, and writes nothing.
    const before = await personCount();
    const bad = family(4, seqBase + 30);
    bad[1] = bad[1]!.replace(/,\d{16},/, ',12345,'); // line 3: a NIK of 5 digits
    const refused = await upload(officer, csv(bad), 'dtks-salah.csv');
    assert.equal(refused.status, 'REFUSED');
    assert.ok(refused.problems.some((p: any) => p.line === 3 && p.column === 'nik'), `the report names line 3, column nik: ${JSON.stringify(refused.problems)}`);
    assert.equal(await personCount(), before, 'nothing of the refused file was written');

    // XLSX, as the registry also exports: a change of decile updates the household, once.
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('DTKS');
    for (const line of [HEADER, ...family(1, seqBase).map((l) => l.replace(/,2,,2026-09-30/, ',3,,2026-10-31'))]) sheet.addRow(line.split(','));
    const xlsx = Buffer.from(await workbook.xlsx.writeBuffer());
    const updated = await upload(officer, xlsx, 'dtks-oktober.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    assert.equal(updated.status, 'DONE', JSON.stringify(updated));
    const household = await db.selectFrom('households').select(['decile']).where('kk', '=', kk(1)).executeTakeFirstOrThrow();
    assert.equal(household.decile, 3, 'the household has the newer decile');

    // The son of family 3 now has his own card (RT 009): the same person (NIK), MOVED, with where he was kept.
    const son = family(3, seqBase + 20)[2]!.split(',');
    const movedLine = [kk(7), son[1], son[2], son[3], son[4], 'KEPALA KELUARGA', 'Jl. Karanganyar Gunung RT 009', '009', '3', KELURAHAN, '2', '', '2026-10-31', 'DTKS'].join(',');
    const moved = await upload(officer, csv([movedLine]), 'dtks-pindah.csv');
    assert.deepEqual([moved.status, moved.personsCreated, moved.personsUpdated], ['DONE', 0, 1], JSON.stringify(moved));
    const person = await db.selectFrom('persons').innerJoin('households', 'households.id', 'persons.household_id').select(['persons.id', 'persons.quality', 'households.kk']).where('persons.nik', '=', son[1]!).executeTakeFirstOrThrow();
    assert.deepEqual([person.quality, person.kk], ['MOVED', kk(7)], 'one person, now on the new card, marked MOVED');
    const was = await db.selectFrom('person_history').select('cause').where('person_id', '=', person.id).execute();
    assert.ok(was.some((h) => h.cause === 'IMPORT'), 'where he was is kept');

    const audited = await db.selectFrom('audit_log').select('after').where('action', '=', 'HOUSEHOLDS_IMPORTED').where('subject_id', '=', first.id).execute();
    assert.equal(audited.length, 1, 'the import is audited with its counts');
  });

  test('NIKs are masked for roles without need; an unmasked read is allowed to few and audited', async () => {
    const list = (await officer.get(`/api/households?q=${kk(2)}`)).body;
    assert.equal(list.total, 1, JSON.stringify(list));
    const id = list.items[0].id;
    const masked = (await manager.get(`/api/households/${id}`)).body;
    assert.match(masked.members[0].nik, /^3374\*{8}\d{4}$/, 'masked as 3374********0001');
    assert.equal(masked.kkMasked, true);
    assert.equal((await manager.get(`/api/households/${id}?unmask=true`)).status, 403, 'a manager has no need of the whole NIK');
    const whole = await officer.get(`/api/households/${id}?unmask=true`);
    assert.equal(whole.status, 200);
    assert.match(whole.body.members[0].nik, /^\d{16}$/);
    const reads = await db.selectFrom('audit_log').select(['actor_id']).where('action', '=', 'PERSONAL_DATA_READ').where('subject_id', '=', id).execute();
    assert.equal(reads.length, 1, 'the unmasked read is audited, the masked one is not');
    const mentor = await newAccount('MENTOR');
    assert.equal((await mentor.api.get(`/api/households/${id}`)).status, 404, 'a mentor not assigned to this kampung does not reach its households');
  });

  test('an agency runs an activity for a kampung in implementation: participants, attendance, outputs, and what each household received', async () => {
    const kampung = await admin.propose(proposal({ name: uniqueName('Kampung Kegiatan'), kelurahanCode: KELURAHAN }));
    const activity = {
      agencyCode: 'DISNAKER', title: 'Pelatihan servis AC', kind: 'TRAINING', quota: 2, budget: 15_000_000, budgetSource: 'APBD',
      sessions: [{ date: '2026-12-01', topic: 'Dasar pendinginan' }, { date: '2026-12-08', topic: 'Praktik servis' }],
    };
    assert.equal((await officer.post(`/api/cases/${kampung.id}/activities`, activity)).status, 409, 'not before implementation');
    let stage: Stage = 'PROPOSAL';
    for (const to of FULL_PATH.slice(0, FULL_PATH.indexOf('IMPLEMENTATION') + 1)) {
      const res = await moverOf(stage, to, admin, manager).move(kampung.id, to, { data: validData(stage, to) });
      assert.equal(res.status, 200, JSON.stringify(res.body));
      stage = to;
    }
    const csr = await officer.post(`/api/cases/${kampung.id}/activities`, { ...activity, budgetSource: 'CSR' });
    assert.deepEqual([csr.status, csr.body.errors?.map((e: any) => e.path)], [422, ['sponsor']], 'a CSR budget names its sponsor');
    const created = await officer.post(`/api/cases/${kampung.id}/activities`, activity);
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const a = created.body;

    const residents = (await officer.get(`/api/cases/${kampung.id}/residents?q=${word}`)).body as any[];
    const [first, second, third] = residents.filter((p) => p.relation === 'KEPALA_KELUARGA');
    assert.ok(first && second && third, `three heads of household found: ${JSON.stringify(residents.map((r) => r.name))}`);
    const enrolled = await officer.post(`/api/activities/${a.id}/participants`, { personIds: [first.id, second.id] });
    assert.equal(enrolled.status, 200, JSON.stringify(enrolled.body));
    assert.equal((await officer.post(`/api/activities/${a.id}/participants`, { personIds: [third.id] })).status, 409, 'the quota is 2');

    // The labour agency's staff reach this kampung through their activity, and take attendance.
    const agency = await newAccount('AGENCY_STAFF', { agencyCode: 'DISNAKER' });
    assert.equal((await agency.api.get(`/api/cases/${kampung.id}`)).status, 200, 'their agency works here');
    const other = await newAccount('AGENCY_STAFF', { agencyCode: 'DINKES' });
    assert.equal((await other.api.get(`/api/cases/${kampung.id}`)).status, 404, 'another agency does not reach it');
    assert.equal((await agency.api.post(`/api/cases/${kampung.id}/activities`, { ...activity, agencyCode: 'DINKES' })).status, 403, 'nor adds activities for another agency');
    const [s1, s2] = a.sessions;
    const attendance = await agency.api.request('PUT', `/api/activities/${a.id}/attendance`, { sessionId: s1.id, records: [{ personId: first.id, present: true }, { personId: second.id, present: false }] });
    assert.equal(attendance.status, 200, JSON.stringify(attendance.body));
    await agency.api.request('PUT', `/api/activities/${a.id}/attendance`, { sessionId: s2.id, records: [{ personId: first.id, present: true }] });
    const stranger = await agency.api.request('PUT', `/api/activities/${a.id}/attendance`, { sessionId: s2.id, records: [{ personId: third.id, present: true }] });
    assert.equal(stranger.status, 422, 'attendance of participants only');
    const output = await agency.api.post(`/api/activities/${a.id}/outputs`, { personId: first.id, kind: 'CERTIFIED', note: 'Sertifikat BNSP' });
    assert.equal(output.status, 200, JSON.stringify(output.body));
    const view = output.body;
    assert.deepEqual(view.sessions.map((s: any) => s.present), [1, 1]);
    assert.deepEqual(view.sessions.map((s: any) => s.presentIds), [[first.id], [first.id]], 'who was present at each session');
    assert.deepEqual(view.participants.map((p: any) => [p.name, p.sessionsAttended]).sort(), [[first.name, 2], [second.name, 0]].sort());

    // The household page: what it received, from whom, when.
    const household = (await officer.get(`/api/households/${await householdOf(first.id)}`)).body;
    const received = household.received.find((r: any) => r.activityId === a.id);
    assert.deepEqual(
      [received.agency.code, received.case.id, received.person.id, received.firstSession, received.lastSession, received.sessionsAttended, received.sessions, received.outputs],
      ['DISNAKER', kampung.id, first.id, '2026-12-01', '2026-12-08', 2, 2, ['CERTIFIED']],
    );
    const kinds = (await db.selectFrom('audit_log').select('action').where('case_id', '=', kampung.id).execute()).map((r) => r.action);
    for (const k of ['ACTIVITY_CREATED', 'PARTICIPANTS_ENROLLED', 'ATTENDANCE_RECORDED', 'OUTPUT_RECORDED']) assert.ok(kinds.includes(k), `${k} is audited`);
  });

  /** The dashboard's figure computed now (past its cache). */
  async function beneficiaries() {
    const res = await fetch(`${env.appUrl}/api/dashboard`, { headers: { cookie: admin.cookieHeader(), 'cache-control': 'no-cache' } });
    return ((await res.json()) as { beneficiaries: { people: number; households: number; enrolments: number } }).beneficiaries;
  }

  async function householdOf(personId: string) {
    return (await db.selectFrom('persons').select('household_id').where('id', '=', personId).executeTakeFirstOrThrow()).household_id;
  }

  test('a person registered twice is found, merged only with a manager\'s approval, and counted once', async () => {
    // The same man again in a new family card (he moved RT), his name typed in the old spelling and his NIK mistyped.
    const original = { name: `Djoko Susilo ${word}`, birthDate: '1975-08-21', sex: 'L' as const };
    const file = csv([
      ...rows(kk(5), '005', [{ ...original, relation: 'KEPALA KELUARGA', seq: seqBase + 41 }]),
      ...rows(kk(6), '006', [{ ...original, name: `Joko Susilo ${word}`, relation: 'KEPALA KELUARGA', seq: seqBase + 42 }]),
    ]);
    assert.equal((await upload(officer, file, 'dtks-ganda.csv')).status, 'DONE');
    // Detection runs on the worker; the answer waits for it (202 if it runs longer, on a loaded machine).
    const run = await officer.post('/api/duplicates/run');
    assert.ok([200, 202].includes(run.status), JSON.stringify(run.body));
    await withTemporal((client) => client.workflow.getHandle('duplicate-detection').result());
    const open = (await officer.get('/api/duplicates?status=OPEN')).body as any[];
    const pair = open.find((c) => [c.a.name, c.b.name].sort().join('|') === [original.name, `Joko Susilo ${word}`].sort().join('|'));
    assert.ok(pair, `the pair is in the review queue: ${JSON.stringify(open.map((c) => [c.a.name, c.b.name, c.kind]).slice(0, 5))}`);
    assert.match(pair.a.nik, /\*/, 'masked in the queue');

    // Both took part in something before the merge.
    const keep = pair.a.name === original.name ? pair.a : pair.b;
    const gone = keep === pair.a ? pair.b : pair.a;
    assert.equal((await officer.post(`/api/duplicates/${pair.id}/approval`)).status, 403, 'reviewers do not approve');
    const requested = await officer.post(`/api/duplicates/${pair.id}/decision`, { decision: 'MERGE', keepId: keep.id });
    assert.equal(requested.status, 200, JSON.stringify(requested.body));
    const before = await beneficiaries();
    const approved = await manager.post(`/api/duplicates/${pair.id}/approval`);
    assert.equal(approved.status, 200, JSON.stringify(approved.body));
    const merged = await db.selectFrom('persons').select(['merged_into', 'quality']).where('id', '=', gone.id).executeTakeFirstOrThrow();
    assert.deepEqual([merged.merged_into, merged.quality], [keep.id, 'DUPLICATE'], 'the record stays, pointing to the one kept');
    const history = await db.selectFrom('person_history').select('cause').where('person_id', '=', gone.id).execute();
    assert.ok(history.some((h) => h.cause === 'MERGE'), 'its state before the merge is kept');
    assert.equal((await manager.post(`/api/duplicates/${pair.id}/approval`)).status, 409, 'once');

    // Beneficiaries are counted once: the direct count over the stored rows equals the dashboard's.
    const { rows: [direct] } = await sql<{ people: string }>`
      select count(distinct coalesce(p.merged_into, p.id)) as people from activity_participants ap join persons p on p.id = ap.person_id`.execute(db);
    const after = await beneficiaries();
    assert.equal(after.people, Number(direct!.people), 'the dashboard counts each person once');
    assert.ok(after.people <= before.people, 'a merge never adds beneficiaries');
  });
});
