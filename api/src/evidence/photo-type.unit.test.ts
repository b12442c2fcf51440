import assert from 'node:assert/strict';
import { test } from 'node:test';
import { declaredPhotoType, sniffPhotoType } from './photo-type';

const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46]);
const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]);
const webp = Buffer.concat([Buffer.from('RIFF'), Buffer.from([0x24, 0x00, 0x00, 0x00]), Buffer.from('WEBPVP8 ')]);

test('a JPEG, a PNG and a WebP are known by their first bytes', () => {
  assert.equal(sniffPhotoType(jpeg), 'image/jpeg');
  assert.equal(sniffPhotoType(png), 'image/png');
  assert.equal(sniffPhotoType(webp), 'image/webp');
});

test('other files, and bytes too short to tell, are none of them', () => {
  assert.equal(sniffPhotoType(Buffer.from('GIF89a')), undefined);
  assert.equal(sniffPhotoType(Buffer.from('%PDF-1.7')), undefined);
  assert.equal(sniffPhotoType(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>')), undefined);
  assert.equal(sniffPhotoType(Buffer.concat([Buffer.from('RIFF'), Buffer.from([0, 0, 0, 0]), Buffer.from('WAVEfmt ')])), undefined, 'a RIFF that is a sound');
  assert.equal(sniffPhotoType(png.subarray(0, 7)), undefined, 'a PNG cut short');
  assert.equal(sniffPhotoType(jpeg.subarray(0, 2)), undefined);
  assert.equal(sniffPhotoType(Buffer.alloc(0)), undefined);
});

test('the declared type is read without its parameters and in any case; others are not photos', () => {
  assert.equal(declaredPhotoType('image/jpeg'), 'image/jpeg');
  assert.equal(declaredPhotoType('Image/PNG; charset=binary'), 'image/png');
  assert.equal(declaredPhotoType('image/webp'), 'image/webp');
  assert.equal(declaredPhotoType('image/gif'), undefined);
  assert.equal(declaredPhotoType('application/octet-stream'), undefined);
  assert.equal(declaredPhotoType(undefined), undefined);
});
