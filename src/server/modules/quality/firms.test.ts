/**
 * The firms registry and a project's three units; and what a contractor or supervisor login then
 * reaches: the projects it is named on and nothing else, in lists, details, exports and the summary.
 */
import { inArray } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, compounds, tickets } from '../../db/schema.js';
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
import { buildFirm, buildLedgerItem, buildProject, nameOnProject, tieta } from '../../testing/factories.js';

let t: TestApp;
let get: ReturnType<typeof requests>['get'];
let send: ReturnType<typeof requests>['send'];
let hq: Session;
let viewer: Session;
let tietaStaff: Session;
let qingping: Session;
let contractor: Session;
let supervisor: Session;
let contractorUser: { id: string; username: string };
let mine: Awaited<ReturnType<typeof buildProject>>;
let other: Awaited<ReturnType<typeof buildProject>>;
let elsewhere: Awaited<ReturnType<typeof buildProject>>;
let firmId: string;

const validCode = '91350100M000100Y43';

beforeAll(async () => {
  t = await testApp();
  ({ get, send } = requests(t));
  hq = await sessionAs(t, 'hq');
  viewer = await sessionAs(t, 'viewer');
  tietaStaff = await sessionAs(t, 'subdistrict', [tieta]);
  qingping = await sessionAs(t, 'subdistrict', ['410203001']);
  const c = await buildUser(t.database, 'contractor', [tieta]);
  contractorUser = c;
  contractor = await login(t.app, c.username, c.password);
  const s = await buildUser(t.database, 'supervisor', [tieta]);
  supervisor = await login(t.app, s.username, s.password);

  mine = await buildProject(t.database, { status: 'accepted' });
  other = await buildProject(t.database, { status: 'accepted' });
  elsewhere = await buildProject(t.database, { regionCode: '410203001' });
  const named = await nameOnProject(t.database, mine.id, c.id, 'construction');
  firmId = named.firm.id;
  await nameOnProject(t.database, mine.id, s.id, 'supervision');
  // Someone else's firm on the other project: the contractor must not see it, nor the project.
  await nameOnProject(t.database, other.id, null, 'construction');
  // The contractor's person is also named on a project outside their region: scope still holds.
  await nameOnProject(t.database, elsewhere.id, c.id, 'construction', firmId);
  await buildLedgerItem(t.database, { projectId: mine.id, title: '测试·我的项目督办' });
  await buildLedgerItem(t.database, { projectId: other.id, title: '测试·他人项目督办' });
  await buildLedgerItem(t.database, { title: '测试·无项目督办' });
}, 120_000);

const firm = (over: Record<string, unknown> = {}) => ({
  name: '开封市示例建设工程有限公司',
  creditCode: validCode,
  qualification: '建筑工程施工总承包二级',
  ...over,
});

describe('POST /api/firms', () => {
  it('401 without a session; 403 for roles that do not keep the registry', async () => {
    expect((await send('POST', '/api/firms', firm())).statusCode).toBe(401);
    for (const s of [viewer, tietaStaff, contractor])
      expect((await send('POST', '/api/firms', firm(), s)).statusCode).toBe(403);
  });

  it.each([
    ['a credit code with a wrong check character', { creditCode: '91350100M000100Y44' }, 'creditCode'],
    ['a credit code of the wrong length', { creditCode: '91350100M000100Y4' }, 'creditCode'],
    ['an empty name', { name: ' ' }, 'name'],
    ['an unknown field', { rating: 5 }, 'rating'],
  ])('400 for %s, naming the field, writing nothing', async (_name, over, field) => {
    const before = (await t.database.db.select().from(auditEvents)).length;
    const res = await send('POST', '/api/firms', firm(over), hq);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields).toHaveProperty([field]);
    expect((await t.database.db.select().from(auditEvents)).length).toBe(before);
  });

  it('registers a firm (lower-case code taken as upper case), then refuses its code twice', async () => {
    const res = await send('POST', '/api/firms', firm({ creditCode: validCode.toLowerCase() }), hq);
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ creditCode: validCode, people: [], projects: 0 });
    const again = await send('POST', '/api/firms', firm({ name: '另一家' }), hq);
    expect(again.statusCode).toBe(400);
    expect(again.json().error.fields).toHaveProperty('creditCode');
  });
});

