import { count, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  auditEvents,
  cadres,
  illegalAssignments,
  illegalMeasurements,
  illegalStructures,
  illegalVisits,
  regions,
} from '../../db/schema.js';
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
  buildCadre,
  buildCompound,
  buildHousehold,
  buildProject,
  buildStructure,
  daysFromToday,
  nameOnProject,
} from '../../testing/factories.js';

let t: TestApp;
let get: ReturnType<typeof requests>['get'];
let send: ReturnType<typeof requests>['send'];
let tieta: Session;
let qingping: Session;
let viewer: Session;
let contractor: Session;
let hq: Session;

const jpeg = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(2048, 7)]);
const upload = (id: string, s?: Session) =>
  t.app.inject({
    method: 'POST',
    url: `/api/illegal-structures/${id}/photos?fileName=${encodeURIComponent('清理后.jpg')}`,
    payload: jpeg,
    headers: { ...s?.headers, 'content-type': 'image/jpeg' },
  });

/** A user of `role` scoped to `scope`, linked to a new cadre of `cadreRegion`. */
async function cadreSession(role: 'community' | 'contractor', scope: string[], cadreRegion = '410203002') {
  const u = await buildUser(t.database, role, scope);
  const cadre = await buildCadre(t.database, { regionCode: cadreRegion });
  await t.database.db.update(cadres).set({ userId: u.id }).where(eq(cadres.id, cadre.id));
  return { session: await login(t.app, u.username, u.password), cadre };
}

/** Audit events so far. */
const audited = async () => (await t.database.db.select({ n: count() }).from(auditEvents))[0]?.n;

/**
 * Runs `act`, a refused write, and expects nothing written: the structure's row as it was, no
 * measurement, visit or assignment added, no audit event.
 */
async function writesNothing(structureId: string, act: () => Promise<void>) {
  const { db } = t.database;
  const snapshot = async () => ({
    structure: await db.select().from(illegalStructures).where(eq(illegalStructures.id, structureId)),
    measurements: await db
      .select({ n: count() })
      .from(illegalMeasurements)
      .where(eq(illegalMeasurements.structureId, structureId)),
    visits: await db
      .select({ n: count() })
      .from(illegalVisits)
      .where(eq(illegalVisits.structureId, structureId)),
    assignments: await db.select({ n: count() }).from(illegalAssignments),
    audited: await audited(),
  });
  const before = await snapshot();
  await act();
  expect(await snapshot()).toEqual(before);
}

beforeAll(async () => {
  t = await testApp();
  ({ get, send } = requests(t));
  tieta = await sessionAs(t, 'subdistrict', ['410203002']);
  qingping = await sessionAs(t, 'subdistrict', ['410203001']);
  viewer = await sessionAs(t, 'viewer');
  contractor = await sessionAs(t, 'contractor', ['410203002']);
  hq = await sessionAs(t, 'hq');
});

describe('the demo district (before any test adds structures)', () => {
  it('reproduces the letter: 4,091 removed, 136,000 m² and more, 68% by their owners', async () => {
    const summary = (await get('/api/stats/summary', hq)).json();
    expect(summary.illegalStructuresRemoved).toBe(4091);
    expect(summary.illegalAreaRemoved).toBeGreaterThanOrEqual(136_000);
    expect(summary.illegalAreaRemoved).toBeLessThan(137_000);
    expect(summary.selfRemovalRate).toBe(68);
    const outstanding = (await get('/api/illegal-structures?outstanding=true', hq)).json();
    expect(outstanding.total).toBeGreaterThan(0);
  });

  it('finds structures by their compound’s name and counts exactly those', async () => {
    const name: string = (await get('/api/illegal-structures?pageSize=1', hq)).json().items[0].compoundName;
    const found = (
      await get(`/api/illegal-structures?pageSize=100&q=${encodeURIComponent(name)}`, hq)
    ).json();
    expect(found.items.length).toBeGreaterThan(0);
    for (const s of found.items) expect(s.compoundName).toContain(name);
    expect([found.total, found.totalExact]).toEqual([found.items.length, true]);
  });

  it('names each structure’s subdistrict', async () => {
    const tieta = (await get('/api/illegal-structures?region=410203002&pageSize=5', hq)).json();
    expect(tieta.items.length).toBeGreaterThan(0);
    for (const s of tieta.items) expect(s.subdistrictName).toBe('铁塔街道');
  });
});

