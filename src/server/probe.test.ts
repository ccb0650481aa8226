import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../domain/access.js';
import { defaultLoginLimits } from '../domain/sessions.js';
import { adminPassword, buildUser, type TestApp, testApp } from './testing/app.js';
import { atEnd } from './testing/db.js';

/**
 * What a probe of the running app found, sent as a client would: real HTTP requests to the
 * real server, listening on 127.0.0.1.
 */
let t: TestApp;
let base: string;
let dataDir: string;
beforeAll(async () => {
  // Behind a proxy, so each case can name the client address it stands for.
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'jiugai-probe-'));
  atEnd(() => fs.rmSync(dataDir, { recursive: true, force: true }));
  // A lower account-wide threshold than the default 100, so case 4 reaches it in a few requests.
  t = await testApp({
    loginRatePerMinute: 10_000,
    trustProxy: true,
    dataDir,
    lockout: { ...defaultLoginLimits, perAccount: { ...defaultLoginLimits.perAccount, maxFailures: 12 } },
  });
  await t.app.listen({ host: '127.0.0.1', port: 0 });
  base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
}, 300_000);

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

/** Log in over HTTP (as admin, or a new user of `role`); the headers a browser would send afterwards. */
async function signIn(role?: Role): Promise<Record<string, string>> {
  const user = role ? await buildUser(t.database, role) : { username: 'admin', password: adminPassword };
  const res = await postJson(
    '/api/auth/login',
    JSON.stringify({ username: user.username, password: user.password }),
  );
  expect(res.status).toBe(200);
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] as string;
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return { cookie, 'x-csrf-token': csrfToken };
}

describe('case 5: NUL bytes in text', () => {
  it('refuses a NUL in the login username with 400 naming the field', async () => {
    const res = await postJson('/api/auth/login', JSON.stringify({ username: 'ad\u0000min', password: 'x' }));
    expect(res.status).toBe(400);
    expect(Object.keys((await res.json()).error.fields)).toEqual(['username']);
  });

  it('refuses an export filtered by text with a NUL before any of the file is sent', async () => {
    const headers = await signIn();
    for (const url of ['/api/sheets/compounds/export?q=a%00b', '/api/ledger/export?q=a%00b']) {
      const res = await fetch(`${base}${url}`, { headers });
      expect(res.status, url).toBe(400);
      const body = (await res.json()) as { error: { fields: Record<string, string> } };
      expect(Object.keys(body.error.fields), url).toEqual(['q']);
    }
  });

  it('refuses an upload named with a NUL and keeps no file of it', async () => {
    const headers = await signIn('hq');
    const uploads = path.join(dataDir, 'uploads');
    const before = fs.existsSync(uploads) ? fs.readdirSync(uploads) : [];
    const res = await fetch(`${base}/api/imports?kind=compounds&fileName=a%00b.csv`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'text/csv' },
      body: '小区名称,街道\n示例,东郊乡\n',
    });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { fields: Record<string, string> } };
    expect(Object.keys(body.error.fields)).toEqual(['fileName']);
    const after = fs.existsSync(uploads) ? fs.readdirSync(uploads) : [];
    expect(after).toEqual(before);
  });
});

describe('case 10a: signed-in answers are not cached', () => {
  it('sends Cache-Control: no-store on API answers, signed in or not', async () => {
    const headers = await signIn();
    for (const url of ['/api/auth/me', '/api/compounds', '/api/sheets/compounds/export']) {
      const res = await fetch(`${base}${url}`, { headers });
      expect(res.status, url).toBe(200);
      expect(res.headers.get('cache-control'), url).toBe('no-store');
      await res.arrayBuffer();
    }
    const login = await postJson(
      '/api/auth/login',
      JSON.stringify({ username: 'admin', password: adminPassword }),
    );
    expect(login.headers.get('cache-control')).toBe('no-store');
    const refused = await fetch(`${base}/api/auth/me`);
    expect(refused.status).toBe(401);
    expect(refused.headers.get('cache-control')).toBe('no-store');
  });
});

describe('case 4: a lock tells nothing and locks out no one else', () => {
  const attempt = async (username: string, password: string, from: string) => {
    const res = await postJson('/api/auth/login', JSON.stringify({ username, password }), {
      'x-forwarded-for': from,
    });
    return { status: res.status, body: await res.text() };
  };

  it('answers a locked account exactly like a wrong password, and like an unknown user', async () => {
    const u = await buildUser(t.database, 'viewer');
    const wrong = await attempt(u.username, 'wrong-password-1', '198.51.100.1');
    expect(wrong.status).toBe(401);
    for (let i = 0; i < 5; i++) await attempt(u.username, 'wrong-password-1', '198.51.100.1');
    // Locked for this address now: the right password and a wrong one answer as a wrong one did.
    expect(await attempt(u.username, u.password, '198.51.100.1')).toEqual(wrong);
    expect(await attempt(u.username, 'wrong-password-1', '198.51.100.1')).toEqual(wrong);
    expect(await attempt('nobody-by-this-name', 'wrong-password-1', '198.51.100.1')).toEqual(wrong);
  });

  it('lets the owner in from another address while the attacker’s address is locked', async () => {
    const u = await buildUser(t.database, 'admin');
    for (let i = 0; i < 10; i++) await attempt(u.username, 'wrong-password-1', '203.0.113.66');
    expect((await attempt(u.username, u.password, '203.0.113.66')).status).toBe(401);
    expect((await attempt(u.username, u.password, '192.0.2.10')).status).toBe(200);
    // Still locked for the attacker's address.
    expect((await attempt(u.username, u.password, '203.0.113.66')).status).toBe(401);
  });

  it('stops guessing from many addresses at the account-wide limit', async () => {
    const u = await buildUser(t.database, 'hq');
    // 4 failures from each of two addresses: under both limits, the owner gets in from a third.
    for (const from of ['198.51.100.21', '198.51.100.22'])
      for (let i = 0; i < 4; i++) await attempt(u.username, 'wrong-password-1', from);
    expect((await attempt(u.username, u.password, '192.0.2.20')).status).toBe(200);
    // 4 more from a fourth address make 12 for the account: now every address is refused.
    for (let i = 0; i < 4; i++) await attempt(u.username, 'wrong-password-1', '198.51.100.23');
    expect((await attempt(u.username, u.password, '192.0.2.21')).status).toBe(401);
  });
});
