import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { createDb, type Db } from '@kampung/db';
import { MAX_PHOTO_BYTES } from '@kampung/domain';
import { ApiClient, type ApiResponse } from './support/api-client';
import { env } from './support/env';
import { newAccount, type TestAccount } from './support/accounts';
import { eventually } from './support/temporal';

/** A visit's evidence (issue 14, point 4): photos uploaded first under the phone's own ids, then
 * listed by the visit with the phone's location; shown on the timeline and in the obligation list,
 * read back whole, hidden outside the case's reach; nothing lost or doubled when sent twice. */
const KSM = 'KAMPUNG_SEJAHTERA_MANDIRI';
const HOUR = 3_600_000;

/** A JPEG as far as its magic number goes, its other bytes `fill`: different fills, different photos. */
function jpeg(fill: number, size = 4096): Buffer {
  const bytes = Buffer.alloc(size, fill);
  bytes.set([0xff, 0xd8, 0xff, 0xe0]);
  return bytes;
}
const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(1024, 7)]);

async function putPhoto(who: ApiClient, caseId: string, photoId: string, bytes: Buffer, type = 'image/jpeg', headers: Record<string, string> = {}) {
  const res = await fetch(`${env.appUrl}/api/cases/${caseId}/photos/${photoId}`, {
    method: 'PUT',
    headers: { 'content-type': type, cookie: who.cookieHeader(), 'x-csrf-token': who.csrfToken(), ...headers },
    body: bytes,
  });
  const text = await res.text();
  return { status: res.status, contentType: res.headers.get('content-type') ?? '', body: text ? JSON.parse(text) : undefined };
}

async function getPhoto(who: ApiClient, caseId: string, photoId: string) {
  const res = await fetch(`${env.appUrl}/api/cases/${caseId}/photos/${photoId}`, { headers: { cookie: who.cookieHeader() } });
  return { status: res.status, headers: res.headers, bytes: Buffer.from(await res.arrayBuffer()) };
}

function ok(res: { status: number; body?: unknown }, status: number, what: string) {
  assert.equal(res.status, status, `${what}: ${JSON.stringify(res.body)}`);
}

