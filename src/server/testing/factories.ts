/**
 * Rows a test needs, built with their parents, so that a test asks for what it relies on rather
 * than digging through the demo district for it (and finding what another test changed).
 * Straight inserts, as test fixtures: no audit events, no notifications. Every name and code is
 * new, so they never collide with the demo's or with each other; pass what the test relies on.
 */
import { eq } from 'drizzle-orm';
import type { ProjectStatus } from '../../domain/inventory.js';
import type { CadreLevel } from '../../domain/projects.js';
import type { Database } from '../db/client.js';
import {
  buildings,
  cadres,
  compounds,
  households,
  illegalStructures,
  ledgerItems,
  partyBodies,
  projectMembers,
  projects,
  units,
} from '../db/schema.js';

/** 铁塔街道, the demo subdistrict tests scope their sessions to by default. */
export const tieta = '410203002';

let counter = 0;
/** A label no other row has: `测试·小区-3-1a2b`. */
const unique = (stem: string) => `${stem}-${++counter}-${Math.random().toString(36).slice(2, 6)}`;

type Insert<T extends { $inferInsert: unknown }> = Partial<T['$inferInsert']>;

/** A compound (in 铁塔街道 unless told), built 1990, with no project: not planned. */
export async function buildCompound(database: Database, fields: Insert<typeof compounds> = {}) {
  const [row] = await database.db
    .insert(compounds)
    .values({
      code: unique('T'),
      name: unique('测试·小区'),
      regionCode: tieta,
      buildYear: 1990,
      buildingCount: 4,
      householdCount: 96,
      floorArea: 6800,
      ...fields,
    })
    .returning();
  if (!row) throw new Error('insert returned nothing');
  return row;
}

/** A district unit (without a leader unless told). */
export async function buildUnit(database: Database, fields: Insert<typeof units> = {}) {
  const [row] = await database.db
    .insert(units)
    .values({ name: unique('测试·单位'), ...fields })
    .returning();
  if (!row) throw new Error('insert returned nothing');
  return row;
}

/** A cadre of `level` working in `regionCode` (铁塔街道 by default; county level: the district), in a unit of their own. */
export async function buildCadre(
  database: Database,
  fields: Insert<typeof cadres> & { level?: CadreLevel } = {},
) {
  const level = fields.level ?? 'other';
  const unitId = fields.unitId ?? (await buildUnit(database)).id;
  const [row] = await database.db
    .insert(cadres)
    .values({
      name: unique('测试·干部'),
      regionCode: level === 'county' ? '410203' : tieta,
      phone: '13900000000',
      ...fields,
      level,
      unitId,
    })
    .returning();
  if (!row) throw new Error('insert returned nothing');
  return row;
}

/** A party body (a free temporary party organisation by default) in 铁塔街道. */
export async function buildPartyBody(database: Database, fields: Insert<typeof partyBodies> = {}) {
  const [row] = await database.db
    .insert(partyBodies)
    .values({ kind: 'temp_party_org', name: unique('测试·临时党支部'), regionCode: tieta, ...fields })
    .returning();
  if (!row) throw new Error('insert returned nothing');
  return row;
}

export interface ProjectOptions {
  /** The project's compound; a new one (in `regionCode`) when not given. */
  compoundId?: string;
  regionCode?: string;
  year?: number;
  status?: ProjectStatus;
  /**
   * Name everyone a project needs to start construction: a county-level liaison, a section-level
   * cadre in charge, its own temporary party organisation and a work group of two. The ledger
   * item it also needs is the test's to add (`buildLedgerItem`).
   */
  accountable?: boolean;
}

