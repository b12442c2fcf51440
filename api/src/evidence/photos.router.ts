import express, { Router, type RequestHandler } from 'express';
import { MAX_PHOTO_BYTES, PHOTO_CONTENT_TYPES, PHOTO_TAKEN_AT_HEADER } from '@kampung/domain';
import type { AppDeps } from '../app';
import { allow, currentUser } from '../auth/auth.middleware';
import { auditSource } from '../audit/audit.service';
import { caseInReach } from '../cases/case-reach.middleware';
import { AppError } from '../errors';
import { evidenceStoreFor } from './evidence-store';
import { declaredPhotoType } from './photo-type';
import { photoTooLarge, putPhoto, readPhoto } from './photos.service';

/** A photo never changes under its id: a browser keeps it for a year and asks no more. */
const PHOTO_CACHE_CONTROL = 'private, max-age=31536000, immutable';

const rawPhoto = express.raw({ type: [...PHOTO_CONTENT_TYPES], limit: MAX_PHOTO_BYTES });

/** The photo's bytes as req.body, for this route only: a declared type other than a photo's is
 * refused before anything is read (415), and a body over the limit as PHOTO_TOO_LARGE (413). */
const photoBody: RequestHandler = (req, res, next) => {
  if (!declaredPhotoType(req.get('content-type'))) {
    throw new AppError('PHOTO_TYPE_NOT_ALLOWED', `Send the photo as ${PHOTO_CONTENT_TYPES.join(', ')} (Content-Type), not ${req.get('content-type') ?? 'without a type'}`);
  }
  rawPhoto(req, res, (error?: unknown) => {
    if ((error as { type?: string } | undefined)?.type === 'entity.too.large') next(photoTooLarge());
    else next(error);
  });
};

/** The photos of visits: uploaded one by one before the visit that lists them, read back on the
 * case's timeline and in the visit's detail. */
export function photosRouter(deps: AppDeps): Router {
  const router = Router();
  const photos = { db: deps.db, store: evidenceStoreFor(deps.config, deps.db) };
  router.put('/api/cases/:id/photos/:photoId', allow('visit.log'), caseInReach(deps.db), photoBody, async (req, res) => {
    const upload = {
      caseId: String(req.params.id),
      photoId: String(req.params.photoId),
      contentType: declaredPhotoType(req.get('content-type'))!,
      bytes: Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0),
      takenAt: req.get(PHOTO_TAKEN_AT_HEADER),
    };
    const { created, photo } = await putPhoto(photos, upload, currentUser(req), auditSource(req));
    res.status(created ? 201 : 200).json(photo);
  });
  router.get('/api/cases/:id/photos/:photoId', allow('case.read'), caseInReach(deps.db), async (req, res) => {
    const photo = await readPhoto(photos, String(req.params.id), String(req.params.photoId));
    res
      .set('Cache-Control', PHOTO_CACHE_CONTROL)
      .set('X-Content-Type-Options', 'nosniff')
      .type(photo.contentType)
      .send(photo.bytes);
  });
  return router;
}
