import { PHOTO_TAKEN_AT_HEADER, photoPath } from '@kampung/domain/visit-evidence';

/** A photo picked for a visit, made small on the phone, with the id it is sent (and kept) under. */
export interface PickedPhoto {
  id: string;
  /** The JPEG of at most 300 KB. */
  blob: Blob;
  /** When it was taken, as far as the phone knows (the file's date). */
  takenAt: string;
}

/** Where a photo of a case is read (an <img>'s src: the session cookie goes with it). */
export const photoUrl = (caseId: string, photoId: string) => photoPath(encodeURIComponent(caseId), encodeURIComponent(photoId));

/** A photo's upload, sent now or kept on the device (modules/offline) and sent later: its bytes as
 * they are, to its own id, so that sending it again stores it once. */
export const uploadPhotoRequest = (caseId: string, photo: PickedPhoto) => ({
  method: 'PUT' as const,
  path: photoUrl(caseId, photo.id),
  body: photo.blob,
  headers: { [PHOTO_TAKEN_AT_HEADER]: photo.takenAt },
});
