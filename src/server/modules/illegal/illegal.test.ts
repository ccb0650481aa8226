import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, cadres, illegalStructures } from '../../db/schema.js';
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
  buildStructure,
  daysFromToday,
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
    const res = await measure(s.id, '张', area);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields).toHaveProperty('area');
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

  it('400 to remove a structure whose area is not verified', async () => {
    const s = await buildStructure(t.database);
    const res = await post(s.id, 'removal', { version: 1, removedOn: daysFromToday(-1), removedBy: 'owner' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields).toHaveProperty('removedOn');
  });

  it('400 for a removal dated before the survey', async () => {
    const s = await buildStructure(t.database, { verifiedArea: 12 });
    const res = await post(s.id, 'removal', {
      version: 1,
      removedOn: daysFromToday(-31),
      removedBy: 'owner',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields.removedOn).toMatch(/摸排/);
  });

  it('400 for enforcement without its legal basis', async () => {
    const s = await buildStructure(t.database, { verifiedArea: 12 });
    const res = await post(s.id, 'removal', {
      version: 1,
      removedOn: daysFromToday(-1),
      removedBy: 'enforcement',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields).toHaveProperty('legalBasis');
  });

  it('400 to clear before removal, and without a photo of this structure', async () => {
    const s = await buildStructure(t.database, { verifiedArea: 12 });
    const photo = (await upload(s.id, tieta)).json();
    const early = await post(s.id, 'clearing', {
      version: 1,
      clearedOn: daysFromToday(0),
      photoId: photo.id,
    });
    expect(early.statusCode).toBe(400);
    expect(early.json().error.fields).toHaveProperty('clearedOn');
    const other = await buildStructure(t.database, { verifiedArea: 8 });
    const removed = await post(other.id, 'removal', {
      version: 1,
      removedOn: daysFromToday(-1),
      removedBy: 'owner',
    });
    const wrong = await post(other.id, 'clearing', {
      version: removed.json().version,
      clearedOn: daysFromToday(0),
      photoId: photo.id,
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.fields).toHaveProperty('photoId');
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
  it('400 for a cadre outside the caller’s scope', async () => {
    const s = await buildStructure(t.database);
    const outside = await buildCadre(t.database, { regionCode: '410203001' });
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

  it('403, audited, for a visit by someone in scope who is not assigned', async () => {
    const s = await buildStructure(t.database);
    const res = await send(
      'POST',
      `/api/illegal-structures/${s.id}/visits`,
      { visitedOn: daysFromToday(0), outcome: 'agreed' },
      contractor,
    );
    expect(res.statusCode).toBe(403);
    const denied = await t.database.db.select().from(auditEvents).where(eq(auditEvents.entityId, s.id));
    expect(denied.map((e) => e.action)).toContain('access.denied');
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