describe('POST /api/illegal-structures', () => {
  const body = async (over: Record<string, unknown> = {}) => {
    const compound = await buildCompound(t.database);
    const building = await buildBuilding(t.database, compound);
    const household = await buildHousehold(t.database, building);
    return {
      compoundId: compound.id,
      householdId: household.id,
      type: '棚屋',
      location: '一层院内东侧',
      surveyOn: daysFromToday(-10),
      surveyor: '张某',
      ...over,
    };
  };

  it('401 without a session, 403 for roles that do not survey', async () => {
    const b = await body();
    expect((await send('POST', '/api/illegal-structures', b)).statusCode).toBe(401);
    expect((await send('POST', '/api/illegal-structures', b, viewer)).statusCode).toBe(403);
    expect((await send('POST', '/api/illegal-structures', b, contractor)).statusCode).toBe(403);
  });

  it.each([
    ['a household outside the compound', 'householdId'],
    ['a type not on the list', 'type'],
    ['a survey date in the future', 'surveyOn'],
    ['an unknown field', 'owner'],
    ['no surveyor', 'surveyor'],
  ])('400 for %s, naming the field, nothing written', async (name, field) => {
    const b = await body();
    const other = await buildHousehold(
      t.database,
      await buildBuilding(t.database, await buildCompound(t.database)),
    );
    const events = await audited();
    const over: Record<string, Record<string, unknown>> = {
      'a household outside the compound': { householdId: other.id },
      'a type not on the list': { type: '违章广告牌' },
      'a survey date in the future': { surveyOn: daysFromToday(2) },
      'an unknown field': { owner: '王某' },
      'no surveyor': { surveyor: ' ' },
    };
    const res = await send('POST', '/api/illegal-structures', { ...b, ...over[name] }, tieta);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields).toHaveProperty([field]);
    const rows = await t.database.db
      .select()
      .from(illegalStructures)
      .where(eq(illegalStructures.compoundId, b.compoundId));
    expect(rows).toHaveLength(0);
    expect(await audited()).toBe(events);
  });

  it('404 for a compound outside the caller’s scope', async () => {
    expect((await send('POST', '/api/illegal-structures', await body(), qingping)).statusCode).toBe(404);
  });

  it('registers a structure at a household; a second of the same type there is flagged and linked', async () => {
    const b = await body();
    const first = await send('POST', '/api/illegal-structures', b, tieta);
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({ status: 'surveyed', duplicateOf: null, unit: '1单元' });
    expect(first.json().verification.state).toBe('unmeasured');
    const again = await send('POST', '/api/illegal-structures', b, tieta);
    expect(again.json().duplicateOf).toBe(first.json().id);
    const other = await send('POST', '/api/illegal-structures', { ...b, type: '扩建' }, tieta);
    expect(other.json().duplicateOf).toBeNull();
  });
});

describe('measurements and verification', () => {
  const measure = (id: string, by: string, area: number, s: Session = tieta) =>
    send(
      'POST',
      `/api/illegal-structures/${id}/measurements`,
      { measuredBy: by, measuredOn: daysFromToday(-5), method: 'tape', area },
      s,
    );

  it('401, 403 for a read-only role, 404 outside scope', async () => {
    const s = await buildStructure(t.database);
    expect((await send('POST', `/api/illegal-structures/${s.id}/measurements`, {})).statusCode).toBe(401);
    expect((await measure(s.id, '张', 10, viewer)).statusCode).toBe(403);
    expect((await measure(s.id, '张', 10, qingping)).statusCode).toBe(404);
  });

  it.each([
    ['zero', 0],
    ['negative', -3.5],
    ['more than two decimals', 12.345],
  ])('400 for a %s area, nothing written', async (_name, area) => {
    const s = await buildStructure(t.database);
    await writesNothing(s.id, async () => {
      const res = await measure(s.id, '张', area);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.fields).toHaveProperty('area');
    });
    expect((await get(`/api/illegal-structures/${s.id}`, tieta)).json().measurements).toHaveLength(0);
  });

  it('two disagreeing measurements ask for a third, which resolves them', async () => {
    const s = await buildStructure(t.database);
    expect((await measure(s.id, '张', 20)).json().verification.state).toBe('needs_second');
    const two = (await measure(s.id, '李', 18)).json();
    expect(two.verification).toMatchObject({ state: 'needs_third', gapPercent: 10, tolerancePercent: 5 });
    expect(two.status).toBe('surveyed');
    const three = await measure(s.id, '王', 19.6);
    expect(three.statusCode).toBe(201);
    expect(three.json()).toMatchObject({ status: 'verified', verifiedArea: 19.8 });
    expect(three.json().measurements.map((m: { agreed: boolean }) => m.agreed)).toEqual([true, false, true]);
  });
});

