/**
 * Draws the web app's icons (web/public/icons/*.png): a house on the product's blue, as PNG files
 * written with zlib only. Run once after changing the drawing; the files are committed.
 *
 *   node --import tsx tools/web/make-icons.ts
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';

const BLUE = [0x1f, 0x5f, 0x8b] as const;
const WHITE = [0xff, 0xff, 0xff] as const;

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** Whether the point (x, y), both 0..1 across the safe zone, is in the house: a roof and a body with a door. */
function inHouse(x: number, y: number): boolean {
  const roof = y >= 0.12 && y < 0.45 && Math.abs(x - 0.5) <= (y - 0.12) * (0.42 / 0.33);
  const body = y >= 0.45 && y <= 0.88 && x >= 0.2 && x <= 0.8;
  const door = y >= 0.62 && y <= 0.88 && x >= 0.43 && x <= 0.57;
  return roof || (body && !door);
}

/** A square PNG of `size` pixels; a maskable icon keeps the house inside the middle 80 %. */
function icon(size: number, { maskable }: { maskable: boolean }): Buffer {
  const margin = maskable ? 0.2 : 0.1;
  const rows: Buffer[] = [];
  for (let py = 0; py < size; py++) {
    const row = Buffer.alloc(1 + size * 3); // filter byte 0, then RGB
    for (let px = 0; px < size; px++) {
      const x = ((px + 0.5) / size - margin) / (1 - 2 * margin);
      const y = ((py + 0.5) / size - margin) / (1 - 2 * margin);
      const colour = inHouse(x, y) ? WHITE : BLUE;
      row.set(colour, 1 + px * 3);
    }
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows), { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const out = join(import.meta.dirname, '../../web/public/icons');
mkdirSync(out, { recursive: true });
writeFileSync(join(out, 'icon-192.png'), icon(192, { maskable: false }));
writeFileSync(join(out, 'icon-512.png'), icon(512, { maskable: false }));
writeFileSync(join(out, 'icon-maskable-512.png'), icon(512, { maskable: true }));
writeFileSync(join(out, 'apple-touch-icon.png'), icon(180, { maskable: true }));
console.log(`icons written to ${out}`);
