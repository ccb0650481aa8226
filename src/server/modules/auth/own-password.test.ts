/**
 * A user's own password and sessions: change it (current one checked, policy applied, other
 * sessions ended), a password someone else chose must be changed before anything else, and
 * signing out everywhere else.
 */
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../db/schema.js';
import {
  adminPassword,
  buildUser,
  login,
  requests,
  type Session,
  strongPassword,
  type TestApp,
  testApp,
} from '../../testing/app.js';

let t: TestApp;
let get: ReturnType<typeof requests>['get'];
let send: ReturnType<typeof requests>['send'];
let admin: Session;

beforeAll(async () => {
  t = await testApp();
  ({ get, send } = requests(t));
  admin = await login(t.app, 'admin', adminPassword);
});

const change = (s: Session | undefined, currentPassword: string, newPassword: string) =>
  send('POST', '/api/auth/password', { currentPassword, newPassword }, s);
const withUa = (s: Session, ua: string): Session => ({ ...s, headers: { ...s.headers, 'user-agent': ua } });

async function loginAs(username: string, password: string, userAgent: string) {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username, password },
    headers: { 'user-agent': userAgent },
  });
  expect(res.statusCode).toBe(200);
  const cookie = `jiugai_sid=${res.cookies.find((c) => c.name === 'jiugai_sid')?.value}`;
  const body = res.json();
  return {
    body,
    session: { cookie, csrf: body.csrfToken, headers: { cookie, 'x-csrf-token': body.csrfToken } },
  };
}

describe('POST /api/auth/password', () => {
  it('refuses without a session (401), without the CSRF token (403), and bad input (400)', async () => {
    const u = await buildUser(t.database, 'viewer');
    expect((await change(undefined, u.password, 'Brand-New-Secret-42')).statusCode).toBe(401);
    const s = await login(t.app, u.username, u.password);
    const noCsrf = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      payload: { currentPassword: u.password, newPassword: 'Brand-New-Secret-42' },
      headers: { cookie: s.cookie },
    });
    expect(noCsrf.statusCode).toBe(403);
    expect(noCsrf.json().error.code).toBe('CSRF_INVALID');

    const wrong = await change(s, 'not-my-password', 'Brand-New-Secret-42');
    expect(wrong.statusCode).toBe(400);
    expect(Object.keys(wrong.json().error.fields)).toEqual(['currentPassword']);
    const common = await change(s, u.password, 'qwertyuiop');
    expect(common.statusCode).toBe(400);
    expect(Object.keys(common.json().error.fields)).toEqual(['newPassword']);
    const same = await change(s, u.password, u.password);
    expect(same.statusCode).toBe(400);
    expect(Object.keys(same.json().error.fields)).toEqual(['newPassword']);
    const short = await change(s, u.password, 'short');
    expect(short.statusCode).toBe(400);
    // Nothing changed: the old password still logs in.
    await login(t.app, u.username, u.password);
    const failed = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, u.id), eq(auditEvents.action, 'auth.password_change')));
    expect(failed.map((e) => e.outcome)).toEqual(['failed']);
  });

  it('sets the new password, ends the user’s other sessions and keeps this one, audited', async () => {
    const u = await buildUser(t.database, 'viewer');
    const here = await login(t.app, u.username, u.password);
    const elsewhere = await login(t.app, u.username, u.password);
    const res = await change(here, u.password, 'Brand-New-Secret-42');
    expect(res.statusCode).toBe(200);
    expect(res.json().mustChangePassword).toBe(false);

    expect((await get('/api/auth/me', here)).statusCode).toBe(200);
    expect((await get('/api/auth/me', elsewhere)).statusCode).toBe(401);
    await expect(login(t.app, u.username, u.password)).rejects.toThrow(/401/);
    await login(t.app, u.username, 'Brand-New-Secret-42');
    const [event] = await t.database.db
      .select()
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.entityId, u.id),
          eq(auditEvents.action, 'auth.password_change'),
          eq(auditEvents.outcome, 'ok'),
        ),
      );
    expect(event?.after).toEqual({ endedSessions: 1 });
  });
});

