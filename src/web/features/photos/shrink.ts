/**
 * Phone cameras take 4–12 MB photos; a site photo needs far less. Before upload the browser
 * redraws a photo to at most `maxSide` pixels on its long side as JPEG. Files it cannot decode
 * (HEIC on some browsers) go as they are, and the server says what it accepts.
 */
export const maxSide = 1600;

/** The scale that fits `width × height` within `limit` on its long side (never enlarging). */
export function fitScale(width: number, height: number, limit = maxSide): number {
  const side = Math.max(width, height);
  return side > limit ? limit / side : 1;
}

export async function shrinkPhoto(file: File): Promise<Blob> {
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  } catch {
    return file;
  }
  const scale = fitScale(bitmap.width, bitmap.height);
  if (scale === 1 && file.type === 'image/jpeg' && file.size < 1_500_000) return file;
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(bitmap.width * scale);
  canvas.height = Math.round(bitmap.height * scale);
  canvas.getContext('2d')?.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
  bitmap.close();
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', 0.85));
  return blob ?? file;
}
