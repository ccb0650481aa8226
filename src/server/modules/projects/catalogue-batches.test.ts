import { and, eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { compounds, projectBatches, projectFunding, projects } from '../../db/schema.js';
import { requests, type Session, sessionAs, type TestApp, testApp } from '../../testing/app.js';
import { projectFacts } from './queries.js';

let t: TestApp;
let get: ReturnType<typeof requests>['get'];
let send: ReturnType<typeof requests>['send'];
let hq: Session;
let viewer: Session;
let tieta: Session;

beforeAll(async () => {
  t = await testApp();
  ({ get, send } = requests(t));
  hq = await sessionAs(t, 'hq');
  viewer = await sessionAs(t, 'viewer');
  tieta = await sessionAs(t, 'subdistrict', ['410203002']);
});

/** Old compounds of a subdistrict with no project yet. */
async function freeCompounds(prefix: string, n: number) {
  return t.database.db
    .select({ id: compounds.id })
    .from(compounds)
    .where(
      and(
        sql`${compounds.regionCode} LIKE ${`${prefix}%`}`,
        sql`NOT EXISTS (SELECT 1 FROM ${projects} WHERE ${projects.compoundId} = ${compounds.id})`,
      ),
    )
    .orderBy(compounds.code)
    .limit(n);
}

describe('the catalogue', () => {
  const item = {
    code: 'smart_meter',
    name: '智能水表',
    category: 'improvement',
    unit: '户',
    mandatory: false,
    sort: 90,
  };

  it('401, 403 for roles that do not keep it, 400 for a bad code', async () => {
    expect((await send('POST', '/api/catalogue', item)).statusCode).toBe(401);
    expect((await send('POST', '/api/catalogue', item, tieta)).statusCode).toBe(403);
    const bad = await send('POST', '/api/catalogue', { ...item, code: '智能 水表' }, hq);
    expect(bad.statusCode).toBe(400);
    expect(Object.keys(bad.json().error.fields)).toEqual(['code']);
  });

  it('adds an item once, edits it with its version, and refuses a stale edit', async () => {
    const res = await send('POST', '/api/catalogue', item, hq);
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ code: 'smart_meter', active: true, version: 1 });
    expect((await send('POST', '/api/catalogue', item, hq)).json().error.fields.code).toBeDefined();
    const edited = await send(
      'PATCH',
      '/api/catalogue/smart_meter',
      { version: 1, name: '智能远传水表' },
      hq,
    );
    expect(edited.json()).toMatchObject({ name: '智能远传水表', version: 2 });
    expect(
      (await send('PATCH', '/api/catalogue/smart_meter', { version: 1, unit: '个' }, hq)).statusCode,
    ).toBe(409);
    const listed = (await get('/api/catalogue', viewer)).json().items;
    expect(listed.find((i: { code: string }) => i.code === 'smart_meter').name).toBe('智能远传水表');
  });

  it('offers a retired item to no new project; a retired mandatory item no longer blocks acceptance', async () => {
    const catalogue = (await get('/api/catalogue', hq)).json().items;
    const mandatory = catalogue.filter((i: { mandatory: boolean }) => i.mandatory);
    expect(mandatory).toHaveLength(8);
    await send('PATCH', '/api/catalogue/smart_meter', { version: 2, active: false }, hq);
    const [free] = await freeCompounds('410203002', 1);
    const created = (await send('POST', '/api/projects', { compoundId: free?.id, year: 2026 }, hq)).json();
    const refused = await send(
      'PUT',
      `/api/projects/${created.id}/items`,
      { version: created.version, items: [{ catalogueCode: 'smart_meter' }] },
      hq,
    );
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.fields['items.0.catalogueCode']).toMatch(/停用/);

    // Seven of the eight mandatory items chosen: blocked until the eighth is retired.
    const chosen = mandatory.slice(1).map((m: { code: string }) => ({ catalogueCode: m.code }));
    const withItems = (
      await send('PUT', `/api/projects/${created.id}/items`, { version: created.version, items: chosen }, hq)
    ).json();
    expect(withItems.items).toHaveLength(7);
    const [row] = await t.database.db.select().from(projects).where(eq(projects.id, created.id));
    if (!row) throw new Error('project missing');
    const first = mandatory[0];
    expect((await projectFacts(t.database.db, row)).missingMandatoryItems).toEqual([first.code]);
    await send('PATCH', `/api/catalogue/${first.code}`, { version: first.version, active: false }, hq);
    expect((await projectFacts(t.database.db, row)).missingMandatoryItems).toEqual([]);
    await send('PATCH', `/api/catalogue/${first.code}`, { version: first.version + 1, active: true }, hq);
    expect((await projectFacts(t.database.db, row)).missingMandatoryItems).toEqual([first.code]);
  });
});

