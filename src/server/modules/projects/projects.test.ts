import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { catalogueItems, projectItems, projects } from '../../db/schema.js';
import { buildUser, login, type Session, sessionAs, type TestApp, testApp } from '../../testing/app.js';
import { brokenConstraint } from '../../testing/db.js';
import {
  buildCadre,
  buildCompound,
  buildConsultation,
  buildPartyBody,
  buildProject,
} from '../../testing/factories.js';

/** The demo district's projects, cadres and party bodies: nothing in this app changes them. */
let t: TestApp;
let viewer: Session;
let tieta: Session;
const get = (url: string, s: Session) => t.app.inject({ method: 'GET', url, headers: s.headers });
/** A cadre's phone number (the demo's and the factory's), unmasked: eleven digits, not part of a longer hex run such as a UUID's. */
const phoneNumber = /(?<![\da-f])139\d{8}(?![\da-f])/;

beforeAll(async () => {
  t = await testApp();
  const v = await buildUser(t.database, 'viewer');
  viewer = await login(t.app, v.username, v.password);
  const s = await buildUser(t.database, 'subdistrict', ['410203002']);
  tieta = await login(t.app, s.username, s.password);
});

describe('GET /api/projects', () => {
  it('401 without a session, 400 for a bad filter', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/projects' })).statusCode).toBe(401);
    expect((await get('/api/projects?year=abc', viewer)).statusCode).toBe(400);
    expect((await get('/api/projects?status=finished', viewer)).statusCode).toBe(400);
  });

  it('lists the 135 completed renovations of 2019–2022 and the 2023 batch under way', async () => {
    expect((await get('/api/projects?status=handed_over&pageSize=1', viewer)).json().total).toBe(135);
    expect((await get('/api/projects?year=2021', viewer)).json().total).toBe(35);
    const batch = (await get('/api/projects?year=2023&pageSize=100', viewer)).json();
    expect(batch.total).toBeGreaterThan(0);
    expect(batch.items.some((p: { status: string }) => p.status === 'under_construction')).toBe(true);
  });

  it('keeps a subdistrict to its own projects, and 404 for another’s', async () => {
    const mine = (await get('/api/projects?pageSize=100', tieta)).json();
    expect(mine.total).toBeGreaterThan(0);
    expect(mine.items.every((p: { regionCode: string }) => p.regionCode.startsWith('410203002'))).toBe(true);
    const other = (await get('/api/projects?region=410203001&pageSize=1', viewer)).json().items[0];
    expect((await get(`/api/projects/${other.id}`, tieta)).statusCode).toBe(404);
  });
});

describe('the project list’s order', () => {
  it('pages through the latest year first, each year by compound code, searched by name or not', async () => {
    // A subdistrict of its own: three compounds, five projects over three years.
    const regionCode = '410203007';
    const compound = (k: string) =>
      buildCompound(t.database, { regionCode, code: `T-order-${k}`, name: `测试·年序${k}` });
    const a = await compound('A');
    const b = await compound('B');
    const c = await compound('C');
    const project = async ({ id }: { id: string }, year: number) =>
      (await buildProject(t.database, { compoundId: id, regionCode, year })).id;
    // Made out of order, so the order read is the list's own.
    const c2020 = await project(c, 2020);
    const b2024 = await project(b, 2024);
    const a2020 = await project(a, 2020);
    const c2022 = await project(c, 2022);
    const a2024 = await project(a, 2024);
    const expected = [a2024, b2024, c2022, a2020, c2020];
    for (const [filter, want] of [
      ['', expected],
      ['&q=年序C', [c2022, c2020]],
      ['&year=2020', [a2020, c2020]],
    ] as const) {
      for (const pageSize of [1, 2, 4]) {
        const seen: string[] = [];
        for (let page = 1; seen.length < want.length; page++) {
          const res = await get(
            `/api/projects?region=${regionCode}${filter}&page=${page}&pageSize=${pageSize}`,
            viewer,
          );
          const body = res.json<{ items: { id: string }[]; total: number }>();
          expect(body.total).toBe(want.length);
          expect(body.items.length, `page ${page} of ${pageSize}${filter}`).toBeGreaterThan(0);
          seen.push(...body.items.map((i) => i.id));
        }
        expect(seen, `pages of ${pageSize}${filter}`).toEqual(want);
      }
      // A page past the end is empty, its total still counted.
      const past = (
        await get(`/api/projects?region=${regionCode}${filter}&page=9&pageSize=4`, viewer)
      ).json();
      expect(past).toMatchObject({ items: [], total: want.length });
    }
  });
});

describe('GET /api/projects/:id', () => {
  it('accounts for all 95 temporary party organisations: serving projects, or formed and waiting for one', async () => {
    let withOrg = 0;
    for (let page = 1; page <= 2; page++) {
      const items = (await get(`/api/projects?pageSize=100&page=${page}`, viewer)).json().items;
      for (const it of items)
        if ((await get(`/api/projects/${it.id}`, viewer)).json().tempPartyOrg) withOrg++;
    }
    const waiting = (await get('/api/party-bodies?kind=temp_party_org&unassigned=true', viewer)).json().total;
    expect(waiting).toBeGreaterThan(0);
    expect(withOrg + waiting).toBe(95);
  });
});

