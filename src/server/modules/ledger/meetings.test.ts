/**
 * Past meetings can be browsed (a list in scope, filtered by date, kind and project; one meeting
 * with the ledger items its decisions created), a notification names the project it is about,
 * and a login knows the cadre record it is linked to.
 */
import { and, eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { districtToday } from '../../../domain/ledger.js';
import { cadres, compounds, projects } from '../../db/schema.js';
import { buildUser, login, type Session, type TestApp, testApp } from '../../testing/app.js';

let t: TestApp;
let hq: Session;
let viewer: Session;
let tieta: Session;
let qingping: Session;
let cadreSession: Session;
let tietaCadre: string;
let qingpingCadre: string;
let project: { id: string; compoundName: string; year: number };
const today = districtToday();
const inDays = (n: number) =>
  new Date(Date.parse(`${today}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

const post = (url: string, payload: unknown, s: Session) =>
  t.app.inject({ method: 'POST', url, payload: payload as object, headers: s.headers });
const get = (url: string, s: Session) => t.app.inject({ method: 'GET', url, headers: s.headers });

let onProject: string;
let elsewhere: string;

beforeAll(async () => {
  t = await testApp();
  const h = await buildUser(t.database, 'hq');
  hq = await login(t.app, h.username, h.password);
  const v = await buildUser(t.database, 'viewer');
  viewer = await login(t.app, v.username, v.password);
  const s = await buildUser(t.database, 'subdistrict', ['410203002']);
  tieta = await login(t.app, s.username, s.password);
  const q = await buildUser(t.database, 'subdistrict', ['410203001']);
  qingping = await login(t.app, q.username, q.password);
  const [c] = await t.database.db
    .select({ id: cadres.id })
    .from(cadres)
    .where(sql`${cadres.regionCode} = '410203002' AND ${cadres.userId} IS NULL`)
    .limit(1);
  const [qc] = await t.database.db
    .select({ id: cadres.id })
    .from(cadres)
    .where(sql`${cadres.regionCode} = '410203001' AND ${cadres.userId} IS NULL`)
    .limit(1);
  const [p] = await t.database.db
    .select({ id: projects.id, compoundName: compounds.name, year: projects.year })
    .from(projects)
    .innerJoin(compounds, eq(compounds.id, projects.compoundId))
    .where(and(sql`${projects.regionCode} LIKE '410203002%'`))
    .limit(1);
  if (!c || !qc || !p) throw new Error('demo cadres or projects missing');
  tietaCadre = c.id;
  qingpingCadre = qc.id;
  project = p;
  // A street user who is also the cadre: linked as the user page links them.
  const u = await buildUser(t.database, 'subdistrict', ['410203002']);
  await t.database.db.update(cadres).set({ userId: u.id }).where(eq(cadres.id, tietaCadre));
  cadreSession = await login(t.app, u.username, u.password);

  const first = await post(
    '/api/meetings',
    {
      kind: 'onsite',
      title: '铁塔现场办公会（测试）',
      heldOn: inDays(-20),
      projectId: project.id,
      decisions: [
        { title: '迁改燃气管线', ownerCadreId: tietaCadre, deadline: inDays(5) },
        { title: '清运建筑垃圾', ownerCadreId: tietaCadre, deadline: inDays(9) },
      ],
    },
    hq,
  );
  expect(first.statusCode).toBe(201);
  onProject = first.json().id;
  const second = await post(
    '/api/meetings',
    {
      kind: 'progress',
      title: '曹门推进会（测试）',
      heldOn: inDays(-3),
      decisions: [{ title: '报送进度', ownerCadreId: qingpingCadre, deadline: inDays(7) }],
    },
    qingping,
  );
  expect(second.statusCode).toBe(201);
  elsewhere = second.json().id;
});

describe('GET /api/meetings', () => {
  it('lists meetings newest first with their project and decisions', async () => {
    const res = await get('/api/meetings?pageSize=100', viewer);
    expect(res.statusCode).toBe(200);
    const ids = res.json().items.map((m: { id: string }) => m.id);
    expect(ids.indexOf(elsewhere)).toBeLessThan(ids.indexOf(onProject));
    const mine = res.json().items.find((m: { id: string }) => m.id === onProject);
    expect(mine).toMatchObject({
      kind: 'onsite',
      projectId: project.id,
      compoundName: project.compoundName,
      decisions: 2,
      openDecisions: 2,
    });
  });

  it('shows a scoped user only the meetings of their regions', async () => {
    const ids = (await get('/api/meetings?pageSize=100', tieta))
      .json()
      .items.map((m: { id: string }) => m.id);
    expect(ids).toContain(onProject);
    expect(ids).not.toContain(elsewhere);
  });

  it('filters by kind, dates and project', async () => {
    const ids = async (query: string) =>
      (await get(`/api/meetings?pageSize=100&${query}`, hq)).json().items.map((m: { id: string }) => m.id);
    expect(await ids('kind=progress')).toContain(elsewhere);
    expect(await ids('kind=progress')).not.toContain(onProject);
    expect(await ids(`from=${inDays(-10)}`)).toEqual(expect.arrayContaining([elsewhere]));
    expect(await ids(`from=${inDays(-10)}`)).not.toContain(onProject);
    expect(await ids(`to=${inDays(-10)}`)).toContain(onProject);
    expect(await ids(`to=${inDays(-10)}`)).not.toContain(elsewhere);
    expect(await ids(`projectId=${project.id}`)).toEqual([onProject]);
  });

  it('401 without a session; 400 for a date that is not one', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/meetings' })).statusCode).toBe(401);
    expect((await get('/api/meetings?from=2024-13-40', hq)).statusCode).toBe(400);
  });
});

describe('GET /api/meetings/:id', () => {
  it('answers the meeting with the ledger items its decisions created', async () => {
    const res = await get(`/api/meetings/${onProject}`, tieta);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ title: '铁塔现场办公会（测试）', compoundName: project.compoundName });
    expect(body.items.map((i: { title: string }) => i.title).sort()).toEqual([
      '清运建筑垃圾',
      '迁改燃气管线',
    ]);
    expect(body.items.every((i: { meetingId: string }) => i.meetingId === onProject)).toBe(true);
  });

  it('is a 404 outside the caller’s scope', async () => {
    expect((await get(`/api/meetings/${elsewhere}`, tieta)).statusCode).toBe(404);
  });
});

describe('notifications name their project', () => {
  it('an assignment on a project’s item carries the project’s compound and year', async () => {
    const res = await get('/api/notifications', cadreSession);
    expect(res.statusCode).toBe(200);
    const assigned = res.json().items.filter((n: { title: string }) => n.title === '迁改燃气管线');
    expect(assigned).toHaveLength(1);
    expect(assigned[0].project).toEqual(project);
  });

  it('an item on no project names none', async () => {
    const res = await post(
      '/api/ledger',
      { title: '整理档案（无项目）', ownerCadreId: tietaCadre, deadline: inDays(8) },
      hq,
    );
    expect(res.statusCode).toBe(201);
    const list = (await get('/api/notifications', cadreSession)).json();
    const n = list.items.find((i: { title: string }) => i.title === '整理档案（无项目）');
    expect(n.project).toBeNull();
  });
});

describe('a login knows its cadre', () => {
  it('/api/auth/me names the linked cadre, and null for a user who is none', async () => {
    expect((await get('/api/auth/me', cadreSession)).json().cadreId).toBe(tietaCadre);
    expect((await get('/api/auth/me', tieta)).json().cadreId).toBeNull();
  });
});
