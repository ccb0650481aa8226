/**
 * Unknown is not zero: what a ledger leaves blank (or has no column for) is stored as null, read
 * back as null, exported as an empty cell and left out of every sum; an update with a blank cell
 * keeps what is stored. The compounds' resident count, property management and community, their
 * other declared figures, and buildings' unit and household counts.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildings, compounds } from '../../db/schema.js';
import { recordAudit, systemActor } from '../../platform/audit.js';
import { sheetRows } from '../../platform/sheets/testing.js';
import { buildUser, login, type Session, type TestApp, testApp } from '../../testing/app.js';
import { buildCompound, buildProject, tieta } from '../../testing/factories.js';
import { type ImportOptions, importSheet } from './import.js';

let t: TestApp;
let hq: Session;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jiugai-unknowns-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

beforeAll(async () => {
  t = await testApp();
  const h = await buildUser(t.database, 'hq');
  hq = await login(t.app, h.username, h.password);
});

const get = (url: string) => t.app.inject({ method: 'GET', url, headers: hq.headers });

let files = 0;
function csv(lines: string[]): string {
  const file = path.join(dir, `ledger-${files++}.csv`);
  fs.writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

const run = (kind: 'compounds' | 'buildings', file: string, extra: Partial<ImportOptions> = {}) =>
  importSheet(t.database.db, systemActor('test'), kind, file, {
    dryRun: false,
    lang: 'zh-CN',
    prefixes: null,
    dbKind: t.database.kind,
    ...extra,
  });

const stored = async (name: string) => {
  const [row] = await t.database.db.select().from(compounds).where(eq(compounds.name, name));
  if (!row) throw new Error(`${name} not stored`);
  return row;
};

/** The compounds export of the compounds whose name holds `q`: the file and its rows. */
async function exported(q: string) {
  const res = await get(`/api/sheets/compounds/export?format=xlsx&q=${encodeURIComponent(q)}`);
  expect(res.statusCode).toBe(200);
  return { file: res.rawPayload, ...(await sheetRows(res.rawPayload)) };
}

/** A compound's declared figures, none given. */
const noFigures = {
  buildingCount: null,
  unitCount: null,
  householdCount: null,
  residentCount: null,
  floorArea: null,
  propertyManagement: null,
};

describe('a compound whose sheet leaves 人口, 物业管理 and 社区 blank', () => {
  const head = '街道（乡）,社区,小区名称,建成年代,楼栋数,户数,人口,建筑面积（平方米）,物业管理';

  it('is stored with them null and registered at its subdistrict, and so is one whose sheet has no such columns', async () => {
    const report = await run(
      'compounds',
      csv([head, '铁塔街道,,示例·未知甲院,1990年,4,96,,6800,', '铁塔街道,,示例·未知丙院,1991年,,,,,']),
    );
    expect(report).toMatchObject({ inserted: 2, problemCount: 0 });
    expect(await run('compounds', csv(['街道（乡）,小区名称', '铁塔街道,示例·未知乙院']))).toMatchObject({
      inserted: 1,
      problemCount: 0,
    });
    expect(await stored('示例·未知甲院')).toMatchObject({
      regionCode: tieta,
      buildingCount: 4,
      householdCount: 96,
      residentCount: null,
      floorArea: 6800,
      propertyManagement: null,
    });
    for (const name of ['示例·未知乙院', '示例·未知丙院'])
      expect(await stored(name)).toMatchObject({ regionCode: tieta, ...noFigures, buildYearApprox: false });
  });

  it('is read back with null figures and no community, in the list and the detail', async () => {
    const { id } = await stored('示例·未知甲院');
    const detail = await get(`/api/compounds/${id}`);
    expect(detail.statusCode).toBe(200);
    expect(detail.json()).toMatchObject({
      communityName: null,
      subdistrictName: '铁塔街道',
      householdCount: 96,
      residentCount: null,
      propertyManagement: null,
    });
    const list = (await get(`/api/compounds?q=${encodeURIComponent('示例·未知乙院')}`)).json();
    expect(list.items).toEqual([expect.objectContaining({ communityName: null, ...noFigures })]);
  });

  it('unknown figures sort last, whichever way the list is sorted', async () => {
    const names = async (sort: string) =>
      (
        (await get(`/api/compounds?q=${encodeURIComponent('示例·未知')}&sort=${sort}`)).json().items as {
          name: string;
        }[]
      ).map((c) => c.name);
    for (const sort of ['householdCount', '-householdCount', 'floorArea', '-floorArea'])
      expect((await names(sort))[0], sort).toBe('示例·未知甲院');
  });

  it('exports them as empty cells, and the export imports back as it is: blank stays blank', async () => {
    const { file, rows } = await exported('示例·未知甲院');
    expect(rows).toEqual([
      expect.objectContaining({ 小区名称: '示例·未知甲院', 户数: '96', 人口: '', 物业管理: '', 社区: '' }),
    ]);
    const saved = path.join(dir, 'export.xlsx');
    fs.writeFileSync(saved, file);
    expect(await run('compounds', saved)).toMatchObject({
      inserted: 0,
      updated: 0,
      unchanged: 1,
      problemCount: 0,
    });
    expect(await stored('示例·未知甲院')).toMatchObject({
      regionCode: tieta,
      residentCount: null,
      propertyManagement: null,
      version: 1,
    });
  });

  it('a later sheet that gives them fills them in, the check showing each as empty → new', async () => {
    const file = csv([head, '铁塔街道,延寿寺,示例·未知丙院,1991年,,,250,,自管']);
    const check = await run('compounds', file, { dryRun: true });
    expect(check).toMatchObject({ inserted: 0, updated: 1, problemCount: 0 });
    expect(check.preview?.changed[0]?.cells).toEqual([
      { field: 'regionCode', header: '社区', old: null, new: '延寿寺社区' },
      { field: 'residentCount', header: '人口', old: null, new: '250' },
      { field: 'propertyManagement', header: '物业管理', old: null, new: '自管' },
    ]);
    expect(await run('compounds', file)).toMatchObject({ updated: 1, problemCount: 0 });
    expect(await stored('示例·未知丙院')).toMatchObject({
      regionCode: `${tieta}001`,
      residentCount: 250,
      propertyManagement: 'self',
      buildingCount: null,
    });
  });

  it('a re-import with those cells blank keeps what is stored (the sheet does not say), matched by name or by code', async () => {
    const known = await stored('示例·未知丙院');
    const byName = csv([head, '铁塔街道,,示例·未知丙院,1991年,,,,,']);
    const check = await run('compounds', byName, { dryRun: true });
    expect(check).toMatchObject({ updated: 0, unchanged: 1, problemCount: 0 });
    expect(await run('compounds', byName)).toMatchObject({ updated: 0, unchanged: 1, problemCount: 0 });
    const byCode = csv(['小区编码,小区名称,社区,人口,物业管理', `${known.code},示例·未知丙院,,,`]);
    expect(await run('compounds', byCode)).toMatchObject({ updated: 0, unchanged: 1, problemCount: 0 });
    expect(await stored('示例·未知丙院')).toMatchObject({
      regionCode: `${tieta}001`,
      residentCount: 250,
      propertyManagement: 'self',
      version: known.version,
    });
  });
});

