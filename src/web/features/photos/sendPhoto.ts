/** Sending a photo from the device: shrunk first, then uploaded with its progress in percent. */
import { shrinkPhoto } from './shrink.js';

/** The server takes a file name of at most this many characters. */
const fileNameMax = 200;

/** A file's name as the upload endpoints take it: never empty, never too long. */
export function uploadName(file: File): string {
  const name = file.name.trim() || 'photo.jpg';
  return name.length > fileNameMax ? name.slice(name.length - fileNameMax) : name;
}

/**
 * Shrink `file` and hand it to `send` (an `upload(...)` call), reporting 0–100 as it goes out.
 * `send` receives the progress callback `upload` takes.
 */
export async function sendPhoto<T>(
  file: File,
  send: (blob: Blob, onProgress: (sent: number, total: number) => void) => Promise<T>,
  onPercent: (percent: number) => void,
): Promise<T> {
  const blob = await shrinkPhoto(file);
  onPercent(0);
  return send(blob, (sent, total) => onPercent(total > 0 ? Math.round((sent / total) * 100) : 0));
}
