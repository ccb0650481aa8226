/**
 * One access path for single records, area by area: in scope, out of scope, and the owner of a
 * ledger item that sits outside their region. A photo is reached as what it belongs to is.
 * Outside access is a 404 everywhere; a 403 only where the caller may see but not change.
 */
import { and, eq, isNotNull, like } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { districtToday } from '../domain/ledger.js';
import { cadres, compounds, partyBodies, projects, regions, units } from './db/schema.js';
import { buildUser, login, requests, type Session, sessionAs, type TestApp, testApp } from './testing/app.js';

let t: TestApp;
let get: ReturnType<typeof requests>['get'];
let send: ReturnType<typeof requests>['send'];
const as: Record<string, Session> = {};
/** The session of `name`, logged in before the tests. */
const s = (name: string) => as[name] as Session;
const ids: Record<string, string> = {};
const versions: Record<string, number> = {};

const jpeg = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(2048, 7)]);
const deadline = new Date(Date.parse(`${districtToday()}T00:00:00Z`) + 10 * 86_400_000)
  .toISOString()
  .slice(0, 10);

const uploadTo = (url: string, session: Session) =>
  t.app.inject({
    method: 'POST',
    url: `${url}?fileName=${encodeURIComponent('现场.jpg')}`,
    payload: jpeg,
    headers: { ...session.headers, 'content-type': 'image/jpeg' },
  });

/** A login of `role` in `scope`, linked to the cadre `cadreId` (so items that cadre answers for are theirs). */
async function linkedTo(cadreId: string, role: 'community' | 'subdistrict', scope: string[]) {
  const u = await buildUser(t.database, role, scope);
  await t.database.db.update(cadres).set({ userId: u.id }).where(eq(cadres.id, cadreId));
  return login(t.app, u.username, u.password);
}

beforeAll(async () => {
  t = await testApp();
  ({ get, send } = requests(t));
  as.hq = await sessionAs(t, 'hq');
  as.viewer = await sessionAs(t, 'viewer');
  as.tieta = await sessionAs(t, 'subdistrict', ['410203002']);
  as.qingping = await sessionAs(t, 'subdistrict', ['410203001']);
}, 120_000);

beforeAll(async () => {
  const db = t.database.db;

  const [community] = await db
    .select({ code: regions.code })
    .from(regions)
    .where(eq(regions.parentCode, '410203002'))
    .limit(1);
  const [unit] = await db.select().from(units).where(isNotNull(units.leaderCadreId)).limit(1);
  const [tietaCadre] = await db
    .select()
    .from(cadres)
    .where(and(eq(cadres.regionCode, '410203002'), eq(cadres.level, 'other')))
    .limit(1);
  const [qingpingCadre] = await db.select().from(cadres).where(eq(cadres.regionCode, '410203001')).limit(1);
  const [compound] = await db
    .select()
    .from(compounds)
    .where(like(compounds.regionCode, '410203002%'))
    .limit(1);
  const [project] = await db
    .select()
    .from(projects)
    .where(and(like(projects.regionCode, '410203002%'), eq(projects.status, 'handed_over')))
    .limit(1);
  if (!community || !unit?.leaderCadreId || !tietaCadre || !qingpingCadre || !compound || !project)
    throw new Error('the demo district has these');
  ids.compound = compound.id;
  ids.project = project.id;
  ids.cadre = tietaCadre.id;
  ids.cadreName = tietaCadre.name;
  ids.unit = unit.id;

  // A unit leader whose login covers one community of 铁塔街道, and a community worker there.
  as.leader = await linkedTo(unit.leaderCadreId, 'community', [community.code]);
  as.worker = await sessionAs(t, 'community', ['410203002']);
  // The cadre of a 清平街道 item, logged in with a 铁塔街道 scope: the owner out of their region.
  as.owner = await linkedTo(qingpingCadre.id, 'subdistrict', ['410203002']);

  const created = async (body: object) => {
    const res = await send('POST', '/api/ledger', { deadline, ...body }, s('hq'));
    expect(res.statusCode).toBe(201);
    return res.json<{ id: string; version: number; regionCode: string }>();
  };
  // Owned by a district unit: the item sits at the district, above every subdistrict.
  const unitItem = await created({ title: '示例·管线迁改资金审核', ownerUnitId: unit.id });
  expect(unitItem.regionCode).toBe(t.config.districtCode);
  ids.unitItem = unitItem.id;
  versions.unitItem = unitItem.version;
  const tietaItem = await created({ title: '示例·楼道修缮', ownerCadreId: tietaCadre.id });
  ids.tietaItem = tietaItem.id;
  versions.tietaItem = tietaItem.version;
  const qingpingItem = await created({ title: '示例·清平街道管网接驳', ownerCadreId: qingpingCadre.id });
  ids.qingpingItem = qingpingItem.id;
  versions.qingpingItem = qingpingItem.version;

  // The leader reports on the unit's item and attaches evidence; 铁塔 staff do the same on theirs.
  const reported = await send(
    'POST',
    `/api/ledger/${ids.unitItem}/progress`,
    { version: versions.unitItem, note: '资金审核已启动' },
    s('leader'),
  );
  expect(reported.statusCode).toBe(200);
  ids.unitProgress = reported.json().progress[0].id;
  versions.unitItem = reported.json().version;
  const evidence = await uploadTo(
    `/api/ledger/${ids.unitItem}/progress/${ids.unitProgress}/photos`,
    s('leader'),
  );
  expect(evidence.statusCode).toBe(201);
  ids.unitEvidence = evidence.json().id;

  const tietaReport = await send(
    'POST',
    `/api/ledger/${ids.tietaItem}/progress`,
    { version: versions.tietaItem, note: '已进场' },
    s('tieta'),
  );
  ids.tietaProgress = tietaReport.json().progress[0].id;
  versions.tietaItem = tietaReport.json().version;
  const tietaEvidence = await uploadTo(
    `/api/ledger/${ids.tietaItem}/progress/${ids.tietaProgress}/photos`,
    s('tieta'),
  );
  ids.tietaEvidence = tietaEvidence.json().id;

  const detail = (await get(`/api/projects/${ids.project}`, s('tieta'))).json();
  ids.itemCode = detail.items[0].catalogueCode;
  versions.project = detail.version;
  const itemPhoto = await uploadTo(`/api/projects/${ids.project}/items/${ids.itemCode}/photos`, s('tieta'));
  expect(itemPhoto.statusCode).toBe(201);
  ids.itemPhoto = itemPhoto.json().id;

  const [body] = await db
    .select()
    .from(partyBodies)
    .where(like(partyBodies.regionCode, '410203002%'))
    .limit(1);
  if (!body) throw new Error('the demo district has party bodies in 铁塔街道');
  ids.partyBody = body.id;
  ids.partyBodyName = body.name;
}, 120_000);

