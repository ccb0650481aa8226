import { beforeAll, describe, expect, it } from 'vitest';
import { requests, type Session, sessionAs, type TestApp, testApp } from '../../testing/app.js';

let t: TestApp;
let get: ReturnType<typeof requests>['get'];
let hq: Session;

beforeAll(async () => {
  t = await testApp();
  ({ get } = requests(t));
  hq = await sessionAs(t, 'hq');
}, 180_000);

describe('the demo district’s facilities (the letter’s figures)', () => {
  it('71 rooms and stations, 4 shops cum service points, over 8,600 facilities, 8 mandatory items', async () => {
    for (const query of ['', '?from=2019&to=2022']) {
      const s = (await get(`/api/stats/summary${query}`, hq)).json();
      expect(s.activityRooms).toBe(71);
      expect(s.serviceShops).toBe(4);
      expect(s.facilities).toBeGreaterThanOrEqual(8600);
      expect(s.facilities).toBeLessThan(8700);
      expect(s.liftsAdded).toBeGreaterThan(0);
      expect(s.elderlyCareFacilities).toBeGreaterThan(0);
      expect(s.childcareFacilities).toBeGreaterThan(0);
      expect(s.mandatoryItems).toBe(8);
    }
    const before = (await get('/api/stats/summary?from=2018&to=2018', hq)).json();
    expect(before.facilities).toBe(0);
  });

  it('spreads them over the years 2019–2022 and the subdistricts; lifts name their stairwell unit', async () => {
    for (const year of [2019, 2020, 2021, 2022]) {
      const page = (await get(`/api/facilities?year=${year}&pageSize=1`, hq)).json();
      expect([year, page.total > 0]).toEqual([year, true]);
    }
    const lifts = (await get('/api/facilities?group=lift&pageSize=100', hq)).json();
    for (const lift of lifts.items) expect(lift.unit).toMatch(/单元$/);
    // Found by their compound's name, and counted exactly those.
    const name: string = lifts.items[0].compoundName;
    const found = (await get(`/api/facilities?pageSize=100&q=${encodeURIComponent(name)}`, hq)).json();
    for (const f of found.items) expect(f.compoundName).toContain(name);
    expect([found.total, found.totalExact]).toEqual([found.items.length, true]);
    // Each named with its subdistrict.
    const inTieta = (await get('/api/facilities?region=410203002&pageSize=5', hq)).json();
    expect(inTieta.items.length).toBeGreaterThan(0);
    for (const f of inTieta.items) expect(f.subdistrictName).toBe('铁塔街道');
    const tieta = await sessionAs(t, 'subdistrict', ['410203002']);
    const own = (await get('/api/stats/summary', tieta)).json();
    expect(own.facilities).toBeGreaterThan(0);
    expect(own.facilities).toBeLessThan(8600);
  });

  it('the reply letter 汴顺政〔2023〕47号 writes them from the data', async () => {
    const page = (await get('/api/proposals?q=384', hq)).json();
    const id = page.items.find((p: { number: number }) => p.number === 384).id;
    const p = (await get(`/api/proposals/${id}`, hq)).json();
    expect(p.reply.filled).toContain(
      '规范及增设停车位等8项必改项目，根据各小区实际和群众需求完成口袋公园、充电桩等若干提升工程，新建小区党群活动室、居家养老服务站等71座，建成“放心蔬菜进社区”示范店暨“政务服务进小区”代办点4处，累计新增或改善便民服务设施8600余个',
    );
  });
});
