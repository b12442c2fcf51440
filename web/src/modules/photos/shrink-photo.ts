import { FIRST_ENCODING, fitWithin, nextEncoding } from './photo-size';

/**
 * Makes a photo from the camera (or the gallery) a JPEG of at most 300 KB, on the phone, before it
 * is kept or sent: drawn on a canvas (the browser turns it upright from its EXIF orientation) and
 * encoded again, lower until it fits (photo-size.ts). What the camera wrote besides the picture
 * (the place, the phone's make) is left behind. Loaded when the first photo is picked.
 *
 * Written here rather than taken from browser-image-compression: that library's worker fetches its
 * own script from a public CDN (no signal in the field, and a request to a third party), and it
 * answers a file over the limit when its tries run out, so the limit would be checked here anyway.
 */

/** The photo could not be read (a format this browser does not draw) or not made small enough. */
export class PhotoNotUsable extends Error {
  constructor(readonly reason: 'unreadable' | 'tooLarge') {
    super(reason === 'unreadable' ? 'The photo could not be read' : 'The photo could not be made small enough');
    this.name = 'PhotoNotUsable';
  }
}

type Picture = { width: number; height: number; draw: (context: CanvasRenderingContext2D, width: number, height: number) => void; close: () => void };

async function decode(file: Blob): Promise<Picture> {
  if (typeof createImageBitmap === 'function') {
    try {
      const bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
      return { width: bitmap.width, height: bitmap.height, draw: (c, w, h) => c.drawImage(bitmap, 0, 0, w, h), close: () => bitmap.close() };
    } catch {
      // An older browser without the option, or without this format there: an <img> may still draw it.
    }
  }
  const url = URL.createObjectURL(file);
  const image = new Image();
  image.src = url;
  try {
    await image.decode();
  } catch {
    URL.revokeObjectURL(url);
    throw new PhotoNotUsable('unreadable');
  }
  return { width: image.naturalWidth, height: image.naturalHeight, draw: (c, w, h) => c.drawImage(image, 0, 0, w, h), close: () => URL.revokeObjectURL(url) };
}

function encode(picture: Picture, width: number, height: number, quality: number): Promise<Blob> {
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext('2d');
  if (!context) return Promise.reject(new PhotoNotUsable('unreadable'));
  // A JPEG has no transparency: what was transparent (a PNG screenshot) becomes white, not black.
  context.fillStyle = '#fff';
  context.fillRect(0, 0, width, height);
  context.imageSmoothingQuality = 'high';
  picture.draw(context, width, height);
  return new Promise((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new PhotoNotUsable('unreadable'))), 'image/jpeg', quality),
  );
}

/** The photo as a JPEG of at most 300 KB, its longer edge at most 1600 px. */
export async function shrinkPhoto(file: Blob): Promise<Blob> {
  const picture = await decode(file);
  try {
    if (picture.width === 0 || picture.height === 0) throw new PhotoNotUsable('unreadable');
    let encoding = FIRST_ENCODING;
    for (;;) {
      const { width, height } = fitWithin(picture.width, picture.height, encoding.maxEdge);
      const blob = await encode(picture, width, height, encoding.quality);
      const next = nextEncoding(encoding, blob.size);
      if (next === 'fits') return blob;
      if (next === 'too-large') throw new PhotoNotUsable('tooLarge');
      encoding = next;
    }
  } finally {
    picture.close();
  }
}
