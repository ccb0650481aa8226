import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { scopePrefixes } from '../../../domain/access.js';
import { auditEvents, sessions } from '../../db/schema.js';
import type { Principal } from '../../platform/context.js';
import {
  adminPassword,
  buildUser,
  login,
  type Session,
  strongPassword,
  type TestApp,
  testApp,
} from '../../testing/app.js';
import { loadUser } from './queries.js';

let t: TestApp;
let admin: Session;
beforeAll(async () => {
  t = await testApp();
  admin = await login(t.app, 'admin', adminPassword);
});

const newUser = (over: Record<string, unknown> = {}) => ({
  username: `u${Math.random().toString(36).slice(2, 10)}`,
  displayName: '铁塔街道 张三',
  role: 'subdistrict',
  scopeRegions: ['410203002'],
  password: strongPassword,
  ...over,
});

const create = (payload: unknown, s: Session = admin) =>
  t.app.inject({ method: 'POST', url: '/api/users', payload: payload as object, headers: s.headers });

describe('POST /api/users', () => {
  it('401 without a session', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/users', payload: newUser() });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('UNAUTHENTICATED');
  });

  it('403 for a role without user.manage, and the refusal is audited', async () => {
    const hq = await buildUser(t.database, 'hq');
    const s = await login(t.app, hq.username, hq.password);
    const res = await create(newUser(), s);
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('FORBIDDEN');
    const denied = await t.database.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, 'access.denied'));
    expect(denied.some((e) => e.actorId === hq.id)).toBe(true);
  });

  it('403 (not 400) when a forbidden caller also sends a bad body', async () => {
    const viewer = await buildUser(t.database, 'viewer');
    const s = await login(t.app, viewer.username, viewer.password);
    expect((await create({ nonsense: true }, s)).statusCode).toBe(403);
  });

  it('403 without the CSRF token', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/users',
      payload: newUser(),
      headers: { cookie: admin.cookie },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('CSRF_INVALID');
    const denied = await t.database.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, 'access.denied'));
    expect(denied.some((e) => (e.after as { reason: string }).reason === 'csrf')).toBe(true);
  });

  const bad: [string, Record<string, unknown>, string][] = [
    ['unknown field', { isRoot: true }, 'isRoot'],
    ['wrong type', { role: 42 }, 'role'],
    ['unknown role', { role: 'mayor' }, 'role'],
    ['short username', { username: 'ab' }, 'username'],
    ['very long display name', { displayName: '长'.repeat(101) }, 'displayName'],
    ['username with spaces', { username: 'drop table users' }, 'username'],
    ['common password', { password: 'qwertyuiop' }, 'password'],
    ['short password', { password: 'Short1!' }, 'password'],
    ['scope missing for a subdistrict role', { scopeRegions: [] }, 'scopeRegions'],
    ['scope given to a district-wide role', { role: 'hq', scopeRegions: ['410203001'] }, 'scopeRegions'],
    ['scope on a region that does not exist', { scopeRegions: ['410203999'] }, 'scopeRegions'],
    ['scope code that is not digits', { scopeRegions: ["410203' OR 1=1"] }, 'scopeRegions.0'],
  ];
  it.each(bad)('400 for %s, naming the field, writing nothing', async (_name, over, field) => {
    const before = await t.database.db.select().from(auditEvents);
    const res = await create(newUser(over));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION_FAILED');
    expect(res.json().error.fields).toHaveProperty([field]);
    const after = await t.database.db.select().from(auditEvents);
    expect(after.length).toBe(before.length);
  });

  it('400 for a username that is taken, whatever its case', async () => {
    const res = await create(newUser({ username: 'ADMIN' }));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields.username).toMatch(/占用/);
  });

  it('messages follow the caller’s language', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/users',
      payload: newUser({ password: 'qwertyuiop' }),
      headers: { ...admin.headers, 'accept-language': 'en-US,en;q=0.9' },
    });
    expect(res.json().error.message).toMatch(/not valid/);
    expect(res.json().error.fields.password).toMatch(/common password/);
  });

  it('creates the user, never returns the hash, and audits the write', async () => {
    const body = newUser();
    const res = await create(body);
    expect(res.statusCode).toBe(201);
    const user = res.json();
    expect(user).toMatchObject({
      username: body.username,
      role: 'subdistrict',
      scopeRegions: ['410203002'],
      version: 1,
    });
    expect(JSON.stringify(user)).not.toMatch(/argon2|passwordHash/);
    const events = await t.database.db.select().from(auditEvents).where(eq(auditEvents.entityId, user.id));
    expect(events.map((e) => e.action)).toContain('user.create');
    expect(JSON.stringify(events)).not.toMatch(/argon2/);
    // and the new user can log in with that scope
    const s = await login(t.app, body.username, body.password);
    const regions = await t.app.inject({ method: 'GET', url: '/api/regions', headers: s.headers });
    const codes: string[] = regions.json().items.map((r: { code: string }) => r.code);
    expect(codes).toContain('410203002');
    expect(codes.length).toBeGreaterThan(1); // its communities
    expect(codes.every((c) => c.startsWith('410203002'))).toBe(true);
  });
});

