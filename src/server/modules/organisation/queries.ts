import { aliasedTable, and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  Cadre,
  CadreListQuery,
  FirstSecretary,
  PartyBody,
  PartyBodyQuery,
  TaskForce,
  Unit,
  UnitListQuery,
} from '../../../contract/organisation.js';
import type { Role } from '../../../domain/access.js';
import { can } from '../../../domain/access.js';
import { maskPhone } from '../../../domain/masking.js';
import type { CadreLevel } from '../../../domain/projects.js';
import type { Db, Tx } from '../../db/client.js';
import {
  cadres,
  compounds,
  departments,
  firstSecretaries,
  partyBodies,
  projects,
  regions,
  taskForceMembers,
  taskForces,
  units,
} from '../../db/schema.js';
import { scopeWhere } from '../../platform/access.js';
import type { Principal } from '../../platform/context.js';
import { anyRow, contains, paged } from '../../platform/sql.js';
import { cadreRule, partyBodyRule } from './access.js';

const superior = aliasedTable(cadres, 'superior');
const leader = aliasedTable(cadres, 'leader');

const cadreColumns = {
  id: cadres.id,
  name: cadres.name,
  level: cadres.level,
  regionCode: cadres.regionCode,
  regionName: regions.name,
  unitId: cadres.unitId,
  unitName: units.name,
  superiorId: superior.id,
  superiorName: superior.name,
  phone: cadres.phone,
  hasLogin: sql<boolean>`${cadres.userId} IS NOT NULL`,
  version: cadres.version,
};

function cadreQuery(db: Db | Tx) {
  return db
    .select(cadreColumns)
    .from(cadres)
    .leftJoin(units, eq(units.id, cadres.unitId))
    .leftJoin(regions, eq(regions.code, cadres.regionCode))
    .leftJoin(superior, eq(superior.id, cadres.superiorId));
}
interface CadreRow {
  id: string;
  name: string;
  level: string;
  regionCode: string;
  regionName: string | null;
  unitId: string | null;
  unitName: string | null;
  superiorId: string | null;
  superiorName: string | null;
  phone: string | null;
  hasLogin: boolean;
  version: number;
}

/** Phones are personal data: shown to roles that direct cadres, masked for everyone else. */
function presentCadre(r: CadreRow, role: Role): z.infer<typeof Cadre> {
  const { superiorId, superiorName, phone, level, ...rest } = r;
  return {
    ...rest,
    level: level as CadreLevel,
    superior: superiorId && superiorName ? { id: superiorId, name: superiorName } : null,
    phone: phone === null ? null : can(role, 'cadre.personal') ? phone : maskPhone(phone),
  };
}

function cadreWhere(principal: Principal, q: Omit<CadreListQuery, 'page' | 'pageSize'>) {
  return and(
    cadreRule(principal, 'read'),
    q.level ? eq(cadres.level, q.level) : undefined,
    q.region ? sql`${cadres.regionCode} LIKE ${`${q.region}%`}` : undefined,
    q.unitId ? eq(cadres.unitId, q.unitId) : undefined,
    q.q ? contains(cadres.name, q.q) : undefined,
  );
}

/** Cadres in the caller's scope, filtered by level, region, unit and name. */
export async function listCadres(db: Db, principal: Principal, q: CadreListQuery) {
  const where = cadreWhere(principal, q);
  const page = await paged(
    db,
    db.select(anyRow).from(cadres).where(where),
    (limit, offset) =>
      cadreQuery(db).where(where).orderBy(asc(cadres.name), asc(cadres.id)).limit(limit).offset(offset),
    q,
  );
  return { ...page, items: page.items.map((c) => presentCadre(c, principal.role)) };
}

/** Every cadre in scope in name order, for the registry export (phones unmasked only when asked and allowed). */
export async function* allCadres(db: Db, principal: Principal, withPhones: boolean) {
  for (let offset = 0; ; offset += 500) {
    const rows = await cadreQuery(db)
      .where(cadreWhere(principal, {}))
      .orderBy(asc(cadres.name), asc(cadres.id))
      .limit(500)
      .offset(offset);
    for (const r of rows) yield { ...presentCadre(r, withPhones ? principal.role : 'viewer') };
    if (rows.length < 500) return;
  }
}

/** One cadre as the registry shows it, by id: for a cadre the caller's access was checked on (`loadCadre`). */
export async function cadreById(db: Db | Tx, principal: Principal, id: string) {
  const [row] = await cadreQuery(db).where(eq(cadres.id, id)).limit(1);
  return row ? presentCadre(row, principal.role) : null;
}

/** The task forces in order, each with its lead department and the departments serving in it. */
export async function listTaskForces(db: Db): Promise<z.infer<typeof TaskForce>[]> {
  const forces = await db
    .select({
      id: taskForces.id,
      code: taskForces.code,
      name: taskForces.name,
      leadId: departments.id,
      leadName: departments.name,
    })
    .from(taskForces)
    .leftJoin(departments, eq(departments.id, taskForces.leadDepartmentId))
    .orderBy(asc(taskForces.sort), asc(taskForces.code));
  const members = await db
    .select({ taskForceId: taskForceMembers.taskForceId, id: departments.id, name: departments.name })
    .from(taskForceMembers)
    .innerJoin(departments, eq(departments.id, taskForceMembers.departmentId))
    .orderBy(asc(departments.name));
  return forces.map(({ leadId, leadName, ...f }) => ({
    ...f,
    lead: leadId && leadName ? { id: leadId, name: leadName } : null,
    members: members.filter((m) => m.taskForceId === f.id).map(({ id, name }) => ({ id, name })),
  }));
}