describe('firm people and a project’s units', () => {
  it('adds a person with the login that acts for them; refuses a login of another role', async () => {
    const f = await buildFirm(t.database);
    expect(
      (await send('POST', `/api/firms/${crypto.randomUUID()}/people`, { name: '张工' }, hq)).statusCode,
    ).toBe(404);
    const wrong = await buildUser(t.database, 'community', [tieta]);
    const bad = await send(
      'POST',
      `/api/firms/${f.id}/people`,
      { name: '张工', username: wrong.username },
      hq,
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields).toHaveProperty('username');
    const taken = await send(
      'POST',
      `/api/firms/${f.id}/people`,
      { name: '张工', username: contractorUser.username },
      hq,
    );
    expect(taken.statusCode).toBe(400);
    const free = await buildUser(t.database, 'supervisor', [tieta]);
    const ok = await send(
      'POST',
      `/api/firms/${f.id}/people`,
      { name: '李监理', post: '总监', username: free.username },
      hq,
    );
    expect(ok.statusCode).toBe(201);
    expect(ok.json().people).toEqual([expect.objectContaining({ name: '李监理', username: free.username })]);
  });

  it('names the units: 401, 403 by role, 404 outside scope, 400 for a person of another firm, then 200', async () => {
    const project = await buildProject(t.database);
    const f = await buildFirm(t.database);
    const g = await buildFirm(t.database);
    const p = (await send('POST', `/api/firms/${f.id}/people`, { name: '王经理' }, hq)).json().people[0].id;
    const body = { units: [{ kind: 'construction', firmId: f.id, people: [p] }] };
    const url = `/api/projects/${project.id}/units`;
    expect((await send('PUT', url, body)).statusCode).toBe(401);
    expect((await send('PUT', url, body, contractor)).statusCode).toBe(403);
    expect((await send('PUT', url, body, qingping)).statusCode).toBe(404);
    const wrong = await send(
      'PUT',
      url,
      { units: [{ kind: 'design', firmId: g.id, people: [p] }] },
      tietaStaff,
    );
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.fields).toHaveProperty(['units.0.people.0']);
    const twice = await send(
      'PUT',
      url,
      { units: [body.units[0], { kind: 'construction', firmId: g.id, people: [] }] },
      tietaStaff,
    );
    expect(twice.statusCode).toBe(400);
    const ok = await send('PUT', url, body, tietaStaff);
    expect(ok.statusCode).toBe(200);
    expect(ok.json().units).toEqual([
      expect.objectContaining({ kind: 'construction', people: [expect.objectContaining({ id: p })] }),
    ]);
  });
});

describe('a contractor sees only the projects it is named on', () => {
  it('in the project list and details (404 for a project in its region it is not named on)', async () => {
    const list = await get('/api/projects?pageSize=100', contractor);
    expect(list.statusCode).toBe(200);
    expect(list.json().items.map((p: { id: string }) => p.id)).toEqual([mine.id]);
    expect((await get(`/api/projects/${mine.id}`, contractor)).statusCode).toBe(200);
    expect((await get(`/api/projects/${other.id}`, contractor)).statusCode).toBe(404);
    expect((await get(`/api/projects/${elsewhere.id}`, contractor)).statusCode).toBe(404);
    expect((await get(`/api/projects/${other.id}/units`, contractor)).statusCode).toBe(404);
  });

  it('a supervisor likewise, and staff of the subdistrict still see every project in it', async () => {
    const list = await get('/api/projects?pageSize=100', supervisor);
    expect(list.json().items.map((p: { id: string }) => p.id)).toEqual([mine.id]);
    expect((await get(`/api/projects/${other.id}`, tietaStaff)).statusCode).toBe(200);
  });

  it('in the ledger, its export, the compounds, their export, the firms and the summary', async () => {
    const ledger = await get('/api/ledger?pageSize=100', contractor);
    expect(ledger.json().items.map((i: { title: string }) => i.title)).toEqual(['测试·我的项目督办']);
    const sheet = await get('/api/ledger/export', contractor);
    expect(sheet.statusCode).toBe(200);
    // The file holds the contractor's projects' items only, as its list does.
    const file = await sheetRows(sheet.rawPayload, '事项');
    const items = file.rows.map((r) => r['事项'] ?? '').filter((x) => x.includes('测试·'));
    // An item of a project is written under its compound: 【小区】事项.
    expect(items).toHaveLength(1);
    expect(items[0]).toMatch(/测试·我的项目督办$/);
    const everything = await sheetRows((await get('/api/ledger/export', hq)).rawPayload, '事项');
    const all = everything.rows.map((r) => r['事项'] ?? '').join('\n');
    for (const title of ['测试·我的项目督办', '测试·他人项目督办', '测试·无项目督办'])
      expect(all).toContain(title);
    const compounds = await get('/api/compounds?pageSize=100', contractor);
    expect(compounds.json().items.map((c: { id: string }) => c.id)).toEqual([mine.compound.id]);
    expect((await get(`/api/compounds/${other.compound.id}`, contractor)).statusCode).toBe(404);
    const csv = await get('/api/sheets/compounds/export?format=csv', contractor);
    expect(csv.statusCode).toBe(200);
    const lines = csv.body
      .trim()
      .split(/\r?\n/)
      .filter((l) => l.includes('测试·小区'));
    expect(lines).toHaveLength(1);
    const firms = await get('/api/firms?pageSize=100', contractor);
    expect(
      firms
        .json()
        .items.map((f: { id: string }) => f.id)
        .sort(),
    ).toEqual(
      [
        firmId,
        ...(await get(`/api/projects/${mine.id}/units`, contractor))
          .json()
          .units.map((u: { firm: { id: string } }) => u.firm.id),
      ]
        .filter((id, i, all) => all.indexOf(id) === i)
        .sort(),
    );
    const summary = (await get('/api/stats/summary', contractor)).json();
    expect(summary).toMatchObject({ compounds: 1, renovatedCompounds: 1 });
    expect((await get('/api/stats/summary', tietaStaff)).json().compounds).toBeGreaterThan(1);
  });
});

