import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { MAX_PHOTO_BYTES } from '@kampung/domain/visit-evidence';
import { FIRST_ENCODING, fitWithin, formatBytes, LOWEST_QUALITY, newPhotoId, nextEncoding, SMALLEST_EDGE, type Encoding } from './photo-size';

/** The loop of shrink-photo.ts against a model of JPEG: bytes per pixel growing with the quality. */
function shrink(width: number, height: number, bytesPerPixel: (quality: number) => number): { tries: Encoding[]; bytes: number } | 'too-large' {
  const tries: Encoding[] = [];
  let encoding = FIRST_ENCODING;
  for (;;) {
    tries.push(encoding);
    assert.ok(tries.length < 30, 'the loop ends');
    const size = fitWithin(width, height, encoding.maxEdge);
    const bytes = Math.round(size.width * size.height * bytesPerPixel(encoding.quality));
    const next = nextEncoding(encoding, bytes);
    if (next === 'fits') return { tries, bytes };
    if (next === 'too-large') return next;
    encoding = next;
  }
}

describe('a visit photo made small enough on the phone', () => {
  test('the picture is drawn with its longer edge at most 1600 px, never enlarged', () => {
    assert.deepEqual(fitWithin(4000, 3000, 1600), { width: 1600, height: 1200 });
    assert.deepEqual(fitWithin(3000, 4000, 1600), { width: 1200, height: 1600 });
    assert.deepEqual(fitWithin(800, 600, 1600), { width: 800, height: 600 });
  });

  test('when the first try fits, then it is kept as it is', () => {
    assert.equal(nextEncoding(FIRST_ENCODING, MAX_PHOTO_BYTES), 'fits');
    assert.equal(MAX_PHOTO_BYTES, 307_200, 'the API’s limit');
  });

  test('when it is too large, then the quality goes down first, then the picture gets smaller by how far it is over', () => {
    assert.deepEqual(nextEncoding(FIRST_ENCODING, 400_000), { maxEdge: 1600, quality: 0.65 });
    assert.deepEqual(nextEncoding({ maxEdge: 1600, quality: 0.65 }, 400_000), { maxEdge: 1600, quality: LOWEST_QUALITY });
    const smaller = nextEncoding({ maxEdge: 1600, quality: LOWEST_QUALITY }, 4 * MAX_PHOTO_BYTES);
    assert.deepEqual(smaller, { maxEdge: 760, quality: LOWEST_QUALITY }, 'four times over: half the edge, a little less');
    const justOver = nextEncoding({ maxEdge: 1600, quality: LOWEST_QUALITY }, MAX_PHOTO_BYTES + 1);
    assert.deepEqual(justOver, { maxEdge: 1360, quality: LOWEST_QUALITY }, 'at least 15 % smaller each time');
  });

  test('a 12-megapixel camera photo ends at most 300 KB in a few tries', () => {
    // About 1.5 bits a pixel at quality 0.8: a detailed outdoor scene.
    const result = shrink(4000, 3000, (quality) => 0.25 * quality);
    assert.notEqual(result, 'too-large');
    if (result === 'too-large') return;
    assert.ok(result.bytes <= MAX_PHOTO_BYTES, `${result.bytes} bytes`);
    assert.deepEqual(
      result.tries.map((e) => e.quality),
      [0.8, 0.65, 0.5],
    );
  });

  test('a photo of pure noise shrinks until it fits or is given up, never loops', () => {
    const noisy = shrink(4000, 3000, () => 1.2);
    assert.ok(noisy === 'too-large' || noisy.bytes <= MAX_PHOTO_BYTES);
    if (noisy !== 'too-large') assert.ok(noisy.tries.at(-1)!.maxEdge >= SMALLEST_EDGE);
    assert.equal(shrink(4000, 3000, () => 100), 'too-large');
  });

  test('a photo id is a version 4 UUID, also without randomUUID', () => {
    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
    const bytes = (fill: number) => ({ getRandomValues: <T extends ArrayBufferView | null>(array: T) => (new Uint8Array(array!.buffer).fill(fill), array) });
    assert.match(newPhotoId(bytes(0xff) as Pick<Crypto, 'getRandomValues'>), uuid);
    assert.match(newPhotoId(bytes(0) as Pick<Crypto, 'getRandomValues'>), uuid);
    assert.match(newPhotoId(), uuid);
  });

  test('sizes are shown in KB, or MB with one decimal in the reader’s locale', () => {
    assert.equal(formatBytes(290_000, 'id-ID'), '283 KB');
    assert.equal(formatBytes(3_500_000, 'id-ID'), '3,3 MB');
    assert.equal(formatBytes(3_500_000, 'en-GB'), '3.3 MB');
    assert.equal(formatBytes(10, 'en-GB'), '1 KB');
  });
});
