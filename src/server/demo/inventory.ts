import type { Tx } from '../db/client.js';
import { deferIndexes } from '../db/indexes.js';
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
import { suspendRowTriggers } from '../db/triggers.js';
import { idSequence } from '../platform/ids.js';
import { insertRows, recordset } from '../platform/sheets/batches.js';
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

const ownerColumns = recordset({
  id: 'uuid',
  compound_id: 'uuid',
  region_code: 'text',
  kind: 'text',
  name: 'text',
  phone: 'text',
});
const householdColumns = recordset({
  id: 'uuid',
  compound_id: 'uuid',
  building_id: 'uuid',
  region_code: 'text',
  unit: 'text',
  room: 'text',
  owner_id: 'uuid',
  area_registered: 'numeric',
  area_surveyed: 'numeric',
  area_contract: 'numeric',
  contact_phone: 'text',
});

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
  // The registers (about 60,000 households and their owners): ids made here from one UUIDv7
  // sequence (so the primary keys grow at their indexes' last pages), each table in one COPY
  // (PGlite) or unnested insert (PostgreSQL), foreign-key triggers off meanwhile — every
  // reference was just made in this transaction — and on PGlite the plain indexes built after.
  const ids = idSequence();
  const ownerIds = new Map<string, string>();
  const ownerRows: Record<string, unknown>[] = [];
  for (const h of demo.households) {
    if (ownerIds.has(h.ownerKey)) continue;
    const c = of(h.compoundCode);
    const id = ids.id(ids.next());
    ownerIds.set(h.ownerKey, id);
    ownerRows.push({
      id,
      compound_id: c.id,
      region_code: c.regionCode,
      kind: h.ownerKind,
      name: h.ownerName,
      phone: h.phone,
    });
  }
  const householdRows = demo.households.map((h) => {
    const c = of(h.compoundCode);
    const buildingId = buildingIds.get(`${c.id}|${h.building}`);
    if (!buildingId) throw new Error(`demo data names an unknown building ${h.building}`);
    return {
      id: ids.id(ids.next()),
      compound_id: c.id,
      building_id: buildingId,
      region_code: c.regionCode,
      unit: h.unit,
      room: h.room,
      owner_id: ownerIds.get(h.ownerKey) ?? null,
      area_registered: h.areaRegistered,
      area_surveyed: h.areaSurveyed,
      area_contract: h.areaContract,
      contact_phone: h.phone,
    };
  });
  const resume = await suspendRowTriggers(tx);
  const rebuild =
    loaded.kind === 'pglite'
      ? await deferIndexes(tx, ['households_compound_idx', 'households_owner_idx'])
      : undefined;
  await insertRows(tx, loaded.kind, owners, ownerColumns, ownerRows);
  await insertRows(tx, loaded.kind, households, householdColumns, householdRows);
  await rebuild?.();
  await resume?.();
  loaded.registeredSample = demo.registeredSample.map((code) => of(code).id);
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
