import { and, asc, count, desc, eq, or, type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { CompoundDetail, CompoundListQuery, CompoundSummary } from '../../../contract/inventory.js';
import { exclusiveArea, type PropertyManagement } from '../../../domain/inventory.js';
import { maskIdNumber, maskName, maskPhone } from '../../../domain/masking.js';
import type { Db } from '../../db/client.js';
import { buildings, compounds, households, owners, projects, regions } from '../../db/schema.js';
import { scopeWhere } from '../../platform/access.js';
import type { Ctx, Principal } from '../../platform/context.js';
import { notFound } from '../../platform/errors.js';
import { anyRow, contains, counting, kept, type Page, paged, qualified } from '../../platform/sql.js';
import { compoundRule, loadCompound } from './access.js';
import { buildingFigures, compoundRegionNames, compoundWhere, isOldSql, statusSql } from './sql.js';

const summaryColumns = (cutoff: number) => ({
  id: compounds.id,
  code: compounds.code,
  name: compounds.name,
  regionCode: compounds.regionCode,
  communityName: compoundRegionNames.communityName,
  subdistrictCode: compounds.subdistrictCode,
  subdistrictName: compoundRegionNames.subdistrictName,
  buildYear: compounds.buildYear,
  buildYearApprox: compounds.buildYearApprox,
  isOld: isOldSql(cutoff),
  buildingCount: compounds.buildingCount,
  unitCount: compounds.unitCount,
  householdCount: compounds.householdCount,
  residentCount: compounds.residentCount,
  floorArea: compounds.floorArea,
  propertyManagement: sql<PropertyManagement | null>`${compounds.propertyManagement}`,
  status: statusSql,
  lng: compounds.lng,
  lat: compounds.lat,
  isDemo: compounds.isDemo,
});

// Unknown figures (null) sort last either way: they are neither the least nor the most.
const descending = (column: AnyPgColumn) => sql`${column} DESC NULLS LAST`;
const sorts = {
  code: asc(compounds.code),
  name: asc(compounds.name),
  '-name': desc(compounds.name),
  buildYear: asc(compounds.buildYear),
  '-buildYear': descending(compounds.buildYear),
  householdCount: asc(compounds.householdCount),
  '-householdCount': descending(compounds.householdCount),
  floorArea: asc(compounds.floorArea),
  '-floorArea': descending(compounds.floorArea),
} satisfies Record<CompoundListQuery['sort'], SQL>;

export async function listCompounds(
  db: Db,
  principal: Principal,
  q: CompoundListQuery,
  cutoff: number,
): Promise<Page<CompoundSummary>> {
  const where = compoundWhere(principal, q, cutoff);
  const limit = sql.placeholder('limit');
  const counter = kept(db, 'compounds.count', { where }, ({ where }) =>
    counting(db, db.select(anyRow).from(compounds).where(where).limit(limit)),
  );
  const rows = kept(db, 'compounds.page', { where, sort: q.sort, cutoff }, ({ where, sort, cutoff }) =>
    db
      .select(summaryColumns(cutoff))
      .from(compounds)
      .where(where)
      .orderBy(sorts[sort], asc(compounds.id))
      .limit(limit)
      .offset(sql.placeholder('offset')),
  );
  return paged(
    db,
    async (n) => (await counter.execute({ limit: n }))[0]?.n ?? 0,
    (n, offset) => rows.execute({ limit: n, offset }),
    q,
  );
}

/** One compound inside the caller's scope, with its buildings, household summary and projects. */
export async function compoundDetail(ctx: Ctx, id: string, cutoff: number): Promise<CompoundDetail> {
  const { db } = ctx;
  await loadCompound(ctx, id, 'read');
  const [row] = await db
    .select({
      ...summaryColumns(cutoff),
      address: compounds.address,
      notes: compounds.notes,
      version: compounds.version,
    })
    .from(compounds)
    .where(eq(compounds.id, id))
    .limit(1);
  if (!row) throw notFound();
  const buildingRows = await db
    .select({
      id: buildings.id,
      ...buildingFigures,
      // A bare "id" inside the subquery is the household's own (the count was always 0).
      registeredHouseholds: sql<number>`(SELECT count(*)::int FROM ${households} WHERE ${qualified(households.buildingId)} = ${qualified(buildings.id)})`,
    })
    .from(buildings)
    .where(eq(buildings.compoundId, id))
    .orderBy(sql`length(${buildings.number})`, asc(buildings.number));
  // The SQL form of domain exclusiveArea(): registered, else surveyed, else contract area.
  const [h] = await db
    .select({
      registered: count(),
      byRegistered: count(households.areaRegistered),
      bySurveyed: sql<number>`count(*) FILTER (WHERE ${households.areaRegistered} IS NULL AND ${households.areaSurveyed} IS NOT NULL)::int`,
      byContract: sql<number>`count(*) FILTER (WHERE ${households.areaRegistered} IS NULL AND ${households.areaSurveyed} IS NULL AND ${households.areaContract} IS NOT NULL)::int`,
      area: sql<number>`coalesce(sum(coalesce(${households.areaRegistered}, ${households.areaSurveyed}, ${households.areaContract})), 0)::float8`,
    })
    .from(households)
    .where(eq(households.compoundId, id));
  const [ownerCount] = await db.select({ n: count() }).from(owners).where(eq(owners.compoundId, id));
  const projectRows = await db
    .select({ id: projects.id, year: projects.year, status: projects.status })
    .from(projects)
    .where(eq(projects.compoundId, id))
    .orderBy(asc(projects.year));
  return {
    ...row,
    buildings: buildingRows,
    households: {
      registered: h?.registered ?? 0,
      owners: ownerCount?.n ?? 0,
      exclusiveArea: Math.round((h?.area ?? 0) * 100) / 100,
      byBasis: {
        registered: h?.byRegistered ?? 0,
        surveyed: h?.bySurveyed ?? 0,
        contract: h?.byContract ?? 0,
      },
    },
    projects: projectRows,
  };
}

/** A compound's households, paged; owner names, phones and ID numbers masked unless `personal`. */
export async function listHouseholds(
  db: Db,
  principal: Principal,
  compoundId: string,
  q: { page: number; pageSize: number; building?: string; q?: string },
  personal: boolean,
) {
  const where = and(
    eq(households.compoundId, compoundId),
    scopeWhere(principal, households.regionCode),
    q.building ? eq(buildings.number, q.building) : undefined,
    q.q ? or(contains(owners.name, q.q), contains(households.room, q.q)) : undefined,
  );
  const page = await paged(
    db,
    db
      .select(anyRow)
      .from(households)
      .innerJoin(buildings, eq(buildings.id, households.buildingId))
      .leftJoin(owners, eq(owners.id, households.ownerId))
      .where(where),
    (limit, offset) =>
      db
        .select({
          id: households.id,
          building: buildings.number,
          unit: households.unit,
          room: households.room,
          ownerId: households.ownerId,
          ownerKind: owners.kind,
          ownerName: owners.name,
          ownerIdNumber: owners.idNumber,
          contactPhone: households.contactPhone,
          areaRegistered: households.areaRegistered,
          areaSurveyed: households.areaSurveyed,
          areaContract: households.areaContract,
        })
        .from(households)
        .innerJoin(buildings, eq(buildings.id, households.buildingId))
        .leftJoin(owners, eq(owners.id, households.ownerId))
        .where(where)
        .orderBy(
          sql`length(${buildings.number})`,
          buildings.number,
          households.unit,
          sql`length(${households.room})`,
          households.room,
        )
        .limit(limit)
        .offset(offset),
    q,
  );
  return {
    ...page,
    items: page.items.map(({ areaRegistered, areaSurveyed, areaContract, ...h }) => {
      const e = exclusiveArea({ areaRegistered, areaSurveyed, areaContract });
      return {
        ...h,
        ownerName: h.ownerName === null ? null : personal ? h.ownerName : maskName(h.ownerName),
        ownerIdNumber:
          h.ownerIdNumber === null ? null : personal ? h.ownerIdNumber : maskIdNumber(h.ownerIdNumber),
        contactPhone: h.contactPhone === null ? null : personal ? h.contactPhone : maskPhone(h.contactPhone),
        exclusiveArea: e?.area ?? null,
        areaBasis: e?.basis ?? null,
        masked: !personal,
      };
    }),
  };
}

const maxMapPoints = 20_000;

/** Points for the map: every filtered compound with coordinates (bounded), and how many lack them. */
export async function mapPoints(
  db: Db,
  principal: Principal,
  q: Parameters<typeof compoundWhere>[1],
  cutoff: number,
) {
  const where = compoundWhere(principal, q, cutoff);
  const points = await db
    .select({
      id: compounds.id,
      name: compounds.name,
      lng: sql<number>`${compounds.lng}`,
      lat: sql<number>`${compounds.lat}`,
      status: statusSql,
      isOld: isOldSql(cutoff),
      subdistrictCode: compounds.subdistrictCode,
    })
    .from(compounds)
    .where(and(where, sql`${compounds.lng} IS NOT NULL AND ${compounds.lat} IS NOT NULL`))
    .limit(maxMapPoints);
  const [missing] = await db
    .select({ n: count() })
    .from(compounds)
    .where(and(where, sql`(${compounds.lng} IS NULL OR ${compounds.lat} IS NULL)`));
  return { points, withoutCoordinates: missing?.n ?? 0 };
}

/**
 * Regions in scope with compound counts rolled up from where compounds are registered
 * (one GROUP BY over compounds, then sums by code prefix: no per-region scan).
 */
export async function regionTree(db: Db, principal: Principal, cutoff: number) {
  const regionRows = await db
    .select()
    .from(regions)
    .where(scopeWhere(principal, regions.code))
    .orderBy(asc(regions.code));
  const counts = await db
    .select({
      code: compounds.regionCode,
      n: count(),
      old: sql<number>`count(*) FILTER (WHERE ${isOldSql(cutoff)})::int`,
    })
    .from(compounds)
    .where(compoundRule(principal, 'read'))
    .groupBy(compounds.regionCode);
  return regionRows.map((r) => {
    let n = 0;
    let old = 0;
    for (const c of counts) {
      if (!c.code.startsWith(r.code)) continue;
      n += c.n;
      old += c.old;
    }
    return {
      code: r.code,
      name: r.name,
      level: r.level,
      parentCode: r.parentCode,
      compounds: n,
      oldCompounds: old,
    };
  });
}
