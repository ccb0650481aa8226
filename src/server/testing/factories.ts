/**
 * Rows a test needs, built with their parents, so that a test asks for what it relies on rather
 * than digging through the demo district for it (and finding what another test changed).
 * Straight inserts, as test fixtures: no audit events, no notifications. Every name and code is
 * new, so they never collide with the demo's or with each other; pass what the test relies on.
 */
import { eq, inArray } from 'drizzle-orm';
import { consultationStatus, defaultStageList } from '../../domain/consultations.js';
import type { ProjectStatus } from '../../domain/inventory.js';
import { districtToday } from '../../domain/ledger.js';
import type { CadreLevel } from '../../domain/projects.js';
import { addMonths } from '../../domain/proposals.js';
import { creditCheckChar, type FirmKind } from '../../domain/quality.js';
import type { Database } from '../db/client.js';
import {
  buildings,
  cadres,
  catalogueItems,
  compounds,
  consultationStages,
  consultations,
  firmPeople,
  firms,
  households,
  illegalStructures,
  ledgerItems,
  owners,
  partyBodies,
  projectFirms,
  projectItems,
  projectMembers,
  projectPeople,
  projects,
  proposals,
  proposalTemplates,
  regions,
  residentSupervisors,
  supervisorAppointments,
  taskForces,
  units,
} from '../db/schema.js';
import { shunheRegions } from '../demo/inventory.js';

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

/**
 * The district's real division tree (province, city, district, its 8 township-level units), for a
 * database without the demo district: names on boards and trees, scope checks by code.
 */
export async function buildRegions(database: Database): Promise<void> {
  await database.db
    .insert(regions)
    .values(shunheRegions.map((r) => ({ ...r })))
    .onConflictDoNothing();
}

/**
 * A compound (as `buildCompound`) with a household register that matches its declared figures:
 * `buildingCount` buildings of `perBuilding` households each, every two households held by one
 * owner (so there are half as many owners), each with a registered area and a contact phone.
 */
export async function buildRegisteredCompound(
  database: Database,
  {
    buildingCount = 2,
    perBuilding = 4,
    ...fields
  }: Omit<Insert<typeof compounds>, 'buildingCount'> & { buildingCount?: number; perBuilding?: number } = {},
) {
  const compound = await buildCompound(database, {
    ...fields,
    buildingCount,
    householdCount: buildingCount * perBuilding,
  });
  const where = { compoundId: compound.id, regionCode: compound.regionCode };
  const built = await database.db
    .insert(buildings)
    .values(
      Array.from({ length: buildingCount }, (_, b) => ({
        ...where,
        number: String(b + 1),
        householdCount: perBuilding,
      })),
    )
    .returning();
  const rooms = built.flatMap((building) =>
    Array.from({ length: perBuilding }, (_, r) => ({ building, room: String(101 + r) })),
  );
  const held = await database.db
    .insert(owners)
    .values(
      Array.from({ length: Math.ceil(rooms.length / 2) }, (_, i) => ({
        ...where,
        name: `测试业主${i + 1}`,
        phone: `1390000${String(i).padStart(4, '0')}`,
      })),
    )
    .returning();
  await database.db.insert(households).values(
    rooms.map(({ building, room }, i) => ({
      ...where,
      buildingId: building.id,
      unit: '1',
      room,
      ownerId: held[Math.floor(i / 2)]?.id,
      areaRegistered: 72.5,
      contactPhone: `1390000${String(Math.floor(i / 2)).padStart(4, '0')}`,
    })),
  );
  return { ...compound, buildings: built, owners: held };
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

/** A unit led by a new cadre of its own (in 铁塔街道 unless told), who answers for what the unit owns. */
export async function buildLedUnit(database: Database, leaderFields: Parameters<typeof buildCadre>[1] = {}) {
  const unit = await buildUnit(database);
  const leader = await buildCadre(database, { ...leaderFields, unitId: unit.id });
  const [led] = await database.db
    .update(units)
    .set({ leaderCadreId: leader.id })
    .where(eq(units.id, unit.id))
    .returning();
  if (!led) throw new Error('update returned nothing');
  return { ...led, leader };
}

/** A headquarters task force. */
export async function buildTaskForce(database: Database, fields: Insert<typeof taskForces> = {}) {
  const [row] = await database.db
    .insert(taskForces)
    .values({ code: unique('test'), name: unique('测试·专班'), ...fields })
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

type Row<T extends { $inferSelect: unknown }> = T['$inferSelect'];
/** A built project with its compound. */
export type BuiltProject = Row<typeof projects> & { compound: Row<typeof compounds> };
/** A built project with everyone it names. */
export type AccountableProject = BuiltProject & {
  liaison: Row<typeof cadres>;
  inCharge: Row<typeof cadres>;
  workGroup: Row<typeof cadres>[];
  tempPartyOrg: Row<typeof partyBodies>;
};

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
  /** Catalogue codes of the renovation items the project has chosen (the catalogue must be seeded). */
  items?: string[];
}

/** A project (planned, 2024, in a new compound in 铁塔街道 unless told) and what it was built with. */
export async function buildProject(
  database: Database,
  options: ProjectOptions & { accountable: true },
): Promise<AccountableProject>;
export async function buildProject(database: Database, options?: ProjectOptions): Promise<BuiltProject>;
export async function buildProject(
  database: Database,
  options: ProjectOptions = {},
): Promise<BuiltProject | AccountableProject> {
  const regionCode = options.regionCode ?? tieta;
  const [given] = options.compoundId
    ? await database.db.select().from(compounds).where(eq(compounds.id, options.compoundId))
    : [];
  if (options.compoundId && !given) throw new Error(`no compound ${options.compoundId}`);
  const compound = given ?? (await buildCompound(database, { regionCode }));
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
  if (options.items?.length) {
    const chosen = await database.db
      .select({ id: catalogueItems.id })
      .from(catalogueItems)
      .where(inArray(catalogueItems.code, options.items));
    if (chosen.length !== options.items.length) throw new Error(`not in the catalogue: ${options.items}`);
    await database.db
      .insert(projectItems)
      .values(chosen.map((c) => ({ projectId: row.id, catalogueItemId: c.id })));
  }
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

/**
 * An open ledger item due in 20 days on a new project (in `regionCode`, 铁塔街道 unless told;
 * `projectId: null` for an item on no project), owned by a new cadre of that subdistrict unless
 * an owner cadre or unit is given.
 */
export async function buildLedgerItem(database: Database, fields: Insert<typeof ledgerItems> = {}) {
  const regionCode = fields.regionCode ?? tieta;
  const projectId =
    fields.projectId !== undefined ? fields.projectId : (await buildProject(database, { regionCode })).id;
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
      projectId,
      ownerCadreId,
    })
    .returning();
  if (!row) throw new Error('insert returned nothing');
  return row;
}