describe('a password someone else chose', () => {
  it('must be changed first: every other call answers 403 PASSWORD_CHANGE_REQUIRED until then', async () => {
    const created = await send(
      'POST',
      '/api/users',
      {
        username: 'first-login',
        displayName: '初次登录',
        role: 'viewer',
        password: strongPassword,
        mustChangePassword: true,
      },
      admin,
    );
    expect(created.statusCode).toBe(201);

    const { body, session } = await loginAs('first-login', strongPassword, 'test-agent');
    expect(body.mustChangePassword).toBe(true);
    const me = await get('/api/auth/me', session);
    expect(me.statusCode).toBe(200);
    expect(me.json().mustChangePassword).toBe(true);
    for (const url of ['/api/compounds', '/api/stats/summary', '/api/auth/sessions']) {
      const res = await get(url, session);
      expect(res.statusCode, url).toBe(403);
      expect(res.json().error.code).toBe('PASSWORD_CHANGE_REQUIRED');
    }

    expect((await change(session, strongPassword, 'Own-Chosen-Secret-7')).statusCode).toBe(200);
    expect((await get('/api/compounds', session)).statusCode).toBe(200);
    expect((await get('/api/auth/me', session)).json().mustChangePassword).toBe(false);
  });

  it('is set by an admin’s reset, and not for users given their password directly', async () => {
    const u = await buildUser(t.database, 'viewer');
    const before = await loginAs(u.username, u.password, 'test-agent');
    expect(before.body.mustChangePassword).toBe(false);
    const reset = await send(
      'POST',
      `/api/users/${u.id}/password`,
      { version: u.version, password: 'Reset-By-Admin-2024' },
      admin,
    );
    expect(reset.statusCode).toBe(200);
    const after = await loginAs(u.username, 'Reset-By-Admin-2024', 'test-agent');
    expect(after.body.mustChangePassword).toBe(true);
    // The first admin's password came from JIUGAI_ADMIN_PASSWORD: no change required.
    expect((await get('/api/auth/me', admin)).json().mustChangePassword).toBe(false);
  });
});

describe('own sessions', () => {
  it('need a session (401) and the CSRF token to revoke (403)', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/sessions' })).statusCode).toBe(401);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sessions/revoke-others',
      headers: { cookie: admin.cookie },
    });
    expect(res.statusCode).toBe(403);
  });

  it('lists the user’s own sessions, the current one marked, and signs out everywhere else', async () => {
    const u = await buildUser(t.database, 'viewer');
    const phone = await loginAs(u.username, u.password, 'Phone Browser/1.0');
    const desk = await loginAs(u.username, u.password, 'Desk Browser/2.0');
    const other = await buildUser(t.database, 'viewer');
    await login(t.app, other.username, other.password);

    const list = await get('/api/auth/sessions', withUa(desk.session, 'Desk Browser/2.0'));
    expect(list.statusCode).toBe(200);
    const items = list.json().items as { userAgent: string; current: boolean; ip: string | null }[];
    expect(items.map((s) => [s.userAgent, s.current]).sort()).toEqual([
      ['Desk Browser/2.0', true],
      ['Phone Browser/1.0', false],
    ]);
    expect(items.every((s) => s.ip !== null)).toBe(true);

    const revoked = await send('POST', '/api/auth/sessions/revoke-others', undefined, desk.session);
    expect(revoked.statusCode).toBe(200);
    expect(revoked.json()).toEqual({ ended: 1 });
    expect((await get('/api/auth/me', phone.session)).statusCode).toBe(401);
    expect((await get('/api/auth/me', desk.session)).statusCode).toBe(200);
    const left = (await get('/api/auth/sessions', desk.session)).json().items;
    expect(left).toHaveLength(1);
    const [event] = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, u.id), eq(auditEvents.action, 'auth.sessions_revoke')));
    expect(event?.after).toEqual({ ended: 1 });
  });
});
