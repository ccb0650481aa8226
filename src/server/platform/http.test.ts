import { beforeAll, describe, expect, it } from 'vitest';
import { api } from '../../contract/api.js';
import { auditEvents } from '../db/schema.js';
import { adminPassword, login, type Session, type TestApp, testApp } from '../testing/app.js';

let t: TestApp;
let admin: Session;
beforeAll(async () => {
  t = await testApp();
  admin = await login(t.app, 'admin', adminPassword);
});

const raw = (
  payload: string | Buffer,
  contentType = 'application/json',
  headers: Record<string, string> = admin.headers,
) =>
  t.app.inject({
    method: 'POST',
    url: '/api/users',
    payload,
    headers: { ...headers, 'content-type': contentType },
  });

describe('bad input never writes and always explains', () => {
  const cases: [string, () => ReturnType<typeof raw>, number, string][] = [
    ['malformed JSON', () => raw('{"username": "a",'), 400, 'BAD_JSON'],
    ['an empty body', () => raw(''), 400, 'BAD_JSON'],
    [
      'a body that is not UTF-8',
      () => raw(Buffer.from([0x7b, 0x22, 0xc4, 0xe3, 0x22, 0x3a, 0x31, 0x7d])),
      400,
      'INVALID_ENCODING',
    ],
    [
      'a form post',
      () => raw('username=a', 'application/x-www-form-urlencoded'),
      415,
      'UNSUPPORTED_MEDIA_TYPE',
    ],
    ['plain text', () => raw('hello', 'text/plain'), 415, 'UNSUPPORTED_MEDIA_TYPE'],
    [
      'a body over 256 KiB',
      () => raw(JSON.stringify({ displayName: 'x'.repeat(300 * 1024) })),
      413,
      'PAYLOAD_TOO_LARGE',
    ],
    ['a JSON array instead of an object', () => raw('[1,2,3]'), 400, 'VALIDATION_FAILED'],
  ];
  it.each(cases)('%s → %i %s', async (_name, send, status, code) => {
    const before = (await t.database.db.select().from(auditEvents)).length;
    const res = await send();
    expect(res.statusCode).toBe(status);
    expect(res.json().error.code).toBe(code);
    expect(res.json().error.message.length).toBeGreaterThan(0);
    expect((await t.database.db.select().from(auditEvents)).length).toBe(before);
  });

  it('an unknown API path is a JSON 404', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/nothing-here', headers: admin.headers });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('NOT_FOUND');
  });

  it('an unknown session cookie is simply not logged in', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/users',
      headers: { cookie: 'jiugai_sid=forged' },
    });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('UNAUTHENTICATED');
  });
});

describe('headers and contract', () => {
  it('sends security headers', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.headers['content-security-policy']).toMatch(/default-src 'self'/);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(res.json()).toMatchObject({ status: 'ok', database: t.database.kind });
  });

  it('describes every contract endpoint in the OpenAPI document', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    for (const e of Object.values(api)) {
      const path = e.path.replace(/:(\w+)/g, '{$1}');
      expect(doc.paths[path]?.[e.method.toLowerCase()], `${e.method} ${path}`).toBeDefined();
    }
    expect(
      doc.paths['/api/users'].post.requestBody.content['application/json'].schema.properties,
    ).toHaveProperty('username');
  });

  it('serves a browsable API reference', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toMatch(/swagger/i);
  });
});