/** A date `days` from today in the district (negative: past), as the ledger stores deadlines. */
export function daysFromToday(days: number): string {
  return new Date(Date.parse(`${districtToday()}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** A firm with a valid, new unified social credit code. */
export async function buildFirm(database: Database, fields: Insert<typeof firms> = {}) {
  const serial =
    String(++counter).padStart(6, '0') +
    Math.floor(Math.random() * 1e4)
      .toString()
      .padStart(4, '0');
  const first = `91410203MA${serial}`.slice(0, 17);
  const [row] = await database.db
    .insert(firms)
    .values({
      name: unique('测试·建设有限公司'),
      creditCode: first + creditCheckChar(first),
      qualification: '市政公用工程施工总承包三级',
      ...fields,
    })
    .returning();
  if (!row) throw new Error('insert returned nothing');
  return row;
}

/**
 * Name `userId` (a contractor or supervisor login) on a project as a person of its `kind` unit:
 * a firm of that kind is named on the project (a new one unless given) and a person of it.
 */
export async function nameOnProject(
  database: Database,
  projectId: string,
  userId: string | null,
  kind: FirmKind = 'construction',
  firmId?: string,
) {
  // A login acts for one person: one already named elsewhere is named again.
  const [known] = userId
    ? await database.db.select().from(firmPeople).where(eq(firmPeople.userId, userId)).limit(1)
    : [];
  const firm = known ? { id: known.firmId } : firmId ? { id: firmId } : await buildFirm(database);
  const [person] = known
    ? [known]
    : await database.db
        .insert(firmPeople)
        .values({ firmId: firm.id, name: unique('测试·人员'), userId })
        .returning();
  if (!person) throw new Error('insert returned nothing');
  await database.db.insert(projectFirms).values({ projectId, kind, firmId: firm.id }).onConflictDoNothing();
  await database.db.insert(projectPeople).values({ projectId, kind, personId: person.id });
  return { firm, person };
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

/**
 * A resident supervisor of the project's compound appointed to it; `userId` (a resident_supervisor
 * login) acts for them, as the registry's login would.
 */
export async function appointOnProject(
  database: Database,
  project: { id: string; compoundId: string; regionCode: string },
  userId: string | null = null,
) {
  const [row] = await database.db
    .insert(residentSupervisors)
    .values({
      compoundId: project.compoundId,
      regionCode: project.regionCode,
      name: unique('测试监督员'),
      phone: '13912345678',
      userId,
    })
    .returning();
  if (!row) throw new Error('insert returned nothing');
  await database.db
    .insert(supervisorAppointments)
    .values({ supervisorId: row.id, projectId: project.id, appointedOn: districtToday() });
  return row;
}

/**
 * A 一征三议两公开 consultation of `compound` (or of a project, given its id) opened a month ago,
 * with its first `completed` stages done (each passed, disclosures published): 5 of 6 leaves the
 * resolution passed and disclosed.
 */
export async function buildConsultation(
  database: Database,
  compound: { id: string; regionCode: string },
  { projectId = null, completed = 0 }: { projectId?: string | null; completed?: number } = {},
) {
  const on = daysFromToday(-30);
  const stages = defaultStageList.stages.map((stage, position) => {
    const done = position < completed;
    const meeting = done && (stage.role === 'deliberate' || stage.role === 'resolve');
    const disclosure = done && stage.role.startsWith('disclose');
    return {
      position,
      ...stage,
      completedOn: done ? daysFromToday(-29 + position) : null,
      attendance: meeting ? 15 : null,
      minutes: meeting ? '会议纪要' : null,
      outcome: meeting ? ('passed' as const) : null,
      published: disclosure ? '决议全文' : null,
      place: disclosure ? '小区公告栏' : null,
      archivedAt: done ? new Date() : null,
    };
  });
  const [row] = await database.db
    .insert(consultations)
    .values({
      compoundId: compound.id,
      projectId,
      regionCode: compound.regionCode,
      title: unique('测试·征求意见'),
      stageListCode: defaultStageList.code,
      stageListName: defaultStageList.name,
      status: consultationStatus(stages),
      openedOn: on,
      questionnaireIntro: '是否同意本小区纳入老旧小区改造？',
      questionnaireItems: ['charging', 'lift'],
    })
    .returning();
  if (!row) throw new Error('insert returned nothing');
  await database.db.insert(consultationStages).values(stages.map((s) => ({ consultationId: row.id, ...s })));
  return row;
}

/**
 * A compound (as `buildCompound`) for owners' votes: building A with stairwell units 1单元 (four
 * flats: owner 1 holds two, two unsold flats on two developer records) and 2单元 (owners 2 and
 * 3), building B with 1单元 (owners 4 and 5). Six voters, 660.00 m² counted (registered, else
 * surveyed, else contract area).
 */
export async function buildVotingCompound(database: Database, fields: Insert<typeof compounds> = {}) {
  const compound = await buildCompound(database, { buildingCount: 2, householdCount: 8, ...fields });
  const where = { compoundId: compound.id, regionCode: compound.regionCode };
  const [a, b] = await database.db
    .insert(buildings)
    .values([
      { ...where, number: 'A', unitCount: 2 },
      { ...where, number: 'B', unitCount: 1 },
    ])
    .returning();
  if (!a || !b) throw new Error('insert returned nothing');
  const people = await database.db
    .insert(owners)
    .values([
      ...[1, 2, 3, 4, 5].map((i) => ({ ...where, name: `表决业主${i}` })),
      { ...where, kind: 'developer', name: '开发商甲' },
      { ...where, kind: 'developer', name: '开发商乙' },
    ])
    .returning();
  const o = (i: number) => people[i]?.id ?? null;
  const flat = (
    building: { id: string },
    unit: string,
    room: string,
    ownerId: string | null,
    area: { areaRegistered?: number; areaSurveyed?: number; areaContract?: number },
  ) => ({ ...where, buildingId: building.id, unit, room, ownerId, ...area });
  const rows = await database.db
    .insert(households)
    .values([
      flat(a, '1单元', '101', o(0), { areaRegistered: 80 }),
      flat(a, '1单元', '102', o(0), { areaSurveyed: 60, areaContract: 61 }),
      flat(a, '1单元', '201', o(5), { areaContract: 70 }),
      flat(a, '1单元', '202', o(6), { areaContract: 70 }),
      flat(a, '2单元', '101', o(1), { areaRegistered: 100 }),
      flat(a, '2单元', '102', o(2), { areaRegistered: 100 }),
      flat(b, '1单元', '101', o(3), { areaRegistered: 90 }),
      flat(b, '1单元', '102', o(4), { areaRegistered: 90 }),
    ])
    .returning();
  return { ...compound, buildingA: a, buildingB: b, owners: people, households: rows };
}
let proposalNumber = 0;

/**
 * A proposal of the district (a new number of a test session), registered unless told; with
 * `assignedOn`, assigned to a new lead unit and due 3 months on.
 */
export async function buildProposal(database: Database, fields: Insert<typeof proposals> = {}) {
  const assigned = fields.assignedOn
    ? {
        status: 'assigned' as const,
        leadUnitId: fields.leadUnitId ?? (await buildUnit(database)).id,
        deadline: addMonths(fields.assignedOn, 3),
      }
    : {};
  const [row] = await database.db
    .insert(proposals)
    .values({
      committee: '市政协',
      session: unique('测试届次'),
      number: ++proposalNumber,
      title: unique('测试·关于老旧小区的提案'),
      members: ['测试委员'],
      receivedOn: daysFromToday(-30),
      regionCode: '410203',
      ...assigned,
      ...fields,
    })
    .returning();
  if (!row) throw new Error('insert returned nothing');
  return row;
}

/** A reply template with the given body (placeholders unchecked: a fixture). */
export async function buildTemplate(database: Database, body: string) {
  const [row] = await database.db
    .insert(proposalTemplates)
    .values({ name: unique('测试·答复模板'), body })
    .returning();
  if (!row) throw new Error('insert returned nothing');
  return row;
}
