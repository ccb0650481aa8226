/**
 * The demo district as the seed letter counts it: summary figures, compound lists, the map and the
 * region tree. These tests are about the demo, so they read it; none adds a row that would change
 * its counts (the cut-off test puts the setting back). Households over built rows: households.test.ts.
 */
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { wan } from '../../../domain/statistics.js';
import { auditEvents, households } from '../../db/schema.js';
import { systemActor } from '../../platform/audit.js';
import { setOldCutoffYear } from '../../platform/settings.js';
import { adminPassword, buildUser, login, type Session, type TestApp, testApp } from '../../testing/app.js';

let t: TestApp;
let admin: Session;
let hq: Session;
let tieta: Session;
const get = (url: string, s: Session) => t.app.inject({ method: 'GET', url, headers: s.headers });

beforeAll(async () => {
  t = await testApp();
  admin = await login(t.app, 'admin', adminPassword);
  const h = await buildUser(t.database, 'hq');
  hq = await login(t.app, h.username, h.password);
  const s = await buildUser(t.database, 'subdistrict', ['410203002']);
  tieta = await login(t.app, s.username, s.password);
});

describe('GET /api/stats/summary (the seed letter’s figures)', () => {
  it('401 without a session', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/stats/summary' })).statusCode).toBe(401);
  });

  it('400 for a year that is not a number', async () => {
    expect((await get('/api/stats/summary?from=abc', admin)).statusCode).toBe(400);
  });

  it('reproduces 212 / 188 (88.7%, 16.4% of the city) / 135 renovated 2019–2022', async () => {
    const s = (await get('/api/stats/summary?from=2019&to=2022', hq)).json();
    expect(s).toMatchObject({
      compounds: 212,
      oldCompounds: 188,
      oldShare: 88.7,
      shareOfCityOld: 16.4,
      oldCutoffYear: 2005,
      renovatedCompounds: 135,
      buildings: 1203,
      renovatedWithUnknownFigures: 0,
    });
    // "over 2.83 million m², over 42,000 households, over 115,000 residents"
    expect(s.floorArea).toBeGreaterThan(2_830_000);
    expect(wan(s.floorArea)).toBe('283.5万');
    expect(s.households).toBeGreaterThan(42_000);
    expect(wan(s.households)).toBe('4.2万');
    expect(s.residents).toBeGreaterThan(115_000);
    expect(wan(s.residents)).toBe('11.5万');
    for (const v of Object.values(s)) expect(typeof v).toBe('number');
  });

  it('counts the command structure and party bodies: 9 task forces, 18 departments, 58 units, 860+ cadres, 95/127/248/627', async () => {
    const s = (await get('/api/stats/summary', hq)).json();
    expect(s).toMatchObject({
      taskForces: 9,
      departments: 18,
      units: 58,
      tempPartyOrgs: 95,
      commandoTeams: 127,
      vanguardPosts: 248,
      coBuildingUnits: 627,
    });
    expect(s.cadres).toBeGreaterThan(860);
    expect(s.cadres).toBeLessThan(870);
  });

  it('counts only the years asked for', async () => {
    const s = (await get('/api/stats/summary?from=2020&to=2020', hq)).json();
    expect(s.renovatedCompounds).toBe(36);
  });

  it('narrows to the caller’s scope', async () => {
    const s = (await get('/api/stats/summary?from=2019&to=2022', tieta)).json();
    expect(s.compounds).toBe(38);
    expect(s.oldCompounds).toBe(36);
  });
});

