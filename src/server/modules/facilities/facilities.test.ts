import { and, count, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../db/schema.js';
import {
  buildUser,
  login,
  requests,
  type Session,
  sessionAs,
  type TestApp,
  testApp,
} from '../../testing/app.js';
import {
  buildBuilding,
  buildCompound,
  buildProject,
  daysFromToday,
  nameOnProject,
} from '../../testing/factories.js';

let t: TestApp;
let get: ReturnType<typeof requests>['get'];
let send: ReturnType<typeof requests>['send'];
let hq: Session;
let tieta: Session;
let qingping: Session;
let viewer: Session;
let community: Session;

const jpeg = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(2048, 7)]);
const upload = (id: string, s?: Session) =>
  t.app.inject({
    method: 'POST',
    url: `/api/facilities/${id}/photos?fileName=${encodeURIComponent('活动室.jpg')}`,
    payload: jpeg,
    headers: { ...s?.headers, 'content-type': 'image/jpeg' },
  });

beforeAll(async () => {
  t = await testApp({}, { seeded: false });
  ({ get, send } = requests(t));
  hq = await sessionAs(t, 'hq');
  tieta = await sessionAs(t, 'subdistrict', ['410203002']);
  qingping = await sessionAs(t, 'subdistrict', ['410203001']);
  viewer = await sessionAs(t, 'viewer');
  community = await sessionAs(t, 'community', ['410203002']);
});

/** A compound in 铁塔街道 with a completed 2021 project, and a body registering a room on it. */
async function setting(over: Record<string, unknown> = {}) {
  const project = await buildProject(t.database, { year: 2021, status: 'accepted' });
  return {
    project,
    body: {
      compoundId: project.compoundId,
      projectId: project.id,
      type: '党群活动室',
      count: 1,
      action: 'added',
      completedOn: '2021-09-30',
      remarks: '利用闲置锅炉房改建',
      ...over,
    },
  };
}

const auditCount = async () => (await t.database.db.select({ n: count() }).from(auditEvents))[0]?.n;

describe('POST /api/facilities', () => {
  it('401 without a session, 403 for roles that do not keep the registry', async () => {
    const { body } = await setting();
    expect((await send('POST', '/api/facilities', body)).statusCode).toBe(401);
    expect((await send('POST', '/api/facilities', body, viewer)).statusCode).toBe(403);
    const contractor = await sessionAs(t, 'contractor', ['410203002']);
    expect((await send('POST', '/api/facilities', body, contractor)).statusCode).toBe(403);
  });

  it('refuses bad input by field and writes nothing', async () => {
    const { body, project } = await setting();
    const other = await buildProject(t.database, { year: 2021 });
    const cases: [Record<string, unknown>, string][] = [
      [{ type: '游泳池' }, 'type'],
      [{ count: 0 }, 'count'],
      [{ count: -2 }, 'count'],
      [{ count: 1.5 }, 'count'],
      [{ count: '3' }, 'count'],
      [{ completedOn: daysFromToday(1) }, 'completedOn'],
      [{ completedOn: '2021-02-30' }, 'completedOn'],
      [{ action: 'built' }, 'action'],
      [{ projectId: other.id }, 'projectId'],
      [{ type: '加装电梯' }, 'unit'],
      [{ unknownField: 1 }, 'unknownField'],
    ];
    const before = await auditCount();
    for (const [over, field] of cases) {
      const res = await send('POST', '/api/facilities', { ...body, ...over }, tieta);
      expect([JSON.stringify(over), res.statusCode]).toEqual([JSON.stringify(over), 400]);
      expect(Object.keys(res.json().error.fields ?? {})).toContain(field);
    }
    expect(await auditCount()).toBe(before);
    // A building of another compound is not where a facility of this one can be.
    const elsewhere = await buildBuilding(t.database, other.compound);
    const res = await send('POST', '/api/facilities', { ...body, buildingId: elsewhere.id }, tieta);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields).toHaveProperty('buildingId');
    expect(project.compoundId).not.toBe(other.compoundId);
  });

  it('a compound outside the caller’s scope is a 404', async () => {
    const { body } = await setting();
    expect((await send('POST', '/api/facilities', body, qingping)).statusCode).toBe(404);
  });

  it('registers a facility with its group, audited; the community adds a lift in a stairwell unit', async () => {
    const { body } = await setting();
    const res = await send('POST', '/api/facilities', body, tieta);
    expect(res.statusCode).toBe(201);
    const created = res.json();
    expect(created).toMatchObject({
      type: '党群活动室',
      group: 'activity_room',
      count: 1,
      action: 'added',
      completedOn: '2021-09-30',
      projectYear: 2021,
      photos: [],
      canWrite: true,
      version: 1,
    });
    const [event] = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'facility.create'), eq(auditEvents.entityId, created.id)));
    expect(event).toBeDefined();

    const compound = await buildCompound(t.database);
    const building = await buildBuilding(t.database, compound);
    const lift = await send(
      'POST',
      '/api/facilities',
      {
        compoundId: compound.id,
        type: '加装电梯',
        count: 1,
        action: 'added',
        completedOn: daysFromToday(0),
        buildingId: building.id,
        unit: '2单元',
      },
      community,
    );
    expect(lift.statusCode).toBe(201);
    expect(lift.json()).toMatchObject({ group: 'lift', buildingNumber: building.number, unit: '2单元' });
  });

  it('follows the district’s type list: a type added in the settings with its group counts by group', async () => {
    const settings = (await get('/api/settings', hq)).json();
    const types = [...settings.facilities.types, { name: '社区食堂', group: 'elderly_care' }];
    const saved = await send('PATCH', '/api/settings', { facilities: { types } }, hq);
    expect(saved.statusCode).toBe(200);
    const dup = await send(
      'PATCH',
      '/api/settings',
      { facilities: { types: [...types, { name: '社区食堂', group: 'other' }] } },
      hq,
    );
    expect(dup.statusCode).toBe(400);
    expect(dup.json().error.fields).toHaveProperty(['facilities.types']);
    const compound = await buildCompound(t.database, { regionCode: '410203005' });
    const before = (await get('/api/stats/summary?from=2020&to=2020', hq)).json();
    const res = await send(
      'POST',
      '/api/facilities',
      { compoundId: compound.id, type: '社区食堂', count: 2, action: 'improved', completedOn: '2020-06-01' },
      hq,
    );
    expect(res.statusCode).toBe(201);
    expect(res.json().group).toBe('elderly_care');
    const after = (await get('/api/stats/summary?from=2020&to=2020', hq)).json();
    expect(after.elderlyCareFacilities - before.elderlyCareFacilities).toBe(2);
    expect(after.facilities - before.facilities).toBe(2);
    expect(after.activityRooms).toBe(before.activityRooms);
  });
});

