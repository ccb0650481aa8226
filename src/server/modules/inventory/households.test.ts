/**
 * A compound's detail and its household register over compounds each test builds (no demo
 * district): buildings and register counts as stored, owners' personal data masked for roles
 * that do not need it.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildUser, login, type Session, sessionAs, type TestApp, testApp } from '../../testing/app.js';
import { buildRegisteredCompound } from '../../testing/factories.js';

let t: TestApp;
let hq: Session;
const get = (url: string, s: Session) => t.app.inject({ method: 'GET', url, headers: s.headers });

beforeAll(async () => {
  t = await testApp({}, { seeded: false });
  hq = await sessionAs(t, 'hq');
});

describe('compound detail', () => {
  it('lists the buildings and counts the register: households, owners, area by basis', async () => {
    const built = await buildRegisteredCompound(t.database, { buildingCount: 3, perBuilding: 4 });
    const d = (await get(`/api/compounds/${built.id}`, hq)).json();
    expect(d.buildings.map((b: { number: string }) => b.number)).toEqual(['1', '2', '3']);
    expect(d.buildings).toHaveLength(d.buildingCount);
    expect(d.buildings.reduce((a: number, b: { householdCount: number }) => a + b.householdCount, 0)).toBe(
      d.householdCount,
    );
    expect(d.buildings.map((b: { registeredHouseholds: number }) => b.registeredHouseholds)).toEqual([
      4, 4, 4,
    ]);
    expect(d.households).toMatchObject({
      registered: 12,
      // one owner holds two households
      owners: 6,
      exclusiveArea: 870,
      byBasis: { registered: 12, surveyed: 0, contract: 0 },
    });
  });
});

describe('households', () => {
  it('masks owners’ personal data for roles that do not need it and shows it to those that do', async () => {
    const d = await buildRegisteredCompound(t.database);
    const masked = (await get(`/api/compounds/${d.id}/households?pageSize=5`, hq)).json();
    expect(masked.items).toHaveLength(5);
    expect(masked.items[0].masked).toBe(true);
    expect(masked.items[0].ownerName).toMatch(/^.\*+$/);
    expect(masked.items[0].contactPhone).toMatch(/^\d{3}\*{4}\d{4}$/);
    const community = await buildUser(t.database, 'community', [d.regionCode]);
    const s = await login(t.app, community.username, community.password);
    const open = (await get(`/api/compounds/${d.id}/households?pageSize=5`, s)).json();
    expect(open.items[0].masked).toBe(false);
    expect(open.items[0].ownerName).toBe('测试业主1');
    expect(open.items[0].contactPhone).toMatch(/^\d{11}$/);
  });
});
