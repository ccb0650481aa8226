import { desc, eq, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { auditEvents, cadres, partyBodies } from '../../db/schema.js';
import { requests, type Session, sessionAs, type TestApp, testApp } from '../../testing/app.js';
import { buildCadre, buildUnit } from '../../testing/factories.js';

let t: TestApp;
let get: ReturnType<typeof requests>['get'];
let send: ReturnType<typeof requests>['send'];
let hq: Session;
let viewer: Session;
let tieta: Session;
/** A chain of superiors in 铁塔街道: a county-level cadre, a section-level one under them, and one under that. */
async function buildChain() {
  const top = await buildCadre(t.database, { level: 'county' });
  const middle = await buildCadre(t.database, { level: 'section', superiorId: top.id });
  const bottom = await buildCadre(t.database, { superiorId: middle.id });
  return { top: top.id, middle: middle.id, bottom };
}
/** A new chain for each test of the describes that use one. */
let chain: Awaited<ReturnType<typeof buildChain>>;
const newChain = async () => {
  chain = await buildChain();
};

beforeAll(async () => {
  t = await testApp();
  ({ get, send } = requests(t));
  hq = await sessionAs(t, 'hq');
  viewer = await sessionAs(t, 'viewer');
  tieta = await sessionAs(t, 'subdistrict', ['410203002']);
});

describe('the registries', () => {
  it('lists the 9 task forces with lead and member departments, and the 18 departments', async () => {
    const forces = (await get('/api/task-forces', viewer)).json().items;
    expect(forces).toHaveLength(9);
    expect(forces[0].name).toBe('党建引领专班');
    for (const f of forces) {
      expect(f.lead).not.toBeNull();
      expect(f.members.length).toBeGreaterThan(0);
    }
    const departments = (await get('/api/departments', viewer)).json().items;
    expect(departments).toHaveLength(18);
    expect(departments.every((d: { memberOf: string[] }) => d.memberOf.length > 0)).toBe(true);
  });

  it('lists the 58 units with their leader and cadres, adding up to the 864 cadres', async () => {
    const units = (await get('/api/units?pageSize=100', viewer)).json();
    expect(units.total).toBe(58);
    expect(units.items.every((u: { leader: unknown }) => u.leader !== null)).toBe(true);
    expect(units.items.reduce((n: number, u: { cadres: number }) => n + u.cadres, 0)).toBe(864);
  });

  it('names a first secretary for each of the 8 township-level units', async () => {
    const list = (await get('/api/first-secretaries', viewer)).json().items;
    expect(list).toHaveLength(8);
    expect(list.every((s: { cadre: { level: string } | null }) => s.cadre?.level === 'county')).toBe(true);
    const own = (await get('/api/first-secretaries', tieta)).json().items;
    expect(own.map((s: { regionCode: string }) => s.regionCode)).toEqual(['410203002']);
  });

  it('filters cadres by region and unit, and masks phones for roles that do not direct cadres', async () => {
    const inTieta = (await get('/api/cadres?region=410203002&pageSize=100', hq)).json();
    expect(inTieta.total).toBeGreaterThan(0);
    expect(inTieta.items.every((c: { regionCode: string }) => c.regionCode.startsWith('410203002'))).toBe(
      true,
    );
    expect(inTieta.items[0].phone).toMatch(/^1\d{10}$/);
    const unitId = inTieta.items[0].unitId;
    const ofUnit = (await get(`/api/cadres?unitId=${unitId}&pageSize=100`, hq)).json();
    expect(ofUnit.items.every((c: { unitId: string }) => c.unitId === unitId)).toBe(true);
    const masked = (await get('/api/cadres?region=410203002', viewer)).json().items[0].phone;
    expect(masked).toMatch(/\*{4}/);
  });
});

describe('PATCH /api/cadres/:id', () => {
  const url = () => `/api/cadres/${chain.bottom.id}`;
  beforeEach(newChain);

  it('401 without a session, 403 without organisation.write, 400 for a malformed body', async () => {
    expect((await send('PATCH', url(), { version: 1 })).statusCode).toBe(401);
    expect((await send('PATCH', url(), { version: 1, name: 'x' }, tieta)).statusCode).toBe(403);
    const bad = await send('PATCH', url(), { version: 1, level: 'minister' }, hq);
    expect(bad.statusCode).toBe(400);
    expect(Object.keys(bad.json().error.fields)).toContain('level');
  });

  it('refuses a superior that would close a loop, and writes nothing', async () => {
    // The top of the chain may not report to someone below them, nor anyone to themselves.
    const [top] = await t.database.db.select().from(cadres).where(eq(cadres.id, chain.top));
    for (const superiorId of [chain.bottom.id, chain.middle, chain.top]) {
      const res = await send('PATCH', `/api/cadres/${chain.top}`, { version: top?.version, superiorId }, hq);
      expect(res.statusCode, superiorId).toBe(400);
      expect(res.json().error.fields.superiorId).toMatch(/循环/);
    }
    const [after] = await t.database.db.select().from(cadres).where(eq(cadres.id, chain.top));
    expect(after).toEqual(top);
  });

  it('moves a cadre to another superior, then refuses a stale edit', async () => {
    const res = await send(
      'PATCH',
      url(),
      { version: chain.bottom.version, superiorId: chain.top, phone: '13900001111' },
      hq,
    );
    expect(res.statusCode).toBe(200);
    expect(res.json().superior.id).toBe(chain.top);
    expect(res.json().phone).toBe('13900001111');
    const stale = await send('PATCH', url(), { version: chain.bottom.version, name: '示例·重名' }, hq);
    expect(stale.statusCode).toBe(409);
    const [row] = await t.database.db.select().from(cadres).where(eq(cadres.id, chain.bottom.id));
    expect(row?.name).not.toBe('示例·重名');
    const [event] = await t.database.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.entityId, chain.bottom.id))
      .orderBy(desc(auditEvents.seq))
      .limit(1);
    expect(event?.action).toBe('cadre.update');
  });

  it('adds a cadre in a known region only', async () => {
    const body = { name: '示例·新干部', level: 'section', regionCode: '410203005' };
    expect(
      (await send('POST', '/api/cadres', { ...body, regionCode: '410299' }, hq)).json().error.fields,
    ).toEqual({
      regionCode: expect.any(String),
    });
    const res = await send('POST', '/api/cadres', { ...body, superiorId: chain.top }, hq);
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      name: '示例·新干部',
      regionName: '工业街道',
      superior: { id: chain.top },
    });
  });
});

