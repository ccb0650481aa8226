import type { AddressInfo } from 'node:net';
import { beforeAll, describe, expect, it } from 'vitest';
import { adminPassword, type TestApp, testApp } from './testing/app.js';

/**
 * What a probe of the running app found, sent as a client would: real HTTP requests to the
 * real server, listening on 127.0.0.1.
 */
let t: TestApp;
let base: string;
beforeAll(async () => {
  // Behind a proxy, so each case can name the client address it stands for.
  t = await testApp({ loginRatePerMinute: 10_000, trustProxy: true });
  await t.app.listen({ host: '127.0.0.1', port: 0 });
  base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
});

const postJson = (path: string, body: string, headers: Record<string, string> = {}) =>
  fetch(`${base}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });

/** A JSON object of `n` short distinct keys. */
function manyKeys(n: number): string {
  const parts: string[] = [];
  for (let i = 0; i < n; i++) parts.push(`"${i.toString(36)}":0`);
  return `{${parts.join(',')}}`;
}

describe('case 1: a body of many unknown keys', () => {
  it('answers 25,000 unknown login keys (about 200 KB) with a small 400, and the server lives on', async () => {
    const body = manyKeys(25_000);
    expect(body.length).toBeLessThan(256 * 1024);
    const res = await postJson('/api/auth/login', body);
    const text = await res.text();
    expect(res.status).toBe(400);
    expect(text.length).toBeLessThan(4096);
    expect(JSON.parse(text).error.code).toBe('VALIDATION_FAILED');
    expect((await fetch(`${base}/api/health`)).status).toBe(200);
  });

  it('names only a few of 1,500 unknown keys, briefly', async () => {
    const res = await postJson('/api/auth/login', manyKeys(1_500));
    const text = await res.text();
    expect(res.status).toBe(400);
    expect(text.length).toBeLessThan(4096);
    const fields = JSON.parse(text).error.fields as Record<string, string>;
    expect(Object.keys(fields).length).toBeGreaterThan(0);
    expect(Object.keys(fields).length).toBeLessThanOrEqual(10);
  });

  it('refuses a body nested deeper than any endpoint takes', async () => {
    const res = await postJson('/api/auth/login', `${'['.repeat(5_000)}${']'.repeat(5_000)}`);
    expect(res.status).toBe(400);
    expect((await res.text()).length).toBeLessThan(4096);
  });

  it('still logs in with a well-formed body', async () => {
    const res = await postJson(
      '/api/auth/login',
      JSON.stringify({ username: 'admin', password: adminPassword }),
    );
    expect(res.status).toBe(200);
  });
});
