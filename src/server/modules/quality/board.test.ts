/**
 * The quality board over the demo (seeded): refusals first, then the district's board by project
 * and by subdistrict agreeing with each other and with the summary, and a contractor who sees only
 * the project it is named on, on the board and in the export.
 */
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { projects, users } from '../../db/schema.js';
import { sheetRows } from '../../platform/sheets/testing.js';
import {
  buildUser,
  login,
  requests,
  type Session,
  sessionAs,
  type TestApp,
  testApp,
} from '../../testing/app.js';
import { nameOnProject } from '../../testing/factories.js';

let t: TestApp;
let hq: Session;
let get: ReturnType<typeof requests>['get'];
type Row = { key: string; name: string; openTickets: number; gates: { status: string }[]; status: string };

beforeAll(async () => {
  t = await testApp();
  ({ get } = requests(t));
  hq = await sessionAs(t, 'hq');
});

describe('GET /api/quality/board', () => {
  it('401 without a session, 403 before the password is changed, 400 for a bad grouping or year', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/quality/board' })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'GET', url: '/api/quality/board/export' })).statusCode).toBe(401);
    const u = await buildUser(t.database, 'viewer');
    const s = await login(t.app, u.username, u.password);
    await t.database.db.update(users).set({ mustChangePassword: true }).where(eq(users.id, u.id));
    const refused = await get('/api/quality/board', s);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('PASSWORD_CHANGE_REQUIRED');
    expect((await get('/api/quality/board?groupBy=compound', hq)).statusCode).toBe(400);
    expect((await get('/api/quality/board?year=next', hq)).statusCode).toBe(400);
    expect((await get('/api/quality/board/export?groupBy=street', hq)).statusCode).toBe(400);
  });

  it('shows every project from tender on, by project and by subdistrict, agreeing with the summary', async () => {
    const res = await get('/api/quality/board', hq);
    expect(res.statusCode).toBe(200);
    const board = res.json();
    const done = board.rows.filter((r: Row) => r.status === 'handed_over');
    expect(done).toHaveLength(135);
    for (const r of done) expect(r.gates.every((g: { status: string }) => g.status === 'passed')).toBe(true);
    expect(board.total.allGatesPassed).toBe(135);
    expect(board.total.openTickets).toBeGreaterThan(board.total.overdueTickets);
    expect(board.total.overdueTickets).toBeGreaterThan(0);
    expect(board.total.acceptancesPending).toBe(1);
    expect(board.total.passRate).toBeGreaterThan(90);
    expect(board.total.passRate).toBeLessThan(100);
    expect(board.rows.reduce((n: number, r: Row) => n + r.openTickets, 0)).toBe(board.total.openTickets);

    const streets = (await get('/api/quality/board?groupBy=subdistrict', hq)).json();
    expect(streets.total).toEqual(board.total);
    expect(streets.rows.reduce((n: number, r: { projects: number }) => n + r.projects, 0)).toBe(
      board.rows.length,
    );
    const summary = (await get('/api/stats/summary', hq)).json();
    expect(summary.openTickets).toBe(board.total.openTickets);
    expect(summary.overdueTickets).toBe(board.total.overdueTickets);

    const one = (await get('/api/quality/board?year=2023&region=410203', hq)).json();
    expect(one.rows.every((r: { year: number }) => r.year === 2023)).toBe(true);
    expect(one.rows.length).toBeGreaterThan(0);

    const file = await get('/api/quality/board/export?groupBy=subdistrict', hq);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toContain('spreadsheetml');
    const sheet = await sheetRows(file.rawPayload, '街道（乡镇）');
    expect(sheet.headers).toContain('材料合格率（%）');
    expect(sheet.rows.at(-1)?.['街道（乡镇）']).toBe('合计');
    expect(Number(sheet.rows.at(-1)?.['未销号整改单（张）'])).toBe(board.total.openTickets);
  });

  it('a contractor sees only the project it is named on, on the board, in the export and the summary', async () => {
    const [project] = await t.database.db
      .select()
      .from(projects)
      .where(eq(projects.status, 'under_construction'))
      .limit(1);
    if (!project) throw new Error('no project under way in the demo');
    const u = await buildUser(t.database, 'contractor', [project.regionCode.slice(0, 9)]);
    await nameOnProject(t.database, project.id, u.id);
    const s = await login(t.app, u.username, u.password);

    const board = (await get('/api/quality/board', s)).json();
    expect(board.rows.map((r: Row) => r.key)).toEqual([project.id]);
    expect(board.total.projects).toBe(1);
    const own = (await get(`/api/projects/${project.id}/quality`, hq)).json();
    const open = own.tickets.filter((x: { status: string }) => x.status !== 'verified').length;
    expect(board.total.openTickets).toBe(open);
    expect((await get('/api/stats/summary', s)).json().openTickets).toBe(open);

    const file = await get('/api/quality/board/export', s);
    expect(file.statusCode).toBe(200);
    const sheet = await sheetRows(file.rawPayload, '项目（小区）');
    expect(sheet.rows.map((r) => r['项目（小区）'])).toEqual([board.rows[0].name, '合计']);

    const streets = (await get('/api/quality/board?groupBy=subdistrict', s)).json();
    expect(streets.total.projects).toBe(1);
  });
});