describe('notice, removal and clearing', () => {
  const post = (id: string, what: string, b: Record<string, unknown>, s: Session = tieta) =>
    send('POST', `/api/illegal-structures/${id}/${what}`, b, s);

  it('401, 403 for a read-only role', async () => {
    const s = await buildStructure(t.database, { verifiedArea: 12 });
    const b = { version: 1, removedOn: daysFromToday(-1), removedBy: 'owner' };
    expect((await send('POST', `/api/illegal-structures/${s.id}/removal`, b)).statusCode).toBe(401);
    expect((await post(s.id, 'removal', b, viewer)).statusCode).toBe(403);
  });

  it('400 to remove a structure whose area is not verified, nothing written', async () => {
    const s = await buildStructure(t.database);
    await writesNothing(s.id, async () => {
      const res = await post(s.id, 'removal', {
        version: 1,
        removedOn: daysFromToday(-1),
        removedBy: 'owner',
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.fields).toHaveProperty('removedOn');
    });
  });

  it('400 for a removal dated before the survey, nothing written', async () => {
    const s = await buildStructure(t.database, { verifiedArea: 12 });
    await writesNothing(s.id, async () => {
      const res = await post(s.id, 'removal', {
        version: 1,
        removedOn: daysFromToday(-31),
        removedBy: 'owner',
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.fields.removedOn).toMatch(/摸排/);
    });
    const [row] = await t.database.db.select().from(illegalStructures).where(eq(illegalStructures.id, s.id));
    expect(row).toMatchObject({ removedOn: null, removedBy: null, status: 'verified', version: 1 });
  });

  it('400 for enforcement without its legal basis, nothing written', async () => {
    const s = await buildStructure(t.database, { verifiedArea: 12 });
    await writesNothing(s.id, async () => {
      const res = await post(s.id, 'removal', {
        version: 1,
        removedOn: daysFromToday(-1),
        removedBy: 'enforcement',
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.fields).toHaveProperty('legalBasis');
    });
  });

  it('400 to clear before removal, and without a photo of this structure, nothing written', async () => {
    const s = await buildStructure(t.database, { verifiedArea: 12 });
    const photo = (await upload(s.id, tieta)).json();
    await writesNothing(s.id, async () => {
      const early = await post(s.id, 'clearing', {
        version: 1,
        clearedOn: daysFromToday(0),
        photoId: photo.id,
      });
      expect(early.statusCode).toBe(400);
      expect(early.json().error.fields).toHaveProperty('clearedOn');
    });
    const [still] = await t.database.db
      .select()
      .from(illegalStructures)
      .where(eq(illegalStructures.id, s.id));
    expect(still).toMatchObject({ clearedOn: null, clearedPhotoId: null, status: 'verified' });
    const other = await buildStructure(t.database, { verifiedArea: 8 });
    const removed = await post(other.id, 'removal', {
      version: 1,
      removedOn: daysFromToday(-1),
      removedBy: 'owner',
    });
    await writesNothing(other.id, async () => {
      const wrong = await post(other.id, 'clearing', {
        version: removed.json().version,
        clearedOn: daysFromToday(0),
        photoId: photo.id,
      });
      expect(wrong.statusCode).toBe(400);
      expect(wrong.json().error.fields).toHaveProperty('photoId');
    });
    const [left] = await t.database.db
      .select()
      .from(illegalStructures)
      .where(eq(illegalStructures.id, other.id));
    expect(left).toMatchObject({ clearedOn: null, status: 'removed' });
  });

  it('notice → removed by the owner → cleared with a photo; a stale version is a 409', async () => {
    const s = await buildStructure(t.database, { verifiedArea: 12 });
    const noticed = await post(s.id, 'notice', {
      version: 1,
      noticeOn: daysFromToday(-20),
      deadline: daysFromToday(-5),
    });
    expect(noticed.json().status).toBe('noticed');
    const stale = await post(s.id, 'removal', {
      version: 1,
      removedOn: daysFromToday(-3),
      removedBy: 'owner',
    });
    expect(stale.statusCode).toBe(409);
    const removed = await post(s.id, 'removal', {
      version: noticed.json().version,
      removedOn: daysFromToday(-3),
      removedBy: 'owner',
    });
    expect(removed.json()).toMatchObject({ status: 'removed', removedBy: 'owner' });
    const photo = await upload(s.id, tieta);
    expect(photo.statusCode).toBe(201);
    const cleared = await post(s.id, 'clearing', {
      version: removed.json().version,
      clearedOn: daysFromToday(-2),
      photoId: photo.json().id,
    });
    expect(cleared.json()).toMatchObject({ status: 'cleared', clearedPhotoId: photo.json().id });
    expect(cleared.json().timeline.map((e: { kind: string }) => e.kind)).toEqual([
      'survey',
      'notice',
      'removed_owner',
      'cleared',
    ]);
    expect((await get(`/api/photos/${photo.json().id}`, tieta)).statusCode).toBe(200);
    expect((await get(`/api/photos/${photo.json().id}`, qingping)).statusCode).toBe(404);
  });
});

describe('cadres: assignments, visits, my households', () => {
  it('400 for a cadre outside the caller’s scope, no assignment or visit written', async () => {
    const s = await buildStructure(t.database);
    const outside = await buildCadre(t.database, { regionCode: '410203001' });
    await writesNothing(s.id, async () => {
      const assign = await send(
        'POST',
        '/api/illegal-assignments',
        { cadreId: outside.id, level: 'household', householdId: s.householdId },
        tieta,
      );
      expect(assign.statusCode).toBe(400);
      expect(assign.json().error.fields).toHaveProperty('cadreId');
      const visit = await send(
        'POST',
        `/api/illegal-structures/${s.id}/visits`,
        { cadreId: outside.id, visitedOn: daysFromToday(0), outcome: 'agreed' },
        tieta,
      );
      expect(visit.statusCode).toBe(400);
      expect(visit.json().error.fields).toHaveProperty('cadreId');
    });
    const assigned = await t.database.db
      .select()
      .from(illegalAssignments)
      .where(eq(illegalAssignments.cadreId, outside.id));
    expect(assigned).toHaveLength(0);
  });

  it('403, audited, for a visit by a contractor named on the compound’s project but not assigned', async () => {
    const s = await buildStructure(t.database);
    const project = await buildProject(t.database, { compoundId: s.compoundId });
    const u = await buildUser(t.database, 'contractor', ['410203002']);
    await nameOnProject(t.database, project.id, u.id);
    const named = await login(t.app, u.username, u.password);
    expect((await get(`/api/illegal-structures/${s.id}`, named)).json()).toMatchObject({
      canVisit: false,
      canWrite: false,
    });
    const visit = { visitedOn: daysFromToday(0), outcome: 'agreed' };
    const res = await send('POST', `/api/illegal-structures/${s.id}/visits`, visit, named);
    expect(res.statusCode).toBe(403);
    const denied = await t.database.db.select().from(auditEvents).where(eq(auditEvents.entityId, s.id));
    expect(denied.map((e) => e.action)).toContain('access.denied');
    // A contractor of the same region named on no project of it does not reach it at all.
    expect((await get(`/api/illegal-structures/${s.id}`, contractor)).statusCode).toBe(404);
    expect((await send('POST', `/api/illegal-structures/${s.id}/visits`, visit, contractor)).statusCode).toBe(
      404,
    );
    const visits = await t.database.db
      .select()
      .from(illegalVisits)
      .where(eq(illegalVisits.structureId, s.id));
    expect(visits).toHaveLength(0);
  });

  it('the assigned cadre sees the household in "mine" and logs visits, even from another region', async () => {
    const s = await buildStructure(t.database);
    // A district unit's cadre whose login is scoped to another subdistrict.
    const { session, cadre } = await cadreSession('contractor', ['410203001'], '410203');
    expect((await get(`/api/illegal-structures/${s.id}`, session)).statusCode).toBe(404);
    const assign = await send(
      'POST',
      '/api/illegal-assignments',
      { cadreId: cadre.id, level: 'unit', buildingId: s.buildingId, unit: '1单元' },
      hq,
    );
    expect(assign.statusCode).toBe(201);
    const mine = (await get('/api/illegal-structures/mine', session)).json();
    expect(mine.items.map((i: { id: string }) => i.id)).toEqual([s.id]);
    for (const outcome of ['hesitant', 'agreed']) {
      const res = await send(
        'POST',
        `/api/illegal-structures/${s.id}/visits`,
        { visitedOn: daysFromToday(0), outcome, notes: '入户宣讲政策' },
        session,
      );
      expect(res.statusCode).toBe(201);
    }
    const detail = (await get(`/api/illegal-structures/${s.id}`, session)).json();
    expect(detail.visits).toHaveLength(2);
    expect(detail.cadres).toEqual([{ id: cadre.id, name: cadre.name, level: 'unit' }]);
    expect(detail).toMatchObject({ canVisit: true, canWrite: false, lastVisit: { outcome: 'agreed' } });
    // Measuring is not theirs.
    const measure = await send(
      'POST',
      `/api/illegal-structures/${s.id}/measurements`,
      { measuredBy: '张', measuredOn: daysFromToday(0), method: 'tape', area: 3 },
      session,
    );
    expect(measure.statusCode).toBe(403);
  });
});

describe('statistics and the summary', () => {
  it('401 without a session', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/illegal-structures/stats' })).statusCode).toBe(
      401,
    );
  });

  it('counts removals and self-removal in scope, by compound, and exports them', async () => {
    const compound = await buildCompound(t.database, { regionCode: '410203002' });
    const at = (removedBy: 'owner' | 'enforcement' | null, area: number) =>
      buildStructure(
        t.database,
        {
          verifiedArea: area,
          status: removedBy ? 'removed' : 'verified',
          removedOn: removedBy ? daysFromToday(-10) : null,
          removedBy,
          legalBasis: removedBy === 'enforcement' ? '依法' : null,
          ownerPartyMember: area === 10,
        },
        compound,
      );
    await at('owner', 10);
    await at('owner', 20);
    await at('enforcement', 70);
    await at(null, 5);
    const res = await get(`/api/illegal-structures/stats?groupBy=compound&region=410203002`, tieta);
    expect(res.statusCode).toBe(200);
    const row = res.json().rows.find((r: { key: string }) => r.key === compound.id);
    expect(row).toMatchObject({
      name: compound.name,
      structures: 4,
      verifiedArea: 105,
      removed: 3,
      removedArea: 100,
      selfRemoved: 2,
      selfRateByCount: 66.7,
      selfRateByArea: 30,
      averageDays: 20,
      outstanding: 1,
      leaders: 1,
      leadersRemoved: 1,
    });
    // Out of scope: nothing of 铁塔街道 is counted.
    const other = (await get('/api/illegal-structures/stats?groupBy=compound', qingping)).json();
    expect(other.rows.find((r: { key: string }) => r.key === compound.id)).toBeUndefined();

    const file = await get('/api/illegal-structures/stats/export?groupBy=compound&region=410203002', tieta);
    expect(file.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('拆违治乱统计');
    const values = sheet?.getSheetValues().flat() ?? [];
    expect(values).toContain(compound.name);
    expect(values).toContain('合计');

    const summary = (await get('/api/stats/summary', tieta)).json();
    expect(summary.illegalStructuresRemoved).toBeGreaterThanOrEqual(3);
    expect(typeof summary.selfRemovalRate).toBe('number');
  });
});

describe('statistics by subdistrict and community, over a period', () => {
  // Three test communities of their own (two in 苹果园街道, one in 工业街道), surveyed in 2025,
  // when neither the demo district (2018–2022, and the last three months) nor the other tests
  // (the last weeks) survey or remove anything: so the period holds these structures alone.
  const a = '410203006901';
  const b = '410203006902';
  const c = '410203005901';
  const from = '2025-03-01';
  const to = '2025-06-30';
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    await t.database.db
      .insert(regions)
      .values([
        { code: a, name: '测试·甲社区', level: 'community', parentCode: '410203006' },
        { code: b, name: '测试·乙社区', level: 'community', parentCode: '410203006' },
        { code: c, name: '测试·丙社区', level: 'community', parentCode: '410203005' },
      ])
      .onConflictDoNothing();
    const compoundOf = {
      a: await buildCompound(t.database, { regionCode: a }),
      b: await buildCompound(t.database, { regionCode: b }),
      c: await buildCompound(t.database, { regionCode: c }),
    };
    // name: community, survey date, verified area, removal date and by whom, party member or public employee.
    const table: [
      string,
      keyof typeof compoundOf,
      string,
      number,
      string | null,
      'owner' | 'enforcement' | null,
      'party' | 'public' | null,
    ][] = [
      ['a1', 'a', '2025-03-01', 10, '2025-03-11', 'owner', 'party'], // 10 days
      ['a2', 'a', '2025-03-05', 20, '2025-04-04', 'enforcement', null], // 30 days
      ['a3', 'a', '2025-04-01', 30, null, null, null],
      ['a4', 'a', '2025-02-20', 40, '2025-03-02', 'owner', null], // surveyed before the period, removed in it: 10 days
      ['a5', 'a', '2025-06-01', 5, '2025-07-10', 'owner', 'public'], // surveyed in it, removed after: 39 days
      ['b1', 'b', '2025-05-01', 12.5, '2025-05-21', 'owner', 'public'], // 20 days
      ['b2', 'b', '2025-05-02', 7.5, null, null, null],
      ['c1', 'c', '2025-03-10', 50, '2025-06-30', 'owner', null], // removed on the period's last day: 112 days
      ['c2', 'c', '2025-07-01', 9, '2025-07-05', 'owner', 'party'], // after the period
    ];
    for (const [name, where, surveyOn, verifiedArea, removedOn, removedBy, leader] of table) {
      const s = await buildStructure(
        t.database,
        {
          surveyOn,
          verifiedArea,
          status: removedOn ? 'removed' : 'verified',
          removedOn,
          removedBy,
          legalBasis: removedBy === 'enforcement' ? '城乡规划法第六十五条' : null,
          ownerPartyMember: leader === 'party',
          ownerPublicEmployee: leader === 'public',
        },
        compoundOf[where],
      );
      ids[name] = s.id;
    }
  });

  type Row = { key: string; name: string } & Record<string, unknown>;
  const stats = async (q: string, s: Session = hq) => {
    const res = await get(`/api/illegal-structures/stats?${q}`, s);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as { rows: Row[]; total: Record<string, unknown> };
    return { ...body, row: (key: string) => body.rows.find((r) => r.key === key) };
  };

  it('by community, in a period: structures by survey date, removals by removal date', async () => {
    const p = await stats(`groupBy=community&region=410203006&from=${from}&to=${to}`);
    // 甲: surveyed in the period a1 a2 a3 a5; removed in it a1 a2 a4 (a5 after it).
    expect(p.row(a)).toEqual({
      key: a,
      name: '测试·甲社区',
      structures: 4,
      verifiedArea: 65, // 10 + 20 + 30 + 5
      removed: 3,
      removedArea: 70, // 10 + 20 + 40
      selfRemoved: 2,
      selfRemovedArea: 50,
      selfRateByCount: 66.7, // 2 / 3
      selfRateByArea: 71.4, // 50 / 70
      averageDays: 16.7, // (10 + 30 + 10) / 3
      outstanding: 2, // a3, and a5 still standing on 30 June
      leaders: 2, // a1, a5
      leadersRemoved: 1,
      leadersRate: 50,
      leadersAverageDays: 10,
      others: 2, // a2, a3
      othersRemoved: 1,
      othersRate: 50,
      othersAverageDays: 30,
      leadersFirst: true, // the same share, 20 days sooner
    });
    expect(p.row(b)).toMatchObject({
      name: '测试·乙社区',
      structures: 2,
      verifiedArea: 20,
      removed: 1,
      removedArea: 12.5,
      selfRateByCount: 100,
      selfRateByArea: 100,
      averageDays: 20,
      outstanding: 1,
      leaders: 1,
      leadersRemoved: 1,
      leadersRate: 100,
      leadersAverageDays: 20,
      others: 1,
      othersRemoved: 0,
      othersRate: 0,
      othersAverageDays: null,
      leadersFirst: true,
    });
    // Another subdistrict's community is not in 苹果园街道's rows.
    expect(p.row(c)).toBeUndefined();
  });

  it('by subdistrict, in a period: the communities add up; the total is the period’s alone', async () => {
    const p = await stats(`groupBy=subdistrict&from=${from}&to=${to}`);
    expect(p.row('410203006')).toMatchObject({
      name: '苹果园街道',
      structures: 6,
      verifiedArea: 85,
      removed: 4, // a1 a2 a4 b1
      removedArea: 82.5,
      selfRemoved: 3,
      selfRemovedArea: 62.5,
      selfRateByCount: 75,
      selfRateByArea: 75.8, // 62.5 / 82.5
      averageDays: 17.5, // (10 + 30 + 10 + 20) / 4
      outstanding: 3, // a3 a5 b2
      leaders: 3,
      leadersRemoved: 2,
      leadersRate: 66.7,
      leadersAverageDays: 15, // (10 + 20) / 2
      others: 3,
      othersRemoved: 1,
      othersRate: 33.3,
      othersAverageDays: 30,
      leadersFirst: true,
    });
    expect(p.row('410203005')).toMatchObject({
      name: '工业街道',
      structures: 1,
      removed: 1,
      averageDays: 112, // 10 March to 30 June, the last day counting
      selfRateByArea: 100,
      outstanding: 0,
      leaders: 0,
      leadersRate: 0,
      leadersAverageDays: null,
      others: 1,
      othersRate: 100,
      othersAverageDays: 112,
      leadersFirst: null,
    });
    expect(p.total).toMatchObject({
      structures: 7,
      verifiedArea: 135,
      removed: 5,
      removedArea: 132.5,
      selfRemoved: 4,
      selfRateByCount: 80,
      selfRateByArea: 84.9, // 112.5 / 132.5
      averageDays: 36.4, // (10 + 30 + 10 + 20 + 112) / 5
      outstanding: 3,
      leaders: 3,
      leadersRemoved: 2,
      others: 4,
      othersRemoved: 2,
      othersRate: 50,
      othersAverageDays: 71, // (30 + 112) / 2
      leadersFirst: true,
    });
    // Only the period's end: c2 (surveyed 1 July) and a5's removal come in.
    const open = await stats(`groupBy=community&region=410203005&from=${from}`);
    expect(open.row(c)).toMatchObject({ structures: 2, removed: 2, leaders: 1, leadersRemoved: 1 });
  });

  it('with no period: every survey and every removal, leaders beside everyone else', async () => {
    const all = await stats('groupBy=community&region=410203006');
    expect(all.row(a)).toMatchObject({
      structures: 5,
      verifiedArea: 105,
      removed: 4, // a1 a2 a4 a5
      removedArea: 75,
      selfRemoved: 3,
      selfRateByCount: 75,
      selfRateByArea: 73.3, // 55 / 75
      averageDays: 22.3, // (10 + 30 + 10 + 39) / 4 = 22.25
      outstanding: 1,
      leaders: 2,
      leadersRemoved: 2,
      leadersRate: 100,
      leadersAverageDays: 24.5, // (10 + 39) / 2
      others: 3,
      othersRemoved: 2,
      othersRate: 66.7,
      othersAverageDays: 20,
      leadersFirst: true,
    });
  });

  it('exports the leaders beside everyone else, 是/否 for who went first', async () => {
    const file = await get(
      `/api/illegal-structures/stats/export?groupBy=community&region=410203006&from=${from}&to=${to}`,
      hq,
    );
    expect(file.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('拆违治乱统计');
    const rows = (sheet?.getSheetValues() ?? []) as unknown[][];
    const headers = rows.find((r) => r?.includes('区域/小区')) ?? [];
    const at = (name: string, header: string) => rows.find((r) => r?.[1] === name)?.[headers.indexOf(header)];
    expect(at('测试·甲社区', '党员及公职人员拆除率（%）')).toBe(50);
    expect(at('测试·甲社区', '党员及公职人员平均用时（天）')).toBe(10);
    expect(at('测试·甲社区', '其他产权人拆除率（%）')).toBe(50);
    expect(at('测试·甲社区', '其他产权人平均用时（天）')).toBe(30);
    expect(at('测试·甲社区', '党员公职人员带头拆')).toBe('是');
    expect(at('测试·乙社区', '其他产权人违建（处）')).toBe(1);
    expect(at('合计', '摸排违建（处）')).toBe(6);
  });

  it('the register’s filter for party members’ and public employees’ structures', async () => {
    const list = async (q: string) =>
      (
        (await get(`/api/illegal-structures?region=${a}&pageSize=50${q}`, hq)).json().items as {
          id: string;
        }[]
      )
        .map((i) => i.id)
        .sort();
    expect(await list('')).toEqual(['a1', 'a2', 'a3', 'a4', 'a5'].map((n) => ids[n]).sort());
    expect(await list('&leaders=true')).toEqual([ids.a1, ids.a5].sort());
    expect(await list('&leaders=true&outstanding=true')).toEqual([]);
    const bad = await get(`/api/illegal-structures?leaders=yes`, hq);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields).toHaveProperty('leaders');
  });
});

