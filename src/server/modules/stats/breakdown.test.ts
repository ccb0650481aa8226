import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { BreakdownDimension } from '../../../contract/stats.js';
import { projectFunding, tickets } from '../../db/schema.js';
import { AppError } from '../../platform/errors.js';
import { requests, type Session, sessionAs, type TestApp, testApp } from '../../testing/app.js';
import {
  buildCompound,
  buildConsultation,
  buildLedgerItem,
  buildProject,
  buildStructure,
  daysFromToday,
  tieta,
} from '../../testing/factories.js';
import { type AreaBreakdown, plan } from './breakdown.js';
import { breakdownAreas } from './measures.js';

const qingping = '410203001';

describe('what a breakdown may ask (the areas’ declarations)', () => {
  const proposals: AreaBreakdown = {
    area: 'proposals',
    action: 'proposal.read',
    measures: { proposals: { label: '提案', unit: '件', dimensions: ['subdistrict', 'status'] } },
    count: async () => [],
  };
  const areas = [...breakdownAreas, proposals];
  const cases: {
    name: string;
    by: BreakdownDimension;
    measure: string;
    from?: number;
    to?: number;
    role?: 'hq' | 'community';
    fails?: { status: number; fields?: Record<string, string> };
  }[] = [
    {
      name: 'summary figures by subdistrict',
      by: 'subdistrict',
      measure: 'compounds,renovatedCompounds,floorArea',
    },
    { name: 'funding by source', by: 'source', measure: 'fundingPlanned,fundingReceived,fundingSpent' },
    { name: 'projects by item', by: 'item', measure: 'projects,acceptedProjects' },
    { name: 'overdue by status', by: 'status', measure: 'ledgerItems,ledgerOverdue' },
    { name: 'removals by year', by: 'year', measure: 'illegalStructuresRemoved,selfRemovalRate' },
    { name: 'one year', by: 'year', measure: 'renovatedCompounds', from: 2021, to: 2021 },
    { name: 'facilities by year', by: 'year', measure: 'facilities,liftsAdded,activityRooms' },
    {
      name: 'facilities beside compounds by community',
      by: 'community',
      measure: 'renovatedCompounds,elderlyCareFacilities,childcareFacilities,serviceShops',
    },
    {
      name: 'a facility figure misspelt is named',
      by: 'year',
      measure: 'facilities,liftAdded',
      fails: { status: 400, fields: { 'measure.liftAdded': 'unknown_measure' } },
    },
    {
      name: 'facilities have no status',
      by: 'status',
      measure: 'liftsAdded',
      fails: { status: 400, fields: { 'measure.liftsAdded': 'not_split_by', by: 'not_split_by' } },
    },
    {
      name: 'an unknown measure is named',
      by: 'year',
      measure: 'projects,lifts',
      fails: { status: 400, fields: { 'measure.lifts': 'unknown_measure' } },
    },
    {
      name: 'a measure not split by the dimension is named with it',
      by: 'source',
      measure: 'floorArea',
      fails: { status: 400, fields: { 'measure.floorArea': 'not_split_by', by: 'not_split_by' } },
    },
    {
      name: 'compounds have no year',
      by: 'year',
      measure: 'compounds',
      fails: { status: 400, fields: { 'measure.compounds': 'not_split_by' } },
    },
    {
      name: 'statuses of two areas do not mix',
      by: 'status',
      measure: 'projects,ledgerOverdue',
      fails: { status: 400, fields: { by: 'statuses_differ' } },
    },
    {
      name: 'a period backwards',
      by: 'year',
      measure: 'projects',
      from: 2022,
      to: 2019,
      fails: { status: 400, fields: { from: 'after_to' } },
    },
    {
      name: 'a measure of an area the role may not read',
      by: 'subdistrict',
      measure: 'compounds,proposals',
      role: 'community',
      fails: { status: 403 },
    },
    { name: 'the same measure for a role that may read it', by: 'status', measure: 'proposals', role: 'hq' },
  ];
  it.each(cases)('$name', ({ by, measure, from, to, role = 'hq', fails }) => {
    const run = () => plan(areas, role, { by, measure, from, to });
    if (!fails) {
      expect(run().measures.map((m) => m.key)).toEqual(measure.split(','));
      return;
    }
    let error: unknown;
    try {
      run();
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).status).toBe(fails.status);
    if (fails.fields) expect((error as AppError).fields).toMatchObject(fails.fields);
  });

  it('every measure name is unique across the areas', () => {
    const names = breakdownAreas.flatMap((a) => Object.keys(a.measures));
    expect(new Set(names).size).toBe(names.length);
  });
});