describe('PUT and DELETE /api/facilities/:id', () => {
  it('edits with the version it read; a stale version is a 409; outside scope a 404', async () => {
    const { body } = await setting();
    const created = (await send('POST', '/api/facilities', body, tieta)).json();
    const { compoundId: _, ...fields } = body;
    expect(
      (await send('PUT', `/api/facilities/${created.id}`, { ...fields, version: 1 }, viewer)).statusCode,
    ).toBe(403);
    expect(
      (await send('PUT', `/api/facilities/${created.id}`, { ...fields, version: 1 }, qingping)).statusCode,
    ).toBe(404);
    const bad = await send(
      'PUT',
      `/api/facilities/${created.id}`,
      { ...fields, count: 0, version: 1 },
      tieta,
    );
    expect(bad.statusCode).toBe(400);
    const edited = await send(
      'PUT',
      `/api/facilities/${created.id}`,
      { ...fields, type: '居家养老服务站', count: 2, version: 1 },
      tieta,
    );
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({
      type: '居家养老服务站',
      group: 'elderly_care',
      count: 2,
      version: 2,
    });
    const stale = await send(
      'PUT',
      `/api/facilities/${created.id}`,
      { ...fields, count: 3, version: 1 },
      tieta,
    );
    expect(stale.statusCode).toBe(409);
    expect(
      (await send('DELETE', `/api/facilities/${created.id}?version=1`, undefined, tieta)).statusCode,
    ).toBe(409);
    expect(
      (await send('DELETE', `/api/facilities/${created.id}?version=2`, undefined, qingping)).statusCode,
    ).toBe(404);
    expect(
      (await send('DELETE', `/api/facilities/${created.id}?version=2`, undefined, tieta)).statusCode,
    ).toBe(200);
    expect((await get(`/api/facilities/${created.id}`, tieta)).statusCode).toBe(404);
  });
});

describe('photos of a facility', () => {
  it('are added and removed by those who keep it, and read as the facility is', async () => {
    const { body } = await setting();
    const created = (await send('POST', '/api/facilities', body, tieta)).json();
    expect((await upload(created.id)).statusCode).toBe(401);
    expect((await upload(created.id, viewer)).statusCode).toBe(403);
    expect((await upload(created.id, qingping)).statusCode).toBe(404);
    const res = await upload(created.id, tieta);
    expect(res.statusCode).toBe(201);
    const photo = res.json();
    expect((await get(`/api/photos/${photo.id}`, viewer)).statusCode).toBe(200);
    expect((await get(`/api/photos/${photo.id}`, qingping)).statusCode).toBe(404);
    const detail = (await get(`/api/facilities/${created.id}`, tieta)).json();
    expect(detail.photos.map((p: { id: string }) => p.id)).toEqual([photo.id]);
    expect(detail.photoCount).toBe(1);
    expect(
      (await send('DELETE', `/api/facilities/${created.id}/photos/${photo.id}`, undefined, qingping))
        .statusCode,
    ).toBe(404);
    expect(
      (await send('DELETE', `/api/facilities/${created.id}/photos/${photo.id}`, undefined, tieta)).statusCode,
    ).toBe(200);
    expect((await get(`/api/facilities/${created.id}`, tieta)).json().photos).toEqual([]);
  });
});

