import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { photoIdsOf, requestOf, waitingSummary, withoutRefusedPhoto } from './queued-requests';
import type { QueuedWrite } from './write-queue';

const CASE = 'case-1';
let seq = 0;

function photo(id: string, caseId = CASE): QueuedWrite {
  const body = new Blob([new Uint8Array([0xff, 0xd8, 0xff, 0xe0])], { type: 'image/jpeg' });
  return { key: `put-${id}`, seq: ++seq, userId: 'mentor-1', kind: 'photo', caseId, method: 'PUT', path: `/api/cases/${caseId}/photos/${id}`, body, headers: { 'X-Photo-Taken-At': '2026-12-03T02:00:00.000Z' }, recordedAt: '2026-12-03T02:00:00.000Z', attempts: 0 };
}

function visit(photoIds: string[] | undefined, caseId = CASE): QueuedWrite {
  const body = { assignmentId: 'a-1', visitedOn: '2026-12-03T02:00:00.000Z', kind: 'MENTORING', notes: 'Kunjungan', attendees: 0, followUps: [], ...(photoIds ? { photoIds } : {}) };
  return { key: `visit-${++seq}`, seq, userId: 'mentor-1', kind: 'visit', caseId, method: 'POST', path: `/api/cases/${caseId}/visits`, body, recordedAt: '2026-12-03T02:00:00.000Z', attempts: 0 };
}

function report(): QueuedWrite {
  return { ...visit(undefined), kind: 'report', path: `/api/cases/${CASE}/monitoring-reports`, body: { period: '2026-12' } };
}

describe('a visit’s photos in the queue of field work', () => {
  test('a photo is sent as its bytes, with its own type and taken-at header, under its key; other writes as JSON', () => {
    const put = photo('p-1');
    const init = requestOf(put);
    assert.equal(init.method, 'PUT');
    assert.equal(init.idempotencyKey, 'put-p-1');
    assert.equal(init.file?.data, put.body, 'the Blob itself, not JSON');
    assert.equal(init.file?.type, 'image/jpeg');
    assert.equal(init.body, undefined);
    assert.deepEqual(init.headers, { 'X-Photo-Taken-At': '2026-12-03T02:00:00.000Z' });

    const post = visit(['p-1']);
    const json = requestOf(post);
    assert.deepEqual(json, { method: 'POST', idempotencyKey: post.key, body: post.body });
  });

  test('when a photo is refused, then the visit that lists it goes on without it, and nothing else changes', () => {
    const refused = photo('p-2');
    const later = visit(['p-1', 'p-2', 'p-3']);
    const amended = withoutRefusedPhoto(refused, later);
    assert.deepEqual(amended && photoIdsOf(amended), ['p-1', 'p-3']);
    assert.equal(amended?.key, later.key, 'the same key: it was never sent');
    assert.equal((amended?.body as { notes: string }).notes, 'Kunjungan');
    assert.deepEqual(photoIdsOf(later), ['p-1', 'p-2', 'p-3'], 'the original is not changed');

    assert.equal(withoutRefusedPhoto(refused, visit(['p-1'])), undefined, 'a visit without that photo');
    assert.equal(withoutRefusedPhoto(refused, visit(['p-2'], 'case-2')), undefined, 'another case');
    assert.equal(withoutRefusedPhoto(refused, report()), undefined, 'not a visit');
    assert.equal(withoutRefusedPhoto(visit(['p-2']), visit(['p-2'])), undefined, 'a refused visit changes nothing');
  });

  test('a visit with its photos counts as one record waiting; the photos are counted apart, and a photo without its visit is listed on its own', () => {
    const p1 = photo('p-1');
    const p2 = photo('p-2');
    const first = visit(['p-1', 'p-2']);
    const second = report();
    const orphan = photo('p-9');
    const summary = waitingSummary([p1, p2, first, second, orphan]);
    assert.equal(summary.records, 2);
    assert.equal(summary.photos, 3);
    assert.deepEqual(
      summary.lines.map((l) => [l.write.key, l.photos]),
      [
        [first.key, 2],
        [second.key, 0],
        [orphan.key, 0],
      ],
    );
    // Once its photos are sent, the visit waits alone.
    assert.deepEqual(
      waitingSummary([first]).lines.map((l) => l.photos),
      [0],
    );
  });
});
