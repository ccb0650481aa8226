/**
 * Photos and attached documents: what an uploaded file really is, judged from its first bytes,
 * never its name. A photo is an image; a document (a lab report, bid documents) is a PDF or an
 * image (a scan). One mechanism keeps both.
 */
export type ImageType = 'image/jpeg' | 'image/png' | 'image/webp';
export type FileType = ImageType | 'application/pdf';
/** What an attachment may be: a photo (images only) or a document (a PDF, or an image of one). */
export type AttachmentKind = 'photo' | 'document';

/** At most this many bytes per photo; the web page shrinks phone photos well below it first. */
export const photoMaxBytes = 8 * 1024 * 1024;
/** At most this many bytes per document (a lab's report, a tender's documents: PDFs, not shrunk). */
export const documentMaxBytes = 20 * 1024 * 1024;

export function imageType(bytes: Uint8Array): ImageType | null {
  const starts = (...sig: number[]) => sig.every((b, i) => bytes[i] === b);
  if (starts(0xff, 0xd8, 0xff)) return 'image/jpeg';
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'image/png';
  const ascii = (from: number, to: number) => String.fromCharCode(...bytes.subarray(from, to));
  if (bytes.length >= 12 && ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return 'image/webp';
  return null;
}

/** A PDF starts with `%PDF-` (ISO 32000-1, 7.5.2). */
export function isPdf(bytes: Uint8Array): boolean {
  return [0x25, 0x50, 0x44, 0x46, 0x2d].every((b, i) => bytes[i] === b);
}

/** What the file is, if `kind` may be one: a photo only an image, a document a PDF or an image. */
export function fileType(bytes: Uint8Array, kind: AttachmentKind): FileType | null {
  const image = imageType(bytes);
  if (image) return image;
  return kind === 'document' && isPdf(bytes) ? 'application/pdf' : null;
}