describe('contractors and supervisors: only the structures of the compounds of their projects', () => {
  it('a contractor named on a project reaches its compound’s structures and nothing else of its region', async () => {
    const project = await buildProject(t.database, { regionCode: '410203002' });
    const removedAt = (area: number) => ({
      verifiedArea: area,
      status: 'removed' as const,
      removedOn: daysFromToday(-10),
      removedBy: 'owner' as const,
    });
    const mine = [
      await buildStructure(t.database, removedAt(10), project.compound),
      await buildStructure(t.database, { verifiedArea: 6 }, project.compound),
    ];
    // In the same subdistrict, a compound with a project of someone else.
    const elsewhere = await buildProject(t.database, { regionCode: '410203002' });
    const theirs = await buildStructure(t.database, removedAt(99), elsewhere.compound);
    const u = await buildUser(t.database, 'contractor', ['410203002']);
    await nameOnProject(t.database, project.id, u.id);
    const named = await login(t.app, u.username, u.password);
    const supervisorUser = await buildUser(t.database, 'supervisor', ['410203002']);
    await nameOnProject(t.database, elsewhere.id, supervisorUser.id, 'supervision');
    const supervisor = await login(t.app, supervisorUser.username, supervisorUser.password);

    const list = (await get('/api/illegal-structures?pageSize=100', named)).json();
    expect(list.items.map((i: { id: string }) => i.id).sort()).toEqual(mine.map((s) => s.id).sort());
    expect(list.total).toBe(2);
    const theirList = (await get('/api/illegal-structures?pageSize=100', supervisor)).json();
    expect(theirList.items.map((i: { id: string }) => i.id)).toEqual([theirs.id]);
    // A contractor named on nothing sees nothing, though its region holds them all.
    expect((await get('/api/illegal-structures', contractor)).json().total).toBe(0);

    expect((await get(`/api/illegal-structures/${mine[0]?.id}`, named)).statusCode).toBe(200);
    expect((await get(`/api/illegal-structures/${theirs.id}`, named)).statusCode).toBe(404);
    expect((await get(`/api/illegal-structures/${mine[0]?.id}`, supervisor)).statusCode).toBe(404);

    const stats = (await get('/api/illegal-structures/stats?groupBy=compound', named)).json();
    expect(
      stats.rows.filter((r: { structures: number }) => r.structures > 0).map((r: { key: string }) => r.key),
    ).toEqual([project.compound.id]);
    expect(stats.total).toMatchObject({ structures: 2, removed: 1, removedArea: 10, selfRateByCount: 100 });
    const none = (await get('/api/illegal-structures/stats', contractor)).json();
    expect(none.total).toMatchObject({ structures: 0, removed: 0 });

    const file = await get('/api/illegal-structures/stats/export?groupBy=compound', named);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
    const values = book.getWorksheet('拆违治乱统计')?.getSheetValues().flat() ?? [];
    expect(values).toContain(project.compound.name);
    expect(values).not.toContain(elsewhere.compound.name);

    const summary = (await get('/api/stats/summary', named)).json();
    expect(summary).toMatchObject({
      illegalStructuresRemoved: 1,
      illegalAreaRemoved: 10,
      selfRemovalRate: 100,
    });
    expect((await get('/api/stats/summary', contractor)).json().illegalStructuresRemoved).toBe(0);
    const breakdown = (
      await get('/api/stats/breakdown?by=community&measure=illegalStructures,illegalStructuresRemoved', named)
    ).json();
    expect(breakdown.total).toEqual({ illegalStructures: 2, illegalStructuresRemoved: 1 });
    expect(breakdown.rows.map((r: { key: string }) => r.key)).toEqual(['410203002']);
  });
});

