import { MAX_PHOTO_BYTES } from '@kampung/domain/visit-evidence';

/**
 * How a visit's photo is made small enough on the phone: a JPEG whose longer edge is at most 1600 px,
 * at a lower quality, then a smaller picture, until it is at most 300 KB (the API refuses a larger
 * one with PHOTO_TOO_LARGE). Pure: the drawing and encoding are in shrink-photo.ts.
 */

/** One try: the longer edge at most `maxEdge` px, encoded at JPEG `quality` (0..1). */
export interface Encoding {
  maxEdge: number;
  quality: number;
}

export const FIRST_ENCODING: Encoding = { maxEdge: 1600, quality: 0.8 };
/** Below this a JPEG shows its blocks; the picture is made smaller instead. */
export const LOWEST_QUALITY = 0.5;
const QUALITY_STEP = 0.15;
/** A photo that does not fit even this small is given up (a picture of noise; never a camera's). */
export const SMALLEST_EDGE = 480;

/** The size to draw a `width` × `height` picture at: its longer edge at most `maxEdge`, never enlarged. */
export function fitWithin(width: number, height: number, maxEdge: number): { width: number; height: number } {
  const scale = Math.min(1, maxEdge / Math.max(width, height, 1));
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

/**
 * What to do after `tried` came out at `bytes`: keep it ('fits'), try again lower, or give up
 * ('too-large'). Lower quality first (0.8, 0.65, 0.5); then a smaller picture, by the square root
 * of how far over it is (a JPEG's size follows its pixel count), at least 15 % smaller each time,
 * so the loop always ends.
 */
export function nextEncoding(tried: Encoding, bytes: number, limit = MAX_PHOTO_BYTES): Encoding | 'fits' | 'too-large' {
  if (bytes <= limit) return 'fits';
  if (tried.quality > LOWEST_QUALITY + 1e-9) {
    return { maxEdge: tried.maxEdge, quality: Math.max(LOWEST_QUALITY, Math.round((tried.quality - QUALITY_STEP) * 100) / 100) };
  }
  const scale = Math.min(0.85, 0.95 * Math.sqrt(limit / bytes));
  const maxEdge = Math.floor(tried.maxEdge * scale);
  return maxEdge < SMALLEST_EDGE ? 'too-large' : { maxEdge, quality: LOWEST_QUALITY };
}

/** A photo's id, made on the phone (the API takes it as the photo's name, so a photo sent twice is
 * kept once): a version 4 UUID, also where the browser offers no `randomUUID` (plain http). */
export function newPhotoId(random: Pick<Crypto, 'getRandomValues'> & { randomUUID?: () => string } = globalThis.crypto): string {
  if (typeof random.randomUUID === 'function') return random.randomUUID();
  const bytes = random.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** A size in bytes as a person reads it: "284 KB", "3,4 MB". */
export function formatBytes(bytes: number, locale: string): string {
  const number = (value: number, digits: number) => new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(value);
  if (bytes < 1024 * 1024) return `${number(Math.max(1, Math.round(bytes / 1024)), 0)} KB`;
  return `${number(bytes / (1024 * 1024), 1)} MB`;
}