describe('GET /api/stats/breakdown', () => {
  let t: TestApp;
  let get: ReturnType<typeof requests>['get'];
  let hq: Session;
  let tietaStaff: Session;

  beforeAll(async () => {
    t = await testApp({}, { seeded: false });
    ({ get } = requests(t));
    hq = await sessionAs(t, 'hq');
    tietaStaff = await sessionAs(t, 'subdistrict', [tieta]);
    const db = t.database.db;
    // Renovated: two in 铁塔 (2021, 2022), one in 清平 (2022); one planned, one not in the period.
    const done21 = await buildProject(t.database, { year: 2021, status: 'accepted', items: ['sewer'] });
    const done22 = await buildProject(t.database, {
      year: 2022,
      status: 'handed_over',
      items: ['sewer', 'road'],
    });
    const other = await buildProject(t.database, { regionCode: qingping, year: 2022, status: 'accepted' });
    await buildProject(t.database, { year: 2022, status: 'under_construction', items: ['road'] });
    await buildProject(t.database, { year: 2018, status: 'accepted' });
    await buildCompound(t.database, { buildYear: 2010, floorArea: 1234.5 });
    await db.insert(projectFunding).values([
      { projectId: done21.id, source: 'central', planned: 100, received: 80, spent: 50.25 },
      { projectId: done21.id, source: 'district', planned: 20, received: 20, spent: 10 },
      { projectId: done22.id, source: 'central', planned: 60.5, received: 30, spent: 0 },
      { projectId: other.id, source: 'residents', planned: 5, received: 5, spent: 5 },
    ]);
    await buildLedgerItem(t.database, { deadline: daysFromToday(-2) });
    await buildLedgerItem(t.database, { deadline: daysFromToday(-20), regionCode: qingping });
    await buildLedgerItem(t.database, { deadline: daysFromToday(1) });
    await buildLedgerItem(t.database, { status: 'done', deadline: daysFromToday(-5) });
    await buildStructure(t.database, { verifiedArea: 10, removedOn: '2021-05-01', removedBy: 'owner' });
    await buildStructure(t.database, { verifiedArea: 12.5, removedOn: '2022-06-01', removedBy: 'owner' });
    await buildStructure(t.database, { verifiedArea: 30, removedOn: '2022-07-01', removedBy: 'enforcement' });
    await buildStructure(t.database, { regionCode: qingping, verifiedArea: 8 });
    await db.insert(tickets).values([
      { projectId: done22.id, source: 'inspection', title: '测试·整改', deadline: daysFromToday(-3) },
      { projectId: other.id, source: 'inspection', title: '测试·整改', deadline: daysFromToday(3) },
      {
        projectId: other.id,
        source: 'inspection',
        title: '测试·整改',
        deadline: daysFromToday(3),
        status: 'verified',
      },
    ]);
    await buildConsultation(t.database, done22.compound);
  });

  const url = (q: string) => `/api/stats/breakdown?${q}`;

  it('401 without a session, 400 for an unknown dimension or measure naming it, a pair, a backwards period', async () => {
    const anonymous = await t.app.inject({ method: 'GET', url: url('by=year&measure=projects') });
    expect(anonymous.statusCode).toBe(401);
    const unknownBy = await get(url('by=district&measure=projects'), hq);
    expect(unknownBy.statusCode).toBe(400);
    expect(Object.keys(unknownBy.json().error.fields)).toContain('by');
    const unknownMeasure = await get(url('by=year&measure=projects,lifts'), hq);
    expect(unknownMeasure.statusCode).toBe(400);
    expect(unknownMeasure.json().error.fields).toHaveProperty(['measure.lifts']);
    const pair = await get(url('by=source&measure=households'), hq);
    expect(pair.statusCode).toBe(400);
    expect(Object.keys(pair.json().error.fields)).toEqual(['measure.households', 'by']);
    const backwards = await get(url('by=year&measure=projects&from=2022&to=2019'), hq);
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().error.fields).toHaveProperty('from');
    // No role lacks stats.read today; the 403 of an area's right is in the table above.
  });

  it('404 for a region outside the caller’s scope, or no region at all', async () => {
    expect((await get(url(`by=year&measure=projects&region=${qingping}`), tietaStaff)).statusCode).toBe(404);
    expect((await get(url('by=year&measure=projects&region=410203999'), hq)).statusCode).toBe(404);
    // The district holding the scope is no outside: the scope still applies.
    const district = await get(url('by=subdistrict&measure=compounds&region=410203'), tietaStaff);
    expect(district.statusCode).toBe(200);
    expect(district.json().rows.map((r: { key: string }) => r.key)).toEqual([tieta]);
  });

  it('totals equal the summary for the same scope and period, and partitions add up to them', async () => {
    for (const session of [hq, tietaStaff]) {
      const summary = (await get('/api/stats/summary?from=2019&to=2022', session)).json();
      const cases: [BreakdownDimension, string[]][] = [
        [
          'subdistrict',
          ['compounds', 'oldCompounds', 'renovatedCompounds', 'buildings', 'floorArea', 'households'],
        ],
        ['community', ['residents', 'acceptedProjects', 'openTickets', 'consultations', 'selfRemovalRate']],
        ['year', ['renovatedCompounds', 'floorArea', 'illegalStructuresRemoved', 'illegalAreaRemoved']],
        ['status', ['compounds', 'oldCompounds']],
        ['status', ['openTickets', 'overdueTickets']],
        ['year', ['acceptedProjects', 'selfRemovalRate', 'votesPassed']],
      ];
      for (const [by, measures] of cases) {
        const res = await get(url(`by=${by}&measure=${measures.join(',')}&from=2019&to=2022`), session);
        expect(res.statusCode, res.body).toBe(200);
        const b = res.json();
        for (const m of measures) {
          expect(b.total[m], `${by} ${m}`).toBe(summary[m]);
          if (m === 'selfRemovalRate') continue;
          const sum = b.rows.reduce(
            (s: number, r: { values: Record<string, number> }) => s + (r.values[m] ?? 0),
            0,
          );
          expect(Math.round(sum * 100) / 100, `${by} ${m} rows`).toBe(summary[m]);
        }
      }
    }
  });

  it('figures of the factories: by year, by source, by item, overdue by status, rates from sums', async () => {
    const byYear = (
      await get(
        url('by=year&measure=renovatedCompounds,illegalStructuresRemoved,selfRemovalRate&from=2019&to=2022'),
        hq,
      )
    ).json();
    expect(byYear.measures.map((m: { unit: string }) => m.unit)).toEqual(['个', '处', '%']);
    const year = (y: string) => byYear.rows.find((r: { key: string }) => r.key === y);
    expect(year('2021')).toMatchObject({
      label: '2021年',
      values: { renovatedCompounds: 1, illegalStructuresRemoved: 1, selfRemovalRate: 100 },
    });
    expect(year('2022').values).toEqual({
      renovatedCompounds: 2,
      illegalStructuresRemoved: 2,
      selfRemovalRate: 50,
    });
    // 2 of 3 removed by their owners: 66.7, not the average of 100 and 50.
    expect(byYear.total.selfRemovalRate).toBe(66.7);

    const bySource = (
      await get(url('by=source&measure=fundingPlanned,fundingSpent&from=2019&to=2022'), hq)
    ).json();
    expect(bySource.rows.map((r: { label: string }) => r.label)).toEqual([
      '中央补助',
      '区级资金',
      '居民出资',
    ]);
    expect(bySource.rows[0].values).toEqual({ fundingPlanned: 160.5, fundingSpent: 50.25 });
    expect(bySource.total).toEqual({ fundingPlanned: 185.5, fundingSpent: 65.25 });

    const byItem = (
      await get(url('by=item&measure=projects,acceptedProjects&from=2019&to=2022'), tietaStaff)
    ).json();
    const item = (code: string) => byItem.rows.find((r: { key: string }) => r.key === code);
    expect(item('sewer').values).toEqual({ projects: 2, acceptedProjects: 2 });
    expect(item('road').values).toEqual({ projects: 2, acceptedProjects: 1 });
    // A project with two items counts once in the total.
    expect(byItem.total).toEqual({ projects: 3, acceptedProjects: 2 });

    const ledger = (await get(url('by=status&measure=ledgerItems,ledgerOverdue'), hq)).json();
    expect(ledger.rows.map((r: { key: string }) => r.key)).toEqual([
      'seriously_overdue',
      'overdue',
      'due_soon',
      'done',
    ]);
    expect(ledger.total).toEqual({ ledgerItems: 4, ledgerOverdue: 2 });
    const mine = (await get(url('by=subdistrict&measure=ledgerOverdue'), tietaStaff)).json();
    expect(mine.rows).toEqual([{ key: tieta, label: '铁塔街道', values: { ledgerOverdue: 1 } }]);

    // An item of the district itself is the district's own row, named as offices name it.
    await buildLedgerItem(t.database, { deadline: daysFromToday(-3), regionCode: '410203' });
    const all = (await get(url('by=subdistrict&measure=ledgerOverdue'), hq)).json();
    expect(all.rows.find((r: { key: string }) => r.key === '410203')).toEqual({
      key: '410203',
      label: '顺河回族区本级',
      values: { ledgerOverdue: 1 },
    });
    expect(all.rows.find((r: { key: string }) => r.key === tieta)?.label).toBe('铁塔街道');
  });

  it('exports the breakdown as a report sheet: title, units in headers, a 合计 row', async () => {
    const res = await get(
      url('by=subdistrict&measure=renovatedCompounds,floorArea,selfRemovalRate&from=2019&to=2022'),
      hq,
    );
    expect(res.statusCode).toBe(200);
    const xlsx = await get(
      `/api/stats/breakdown.xlsx?by=subdistrict&measure=renovatedCompounds,floorArea,selfRemovalRate&from=2019&to=2022`,
      hq,
    );
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-disposition']).toContain('.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    expect(String(sheet?.getCell('A1').value)).toBe(
      '顺河回族区2019—2022年改造小区、建筑面积、自拆率统计表（按街道）',
    );
    expect(sheet?.getRow(2).values).toEqual([
      undefined,
      '街道',
      '改造小区（个）',
      '建筑面积（㎡）',
      '自拆率（%）',
    ]);
    const last = sheet?.getRow(sheet.rowCount).values as unknown[];
    const b = res.json();
    expect(last).toEqual([
      undefined,
      '合计',
      b.total.renovatedCompounds,
      b.total.floorArea,
      b.total.selfRemovalRate,
    ]);
    expect(sheet?.getRow(3).getCell(1).value).toBe('清平街道');
    // Bad input is refused before any file starts.
    expect((await get('/api/stats/breakdown.xlsx?by=source&measure=floorArea', hq)).statusCode).toBe(400);
  });

  it('lists the measures with their dimensions', async () => {
    const list = (await get('/api/stats/breakdown/measures', hq)).json();
    expect(list.find((m: { key: string }) => m.key === 'fundingPlanned')).toMatchObject({ unit: '万元' });
    expect(list.find((m: { key: string }) => m.key === 'compounds').dimensions).not.toContain('year');
    expect(list.find((m: { key: string }) => m.key === 'liftsAdded')).toMatchObject({
      unit: '部',
      dimensions: ['subdistrict', 'community', 'year'],
    });
  });
});