describe('a contractor named on a project: the map, the breakdowns and the facilities', () => {
  let named: Session;
  let project: Awaited<ReturnType<typeof buildProject>>;
  let theirs: Awaited<ReturnType<typeof buildProject>>;

  beforeAll(async () => {
    const u = await buildUser(t.database, 'contractor', [tieta]);
    named = await login(t.app, u.username, u.password);
    project = await buildProject(t.database, { year: 2021, status: 'accepted' });
    theirs = await buildProject(t.database, { year: 2021, status: 'accepted' });
    await nameOnProject(t.database, project.id, u.id, 'construction');
    await nameOnProject(t.database, theirs.id, null, 'construction');
    await t.database.db
      .update(compounds)
      .set({ lng: 114.35, lat: 34.8 })
      .where(inArray(compounds.id, [project.compoundId, theirs.compoundId]));
    await t.database.db.insert(tickets).values([
      { projectId: project.id, source: 'other', title: '测试·我的整改', deadline: '2099-01-01' },
      { projectId: theirs.id, source: 'other', title: '测试·他人整改', deadline: '2099-01-01' },
    ]);
    for (const p of [project, theirs])
      expect(
        (
          await send(
            'POST',
            '/api/facilities',
            {
              compoundId: p.compoundId,
              projectId: p.id,
              type: '党群活动室',
              count: 1,
              action: 'added',
              completedOn: '2021-09-30',
            },
            hq,
          )
        ).statusCode,
      ).toBe(201);
  }, 120_000);

  it('the compounds map shows its projects’ compounds only', async () => {
    const points = (await get('/api/compounds/map', named)).json().points as { id: string }[];
    expect(points.map((p) => p.id)).toEqual([project.compoundId]);
    const all = (await get('/api/compounds/map', tietaStaff)).json().points as { id: string }[];
    expect(all.map((p) => p.id)).toEqual(expect.arrayContaining([project.compoundId, theirs.compoundId]));
  });

  it('the breakdowns by subdistrict count its projects and their tickets only, and not zero', async () => {
    const res = await get('/api/stats/breakdown?by=subdistrict&measure=projects,openTickets', named);
    expect(res.statusCode, res.body).toBe(200);
    const b = res.json();
    expect(b.rows.map((r: { key: string }) => r.key)).toEqual([tieta]);
    expect(b.total).toEqual({ projects: 1, openTickets: 1 });
    const staff = (
      await get('/api/stats/breakdown?by=subdistrict&measure=projects,openTickets', tietaStaff)
    ).json();
    expect(staff.total.projects).toBeGreaterThan(1);
    expect(staff.total.openTickets).toBeGreaterThanOrEqual(2);
  });

  it('the facilities list and their breakdown hold its projects’ facilities only', async () => {
    const list = (await get('/api/facilities?pageSize=100', named)).json().items as { projectId: string }[];
    expect(list.map((f) => f.projectId)).toEqual([project.id]);
    const b = (
      await get('/api/stats/breakdown?by=year&measure=activityRooms&from=2021&to=2021', named)
    ).json();
    expect(b.total.activityRooms).toBe(1);
    expect(b.rows).toEqual([expect.objectContaining({ key: '2021', values: { activityRooms: 1 } })]);
    const summary = (await get('/api/stats/summary?from=2021&to=2021', named)).json();
    expect(summary.activityRooms).toBe(1);
  });
});
