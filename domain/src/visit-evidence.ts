import { z } from './zod';

/** What a visit carries as evidence: photos (resized on the phone, uploaded one by one before the
 * visit is sent, then listed by id in it) and where the phone was, when the person allowed it. */

/** The image types a photo may have; the server checks the bytes are of the type declared. */
export const PHOTO_CONTENT_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
export type PhotoContentType = (typeof PHOTO_CONTENT_TYPES)[number];

/** 300 KiB: the phone resizes each photo to fit. */
export const MAX_PHOTO_BYTES = 300 * 1024;
/** Photos one visit may list. */
export const MAX_PHOTOS_PER_VISIT = 10;
/** The optional header of a photo upload: when the photo was taken (an ISO instant). */
export const PHOTO_TAKEN_AT_HEADER = 'X-Photo-Taken-At';

/** Where a photo is read: GET it with the session cookie. */
export function photoPath(caseId: string, photoId: string): string {
  return `/api/cases/${caseId}/photos/${photoId}`;
}

export const visitLocationSchema = z
  .object({
    latitude: z.number().min(-90).max(90),
    longitude: z.number().min(-180).max(180),
    accuracyM: z.number().min(0).max(1_000_000).optional().describe('The radius of the phone\'s uncertainty, in metres'),
    capturedAt: z.iso.datetime({ offset: true }).describe('When the phone took the position'),
  })
  .strict()
  .openapi('VisitLocation');
export type VisitLocation = z.infer<typeof visitLocationSchema>;

/** A stored photo, as the upload answers it. */
export const visitPhotoSchema = z
  .object({
    id: z.uuid(),
    caseId: z.uuid(),
    contentType: z.enum(PHOTO_CONTENT_TYPES),
    sizeBytes: z.number().int().min(1).max(MAX_PHOTO_BYTES),
    takenAt: z.iso.datetime().nullable(),
    visitId: z.uuid().nullable().describe('The visit it belongs to; null until a visit lists it (or after its visit was undone)'),
    url: z.string().describe('Where to GET its bytes'),
  })
  .openapi('VisitPhoto');
export type VisitPhoto = z.infer<typeof visitPhotoSchema>;

/** A visit's evidence on the case timeline. */
export const visitEvidenceSchema = z
  .object({
    photoIds: z.array(z.uuid()).describe('Read each at /api/cases/{id}/photos/{photoId}'),
    located: z.boolean().describe('The phone\'s location was recorded with the visit'),
  })
  .openapi('VisitEvidence');
export type VisitEvidence = z.infer<typeof visitEvidenceSchema>;

/** A fulfilled visit obligation's evidence in the obligation list: what a manager checks. */
export const obligationEvidenceSchema = z
  .object({ photos: z.number().int().min(0), located: z.boolean() })
  .openapi('ObligationEvidence');
export type ObligationEvidence = z.infer<typeof obligationEvidenceSchema>;