describe('district settings: the tolerance and the type list', () => {
  const measure = (id: string, by: string, area: number) =>
    send(
      'POST',
      `/api/illegal-structures/${id}/measurements`,
      { measuredBy: by, measuredOn: daysFromToday(-5), method: 'laser', area },
      tieta,
    );

  it('verification follows the tolerance set: 4% apart agree at 5%, a third is asked for at 3%', async () => {
    const original = (await get('/api/settings', hq)).json().illegal;
    const set = (tolerancePercent: number) =>
      send('PATCH', '/api/settings', { illegal: { ...original, tolerancePercent } }, hq);
    // Subdistrict staff may not change it.
    expect(
      (await send('PATCH', '/api/settings', { illegal: { ...original, tolerancePercent: 3 } }, tieta))
        .statusCode,
    ).toBe(403);
    try {
      expect((await set(3)).statusCode).toBe(200);
      const strict = await buildStructure(t.database);
      await measure(strict.id, '张', 100);
      const two = (await measure(strict.id, '李', 96)).json();
      expect(two.verification).toMatchObject({ state: 'needs_third', gapPercent: 4, tolerancePercent: 3 });
      expect(two).toMatchObject({ status: 'surveyed', verifiedArea: null });

      expect((await set(5)).statusCode).toBe(200);
      const loose = await buildStructure(t.database);
      await measure(loose.id, '张', 100);
      const agreed = (await measure(loose.id, '李', 96)).json();
      expect(agreed.verification).toMatchObject({ state: 'verified', tolerancePercent: 5 });
      expect(agreed).toMatchObject({ status: 'verified', verifiedArea: 98 });
    } finally {
      await send('PATCH', '/api/settings', { illegal: original }, hq);
    }
  });

  it('a type added to the list may be registered; one not on it is a 400 naming the type, nothing written', async () => {
    const original = (await get('/api/settings', hq)).json().illegal;
    const compound = await buildCompound(t.database);
    const household = await buildHousehold(t.database, await buildBuilding(t.database, compound));
    const body = (type: string) => ({
      compoundId: compound.id,
      householdId: household.id,
      type,
      surveyOn: daysFromToday(-3),
      surveyor: '张某',
    });
    expect((await send('POST', '/api/illegal-structures', body('违章广告牌'), tieta)).statusCode).toBe(400);
    try {
      const saved = await send(
        'PATCH',
        '/api/settings',
        { illegal: { ...original, types: [...original.types, '违章广告牌'] } },
        hq,
      );
      expect(saved.json().illegal.types).toContain('违章广告牌');
      const created = await send('POST', '/api/illegal-structures', body('违章广告牌'), tieta);
      expect(created.statusCode).toBe(201);
      expect(created.json().type).toBe('违章广告牌');

      const events = await audited();
      const unknown = await send('POST', '/api/illegal-structures', body('地下室'), tieta);
      expect(unknown.statusCode).toBe(400);
      expect(unknown.json().error.fields).toEqual({ type: expect.any(String) });
      const rows = await t.database.db
        .select()
        .from(illegalStructures)
        .where(eq(illegalStructures.compoundId, compound.id));
      expect(rows.map((r) => r.type)).toEqual(['违章广告牌']);
      expect(await audited()).toBe(events);
    } finally {
      await send('PATCH', '/api/settings', { illegal: original }, hq);
    }
  });
});