describe('project batches', () => {
  it('401, 403 for a read-only role, 400 for a batch of one', async () => {
    const body = { name: '2025年第一批', year: 2025, compoundIds: [] };
    expect((await send('POST', '/api/project-batches', body)).statusCode).toBe(401);
    expect((await send('POST', '/api/project-batches', body, viewer)).statusCode).toBe(403);
    expect((await send('POST', '/api/project-batches', body, hq)).statusCode).toBe(400);
  });

  it('writes nothing when one compound is outside the caller’s scope', async () => {
    const [mine] = await freeCompounds('410203002', 1);
    const [theirs] = await freeCompounds('410203001', 1);
    const res = await send(
      'POST',
      '/api/project-batches',
      { name: '铁塔2025', year: 2025, compoundIds: [mine?.id, theirs?.id] },
      tieta,
    );
    expect(res.statusCode).toBe(400);
    expect(Object.keys(res.json().error.fields)).toEqual(['compoundIds.1']);
    const batches = await t.database.db
      .select()
      .from(projectBatches)
      .where(eq(projectBatches.name, '铁塔2025'));
    expect(batches).toHaveLength(0);
    const started = await t.database.db
      .select()
      .from(projects)
      .where(eq(projects.compoundId, mine?.id ?? ''));
    expect(started).toHaveLength(0);
  });

  it('starts one project per compound, grouped, and lists the batch by status', async () => {
    const picked = await freeCompounds('410203003', 3);
    const res = await send(
      'POST',
      '/api/project-batches',
      { name: '2025年第一批', year: 2025, compoundIds: picked.map((c) => c.id) },
      hq,
    );
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ year: 2025, projects: 3, byStatus: { planned: 3 } });
    expect(res.json().regionCode).toMatch(/^410203003/);
    const listed = (await get(`/api/projects?batchId=${res.json().id}`, viewer)).json();
    expect(listed.total).toBe(3);
    expect(listed.items[0].batch).toEqual({ id: res.json().id, name: '2025年第一批' });
    const again = await send(
      'POST',
      '/api/project-batches',
      { name: '2025年第一批', year: 2025, compoundIds: picked.map((c) => c.id) },
      hq,
    );
    expect(again.json().error.fields.name).toBeDefined();
    const batches = (await get('/api/project-batches?year=2023', viewer)).json();
    expect(batches.items[0].name).toBe('2023年第一批城镇老旧小区改造');
    expect(batches.items[0].byStatus.under_construction).toBeGreaterThan(0);
  });
});

describe('GET /api/stats/funding', () => {
  it('401, 400 for a bad year', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/stats/funding' })).statusCode).toBe(401);
    expect((await get('/api/stats/funding?from=abc', viewer)).statusCode).toBe(400);
  });

  it('adds up every project’s funding by year and subdistrict, per source and in total', async () => {
    const totals = (await get('/api/stats/funding', viewer)).json();
    const [sums] = await t.database.db
      .select({
        planned: sql<number>`sum(${projectFunding.planned})::float8`,
        spent: sql<number>`sum(${projectFunding.spent})::float8`,
        central: sql<number>`sum(${projectFunding.planned}) FILTER (WHERE ${projectFunding.source} = 'central')::float8`,
      })
      .from(projectFunding);
    expect(totals.total.planned).toBeCloseTo(sums?.planned ?? -1, 2);
    expect(totals.total.spent).toBeCloseTo(sums?.spent ?? -1, 2);
    expect(totals.total.sources.central.planned).toBeCloseTo(sums?.central ?? -1, 2);
    const years = new Set(totals.rows.map((r: { year: number }) => r.year));
    expect([...years]).toEqual(expect.arrayContaining([2019, 2020, 2021, 2022, 2023]));
    const rowSum = totals.rows.reduce((n: number, r: { planned: number }) => n + r.planned, 0);
    expect(rowSum).toBeCloseTo(totals.total.planned, 0);
  });

  it('keeps a subdistrict to its own money', async () => {
    const own = (await get('/api/stats/funding?from=2019&to=2022', tieta)).json();
    expect(own.rows.length).toBeGreaterThan(0);
    expect(
      own.rows.every(
        (r: { regionCode: string; year: number }) => r.regionCode === '410203002' && r.year <= 2022,
      ),
    ).toBe(true);
    const all = (await get('/api/stats/funding?from=2019&to=2022', viewer)).json();
    expect(own.total.planned).toBeLessThan(all.total.planned);
  });
});
