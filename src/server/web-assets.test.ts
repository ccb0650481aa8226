import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp } from './testing/app.js';

/** A built web app as `npm run build` leaves it: hashed assets, each with a brotli and a gzip copy. */
const webDir = fs.mkdtempSync(path.join(os.tmpdir(), 'jiugai-web-'));
afterAll(() => fs.rmSync(webDir, { recursive: true, force: true }));
const script = `console.log(${JSON.stringify('旧改通'.repeat(500))});\n`;
const asset = '/assets/index-BGmL07Tx.js';

let app: FastifyInstance;
beforeAll(async () => {
  fs.mkdirSync(path.join(webDir, 'assets'));
  fs.writeFileSync(path.join(webDir, 'index.html'), `<!doctype html><script src="${asset}"></script>`);
  const file = path.join(webDir, asset);
  fs.writeFileSync(file, script);
  fs.writeFileSync(`${file}.br`, zlib.brotliCompressSync(script));
  fs.writeFileSync(`${file}.gz`, zlib.gzipSync(script));
  ({ app } = await testApp({ webDir }));
});

describe('web app files', () => {
  it('sends a hashed asset compressed as the browser asks, to be kept for a year', async () => {
    for (const [accepted, encoding, decode] of [
      ['gzip, deflate, br, zstd', 'br', zlib.brotliDecompressSync],
      ['gzip', 'gzip', zlib.gunzipSync],
    ] as const) {
      const res = await app.inject({ url: asset, headers: { 'accept-encoding': accepted } });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-encoding']).toBe(encoding);
      expect(res.headers['content-type']).toMatch(/javascript/);
      expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(res.headers.vary).toMatch(/accept-encoding/i);
      expect(decode(res.rawPayload).toString('utf8')).toBe(script);
    }
  });

  it('sends the asset as it is to a client that accepts no compression', async () => {
    const res = await app.inject({ url: asset, headers: { 'accept-encoding': 'identity' } });
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.body).toBe(script);
  });

  it('has the browser ask for index.html again each time, at / and at client-side routes', async () => {
    for (const url of ['/index.html', '/', '/compounds', '/login']) {
      const res = await app.inject({ url, headers: { 'accept-encoding': 'gzip, br' } });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['content-type'], url).toMatch(/text\/html/);
      expect(res.headers['cache-control'], url).toBe('no-cache');
    }
  });
});