describe('GET /api/cadres', () => {
  it('lists cadres in scope, filtered by level, without phones', async () => {
    const county = (await get('/api/cadres?level=county&pageSize=100', viewer)).json();
    expect(county.total).toBeGreaterThan(0);
    expect(county.items.every((c: { level: string }) => c.level === 'county')).toBe(true);
    expect(JSON.stringify(county)).not.toMatch(phoneNumber);
    const mine = (await get('/api/cadres?pageSize=100', tieta)).json();
    expect(mine.items.every((c: { regionCode: string }) => c.regionCode.startsWith('410203002'))).toBe(true);
  });
});

describe('running a project: create, name the accountable, items, funding, step by step', () => {
  // A database of its own without the demo district: the projects, cadres and party bodies built
  // here would change the demo's counts above.
  let t: TestApp;
  let hq: Session;
  let viewer: Session;
  const get = (url: string, s: Session) => t.app.inject({ method: 'GET', url, headers: s.headers });
  const send = (method: 'POST' | 'PUT', url: string, payload: unknown, s: Session = hq) =>
    t.app.inject({ method, url, payload: payload as object, headers: s.headers });

  beforeAll(async () => {
    t = await testApp({}, { seeded: false });
    hq = await sessionAs(t, 'hq');
    viewer = await sessionAs(t, 'viewer');
  });

  it('names the accountable people: a county-level liaison, a section-level cadre in charge, a work group', async () => {
    const built = await buildProject(t.database, { status: 'handed_over', accountable: true });
    const p = (await get(`/api/projects/${built.id}`, viewer)).json();
    expect(p.liaisonCadre).toMatchObject({ id: built.liaison.id, level: 'county' });
    expect(p.cadreInCharge).toMatchObject({ id: built.inCharge.id, level: 'section' });
    expect(p.workGroup.map((c: { id: string }) => c.id).sort()).toEqual(
      built.workGroup.map((c) => c.id).sort(),
    );
    // The factory's cadres have phones (139…): none reaches a read-only role.
    expect(JSON.stringify(p)).not.toMatch(phoneNumber);
  });

  it('403 for a read-only role, 400 for a compound that does not exist', async () => {
    // An old compound in 铁塔街道, not planned.
    const compound = await buildCompound(t.database);
    expect(
      (await send('POST', '/api/projects', { compoundId: compound.id, year: 2024 }, viewer)).statusCode,
    ).toBe(403);
    const missing = await send('POST', '/api/projects', {
      compoundId: '00000000-0000-4000-8000-000000000000',
      year: 2024,
    });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.fields).toHaveProperty('compoundId');
  });

  it('creates a 2024 project, and refuses a second one for the same compound and year', async () => {
    const compound = await buildCompound(t.database);
    const res = await send('POST', '/api/projects', { compoundId: compound.id, year: 2024 });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ status: 'planned', nextStatus: 'consulting', nextStepProblems: [] });
    const again = await send('POST', '/api/projects', { compoundId: compound.id, year: 2024 });
    expect(again.json().error.fields).toHaveProperty('year');
  });

  it('will not start construction until all five accountability pieces are there', async () => {
    // Planned, nobody named, nothing on the ledger.
    const built = await buildProject(t.database);
    let project: { id: string; version: number } = built;
    // The residents' resolution, passed and disclosed, lets it leave "consulting residents".
    await buildConsultation(t.database, built.compound, { projectId: built.id, completed: 5 });
    for (const to of ['consulting', 'designed', 'tendered']) {
      const res = await send('POST', `/api/projects/${project.id}/transition`, {
        version: project.version,
        to,
      });
      expect(res.statusCode).toBe(200);
      project = res.json();
    }
    expect(project).toMatchObject({ status: 'tendered', nextStatus: 'under_construction' });
    const reasons = (project as unknown as { nextStepProblems: { reason: string }[] }).nextStepProblems.map(
      (p) => p.reason,
    );
    expect(reasons).toEqual([
      'liaison_cadre_missing',
      'cadre_in_charge_missing',
      'temp_party_org_missing',
      'work_group_empty',
      'ledger_empty',
    ]);
    const blocked = await send('POST', `/api/projects/${project.id}/transition`, {
      version: project.version,
      to: 'under_construction',
    });
    expect(blocked.statusCode).toBe(400);
    expect(blocked.json().error.fields.to).toMatch(/联系县级干部/);
  });

  it('checks levels, scope and versions when naming the accountable', async () => {
    // Tendered in 铁塔街道: construction is next.
    const project = await buildProject(t.database, { status: 'tendered' });
    const county = await buildCadre(t.database, { level: 'county' });
    const section = await buildCadre(t.database, { level: 'section' });
    const other = [await buildCadre(t.database), await buildCadre(t.database)];
    const elsewhere = await buildCadre(t.database, { level: 'section', regionCode: '410203001' });
    // A free temporary party organisation in 铁塔街道.
    const org = await buildPartyBody(t.database);
    const body = {
      version: project.version,
      liaisonCadreId: county.id,
      cadreInChargeId: section.id,
      tempPartyOrgId: org.id,
      workGroup: other.map((c: { id: string }) => c.id),
    };
    const wrongLevel = await send('PUT', `/api/projects/${project.id}/accountability`, {
      ...body,
      liaisonCadreId: section.id,
    });
    expect(wrongLevel.json().error.fields).toHaveProperty('liaisonCadreId');
    const outside = await send('PUT', `/api/projects/${project.id}/accountability`, {
      ...body,
      cadreInChargeId: elsewhere.id,
    });
    expect(outside.json().error.fields).toHaveProperty('cadreInChargeId');
    const ok = await send('PUT', `/api/projects/${project.id}/accountability`, body);
    expect(ok.statusCode).toBe(200);
    const stale = await send('PUT', `/api/projects/${project.id}/accountability`, body);
    expect(stale.statusCode).toBe(409);
    expect(ok.json().tempPartyOrg.id).toBe(org.id);
    expect(ok.json().nextStepProblems.map((p: { reason: string }) => p.reason)).toEqual(['ledger_empty']);
  });

  it('starts construction once the ledger has an item, and refuses acceptance until the mandatory items are in', async () => {
    // Tendered, everyone named; the ledger is empty.
    let project: { id: string; version: number } = await buildProject(t.database, {
      status: 'tendered',
      accountable: true,
    });
    const owner = (await get(`/api/projects/${project.id}`, hq)).json().cadreInCharge;
    const deadline = new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10);
    expect(
      (
        await send('POST', '/api/ledger', {
          title: '施工单位进场',
          ownerCadreId: owner.id,
          deadline,
          projectId: project.id,
        })
      ).statusCode,
    ).toBe(201);
    project = (await get(`/api/projects/${project.id}`, hq)).json();
    const started = await send('POST', `/api/projects/${project.id}/transition`, {
      version: project.version,
      to: 'under_construction',
    });
    expect(started.statusCode).toBe(200);
    project = started.json();
    const accept = await send('POST', `/api/projects/${project.id}/transition`, {
      version: project.version,
      to: 'accepted',
    });
    expect(accept.json().error.fields.to).toMatch(/必改/);
    const catalogue = (await get('/api/catalogue', hq))
      .json()
      .items.filter((c: { mandatory: boolean }) => c.mandatory);
    const waivedWithout = await send('PUT', `/api/projects/${project.id}/items`, {
      version: project.version,
      items: catalogue.map((c: { code: string }, i: number) => ({
        catalogueCode: c.code,
        status: i === 0 ? 'waived' : 'done',
      })),
    });
    expect(waivedWithout.json().error.fields).toHaveProperty(['items.0.waiverReason']);
    const items = await send('PUT', `/api/projects/${project.id}/items`, {
      version: project.version,
      items: catalogue.map((c: { code: string }, i: number) =>
        i === 0
          ? { catalogueCode: c.code, status: 'waived', waiverReason: '2021年已实施雨污分流专项' }
          : { catalogueCode: c.code, status: 'done', progress: 100 },
      ),
    });
    expect(items.statusCode).toBe(200);
    const funded = await send('PUT', `/api/projects/${project.id}/funding`, {
      version: items.json().version,
      rows: [{ source: 'central', planned: 200, received: 150, spent: 120 }],
    });
    expect(funded.json().funding).toEqual([{ source: 'central', planned: 200, received: 150, spent: 120 }]);
    // The items no longer hold it; the quality gates still do (quality.test.ts takes a project through them).
    const held = await send('POST', `/api/projects/${project.id}/transition`, {
      version: funded.json().version,
      to: 'accepted',
    });
    expect(held.statusCode).toBe(400);
    expect(held.json().error.fields.to).not.toMatch(/必改/);
    expect(held.json().error.fields.to).toMatch(/竣工验收关/);
  });
});

describe('status columns', () => {
  it('hold only the domain’s statuses: the database refuses any other, whoever writes it', async () => {
    const project = await buildProject(t.database);
    const db = t.database.db;
    const update = db.update(projects).set({ status: sql`'finished'` }).where(eq(projects.id, project.id));
    expect(await brokenConstraint(update)).toBe('projects_status_check');
    const [item] = await db.select({ id: catalogueItems.id }).from(catalogueItems).limit(1);
    if (!item) throw new Error('no catalogue item');
    const insert = db
      .insert(projectItems)
      .values({ projectId: project.id, catalogueItemId: item.id, status: sql`'started'` });
    expect(await brokenConstraint(insert)).toBe('project_items_status_check');
    const [kept] = await db
      .select({ status: projects.status })
      .from(projects)
      .where(eq(projects.id, project.id));
    expect(kept?.status).toBe('planned');
  });
});