describe('figures with unknowns', () => {
  it('an imported compound with blank figures adds one compound and nothing to any sum', async () => {
    const before = (await get('/api/stats/summary?from=2019&to=2022')).json();
    expect(before.renovatedWithUnknownFigures).toBe(0);
    await run('compounds', csv(['街道（乡）,小区名称,建成年代', '铁塔街道,示例·未知丁院,1985年']));
    const after = (await get('/api/stats/summary?from=2019&to=2022')).json();
    expect(after.compounds).toBe(before.compounds + 1);
    const sums = ['renovatedCompounds', 'buildings', 'floorArea', 'households', 'residents'] as const;
    for (const figure of sums) expect(after[figure], figure).toBe(before[figure]);
    expect(after.renovatedWithUnknownFigures).toBe(0);
  });

  it('a renovated compound with unknown figures is counted, adds only the figures it gives, and is named as incomplete', async () => {
    const before = (await get('/api/stats/summary?from=2019&to=2022')).json();
    const compound = await buildCompound(t.database, {
      buildingCount: 3,
      householdCount: null,
      floorArea: null,
      residentCount: null,
    });
    const project = await buildProject(t.database, {
      compoundId: compound.id,
      year: 2021,
      status: 'accepted',
    });
    // The factory writes behind the app's back; the event the app's own write appends is what
    // tells the cached figures that the data changed.
    await recordAudit(t.database.db, systemActor('test'), {
      action: 'project.create',
      entityType: 'project',
      entityId: project.id,
    });
    const after = (await get('/api/stats/summary?from=2019&to=2022')).json();
    expect(after).toMatchObject({
      renovatedCompounds: before.renovatedCompounds + 1,
      buildings: before.buildings + 3,
      floorArea: before.floorArea,
      households: before.households,
      residents: before.residents,
      renovatedWithUnknownFigures: 1,
    });
  });
});

describe('a building whose sheet leaves 单元数 and 户数 blank', () => {
  const head = '街道（乡）,小区名称,楼栋号,层数,单元数,户数';

  it('is stored with them null, not 1 unit and 0 households; a blank re-import keeps them once known', async () => {
    const compound = await buildCompound(t.database);
    const row = (units: string, homes: string) => `铁塔街道,${compound.name},1,6,${units},${homes}`;
    expect(await run('buildings', csv([head, row('', '')]))).toMatchObject({ inserted: 1, problemCount: 0 });
    const building = async () => {
      const [b] = await t.database.db.select().from(buildings).where(eq(buildings.compoundId, compound.id));
      return b;
    };
    expect(await building()).toMatchObject({ floors: 6, unitCount: null, householdCount: null });
    const detail = (await get(`/api/compounds/${compound.id}`)).json();
    expect(detail.buildings).toEqual([expect.objectContaining({ unitCount: null, householdCount: null })]);
    expect(await run('buildings', csv([head, row('2', '24')]))).toMatchObject({
      updated: 1,
      problemCount: 0,
    });
    const blank = csv([head, row('', '')]);
    expect(await run('buildings', blank, { dryRun: true })).toMatchObject({ updated: 0, unchanged: 1 });
    expect(await run('buildings', blank)).toMatchObject({ updated: 0, unchanged: 1, problemCount: 0 });
    expect(await building()).toMatchObject({ unitCount: 2, householdCount: 24, version: 2 });
  });
});