type Case = [who: string, status: number, what: () => Promise<{ statusCode: number }>];
const reads = (url: () => string, cases: [string, number][]): [string, Case[]] => [
  'GET',
  cases.map(([who, status]) => [who, status, () => get(url(), s(who))]),
];

describe.each([
  [
    'a compound',
    ...reads(
      () => `/api/compounds/${ids.compound}`,
      [
        ['tieta', 200],
        ['qingping', 404],
        ['hq', 200],
      ],
    ),
  ],
  [
    'a compound’s households',
    ...reads(
      () => `/api/compounds/${ids.compound}/households`,
      [
        ['tieta', 200],
        ['qingping', 404],
      ],
    ),
  ],
  [
    'a project',
    ...reads(
      () => `/api/projects/${ids.project}`,
      [
        ['tieta', 200],
        ['qingping', 404],
        ['viewer', 200],
      ],
    ),
  ],
  [
    'a unit’s district-level ledger item',
    ...reads(
      () => `/api/ledger/${ids.unitItem}`,
      [
        ['leader', 200],
        ['hq', 200],
        ['tieta', 404],
        ['qingping', 404],
      ],
    ),
  ],
  [
    'a ledger item in 铁塔街道',
    ...reads(
      () => `/api/ledger/${ids.tietaItem}`,
      [
        ['tieta', 200],
        ['worker', 200],
        ['qingping', 404],
      ],
    ),
  ],
  [
    'a 清平街道 item, to its owner whose login covers 铁塔街道',
    ...reads(
      () => `/api/ledger/${ids.qingpingItem}`,
      [
        ['owner', 200],
        ['qingping', 200],
        ['tieta', 404],
      ],
    ),
  ],
  [
    'evidence on the unit’s item',
    ...reads(
      () => `/api/photos/${ids.unitEvidence}`,
      [
        ['leader', 200],
        ['hq', 200],
        ['tieta', 404],
        ['qingping', 404],
      ],
    ),
  ],
  [
    'evidence on a 铁塔街道 item',
    ...reads(
      () => `/api/photos/${ids.tietaEvidence}`,
      [
        ['tieta', 200],
        ['viewer', 200],
        ['qingping', 404],
      ],
    ),
  ],
  [
    'a site photo of a project’s item',
    ...reads(
      () => `/api/photos/${ids.itemPhoto}`,
      [
        ['tieta', 200],
        ['viewer', 200],
        ['qingping', 404],
      ],
    ),
  ],
])('reading %s', (_what, _method, cases) => {
  it.each(cases)('as %s → %i', async (_who, status, call) => {
    expect((await call()).statusCode).toBe(status);
  });
});