/** Departments with the task forces they lead and those they serve in. */
export async function listDepartments(db: Db) {
  const forces = await listTaskForces(db);
  const rows = await db.select().from(departments).orderBy(asc(departments.name));
  return rows.map((d) => ({
    id: d.id,
    name: d.name,
    pooled: d.pooled,
    leads: forces.filter((f) => f.lead?.id === d.id).map((f) => f.name),
    memberOf: forces.filter((f) => f.members.some((m) => m.id === d.id)).map((f) => f.name),
  }));
}

/** District units, each with its leader and how many cadres it sends. */
export async function listUnits(db: Db | Tx, q: Partial<z.infer<typeof UnitListQuery>> & { id?: string }) {
  const where = and(q.q ? contains(units.name, q.q) : undefined, q.id ? eq(units.id, q.id) : undefined);
  const page = await paged(
    db,
    db.select(anyRow).from(units).where(where),
    (limit, offset) =>
      db
        .select({
          id: units.id,
          name: units.name,
          leaderId: leader.id,
          leaderName: leader.name,
          cadres: sql<number>`(SELECT count(*)::int FROM ${cadres} WHERE ${cadres.unitId} = ${units.id})`,
          version: units.version,
        })
        .from(units)
        .leftJoin(leader, eq(leader.id, units.leaderCadreId))
        .where(where)
        .orderBy(asc(units.name), asc(units.id))
        .limit(limit)
        .offset(offset),
    { page: q.page ?? 1, pageSize: q.pageSize ?? 100 },
  );
  return {
    ...page,
    items: page.items.map(
      ({ leaderId, leaderName, ...u }): z.infer<typeof Unit> => ({
        ...u,
        leader: leaderId && leaderName ? { id: leaderId, name: leaderName } : null,
      }),
    ),
  };
}

/** Each subdistrict (township-level unit) in scope and its first secretary, if named. */
export async function listFirstSecretaries(
  db: Db | Tx,
  principal: Principal,
): Promise<z.infer<typeof FirstSecretary>[]> {
  const rows = await db
    .select({
      regionCode: regions.code,
      subdistrictName: regions.name,
      cadreId: cadres.id,
      cadreName: cadres.name,
      cadreLevel: cadres.level,
    })
    .from(regions)
    .leftJoin(firstSecretaries, eq(firstSecretaries.regionCode, regions.code))
    .leftJoin(cadres, eq(cadres.id, firstSecretaries.cadreId))
    .where(and(inArray(regions.level, ['subdistrict', 'township']), scopeWhere(principal, regions.code)))
    .orderBy(asc(regions.code));
  return rows.map((r) => ({
    regionCode: r.regionCode,
    subdistrictName: r.subdistrictName,
    cadre:
      r.cadreId && r.cadreName
        ? { id: r.cadreId, name: r.cadreName, level: r.cadreLevel as CadreLevel }
        : null,
  }));
}

function partyBodyQuery(db: Db | Tx) {
  return db
    .select({
      id: partyBodies.id,
      kind: partyBodies.kind,
      name: partyBodies.name,
      projectId: partyBodies.projectId,
      compoundName: compounds.name,
      regionCode: partyBodies.regionCode,
      regionName: regions.name,
    })
    .from(partyBodies)
    .leftJoin(projects, eq(projects.id, partyBodies.projectId))
    .leftJoin(compounds, eq(compounds.id, projects.compoundId))
    .leftJoin(regions, eq(regions.code, partyBodies.regionCode));
}
type PartyBodyRow = z.infer<typeof PartyBody>;

function partyBodyWhere(principal: Principal, q: Partial<z.infer<typeof PartyBodyQuery>>) {
  return and(
    partyBodyRule(principal, 'read'),
    q.kind ? eq(partyBodies.kind, q.kind) : undefined,
    q.region ? sql`${partyBodies.regionCode} LIKE ${`${q.region}%`}` : undefined,
    q.projectId ? eq(partyBodies.projectId, q.projectId) : undefined,
    q.unassigned === 'true' ? isNull(partyBodies.projectId) : undefined,
    q.q ? contains(partyBodies.name, q.q) : undefined,
  );
}

/** Party bodies in scope; `unassigned` lists those not yet attached to a project. */
export async function listPartyBodies(db: Db, principal: Principal, q: z.infer<typeof PartyBodyQuery>) {
  const where = partyBodyWhere(principal, q);
  const page = await paged(
    db,
    db.select(anyRow).from(partyBodies).where(where),
    (limit, offset) =>
      partyBodyQuery(db)
        .where(where)
        .orderBy(asc(partyBodies.kind), asc(partyBodies.name), asc(partyBodies.id))
        .limit(limit)
        .offset(offset),
    q,
  );
  return { ...page, items: page.items as PartyBodyRow[] };
}

export async function* allPartyBodies(db: Db, principal: Principal) {
  for (let offset = 0; ; offset += 500) {
    const rows = await partyBodyQuery(db)
      .where(partyBodyWhere(principal, {}))
      .orderBy(asc(partyBodies.kind), asc(partyBodies.name), asc(partyBodies.id))
      .limit(500)
      .offset(offset);
    yield* rows as PartyBodyRow[];
    if (rows.length < 500) return;
  }
}

/** One party body as the registry shows it, by id: for one the caller's access was checked on. */
export async function partyBodyById(db: Db | Tx, id: string): Promise<PartyBodyRow | null> {
  const [row] = await partyBodyQuery(db).where(eq(partyBodies.id, id)).limit(1);
  return (row as PartyBodyRow | undefined) ?? null;
}
