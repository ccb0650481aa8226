/**
 * The demo district's resident supervisors: the letter's 354 in the summary, reports in every
 * state, and a demo login (once staff hand it over) reaching only its own project.
 */
import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { residentReports, tickets, users } from '../../db/schema.js';
import {
  adminPassword,
  login,
  requests,
  type Session,
  sessionAs,
  strongPassword,
  type TestApp,
  testApp,
} from '../../testing/app.js';

let t: TestApp;
let hq: Session;

beforeAll(async () => {
  t = await testApp();
  hq = await sessionAs(t, 'hq');
}, 180_000);

describe('the demo district', () => {
  it('has the letter’s 354 resident supervisors', async () => {
    const res = await requests(t).get('/api/stats/summary', hq);
    expect(res.json().residentSupervisors).toBe(354);
    const list = (await requests(t).get('/api/resident-supervisors?pageSize=1', hq)).json();
    expect(list.total).toBe(354);
  });

  it('has reports in every state: open, fixed, confirmed, verified, disputed and reopened', async () => {
    const rows = await t.database.db
      .select({ status: tickets.status, verdict: residentReports.verdict, n: sql<number>`count(*)::int` })
      .from(residentReports)
      .innerJoin(tickets, eq(tickets.id, residentReports.ticketId))
      .groupBy(tickets.status, residentReports.verdict);
    const has = (status: string, verdict: string | null) =>
      rows.some((r) => r.status === status && r.verdict === verdict && r.n > 0);
    expect(has('open', null)).toBe(true);
    expect(has('evidence_uploaded', null)).toBe(true);
    expect(has('evidence_uploaded', 'confirmed')).toBe(true);
    expect(has('verified', 'confirmed')).toBe(true);
    expect(has('reopened', 'disputed')).toBe(true);
  });

  it('a demo login, once handed over, reaches only the project it is appointed to', async () => {
    const admin = await login(t.app, 'admin', adminPassword);
    const [user] = await t.database.db.select().from(users).where(eq(users.username, 'jdy-demo-01'));
    expect(user?.role).toBe('resident_supervisor');
    const reset = await requests(t).send(
      'POST',
      `/api/users/${user?.id}/password`,
      { version: user?.version, password: strongPassword },
      admin,
    );
    expect(reset.statusCode).toBe(200);
    const s = await login(t.app, 'jdy-demo-01', strongPassword);
    const changed = await requests(t).send(
      'POST',
      '/api/auth/password',
      { currentPassword: strongPassword, newPassword: `${strongPassword}x` },
      s,
    );
    expect(changed.statusCode).toBe(200);
    const mine = (await requests(t).get('/api/my/supervision', s)).json();
    expect(mine.projects).toHaveLength(1);
    expect(mine.reports.length).toBeGreaterThan(0);
    const projects = (await requests(t).get('/api/projects?pageSize=100', s)).json();
    expect(projects.items.map((p: { id: string }) => p.id)).toEqual([mine.projects[0].id]);
  });
});