describe('writing', () => {
  const progress = (item: string, version: string, who: string) =>
    send('POST', `/api/ledger/${ids[item]}/progress`, { version: versions[version], note: '进展' }, s(who));
  const cases: [string, number, () => Promise<{ statusCode: number }>][] = [
    [
      'a project’s funding, out of scope',
      404,
      () =>
        send(
          'PUT',
          `/api/projects/${ids.project}/funding`,
          { version: versions.project, rows: [] },
          s('qingping'),
        ),
    ],
    [
      'a site photo, to a project out of scope',
      404,
      () => uploadTo(`/api/projects/${ids.project}/items/${ids.itemCode}/photos`, s('qingping')),
    ],
    [
      'away a site photo, out of scope',
      404,
      () => send('DELETE', `/api/photos/${ids.itemPhoto}`, undefined, s('qingping')),
    ],
    ['progress on the unit’s item, out of scope', 404, () => progress('unitItem', 'unitItem', 'qingping')],
    [
      'progress on a 铁塔 item, in scope but neither owner nor supervisor',
      403,
      () => progress('tietaItem', 'tietaItem', 'worker'),
    ],
    ['progress, as a read-only role', 403, () => progress('tietaItem', 'tietaItem', 'viewer')],
    [
      'evidence on the unit’s item, out of scope',
      404,
      () => uploadTo(`/api/ledger/${ids.unitItem}/progress/${ids.unitProgress}/photos`, s('qingping')),
    ],
    [
      'evidence on a 铁塔 item, in scope but neither owner nor supervisor',
      403,
      () => uploadTo(`/api/ledger/${ids.tietaItem}/progress/${ids.tietaProgress}/photos`, s('worker')),
    ],
    [
      'evidence under another item’s report',
      404,
      () => uploadTo(`/api/ledger/${ids.tietaItem}/progress/${ids.unitProgress}/photos`, s('tieta')),
    ],
    [
      'away evidence, which stays with its report',
      404,
      () => send('DELETE', `/api/photos/${ids.tietaEvidence}`, undefined, s('tieta')),
    ],
    [
      'progress on a 清平 item, as its owner whose login covers 铁塔',
      200,
      () => progress('qingpingItem', 'qingpingItem', 'owner'),
    ],
  ];
  it.each(cases)('%s → %i', async (_what, status, call) => {
    expect((await call()).statusCode).toBe(status);
  });
});

describe('organisation records', () => {
  it('lists cadres and party bodies within scope only', async () => {
    const cadreIds = async (session: Session) =>
      (await get(`/api/cadres?pageSize=100&q=${encodeURIComponent(ids.cadreName ?? '')}`, session))
        .json()
        .items.map((c: { id: string }) => c.id);
    expect(await cadreIds(s('tieta'))).toContain(ids.cadre);
    expect(await cadreIds(s('qingping'))).toEqual([]);
    const bodyIds = async (session: Session) =>
      (await get(`/api/party-bodies?pageSize=100&q=${encodeURIComponent(ids.partyBodyName ?? '')}`, session))
        .json()
        .items.map((b: { id: string }) => b.id);
    expect(await bodyIds(s('tieta'))).toContain(ids.partyBody);
    expect(await bodyIds(s('qingping'))).toEqual([]);
  });

  it('lets anyone signed in see the district’s units, which serve every region', async () => {
    const names = (await get('/api/units?pageSize=100', s('qingping'))).json().items;
    expect(names.map((u: { id: string }) => u.id)).toContain(ids.unit);
  });

  it('edits a cadre and a unit that exist; an unknown one is a 404', async () => {
    const cadre = (await get(`/api/cadres?pageSize=100&region=410203002`, s('hq')))
      .json()
      .items.find((c: { id: string }) => c.id === ids.cadre);
    const edited = await send(
      'PATCH',
      `/api/cadres/${ids.cadre}`,
      { version: cadre.version, phone: '13800000000' },
      s('hq'),
    );
    expect(edited.statusCode).toBe(200);
    const missing = '00000000-0000-4000-8000-000000000000';
    expect(
      (await send('PATCH', `/api/cadres/${missing}`, { version: 1, phone: '13800000000' }, s('hq')))
        .statusCode,
    ).toBe(404);
    expect(
      (await send('PATCH', `/api/units/${missing}`, { version: 1, name: '无' }, s('hq'))).statusCode,
    ).toBe(404);
  });
});
