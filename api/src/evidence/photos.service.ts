import { createHash } from 'node:crypto';
import { audited, visitPhotosRepository, type Db } from '@kampung/db';
import { MAX_PHOTO_BYTES, PHOTO_TAKEN_AT_HEADER, photoPath, z, type PhotoContentType, type VisitPhoto } from '@kampung/domain';
import type { AuditSource } from '../audit/audit.service';
import type { SessionUser } from '../auth/sessions.service';
import { AppError } from '../errors';
import { isUuid } from '../http/validate';
import type { EvidenceStore } from './evidence-store';
import { sniffPhotoType } from './photo-type';

export interface PhotoDeps {
  db: Db;
  store: EvidenceStore;
}

export interface PhotoUpload {
  caseId: string;
  /** Chosen by the phone (a UUID), so that sending the same photo again is the same upload. */
  photoId: string;
  /** The declared type, already one of the photo types (anything else is refused before the body is read). */
  contentType: PhotoContentType;
  bytes: Buffer;
  /** The X-Photo-Taken-At header, when sent. */
  takenAt: string | undefined;
}

type PhotoRow = NonNullable<Awaited<ReturnType<typeof visitPhotosRepository.findPhoto>>>;

export function photoRowToPhoto(row: PhotoRow): VisitPhoto {
  return {
    id: row.id,
    caseId: row.case_id,
    contentType: row.content_type as PhotoContentType,
    sizeBytes: row.size_bytes,
    takenAt: row.taken_at?.toISOString() ?? null,
    visitId: row.visit_id,
    url: photoPath(row.case_id, row.id),
  };
}

export const photoTooLarge = () =>
  new AppError('PHOTO_TOO_LARGE', `A photo may be at most ${MAX_PHOTO_BYTES} bytes (300 KiB); resize it on the phone first`);

const takenAtSchema = z.iso.datetime({ offset: true }).optional();

/**
 * Stores a visit's photo, unattached until a visit lists it, owned by the uploader. Checked first:
 * its bytes are of the type declared (a JPEG, PNG or WebP by their magic number), at most 300 KiB,
 * not empty. The photo id is the phone's, so the upload is idempotent: the same id with the same
 * bytes (by sha256) from the same person to the same case is answered as the first time (`created`
 * false) and writes nothing; the same id with anything else is PHOTO_ID_TAKEN. The bytes go to the
 * evidence store before the row, so a row always finds its bytes.
 */
export async function putPhoto(deps: PhotoDeps, upload: PhotoUpload, user: SessionUser, source: AuditSource): Promise<{ created: boolean; photo: VisitPhoto }> {
  if (!isUuid(upload.photoId)) {
    throw new AppError('VALIDATION_FAILED', 'The photo id must be a UUID made by the client', [{ path: 'photoId', message: 'not a UUID', code: 'invalid_format', format: 'uuid' }]);
  }
  if (upload.bytes.length === 0) {
    throw new AppError('VALIDATION_FAILED', 'The request body must be the photo\'s bytes', [{ path: 'body', message: 'empty', code: 'too_small', origin: 'file', minimum: 1 }]);
  }
  if (upload.bytes.length > MAX_PHOTO_BYTES) throw photoTooLarge();
  const actual = sniffPhotoType(upload.bytes);
  if (actual !== upload.contentType) {
    throw new AppError('PHOTO_TYPE_NOT_ALLOWED', actual ? `The bytes are ${actual}, not ${upload.contentType} as declared` : `The bytes are not a JPEG, PNG or WebP image (declared ${upload.contentType})`);
  }
  const takenAt = takenAtSchema.safeParse(upload.takenAt);
  if (!takenAt.success) {
    throw new AppError('VALIDATION_FAILED', `The ${PHOTO_TAKEN_AT_HEADER} header must be an ISO instant`, [{ path: `header.${PHOTO_TAKEN_AT_HEADER}`, message: 'not an ISO instant', code: 'invalid_format', format: 'datetime' }]);
  }
  const sha256 = createHash('sha256').update(upload.bytes).digest('hex');
  const isThisUpload = (row: PhotoRow) => row.case_id === upload.caseId && row.uploaded_by === user.id && row.sha256 === sha256;
  const taken = () => new AppError('PHOTO_ID_TAKEN', `Photo ${upload.photoId} was stored already with other bytes, or for another case or person; upload this photo under a new id`);

  const earlier = await visitPhotosRepository.findPhoto(deps.db, upload.photoId);
  if (earlier) {
    if (!isThisUpload(earlier)) throw taken();
    return { created: false, photo: photoRowToPhoto(earlier) };
  }

  // The same id from two uploads at once: each puts its bytes under a key of its own content, and
  // only one row is written; the other compares with it.
  const storageKey = `visit-photos/${upload.caseId}/${upload.photoId}/${sha256}`;
  await deps.store.put(storageKey, upload.bytes, upload.contentType);
  const row = {
    id: upload.photoId,
    caseId: upload.caseId,
    uploadedBy: user.id,
    contentType: upload.contentType,
    sizeBytes: upload.bytes.length,
    sha256,
    storageKey,
    takenAt: takenAt.data ? new Date(takenAt.data) : null,
  };
  const inserted = await audited(
    deps.db,
    (fresh: boolean) => fresh
      ? { actorId: user.id, action: 'PHOTO_UPLOADED', subjectType: 'visit_photo', subjectId: row.id, caseId: row.caseId, after: { contentType: row.contentType, sizeBytes: row.sizeBytes, sha256, takenAt: row.takenAt?.toISOString() ?? null }, ...source }
      : null,
    (trx) => visitPhotosRepository.insertPhoto(trx, row),
  );
  const stored = await visitPhotosRepository.findPhoto(deps.db, upload.photoId);
  if (!stored) throw new AppError('INTERNAL', `Photo ${upload.photoId} was not stored`);
  if (!inserted && !isThisUpload(stored)) {
    // Another upload took the id first: these bytes are nobody's.
    if (stored.storage_key !== storageKey) await deps.store.remove(storageKey);
    throw taken();
  }
  return { created: inserted, photo: photoRowToPhoto(stored) };
}

/** A photo's bytes and type, when it is one of this case's (the case's reach is checked before). */
export async function readPhoto(deps: PhotoDeps, caseId: string, photoId: string): Promise<{ bytes: Buffer; contentType: string }> {
  const row = isUuid(photoId) ? await visitPhotosRepository.findPhoto(deps.db, photoId) : undefined;
  if (!row || row.case_id !== caseId) throw new AppError('NOT_FOUND', `No photo ${photoId} in case ${caseId}`);
  const blob = await deps.store.get(row.storage_key);
  if (!blob) throw new AppError('NOT_FOUND', `The bytes of photo ${photoId} are missing from the evidence store`);
  return { bytes: blob.bytes, contentType: row.content_type };
}
