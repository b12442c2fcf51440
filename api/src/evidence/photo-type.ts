import { PHOTO_CONTENT_TYPES, type PhotoContentType } from '@kampung/domain';

/** The declared Content-Type as one of the photo types (its parameters dropped), or undefined. */
export function declaredPhotoType(contentType: string | undefined): PhotoContentType | undefined {
  const type = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  return (PHOTO_CONTENT_TYPES as readonly string[]).includes(type) ? (type as PhotoContentType) : undefined;
}

const startsWith = (bytes: Uint8Array, signature: readonly number[], at = 0) =>
  bytes.length >= at + signature.length && signature.every((b, i) => bytes[at + i] === b);

const JPEG = [0xff, 0xd8, 0xff];
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const RIFF = [0x52, 0x49, 0x46, 0x46]; // "RIFF", then the size (4 bytes), then "WEBP"
const WEBP = [0x57, 0x45, 0x42, 0x50];

/** What the bytes are by their magic number: a JPEG, a PNG, a WebP, or none of them. A file's
 * declared type is not trusted: the photo is served back with the type stored. */
export function sniffPhotoType(bytes: Uint8Array): PhotoContentType | undefined {
  if (startsWith(bytes, JPEG)) return 'image/jpeg';
  if (startsWith(bytes, PNG)) return 'image/png';
  if (startsWith(bytes, RIFF) && startsWith(bytes, WEBP, 8)) return 'image/webp';
  return undefined;
}