describe('the register’s order', () => {
  it('pages through the outstanding structures first, then the others, each by compound name', async () => {
    // A subdistrict of its own: a structure outstanding and one removed in each of four compounds.
    const region = '410203007';
    const outstanding: string[] = [];
    const others: string[] = [];
    for (const letter of ['C', 'A', 'D', 'B']) {
      const compound = await buildCompound(t.database, { regionCode: region, name: `测试·排序${letter}` });
      outstanding.push((await buildStructure(t.database, {}, compound)).id);
      const removed = {
        status: 'removed',
        verifiedArea: 8,
        removedOn: daysFromToday(-1),
        removedBy: 'owner',
      } as const;
      others.push((await buildStructure(t.database, removed, compound)).id);
    }
    const byName = (ids: string[]) => [1, 3, 0, 2].map((i) => ids[i]);
    const expected = [...byName(outstanding), ...byName(others)];
    for (const pageSize of [1, 3, 8]) {
      const seen: string[] = [];
      for (let page = 1; seen.length < expected.length; page++) {
        const res = await get(
          `/api/illegal-structures?region=${region}&page=${page}&pageSize=${pageSize}`,
          hq,
        );
        const body = res.json<{ items: { id: string }[]; total: number }>();
        expect(body.total).toBe(8);
        expect(body.items.length, `page ${page} of ${pageSize}`).toBeGreaterThan(0);
        seen.push(...body.items.map((i) => i.id));
      }
      expect(seen, `pages of ${pageSize}`).toEqual(expected);
    }
  });
});
