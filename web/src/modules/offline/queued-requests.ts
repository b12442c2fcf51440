import type { HttpInit } from '../../lib/http';
import type { QueuedWrite } from './write-queue';

/**
 * A visit's photos in the queue of field work: each photo is its own write (a PUT of its bytes to
 * the photo's own id), recorded just before the visit that lists them, so the queue, which keeps
 * the order, sends the photos first. Pure: offline-writes.ts and OfflineStatus use these.
 */

/** How a queued write is sent: a Blob (a photo) as it is, with its own type; anything else as JSON.
 * Always with the key it was recorded with. */
export function requestOf(write: QueuedWrite): HttpInit {
  const common: HttpInit = { method: write.method, idempotencyKey: write.key, ...(write.headers ? { headers: write.headers } : {}) };
  if (write.body instanceof Blob) return { ...common, file: { data: write.body, type: write.body.type || 'application/octet-stream' } };
  return { ...common, body: write.body };
}

/** The id of the photo a queued photo write sends (the end of its path). */
export function photoIdOf(write: QueuedWrite): string | undefined {
  return write.kind === 'photo' ? write.path.split('/').pop() : undefined;
}

/** The photos a queued visit lists. */
export function photoIdsOf(write: QueuedWrite): string[] {
  if (write.kind !== 'visit') return [];
  const ids = (write.body as { photoIds?: unknown } | null)?.photoIds;
  return Array.isArray(ids) ? ids.filter((id): id is string => typeof id === 'string') : [];
}

/**
 * A visit recorded after a photo the server refused (too large, not an image) goes on without that
 * photo, instead of being refused in turn for listing a photo the server does not have: the notes
 * are not lost for a photo. Undefined for any other write.
 */
export function withoutRefusedPhoto(refused: QueuedWrite, later: QueuedWrite): QueuedWrite | undefined {
  const photoId = photoIdOf(refused);
  if (!photoId || later.caseId !== refused.caseId) return undefined;
  const ids = photoIdsOf(later);
  if (!ids.includes(photoId)) return undefined;
  return { ...later, body: { ...(later.body as object), photoIds: ids.filter((id) => id !== photoId) } };
}

/** One line of the list of work waiting on the device: a record with the photos that go with it, or
 * a photo whose visit is not (yet) among them. */
export interface WaitingLine {
  write: QueuedWrite;
  photos: number;
}

/** What waits, as the person counts it: a visit with its photos is one record; the photos are
 * counted apart ("Menunggu dikirim (2) · 2 foto"). */
export function waitingSummary(waiting: readonly QueuedWrite[]): { records: number; photos: number; lines: WaitingLine[] } {
  const photos = waiting.filter((w) => w.kind === 'photo');
  const records = waiting.filter((w) => w.kind !== 'photo');
  const listed = new Set(records.flatMap(photoIdsOf));
  const waitingPhoto = new Set(photos.map(photoIdOf));
  const lines: WaitingLine[] = [
    ...records.map((write) => ({ write, photos: photoIdsOf(write).filter((id) => waitingPhoto.has(id)).length })),
    ...photos.filter((w) => !listed.has(photoIdOf(w) ?? '')).map((write) => ({ write, photos: 0 })),
  ].sort((a, b) => a.write.seq - b.write.seq);
  return { records: records.length, photos: photos.length, lines };
}