describe('units and first secretaries', () => {
  beforeEach(newChain);

  it('names a unit leader, refusing a stale version', async () => {
    const unit = await buildUnit(t.database);
    const res = await send(
      'PATCH',
      `/api/units/${unit.id}`,
      { version: unit.version, leaderCadreId: chain.middle },
      hq,
    );
    expect(res.statusCode).toBe(200);
    expect(res.json().leader.id).toBe(chain.middle);
    expect(
      (await send('PATCH', `/api/units/${unit.id}`, { version: unit.version, name: 'x' }, hq)).statusCode,
    ).toBe(409);
  });

  it('makes only a county-level cadre a first secretary', async () => {
    const url = '/api/first-secretaries/410203002';
    const refused = await send('PUT', url, { cadreId: chain.bottom.id }, hq);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.fields.cadreId).toMatch(/县级/);
    const res = await send('PUT', url, { cadreId: chain.top }, hq);
    expect(res.statusCode).toBe(200);
    expect(res.json().items.find((s: { regionCode: string }) => s.regionCode === '410203002').cadre.id).toBe(
      chain.top,
    );
    expect(
      (await send('PUT', '/api/first-secretaries/410203002001', { cadreId: chain.top }, hq)).statusCode,
    ).toBe(404);
  });
});

describe('POST /api/party-bodies', () => {
  const body = { kind: 'vanguard_post', name: '示例·新先锋岗', regionCode: '410203002' };

  it('403 for a read-only role; a region outside the scope is refused', async () => {
    expect((await send('POST', '/api/party-bodies', body, viewer)).statusCode).toBe(403);
    const outside = await send('POST', '/api/party-bodies', { ...body, regionCode: '410203001' }, tieta);
    expect(outside.statusCode).toBe(400);
    const [none] = await t.database.db
      .select({ n: sql<number>`count(*)::int` })
      .from(partyBodies)
      .where(eq(partyBodies.name, body.name));
    expect(none?.n).toBe(0);
  });

  it('lets a subdistrict form one in its own area', async () => {
    const res = await send('POST', '/api/party-bodies', body, tieta);
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ kind: 'vanguard_post', regionName: '铁塔街道', projectId: null });
    const listed = (await get('/api/party-bodies?kind=vanguard_post&q=新先锋岗', tieta)).json();
    expect(listed.total).toBe(1);
  });
});

describe('GET /api/organisation/export', () => {
  async function sheet(res: { rawPayload: Buffer }) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(new Uint8Array(res.rawPayload).buffer);
    const ws = wb.worksheets[0];
    if (!ws) throw new Error('no sheet');
    return ws;
  }

  it('exports the task forces with their departments', async () => {
    const res = await get('/api/organisation/export?registry=task_forces', viewer);
    expect(res.statusCode).toBe(200);
    const ws = await sheet(res);
    expect(ws.getRow(2).values).toEqual([undefined, '序号', '专班', '牵头部门', '成员部门']);
    expect(ws.rowCount).toBe(2 + 9);
  });

  it('exports the departments with the task forces they lead and serve in', async () => {
    const ws = await sheet(await get('/api/organisation/export?registry=departments', viewer));
    expect(ws.getRow(2).values).toEqual([undefined, '序号', '部门', '牵头专班', '参加专班']);
    expect(ws.rowCount).toBe(2 + 18);
    expect(String(ws.getRow(3).getCell(4).value)).toMatch(/专班/);
  });

  it('leaves phones masked unless asked for by a role that may see them, and audits the asking', async () => {
    const masked = await sheet(await get('/api/organisation/export?registry=cadres', hq));
    // One row per cadre: the demo's 865 and those the tests above built.
    const [all] = await t.database.db.select({ n: sql<number>`count(*)::int` }).from(cadres);
    expect(all?.n).toBeGreaterThanOrEqual(865);
    expect(masked.rowCount).toBe(2 + (all?.n ?? 0));
    expect(String(masked.getRow(3).getCell(7).value)).toMatch(/\*{4}/);
    expect(
      (await get('/api/organisation/export?registry=cadres&includePersonal=true', viewer)).statusCode,
    ).toBe(403);
    const full = await sheet(await get('/api/organisation/export?registry=cadres&includePersonal=true', hq));
    expect(String(full.getRow(3).getCell(7).value)).toMatch(/^1\d{10}$/);
    const [event] = await t.database.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, 'export.personal'))
      .orderBy(desc(auditEvents.seq))
      .limit(1);
    expect(event?.entityType).toBe('cadres');
  });
});
