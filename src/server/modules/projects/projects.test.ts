import { beforeAll, describe, expect, it } from 'vitest';
import { buildUser, login, type Session, type TestApp, testApp } from '../../testing/app.js';

let t: TestApp;
let viewer: Session;
let tieta: Session;
const get = (url: string, s: Session) => t.app.inject({ method: 'GET', url, headers: s.headers });

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

  it('lists the 135 renovations of 2019–2022, by year', async () => {
    expect((await get('/api/projects', viewer)).json().total).toBe(135);
    expect((await get('/api/projects?year=2021', viewer)).json().total).toBe(35);
    expect((await get('/api/projects?status=handed_over&pageSize=1', viewer)).json().total).toBe(135);
  });

  it('keeps a subdistrict to its own projects, and 404 for another’s', async () => {
    const mine = (await get('/api/projects?pageSize=100', tieta)).json();
    expect(mine.total).toBeGreaterThan(0);
    expect(mine.items.every((p: { regionCode: string }) => p.regionCode.startsWith('410203002'))).toBe(true);
    const other = (await get('/api/projects?region=410203001&pageSize=1', viewer)).json().items[0];
    expect((await get(`/api/projects/${other.id}`, tieta)).statusCode).toBe(404);
  });
});

describe('GET /api/projects/:id', () => {
  it('names the accountable people: a county-level liaison, a section-level cadre in charge, a work group', async () => {
    const first = (await get('/api/projects?pageSize=1', viewer)).json().items[0];
    const p = (await get(`/api/projects/${first.id}`, viewer)).json();
    expect(p.liaisonCadre.level).toBe('county');
    expect(p.cadreInCharge.level).toBe('section');
    expect(p.workGroup.length).toBeGreaterThan(0);
    expect(JSON.stringify(p)).not.toMatch(/139\d{8}/); // no phone numbers
  });

  it('gives 95 of the projects their temporary party organisation', async () => {
    let withOrg = 0;
    for (let page = 1; page <= 2; page++) {
      const items = (await get(`/api/projects?pageSize=100&page=${page}`, viewer)).json().items;
      for (const it of items)
        if ((await get(`/api/projects/${it.id}`, viewer)).json().tempPartyOrg) withOrg++;
    }
    expect(withOrg).toBe(95);
  });
});

describe('GET /api/cadres', () => {
  it('lists cadres in scope, filtered by level, without phones', async () => {
    const county = (await get('/api/cadres?level=county&pageSize=100', viewer)).json();
    expect(county.total).toBeGreaterThan(0);
    expect(county.items.every((c: { level: string }) => c.level === 'county')).toBe(true);
    expect(JSON.stringify(county)).not.toMatch(/139\d{8}/);
    const mine = (await get('/api/cadres?pageSize=100', tieta)).json();
    expect(mine.items.every((c: { regionCode: string }) => c.regionCode.startsWith('410203002'))).toBe(true);
  });
});