describe("a visit's evidence: photos and the phone's location", () => {
  let admin: ApiClient;
  let manager: TestAccount;
  let db: Db;
  before(async () => {
    admin = await ApiClient.signedIn(env.admin());
    manager = await newAccount('MANAGER');
    db = createDb(env.databaseUrl, { max: 2 });
    // A cadence of days (as the other visit tests): every obligation stays open while visits are logged.
    const current = (await admin.get(`/api/programs/${KSM}/policy`)).body;
    const res = await admin.request('PUT', `/api/programs/${KSM}/policy`, {
      baseVersion: current.version,
      changeNote: 'Uji: bukti kunjungan',
      policy: { ...current.policy, visitCadence: { ...current.policy.visitCadence, MENTOR: 'P14D' } },
    });
    ok(res, 200, 'policy');
  });
  after(async () => {
    await db.destroy();
  });

  /** A kampung with a mentor of its own, whose first visit obligation is open. */
  async function kampungWithMentor() {
    const mentor = await newAccount('MENTOR');
    const kampung = await admin.propose({ programCode: KSM, kelurahanCode: '36.71.07.1013', rw: '8' });
    const assignment = await admin.post(`/api/cases/${kampung.id}/assignments`, { userId: mentor.id, role: 'MENTOR' });
    ok(assignment, 201, 'assignment');
    await eventually(async () => {
      const open = await db.selectFrom('obligations').select('id').where('assignment_id', '=', assignment.body.id).where('kind', '=', 'VISIT').execute();
      assert.equal(open.length, 1, 'the first visit obligation is written');
    });
    const visit = (body: Record<string, unknown>, key?: string): Promise<ApiResponse> =>
      mentor.api.request('POST', `/api/cases/${kampung.id}/visits`, { assignmentId: assignment.body.id, kind: 'MENTORING', notes: 'Pendampingan UMKM', ...body }, key ? { 'Idempotency-Key': key } : {});
    return { mentor, caseId: kampung.id as string, assignmentId: assignment.body.id as string, visit };
  }
  const photoRows = (ids: string[]) => db.selectFrom('visit_photos').select(['id', 'visit_id']).where('id', 'in', ids).orderBy('id').execute();
  const visitsOf = (assignmentId: string) => db.selectFrom('visits').select('id').where('assignment_id', '=', assignmentId).execute();

  test('when a mentor uploads a photo, then it is stored unattached; the same photo again is answered alike and stored once; other bytes under its id are refused', async () => {
    const { mentor, caseId } = await kampungWithMentor();
    const id = randomUUID();
    const first = await putPhoto(mentor.api, caseId, id, jpeg(1), 'image/jpeg', { 'X-Photo-Taken-At': '2026-12-03T08:15:00+07:00' });
    ok(first, 201, 'first upload');
    assert.deepEqual(first.body, {
      id, caseId, contentType: 'image/jpeg', sizeBytes: 4096, takenAt: '2026-12-03T01:15:00.000Z', visitId: null, url: `/api/cases/${caseId}/photos/${id}`,
    });

    const again = await putPhoto(mentor.api, caseId, id, jpeg(1), 'image/jpeg', { 'X-Photo-Taken-At': '2026-12-03T08:15:00+07:00' });
    ok(again, 200, 'the same upload again');
    assert.deepEqual(again.body, first.body, 'the same answer');
    assert.equal((await photoRows([id])).length, 1, 'one row');
    const blobs = await db.selectFrom('evidence_blobs').select('key').where('key', 'like', `visit-photos/${caseId}/${id}/%`).execute();
    assert.equal(blobs.length, 1, 'its bytes once');

    const other = await putPhoto(mentor.api, caseId, id, jpeg(2));
    ok(other, 409, 'other bytes, same id');
    assert.equal(other.body.code, 'PHOTO_ID_TAKEN');
    const someoneElse = await putPhoto(admin, caseId, id, jpeg(1));
    ok(someoneElse, 409, 'the same bytes from another person');
    assert.equal(someoneElse.body.code, 'PHOTO_ID_TAKEN');
    assert.ok((await getPhoto(mentor.api, caseId, id)).bytes.equals(jpeg(1)), 'the first bytes stay');
    const blobsAfter = await db.selectFrom('evidence_blobs').select('key').where('key', 'like', `visit-photos/${caseId}/${id}/%`).execute();
    assert.equal(blobsAfter.length, 1, 'nothing of the refused uploads is kept');
  });

  test('when a photo is not what it says, too large or empty, then it is refused in the one error format', async () => {
    const { mentor, caseId } = await kampungWithMentor();
    const disguised = await putPhoto(mentor.api, caseId, randomUUID(), png, 'image/jpeg');
    ok(disguised, 415, 'a PNG declared as a JPEG');
    assert.equal(disguised.body.code, 'PHOTO_TYPE_NOT_ALLOWED');
    assert.match(disguised.contentType, /application\/problem\+json/);
    const gif = await putPhoto(mentor.api, caseId, randomUUID(), Buffer.from('GIF89a........'), 'image/gif');
    ok(gif, 415, 'a GIF');
    assert.equal(gif.body.code, 'PHOTO_TYPE_NOT_ALLOWED');
    ok(await putPhoto(mentor.api, caseId, randomUUID(), png, 'image/png'), 201, 'the PNG as a PNG');

    const tooLarge = await putPhoto(mentor.api, caseId, randomUUID(), jpeg(3, MAX_PHOTO_BYTES + 1));
    ok(tooLarge, 413, '300 KiB and one byte');
    assert.equal(tooLarge.body.code, 'PHOTO_TOO_LARGE');
    assert.equal(tooLarge.body.status, 413);
    assert.match(tooLarge.body.detail, /307200 bytes/, 'the limit is named');
    assert.match(tooLarge.contentType, /application\/problem\+json/);
    ok(await putPhoto(mentor.api, caseId, randomUUID(), jpeg(3, MAX_PHOTO_BYTES)), 201, 'exactly 300 KiB');

    const empty = await putPhoto(mentor.api, caseId, randomUUID(), Buffer.alloc(0));
    ok(empty, 422, 'an empty body');
    assert.equal(empty.body.code, 'VALIDATION_FAILED');
    const badId = await putPhoto(mentor.api, caseId, 'foto-1', jpeg(4));
    ok(badId, 422, 'an id that is not a UUID');
  });

  test('when a visit lists its photos and location, then it answers them, the photos read back whole, and the timeline, the obligation list, the dashboard and the audit log show the evidence', async () => {
    const { mentor, caseId, assignmentId, visit } = await kampungWithMentor();
    const photos = [randomUUID(), randomUUID()];
    for (const [i, id] of photos.entries()) ok(await putPhoto(mentor.api, caseId, id, jpeg(10 + i)), 201, `photo ${i}`);
    const location = { latitude: -6.9932, longitude: 110.4203, accuracyM: 12.5, capturedAt: new Date(Date.now() - HOUR).toISOString() };
    const evidenceFigure = async () => {
      const res = await manager.api.request('GET', `/api/dashboard?program=${KSM}`, undefined, { 'cache-control': 'no-cache' });
      ok(res, 200, 'dashboard');
      return (res.body.visitEvidence as any[]).find((r) => r.programCode === KSM) ?? { visits: 0, withEvidence: 0 };
    };
    const figureBefore = await evidenceFigure();
    const logged = await visit({ visitedOn: new Date(Date.now() - HOUR).toISOString(), photoIds: photos, location });
    ok(logged, 201, 'visit');
    assert.deepEqual(logged.body.photoIds, photos);
    assert.deepEqual(logged.body.location, location);

    for (const [i, id] of photos.entries()) {
      const read = await getPhoto(manager.api, caseId, id);
      assert.equal(read.status, 200, `a manager reads photo ${i}`);
      assert.ok(read.bytes.equals(jpeg(10 + i)), 'the bytes uploaded');
      assert.equal(read.headers.get('content-type'), 'image/jpeg');
      assert.equal(read.headers.get('cache-control'), 'private, max-age=31536000, immutable');
      assert.equal(read.headers.get('x-content-type-options'), 'nosniff');
    }
    assert.deepEqual((await photoRows(photos)).map((p) => p.visit_id), [logged.body.id, logged.body.id], 'both belong to the visit');
    const again = await putPhoto(mentor.api, caseId, photos[0]!, jpeg(10));
    ok(again, 200, 'the photo sent again after its visit');
    assert.equal(again.body.visitId, logged.body.id, 'and it says whose it is');
    assert.equal((await getPhoto(mentor.api, caseId, randomUUID())).status, 404, 'no such photo');

    const timeline = (await manager.api.get(`/api/cases/${caseId}/timeline`)).body;
    const entry = (timeline.events as any[]).find((e) => e.kind === 'VISIT' && e.summary.visitId === logged.body.id);
    assert.ok(entry, 'the visit is on the timeline');
    assert.deepEqual(entry.evidence, { photoIds: photos, located: true }, 'with its photos (in the order uploaded) and its location');

    const listed = (await manager.api.get(`/api/obligations?case=${caseId}&kind=VISIT`)).body.items as any[];
    const fulfilled = listed.find((o) => o.id === logged.body.fulfilledObligationId);
    assert.deepEqual(fulfilled?.evidence, { photos: 2, located: true }, 'the manager sees the fulfilled visit has evidence');
    await eventually(async () => {
      const next = (await manager.api.get(`/api/obligations?case=${caseId}&kind=VISIT&open=true`)).body.items as any[];
      assert.equal(next.length, 1, 'the next visit is due');
      assert.equal(next[0].evidence, null, 'an open obligation has no evidence');
    });

    const figureAfter = await evidenceFigure();
    assert.ok(figureAfter.visits >= figureBefore.visits + 1 && figureAfter.withEvidence >= figureBefore.withEvidence + 1, `the dashboard counts the visit with evidence: ${JSON.stringify([figureBefore, figureAfter])}`);
    assert.ok(figureAfter.withEvidence <= figureAfter.visits);

    const audit = await db.selectFrom('audit_log').select(['action', 'after']).where('subject_id', 'in', [logged.body.id, ...photos]).execute();
    const loggedEntry = audit.find((a) => a.action === 'VISIT_LOGGED')?.after as any;
    assert.deepEqual([loggedEntry?.photoIds, loggedEntry?.located, loggedEntry?.location], [photos, true, location], 'the audit entry names the photos and the location');
    assert.equal(audit.filter((a) => a.action === 'PHOTO_UPLOADED').length, 2, 'each upload is audited once');
    assert.equal((await visitsOf(assignmentId)).length, 1);
  });

  test('when someone outside the case asks for a photo, then the case does not exist for them', async () => {
    const { mentor, caseId } = await kampungWithMentor();
    const id = randomUUID();
    ok(await putPhoto(mentor.api, caseId, id, jpeg(20)), 201, 'photo');
    const other = await kampungWithMentor();
    const read = await getPhoto(other.mentor.api, caseId, id);
    assert.equal(read.status, 404, 'a mentor of another kampung: not found');
    assert.equal(JSON.parse(read.bytes.toString()).code, 'NOT_FOUND');
    ok(await putPhoto(other.mentor.api, caseId, randomUUID(), jpeg(21)), 404, 'nor can they upload to it');
    assert.equal((await getPhoto(other.mentor.api, other.caseId, id)).status, 404, 'the photo is not of their own case either');
  });

  test('when the same visit is sent twice at once with its key, then one visit keeps the photos; two different visits listing the same photo cannot share it', async () => {
    const { mentor, caseId, assignmentId, visit } = await kampungWithMentor();
    const photos = [randomUUID(), randomUUID()];
    for (const [i, id] of photos.entries()) ok(await putPhoto(mentor.api, caseId, id, jpeg(30 + i)), 201, `photo ${i}`);
    const key = `bukti-${randomUUID()}`;
    const body = { visitedOn: new Date(Date.now() - 3 * HOUR).toISOString(), photoIds: photos };
    const answers = await Promise.all([visit(body, key), visit(body, key)]);
    const kept = answers.filter((a) => a.status === 201);
    assert.ok(kept.length >= 1, JSON.stringify(answers.map((a) => [a.status, a.body])));
    for (const a of answers.filter((x) => x.status !== 201)) assert.equal(a.body.code, 'REQUEST_IN_PROGRESS', 'the copy waits for the first');
    const settled = await eventually(async () => {
      const res = await visit(body, key);
      assert.equal(res.status, 201, JSON.stringify(res.body));
      return res;
    });
    assert.equal(settled.body.id, kept[0]!.body.id, 'one visit');
    assert.deepEqual(settled.body.photoIds, photos);
    assert.equal((await visitsOf(assignmentId)).length, 1, 'one visit row');
    assert.deepEqual((await photoRows(photos)).map((p) => p.visit_id), [settled.body.id, settled.body.id], 'the photos, once, with it');

    // Another visit (another key, another time) listing a photo already taken.
    const shared = randomUUID();
    ok(await putPhoto(mentor.api, caseId, shared, jpeg(33)), 201, 'shared photo');
    const [a, b] = await Promise.all([
      visit({ visitedOn: new Date(Date.now() - 2 * HOUR).toISOString(), photoIds: [shared] }),
      visit({ visitedOn: new Date(Date.now() - HOUR).toISOString(), photoIds: [shared] }),
    ]);
    assert.deepEqual([a.status, b.status].sort(), [201, 409], JSON.stringify([a.body, b.body]));
    const winner = a.status === 201 ? a : b;
    assert.equal((a.status === 409 ? a : b).body.code, 'PHOTO_ALREADY_ATTACHED');
    assert.deepEqual((await photoRows([shared])).map((p) => p.visit_id), [winner.body.id]);
    assert.equal((await visitsOf(assignmentId)).length, 2, 'nothing of the refused visit is kept');
  });

  test('when a visit is refused, then its photos stay unattached, and the visit sent again later takes them', async () => {
    const { mentor, caseId, assignmentId, visit } = await kampungWithMentor();
    const unknown = await visit({ visitedOn: new Date(Date.now() - 5 * HOUR).toISOString(), photoIds: [randomUUID()] });
    ok(unknown, 422, 'an unknown photo');
    assert.deepEqual(unknown.body.errors.map((e: any) => e.path), ['photoIds']);
    const admins = randomUUID();
    ok(await putPhoto(admin, caseId, admins, jpeg(40)), 201, 'a photo of the admin');
    ok(await visit({ visitedOn: new Date(Date.now() - 5 * HOUR).toISOString(), photoIds: [admins] }), 422, 'a photo of someone else');

    // Refused before it is written: the case is on hold.
    const photo = randomUUID();
    ok(await putPhoto(mentor.api, caseId, photo, jpeg(41)), 201, 'photo');
    ok(await admin.move(caseId, 'ON_HOLD', { reason: 'Uji: menunggu anggaran' }), 200, 'hold');
    const held = await visit({ visitedOn: new Date(Date.now() - 4 * HOUR).toISOString(), photoIds: [photo] }, `ditunda-${randomUUID()}`);
    ok(held, 409, 'a visit on hold');
    assert.equal(held.body.code, 'CASE_ON_HOLD');
    assert.equal((await photoRows([photo]))[0]?.visit_id, null, 'the photo waits, unattached');
    ok(await admin.move(caseId, 'PROPOSAL'), 200, 'resume');
    const visitedOn = new Date(Date.now() - 4 * HOUR).toISOString();
    // Recorded again after the resume (the phone's queue shows the refusal; the person sends it anew).
    // (Each try its own key: a refusal is the kept answer of its key.)
    const resumed = await eventually(async () => {
      const res = await visit({ visitedOn, photoIds: [photo] }, `dilanjutkan-${randomUUID()}`);
      ok(res, 201, 'the visit after the resume');
      return res;
    });
    assert.deepEqual((await photoRows([photo]))[0]?.visit_id, resumed.body.id);

    // Refused by the cadence after it was written (the same instant again): the visit is removed
    // and its photo is unattached again (ON DELETE SET NULL), ready for the next visit.
    const second = randomUUID();
    ok(await putPhoto(mentor.api, caseId, second, jpeg(42)), 201, 'second photo');
    const copy = await visit({ visitedOn, photoIds: [second] });
    assert.equal(copy.status, 409, JSON.stringify(copy.body));
    assert.equal(copy.body.code, 'VISIT_ALREADY_LOGGED');
    assert.equal((await photoRows([second]))[0]?.visit_id, null, 'the refused visit gave its photo back');
    const next = await visit({ visitedOn: new Date(Date.now() - HOUR).toISOString(), photoIds: [second] });
    ok(next, 201, 'the next visit');
    assert.equal((await photoRows([second]))[0]?.visit_id, next.body.id);
    assert.equal((await visitsOf(assignmentId)).length, 2);
  });
});