describe('GET /api/compounds', () => {
  it('401 without a session, 400 for a bad filter', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/compounds' })).statusCode).toBe(401);
    const bad = await get('/api/compounds?decade=1985', hq);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields).toHaveProperty('decade');
    expect((await get('/api/compounds?status=demolished', hq)).statusCode).toBe(400);
  });

  it('lists 212, filters to the 188 old ones, pages in SQL', async () => {
    expect((await get('/api/compounds', hq)).json().total).toBe(212);
    const old = (await get('/api/compounds?old=true&pageSize=50&page=2', hq)).json();
    expect(old.total).toBe(188);
    expect(old.items).toHaveLength(50);
    expect(old.items.every((c: { isOld: boolean; buildYear: number }) => c.isOld && c.buildYear < 2005)).toBe(
      true,
    );
    expect((await get('/api/compounds?old=false', hq)).json().total).toBe(24);
  });

  it('filters by status, region, decade and text', async () => {
    expect((await get('/api/compounds?status=renovated', hq)).json().total).toBe(135);
    const qingping = (await get('/api/compounds?region=410203001&pageSize=100', hq)).json();
    expect(qingping.total).toBe(34);
    expect(qingping.items.every((c: { subdistrictName: string }) => c.subdistrictName === '清平街道')).toBe(
      true,
    );
    const eighties = (await get('/api/compounds?decade=1980&pageSize=100', hq)).json();
    expect(
      eighties.items.every((c: { buildYear: number }) => c.buildYear >= 1980 && c.buildYear < 1990),
    ).toBe(true);
    const first = (await get('/api/compounds?pageSize=1', hq)).json().items[0];
    const found = (await get(`/api/compounds?q=${encodeURIComponent(first.name)}`, hq)).json();
    expect(found.items.map((c: { id: string }) => c.id)).toContain(first.id);
  });

  it('sorts in SQL', async () => {
    const items = (await get('/api/compounds?sort=-householdCount&pageSize=20', hq)).json().items;
    const counts = items.map((c: { householdCount: number }) => c.householdCount);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
  });

  it('shows a subdistrict user only their subdistrict, and 404 for another’s compound', async () => {
    const mine = (await get('/api/compounds?pageSize=100', tieta)).json();
    expect(mine.total).toBe(38);
    const other = (await get('/api/compounds?region=410203001&pageSize=1', hq)).json().items[0];
    expect((await get(`/api/compounds/${other.id}`, tieta)).statusCode).toBe(404);
    expect((await get(`/api/compounds/${other.id}/households`, tieta)).statusCode).toBe(404);
    // asking for another region through the filter gives nothing, not their data
    expect((await get('/api/compounds?region=410203001', tieta)).json().total).toBe(0);
  });
});

describe('the demo district’s household register', () => {
  it('has buildings adding up to the ledger figures in every compound that has one', async () => {
    const registered = await t.database.db
      .selectDistinct({ id: households.compoundId })
      .from(households)
      .limit(3);
    expect(registered.length).toBeGreaterThan(0);
    for (const { id } of registered) {
      const d = (await get(`/api/compounds/${id}`, hq)).json();
      expect(d.buildings).toHaveLength(d.buildingCount);
      expect(d.buildings.reduce((a: number, b: { householdCount: number }) => a + b.householdCount, 0)).toBe(
        d.householdCount,
      );
      expect(d.households.registered).toBe(d.householdCount);
      // one owner may hold several households
      expect(d.households.owners).toBeLessThan(d.households.registered);
    }
  });
});

describe('map and region tree', () => {
  it('gives every compound with coordinates', async () => {
    const m = (await get('/api/compounds/map', hq)).json();
    expect(m.points.length + m.withoutCoordinates).toBe(212);
    expect(m.points[0]).toHaveProperty('lng');
    // Each dot carries its compound's status, as the list filters by it.
    const byStatus = new Map<string, number>();
    for (const p of m.points as { status: string }[])
      byStatus.set(p.status, (byStatus.get(p.status) ?? 0) + 1);
    expect(byStatus.get('renovated')).toBeGreaterThan(0);
    for (const [status, n] of byStatus) {
      expect((await get(`/api/compounds?status=${status}`, hq)).json().total, status).toBe(n);
    }
  });

  it('rolls compound counts up the region tree', async () => {
    const tree = (await get('/api/regions/tree', hq)).json();
    const byCode = new Map(tree.items.map((r: { code: string }) => [r.code, r]));
    expect(byCode.get('410203')).toMatchObject({ compounds: 212, oldCompounds: 188 });
    expect(byCode.get('410203002')).toMatchObject({ name: '铁塔街道', compounds: 38 });
    expect(tree.oldCutoffYear).toBe(2005);
  });
});

describe('the old-compound cut-off is a setting', () => {
  it('moving it to the national 2000 changes the figures at once, and is audited', async () => {
    // Every other test here reads the demo's figures under its 2005 cut-off.
    onTestFinished(() => setOldCutoffYear(t.database.db, systemActor('test'), 2005));
    await setOldCutoffYear(t.database.db, systemActor('test'), 2000);
    const s = (await get('/api/stats/summary', hq)).json();
    expect(s.oldCutoffYear).toBe(2000);
    expect(s.oldCompounds).toBeLessThan(188);
    const listed = (await get('/api/compounds?old=true', hq)).json().total;
    expect(listed).toBe(s.oldCompounds);
    await setOldCutoffYear(t.database.db, systemActor('test'), 2005);
    expect((await get('/api/stats/summary', hq)).json().oldCompounds).toBe(188);
    const events = await t.database.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, 'settings.update'));
    expect(events.map((e) => (e.after as { oldCutoffYear: number }).oldCutoffYear)).toEqual([2000, 2005]);
  });

  it('refuses a year that is not one', async () => {
    await expect(setOldCutoffYear(t.database.db, systemActor('test'), 3000)).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
  });
});
