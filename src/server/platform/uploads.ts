import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { FastifyInstance } from 'fastify';
import { AppError } from './errors.js';

/** Content types a file upload may be sent as; the body reaches the route as a stream. */
export const uploadTypes = [
  'application/octet-stream',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'text/csv',
  'image/jpeg',
  'image/png',
  'image/webp',
  'application/pdf',
];

export function acceptUploads(app: FastifyInstance): void {
  app.addContentTypeParser(uploadTypes, (_req, payload, done) => done(null, payload));
}

/**
 * Stream an uploaded body to a new file under `dir`, refusing (and removing) it past `maxBytes`.
 * The file's format is judged later from its bytes, never from its name or content type.
 */
export async function saveUpload(body: unknown, dir: string, maxBytes: number): Promise<string> {
  if (!(body instanceof Readable)) throw new AppError('UNSUPPORTED_MEDIA_TYPE');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, randomUUID());
  let size = 0;
  const limit = new Transform({
    transform(chunk: Buffer, _enc, next) {
      size += chunk.length;
      if (size > maxBytes) next(new AppError('PAYLOAD_TOO_LARGE'));
      else next(null, chunk);
    },
  });
  try {
    await pipeline(body, limit, fs.createWriteStream(file));
  } catch (err) {
    fs.rmSync(file, { force: true });
    // Stop reading the rest of an oversized body; the client gets its answer now.
    body.resume();
    throw err;
  }
  if (size === 0) {
    fs.rmSync(file, { force: true });
    throw new AppError('VALIDATION_FAILED', { file: 'empty_file' });
  }
  return file;
}

/** Read a small uploaded body into memory, refusing it past `maxBytes` (photos, not ledgers). */
export async function readUpload(body: unknown, maxBytes: number): Promise<Buffer> {
  if (!(body instanceof Readable)) throw new AppError('UNSUPPORTED_MEDIA_TYPE');
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBytes) {
      body.resume();
      throw new AppError('PAYLOAD_TOO_LARGE');
    }
    chunks.push(chunk);
  }
  if (size === 0) throw new AppError('VALIDATION_FAILED', { file: 'empty_file' });
  return Buffer.concat(chunks);
}

/** `attachment; filename*=UTF-8''…` so Chinese file names survive every browser. */
export function attachment(name: string): string {
  return `attachment; filename*=UTF-8''${encodeURIComponent(name)}`;
}

/**
 * Files no job needs any more (left by a process that stopped) are removed (called at start).
 * Only those an hour old: another instance sharing the directory may be receiving one now.
 */
export function removeStaleUploads(dir: string, keep: ReadonlySet<string>, maxAgeMs = 3_600_000): void {
  if (!fs.existsSync(dir)) return;
  const cutoff = Date.now() - maxAgeMs;
  for (const name of fs.readdirSync(dir)) {
    const file = path.join(dir, name);
    if (!keep.has(file) && fs.statSync(file).mtimeMs < cutoff) fs.rmSync(file, { force: true });
  }
}
