/**
 * Past meetings can be browsed (a list in scope, filtered by date, kind and project; one meeting
 * with the ledger items its decisions created), a notification names the project it is about,
 * and a login knows the cadre record it is linked to.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildUser, login, type Session, sessionAs, type TestApp, testApp } from '../../testing/app.js';
import { buildCadre, buildProject, daysFromToday as inDays } from '../../testing/factories.js';

let t: TestApp;
let hq: Session;
let viewer: Session;
let tieta: Session;
let qingping: Session;
let cadreSession: Session;
let tietaCadre: string;
let qingpingCadre: string;
let project: { id: string; compoundName: string; year: number };

const post = (url: string, payload: unknown, s: Session) =>
  t.app.inject({ method: 'POST', url, payload: payload as object, headers: s.headers });
const get = (url: string, s: Session) => t.app.inject({ method: 'GET', url, headers: s.headers });

/** Two meetings every test reads and none changes: one on a project in 铁塔街道, one in 清平街道. */
let onProject: string;
let elsewhere: string;

beforeAll(async () => {
  // No demo district: the meetings, cadres and project below are all there is.
  t = await testApp({}, { seeded: false });
  hq = await sessionAs(t, 'hq');
  viewer = await sessionAs(t, 'viewer');
  tieta = await sessionAs(t, 'subdistrict', ['410203002']);
  qingping = await sessionAs(t, 'subdistrict', ['410203001']);
  // A street user who is also the cadre: linked as the user page links them.
  const u = await buildUser(t.database, 'subdistrict', ['410203002']);
  tietaCadre = (await buildCadre(t.database, { userId: u.id })).id;
  cadreSession = await login(t.app, u.username, u.password);
  qingpingCadre = (await buildCadre(t.database, { regionCode: '410203001' })).id;
  const built = await buildProject(t.database);
  project = { id: built.id, compoundName: built.compound.name, year: built.year };

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
