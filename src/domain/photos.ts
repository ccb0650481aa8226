/** Site photos: what an uploaded file really is, judged from its first bytes, never its name. */
export type ImageType = 'image/jpeg' | 'image/png' | 'image/webp';

/** At most this many bytes per photo; the web page shrinks phone photos well below it first. */
export const photoMaxBytes = 8 * 1024 * 1024;

export function imageType(bytes: Uint8Array): ImageType | null {
  const starts = (...sig: number[]) => sig.every((b, i) => bytes[i] === b);
  if (starts(0xff, 0xd8, 0xff)) return 'image/jpeg';
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'image/png';
  const ascii = (from: number, to: number) => String.fromCharCode(...bytes.subarray(from, to));
  if (bytes.length >= 12 && ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return 'image/webp';
  return null;
}
