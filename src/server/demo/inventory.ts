import type { Tx } from '../db/client.js';
import {
  buildings,
  compounds,
  households,
  owners,
  projects,
  regionCounts,
  regions,
  settings,
} from '../db/schema.js';
import { generateDemoDistrict } from './district.js';
import { demoFigures } from './figures.js';
import type { DemoLoaded } from './load.js';

/** Kaifeng's Shunhe Hui district and its township-level units, with their division codes. */
export const shunheRegions = [
  { code: '410000', name: '河南省', level: 'province', parentCode: null },
  { code: '410200', name: '开封市', level: 'city', parentCode: '410000' },
  { code: '410203', name: '顺河回族区', level: 'district', parentCode: '410200' },
  { code: '410203001', name: '清平街道', level: 'subdistrict', parentCode: '410203' },
  { code: '410203002', name: '铁塔街道', level: 'subdistrict', parentCode: '410203' },
  { code: '410203003', name: '曹门街道', level: 'subdistrict', parentCode: '410203' },
  { code: '410203004', name: '宋门街道', level: 'subdistrict', parentCode: '410203' },
  { code: '410203005', name: '工业街道', level: 'subdistrict', parentCode: '410203' },
  { code: '410203006', name: '苹果园街道', level: 'subdistrict', parentCode: '410203' },
  { code: '410203200', name: '东郊乡', level: 'township', parentCode: '410203' },
  { code: '410203201', name: '土柏岗乡', level: 'township', parentCode: '410203' },
] as const;

async function insertChunked<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>, size = 500) {
  for (let i = 0; i < rows.length; i += size) await insert(rows.slice(i, i + size));
}

/**
 * The inventory: regions, compounds with their buildings, owners and households, and the
 * 2019–2022 renovation records (projects) that the other areas' demo data builds on.
 */
export async function loadDemoInventory(tx: Tx, loaded: DemoLoaded): Promise<void> {
  const demo = generateDemoDistrict();
  await tx
    .insert(regions)
    .values([...shunheRegions.map((r) => ({ ...r })), ...demo.regions])
    .onConflictDoNothing();
  await tx
    .insert(regionCounts)
    .values(demo.counts.map((c) => ({ ...c, isDemo: true })))
    .onConflictDoNothing();
  await tx
    .insert(settings)
    .values({ key: 'oldCutoffYear', value: demoFigures.oldCutoffYear })
    .onConflictDoUpdate({ target: settings.key, set: { value: demoFigures.oldCutoffYear } });

  const compoundIds = new Map<string, { id: string; regionCode: string }>();
  await insertChunked(demo.compounds, async (chunk) => {
    const rows = await tx
      .insert(compounds)
      .values(chunk.map((c) => ({ ...c, isDemo: true })))
      .returning({ id: compounds.id, code: compounds.code, regionCode: compounds.regionCode });
    for (const r of rows) compoundIds.set(r.code, { id: r.id, regionCode: r.regionCode });
  });
  const of = (code: string) => {
    const c = compoundIds.get(code);
    if (!c) throw new Error(`demo data names an unknown compound ${code}`);
    return c;
  };
  const buildingIds = new Map<string, string>();
  await insertChunked(demo.buildings, async (chunk) => {
    const rows = await tx
      .insert(buildings)
      .values(
        chunk.map(({ compoundCode, ...b }) => ({
          ...b,
          compoundId: of(compoundCode).id,
          regionCode: of(compoundCode).regionCode,
        })),
      )
      .returning({ id: buildings.id, compoundId: buildings.compoundId, number: buildings.number });
    for (const r of rows) buildingIds.set(`${r.compoundId}|${r.number}`, r.id);
  });
  const ownerIds = new Map<string, string>();
  for (const h of demo.households) {
    if (ownerIds.has(h.ownerKey)) continue;
    const c = of(h.compoundCode);
    const [o] = await tx
      .insert(owners)
      .values({
        compoundId: c.id,
        regionCode: c.regionCode,
        kind: h.ownerKind,
        name: h.ownerName,
        phone: h.phone,
      })
      .returning({ id: owners.id });
    if (o) ownerIds.set(h.ownerKey, o.id);
  }
  await insertChunked(demo.households, (chunk) =>
    tx.insert(households).values(
      chunk.map((h) => {
        const c = of(h.compoundCode);
        return {
          compoundId: c.id,
          buildingId: buildingIds.get(`${c.id}|${h.building}`) ?? '',
          regionCode: c.regionCode,
          unit: h.unit,
          room: h.room,
          ownerId: ownerIds.get(h.ownerKey) ?? null,
          areaRegistered: h.areaRegistered,
          areaSurveyed: h.areaSurveyed,
          areaContract: h.areaContract,
          contactPhone: h.phone,
        };
      }),
    ),
  );
  const projectRows = await tx
    .insert(projects)
    .values(
      demo.renovations.map((r) => ({
        compoundId: of(r.compoundCode).id,
        regionCode: of(r.compoundCode).regionCode,
        year: r.year,
        status: 'handed_over' as const,
        isDemo: true,
      })),
    )
    .returning({ id: projects.id, regionCode: projects.regionCode });
  loaded.renovations = projectRows;
  Object.assign(loaded.counts, {
    compounds: demo.compounds.length,
    buildings: demo.buildings.length,
    households: demo.households.length,
    projects: demo.renovations.length,
  });
}