describe('GET /api/users', () => {
  it('pages, filters and sorts in SQL', async () => {
    for (let i = 0; i < 3; i++) await create(newUser({ displayName: `分页测试 ${i}` }));
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/users?q=分页测试&pageSize=2&page=1&sort=-username',
      headers: admin.headers,
    });
    const page = res.json();
    expect(page.total).toBe(3);
    expect(page.items).toHaveLength(2);
    expect(page.items[0].username > page.items[1].username).toBe(true);
    const two = await t.app.inject({
      method: 'GET',
      url: '/api/users?q=分页测试&pageSize=2&page=2',
      headers: admin.headers,
    });
    expect(two.json().items).toHaveLength(1);
  });

  it('treats % and _ in the search text literally', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/users?q=%25', headers: admin.headers });
    expect(res.json().total).toBe(0);
  });

  it('400 for a page size over the limit', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/users?pageSize=1000',
      headers: admin.headers,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields).toHaveProperty('pageSize');
  });
});

describe('PATCH /api/users/:id', () => {
  it('refuses a stale version with 409 and keeps the first edit', async () => {
    const u = (await create(newUser())).json();
    const first = await t.app.inject({
      method: 'PATCH',
      url: `/api/users/${u.id}`,
      payload: { version: u.version, displayName: '第一次修改' },
      headers: admin.headers,
    });
    expect(first.statusCode).toBe(200);
    const second = await t.app.inject({
      method: 'PATCH',
      url: `/api/users/${u.id}`,
      payload: { version: u.version, displayName: '第二次修改' },
      headers: admin.headers,
    });
    expect(second.statusCode).toBe(409);
    expect(second.json().error.code).toBe('CONFLICT');
    const now = await t.app.inject({ method: 'GET', url: `/api/users/${u.id}`, headers: admin.headers });
    expect(now.json().displayName).toBe('第一次修改');
  });

  it('disabling a user ends all their sessions at once', async () => {
    const body = newUser();
    const u = (await create(body)).json();
    const s1 = await login(t.app, body.username, body.password);
    const s2 = await login(t.app, body.username, body.password);
    const res = await t.app.inject({
      method: 'PATCH',
      url: `/api/users/${u.id}`,
      payload: { version: u.version, disabled: true },
      headers: admin.headers,
    });
    expect(res.statusCode).toBe(200);
    expect(await t.database.db.select().from(sessions).where(eq(sessions.userId, u.id))).toHaveLength(0);
    for (const s of [s1, s2]) {
      expect(
        (await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: s.headers })).statusCode,
      ).toBe(401);
    }
  });

  it('an admin cannot disable themself', async () => {
    const me = (await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: admin.headers })).json();
    const current = (
      await t.app.inject({ method: 'GET', url: `/api/users/${me.user.id}`, headers: admin.headers })
    ).json();
    const res = await t.app.inject({
      method: 'PATCH',
      url: `/api/users/${me.user.id}`,
      payload: { version: current.version, disabled: true },
      headers: admin.headers,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields).toHaveProperty('disabled');
  });

  it('404 for an id that does not exist, 400 for one that is not a uuid', async () => {
    const missing = await t.app.inject({
      method: 'GET',
      url: '/api/users/00000000-0000-4000-8000-000000000000',
      headers: admin.headers,
    });
    expect(missing.statusCode).toBe(404);
    const junk = await t.app.inject({ method: 'GET', url: '/api/users/1;DROP', headers: admin.headers });
    expect(junk.statusCode).toBe(400);
  });
});

describe('POST /api/users/:id/password', () => {
  it('sets the new password and ends the user’s sessions', async () => {
    const body = newUser();
    const u = (await create(body)).json();
    const s = await login(t.app, body.username, body.password);
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/users/${u.id}/password`,
      payload: { version: u.version, password: 'Another-Strong-Pass-9' },
      headers: admin.headers,
    });
    expect(res.statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: s.headers })).statusCode).toBe(
      401,
    );
    await login(t.app, body.username, 'Another-Strong-Pass-9');
  });
});

describe('scope', () => {
  it('a record outside the caller’s scope is not found, not revealed', async () => {
    const inQingping = await buildUser(t.database, 'community', ['410203001']);
    const tieta: Principal = {
      userId: 'x',
      username: 'x',
      displayName: 'x',
      role: 'subdistrict',
      scopeRegions: ['410203002'],
      prefixes: scopePrefixes('subdistrict', ['410203002']),
      sessionId: 'x',
      csrfToken: 'x',
    };
    await expect(loadUser(t.database.db, tieta, inQingping.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const qingping = { ...tieta, scopeRegions: ['410203001'], prefixes: ['410203001'] };
    await expect(loadUser(t.database.db, qingping, inQingping.id)).resolves.toMatchObject({
      id: inQingping.id,
    });
  });
});