/** A project (planned, 2024, in a new compound in 铁塔街道 unless told) and what it was built with. */
export async function buildProject(database: Database, options: ProjectOptions = {}) {
  const regionCode = options.regionCode ?? tieta;
  const compound = options.compoundId
    ? { id: options.compoundId }
    : await buildCompound(database, { regionCode });
  const [row] = await database.db
    .insert(projects)
    .values({
      compoundId: compound.id,
      regionCode,
      year: options.year ?? 2024,
      status: options.status ?? 'planned',
    })
    .returning();
  if (!row) throw new Error('insert returned nothing');
  if (!options.accountable) return { ...row, compound };

  const liaison = await buildCadre(database, { level: 'county' });
  const inCharge = await buildCadre(database, { level: 'section', regionCode: regionCode.slice(0, 9) });
  const workGroup = [
    await buildCadre(database, { regionCode: regionCode.slice(0, 9) }),
    await buildCadre(database, { regionCode: regionCode.slice(0, 9) }),
  ];
  const org = await buildPartyBody(database, { regionCode: regionCode.slice(0, 9), projectId: row.id });
  await database.db
    .insert(projectMembers)
    .values(workGroup.map((c) => ({ projectId: row.id, cadreId: c.id })));
  const [named] = await database.db
    .update(projects)
    .set({ liaisonCadreId: liaison.id, cadreInChargeId: inCharge.id, tempPartyOrgId: org.id })
    .where(eq(projects.id, row.id))
    .returning();
  if (!named) throw new Error('update returned nothing');
  return { ...named, compound, liaison, inCharge, workGroup, tempPartyOrg: org };
}

/** An open ledger item due in 20 days, owned by a new cadre in the project's (or 铁塔街道's) area. */
export async function buildLedgerItem(database: Database, fields: Insert<typeof ledgerItems> = {}) {
  const regionCode = fields.regionCode ?? tieta;
  const ownerCadreId =
    fields.ownerCadreId !== undefined || fields.ownerUnitId
      ? fields.ownerCadreId
      : (await buildCadre(database, { regionCode: regionCode.slice(0, 9) })).id;
  const [row] = await database.db
    .insert(ledgerItems)
    .values({
      title: unique('测试·督办事项'),
      deadline: daysFromToday(20),
      regionCode,
      ...fields,
      ownerCadreId,
    })
    .returning();
  if (!row) throw new Error('insert returned nothing');
  return row;
}

/** A date `days` from today (negative: past), as the ledger stores deadlines. */
export function daysFromToday(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

/** A building of the compound (with two stairwell units). */
export async function buildBuilding(database: Database, compound: { id: string; regionCode: string }) {
  const [row] = await database.db
    .insert(buildings)
    .values({ compoundId: compound.id, regionCode: compound.regionCode, number: unique('楼'), unitCount: 2 })
    .returning();
  if (!row) throw new Error('insert returned nothing');
  return row;
}

/** A household in unit 1 of the building. */
export async function buildHousehold(
  database: Database,
  building: { id: string; compoundId: string; regionCode: string },
  unit = '1单元',
) {
  const [row] = await database.db
    .insert(households)
    .values({
      compoundId: building.compoundId,
      buildingId: building.id,
      regionCode: building.regionCode,
      unit,
      room: unique('室'),
    })
    .returning();
  if (!row) throw new Error('insert returned nothing');
  return row;
}

/**
 * An illegal structure (a shed, surveyed a month ago) at a new household of a new compound in
 * 铁塔街道 unless told; `verifiedArea` makes it verified, as two agreeing measurements would.
 */
export async function buildStructure(
  database: Database,
  fields: Insert<typeof illegalStructures> = {},
  compound: { id: string; regionCode: string } = { id: '', regionCode: '' },
) {
  if (!compound.id) compound = await buildCompound(database, { regionCode: fields.regionCode ?? tieta });
  const building = await buildBuilding(database, compound);
  const household = await buildHousehold(database, building);
  const [row] = await database.db
    .insert(illegalStructures)
    .values({
      compoundId: compound.id,
      buildingId: building.id,
      unit: household.unit,
      householdId: household.id,
      regionCode: compound.regionCode,
      type: '棚屋',
      surveyOn: daysFromToday(-30),
      surveyor: '测试·摸排员',
      status: fields.verifiedArea ? 'verified' : 'surveyed',
      ...fields,
    })
    .returning();
  if (!row) throw new Error('insert returned nothing');
  return { ...row, compound, building, household };
}