describe('GET /api/facilities, its export, and the summary', () => {
  it('lists within scope; contractors see only the facilities of projects they are named on', async () => {
    const mine = await setting();
    const named = (await send('POST', '/api/facilities', mine.body, hq)).json();
    const unnamed = (await send('POST', '/api/facilities', (await setting()).body, hq)).json();
    const qp = await buildCompound(t.database, { regionCode: '410203001' });
    const far = (
      await send(
        'POST',
        '/api/facilities',
        { compoundId: qp.id, type: '充电桩', count: 20, action: 'added', completedOn: '2022-05-01' },
        hq,
      )
    ).json();
    expect((await t.app.inject({ method: 'GET', url: '/api/facilities' })).statusCode).toBe(401);
    const ids = async (s: Session, query = '') =>
      (await get(`/api/facilities?pageSize=100${query}`, s)).json().items.map((f: { id: string }) => f.id);
    expect(await ids(tieta)).toEqual(expect.arrayContaining([named.id, unnamed.id]));
    expect(await ids(tieta)).not.toContain(far.id);
    expect(await ids(hq)).toContain(far.id);
    expect(await ids(hq, `&compoundId=${qp.id}`)).toEqual([far.id]);
    expect(await ids(hq, '&year=2022&type=充电桩')).toContain(far.id);
    expect(await ids(hq, '&year=2021&type=充电桩')).not.toContain(far.id);
    expect(await ids(hq, '&region=410203001')).toContain(far.id);

    const u = await buildUser(t.database, 'contractor', ['410203002']);
    await nameOnProject(t.database, mine.project.id, u.id);
    const contractor = await login(t.app, u.username, u.password);
    expect(await ids(contractor)).toEqual([named.id]);
    expect((await get(`/api/facilities/${unnamed.id}`, contractor)).statusCode).toBe(404);
    const summary = (await get('/api/stats/summary?from=2021&to=2021', contractor)).json();
    expect(summary.activityRooms).toBe(1);
  });

  it('exports the office sheet: title, units in headers, a 合计 row of the counts', async () => {
    const qp = await buildCompound(t.database, { regionCode: '410203007' });
    for (const count of [12, 30])
      await send(
        'POST',
        '/api/facilities',
        { compoundId: qp.id, type: '充电桩', count, action: 'added', completedOn: '2019-05-01' },
        hq,
      );
    const res = await get(`/api/facilities/export?compoundId=${qp.id}`, hq);
    expect(res.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    if (!sheet) throw new Error('no sheet');
    expect(String(sheet.getCell('A1').value)).toContain('配套设施');
    const header = (sheet.getRow(2).values as unknown[]).map(String);
    expect(header).toContain('数量（个）');
    const last = sheet.getRow(sheet.rowCount).values as unknown[];
    expect(last).toContain('合计');
    expect(last).toContain(42);
  });

  it('the summary sums counts by group within the period and scope', async () => {
    const compound = await buildCompound(t.database, { regionCode: '410203006' });
    const before = (await get('/api/stats/summary?from=2018&to=2018', hq)).json();
    const add = (type: string, count: number, action = 'added', completedOn = '2018-04-01') =>
      send('POST', '/api/facilities', { compoundId: compound.id, type, count, action, completedOn }, hq);
    const building = await buildBuilding(t.database, compound);
    await add('党群活动室', 1);
    await add('居家养老服务站', 1);
    await add('党群活动室', 1, 'improved');
    await add('放心蔬菜示范店暨政务服务代办点', 1);
    await add('托育点', 1);
    await add('充电桩', 30);
    await add('充电桩', 9, 'added', '2017-12-31');
    await send(
      'POST',
      '/api/facilities',
      {
        compoundId: compound.id,
        type: '加装电梯',
        count: 1,
        action: 'added',
        completedOn: '2018-08-01',
        buildingId: building.id,
        unit: '1单元',
      },
      hq,
    );
    const after = (await get('/api/stats/summary?from=2018&to=2018', hq)).json();
    const delta = (k: string) => after[k] - before[k];
    expect({
      activityRooms: delta('activityRooms'),
      serviceShops: delta('serviceShops'),
      facilities: delta('facilities'),
      liftsAdded: delta('liftsAdded'),
      elderlyCareFacilities: delta('elderlyCareFacilities'),
      childcareFacilities: delta('childcareFacilities'),
    }).toEqual({
      activityRooms: 2,
      serviceShops: 1,
      facilities: 36,
      liftsAdded: 1,
      elderlyCareFacilities: 1,
      childcareFacilities: 1,
    });
    const outside = (await get('/api/stats/summary?from=2018&to=2018', qingping)).json();
    expect(outside.facilities).toBe(0);
  });
});