describe('facilities on the demo district', () => {
  let t: TestApp;
  let get: ReturnType<typeof requests>['get'];
  let hq: Session;
  let tietaStaff: Session;
  let contractor: Session;
  const figures = [
    'activityRooms',
    'serviceShops',
    'facilities',
    'liftsAdded',
    'elderlyCareFacilities',
    'childcareFacilities',
  ];

  beforeAll(async () => {
    t = await testApp();
    ({ get } = requests(t));
    hq = await sessionAs(t, 'hq');
    tietaStaff = await sessionAs(t, 'subdistrict', [tieta]);
    // Named on no project: the facilities' read rule leaves it none, whatever its regions.
    contractor = await sessionAs(t, 'contractor');
  }, 180_000);

  const url = (q: string) => `/api/stats/breakdown?${q}`;
  const sumOfRows = (b: { rows: { values: Record<string, number> }[] }, m: string) =>
    b.rows.reduce((s, r) => s + (r.values[m] ?? 0), 0);

  it('totals and rows by subdistrict, community and year equal the summary, for each scope and period', async () => {
    for (const [who, session] of Object.entries({ hq, tietaStaff, contractor })) {
      for (const period of ['', '&from=2019&to=2022', '&from=2021&to=2021']) {
        const summary = (await get(`/api/stats/summary?${period.slice(1)}`, session)).json();
        for (const by of ['subdistrict', 'community', 'year']) {
          const res = await get(url(`by=${by}&measure=${figures.join(',')}${period}`), session);
          expect(res.statusCode, res.body).toBe(200);
          const b = res.json();
          for (const m of figures) {
            expect(b.total[m], `${who} ${by} ${m} ${period}`).toBe(summary[m]);
            expect(sumOfRows(b, m), `${who} ${by} ${m} ${period} rows`).toBe(summary[m]);
          }
        }
      }
    }
    // The letter's figures, split: 71 rooms and stations over 2019–2022, by year.
    const byYear = (await get(url('by=year&measure=activityRooms,liftsAdded&from=2019&to=2022'), hq)).json();
    expect(byYear.rows.map((r: { key: string }) => r.key)).toEqual(['2019', '2020', '2021', '2022']);
    expect(byYear.total.activityRooms).toBe(71);
    expect(byYear.measures).toEqual([
      { key: 'activityRooms', label: expect.any(String), unit: '间', rate: false },
      { key: 'liftsAdded', label: '加装电梯', unit: '部', rate: false },
    ]);
    const mine = (await get(url('by=subdistrict&measure=facilities'), tietaStaff)).json();
    expect(mine.rows.map((r: { key: string }) => r.key)).toEqual([tieta]);
    expect(mine.total.facilities).toBeGreaterThan(0);
  });

  it('a region outside the scope is a 404, a misspelt figure or a dimension they lack a 400', async () => {
    expect((await get(url(`by=year&measure=facilities&region=${qingping}`), tietaStaff)).statusCode).toBe(
      404,
    );
    const misspelt = await get(url('by=year&measure=facilities,lifts'), hq);
    expect(misspelt.statusCode).toBe(400);
    expect(misspelt.json().error.fields).toHaveProperty(['measure.lifts']);
    const pair = await get(url('by=item&measure=liftsAdded'), hq);
    expect(pair.statusCode).toBe(400);
    expect(Object.keys(pair.json().error.fields)).toEqual(['measure.liftsAdded', 'by']);
    // A region inside the scope narrows the figures to it.
    const one = (await get(url(`by=community&measure=facilities&region=${tieta}`), hq)).json();
    const all = (await get(url('by=subdistrict&measure=facilities'), hq)).json();
    expect(one.total.facilities).toBe(
      all.rows.find((r: { key: string }) => r.key === tieta).values.facilities,
    );
  });

  it('exports a facility breakdown with its units in the headers', async () => {
    const xlsx = await get(
      '/api/stats/breakdown.xlsx?by=year&measure=facilities,liftsAdded&from=2019&to=2022',
      hq,
    );
    expect(xlsx.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    expect(sheet?.getRow(2).values).toEqual([
      undefined,
      '年度',
      '新增或改善便民服务设施（个）',
      '加装电梯（部）',
    ]);
  });
});
