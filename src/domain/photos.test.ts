import { describe, expect, it } from 'vitest';
import { fileType, imageType } from './photos.js';

const bytes = (...b: (number | string)[]) =>
  Uint8Array.from(b.flatMap((x) => (typeof x === 'string' ? [...x].map((c) => c.charCodeAt(0)) : [x])));

describe('imageType', () => {
  it.each([
    ['a JPEG', bytes(0xff, 0xd8, 0xff, 0xe0, 0, 0x10), 'image/jpeg'],
    ['a PNG', bytes(0x89, 'PNG', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0), 'image/png'],
    ['a WebP', bytes('RIFF', 0, 0, 0, 0, 'WEBPVP8 '), 'image/webp'],
    ['a RIFF that is not WebP (a WAV)', bytes('RIFF', 0, 0, 0, 0, 'WAVEfmt '), null],
    ['an xlsx (zip)', bytes('PK', 3, 4, 20, 0), null],
    ['a GIF', bytes('GIF89a'), null],
    ['two bytes of a JPEG', bytes(0xff, 0xd8), null],
    ['nothing', bytes(), null],
  ])('%s → %s', (_what, input, expected) => {
    expect(imageType(input)).toBe(expected);
  });
});

describe('fileType: a photo is an image; a document may also be a PDF', () => {
  const jpeg = bytes(0xff, 0xd8, 0xff, 0xe0, 0, 0x10);
  const pdf = bytes('%PDF-1.7\n');
  it.each([
    ['a JPEG as a photo', jpeg, 'photo', 'image/jpeg'],
    ['a JPEG as a document (a scan)', jpeg, 'document', 'image/jpeg'],
    ['a PDF as a document', pdf, 'document', 'application/pdf'],
    ['a PDF as a photo', pdf, 'photo', null],
    ['"%PDF" without its dash', bytes('%PDF1.7'), 'document', null],
    ['a PDF header not at the start', bytes(' %PDF-1.7'), 'document', null],
    ['an xlsx as a document', bytes('PK', 3, 4, 20, 0), 'document', null],
  ] as const)('%s → %s', (_what, input, kind, expected) => {
    expect(fileType(input, kind)).toBe(expected);
  });
});
