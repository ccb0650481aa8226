import { and, between, count, eq, inArray, sql, sum } from 'drizzle-orm';
import type { Summary } from '../../../contract/stats.js';
import { completedProjectStatuses } from '../../../domain/inventory.js';
import { percent } from '../../../domain/statistics.js';
import type { Db } from '../../db/client.js';
import {
  cadres,
  compounds,
  departments,
  partyBodies,
  projects,
  regionCounts,
  taskForces,
  units,
} from '../../db/schema.js';
import { scopeWhere } from '../../platform/access.js';
import type { Principal } from '../../platform/context.js';
import { oldCutoffYear } from '../../platform/settings.js';

const int = (v: unknown) => Number(v ?? 0);

/**
 * The programme's headline figures within the caller's scope. Renovation figures count the
 * compounds whose project was completed in a year between `from` and `to` (inclusive).
 */
export async function summary(
  db: Db,
  principal: Principal,
  range: { from?: number; to?: number },
  districtCode: string,
): Promise<Summary> {
  const cutoff = await oldCutoffYear(db);
  const fromYear = range.from ?? 1949;
  const toYear = range.to ?? new Date().getFullYear();
  const scope = scopeWhere(principal, compounds.regionCode);
  const [inventory] = await db
    .select({
      compounds: count(),
      oldCompounds: sql<number>`count(*) FILTER (WHERE ${compounds.buildYear} < ${cutoff})::int`,
    })
    .from(compounds)
    .where(scope);
  const renovatedIds = db
    .selectDistinct({ id: projects.compoundId })
    .from(projects)
    .where(
      and(between(projects.year, fromYear, toYear), inArray(projects.status, [...completedProjectStatuses])),
    );
  const [renovated] = await db
    .select({
      compounds: count(),
      buildings: sum(compounds.buildingCount),
      floorArea: sum(compounds.floorArea),
      households: sum(compounds.householdCount),
      residents: sum(compounds.residentCount),
    })
    .from(compounds)
    .where(and(scope, inArray(compounds.id, renovatedIds)));
  // The city's old compounds: the city's other districts' reported counts plus this district's own
  // (division codes: the first four digits name the city).
  const [elsewhere] = await db
    .select({ old: sum(regionCounts.oldCompounds) })
    .from(regionCounts)
    .where(eq(sql`left(${regionCounts.regionCode}, 4)`, districtCode.slice(0, 4)));
  const old = int(inventory?.oldCompounds);
  const [allOld] = await db
    .select({ n: sql<number>`count(*) FILTER (WHERE ${compounds.buildYear} < ${cutoff})::int` })
    .from(compounds);
  const cityOld = int(elsewhere?.old) + int(allOld?.n);
  const organisation = await organisationCounts(db, principal);
  return {
    compounds: int(inventory?.compounds),
    oldCompounds: old,
    oldShare: percent(old, int(inventory?.compounds)),
    oldCutoffYear: cutoff,
    cityOldCompounds: cityOld,
    shareOfCityOld: percent(old, cityOld),
    renovatedCompounds: int(renovated?.compounds),
    buildings: int(renovated?.buildings),
    floorArea: Math.round(Number(renovated?.floorArea ?? 0) * 100) / 100,
    households: int(renovated?.households),
    residents: int(renovated?.residents),
    ...organisation,
    fromYear,
    toYear,
  };
}

/** The command structure is the district's; cadres and party bodies are counted in scope. */
async function organisationCounts(db: Db, principal: Principal) {
  const one = async (query: Promise<{ n: number }[]>) => int((await query)[0]?.n);
  const bodies = await db
    .select({ kind: partyBodies.kind, n: count() })
    .from(partyBodies)
    .where(scopeWhere(principal, partyBodies.regionCode))
    .groupBy(partyBodies.kind);
  const of = (kind: string) => int(bodies.find((b) => b.kind === kind)?.n);
  return {
    taskForces: await one(db.select({ n: count() }).from(taskForces)),
    departments: await one(db.select({ n: count() }).from(departments).where(eq(departments.pooled, true))),
    units: await one(db.select({ n: count() }).from(units)),
    cadres: await one(db.select({ n: count() }).from(cadres).where(scopeWhere(principal, cadres.regionCode))),
    tempPartyOrgs: of('temp_party_org'),
    commandoTeams: of('commando_team'),
    vanguardPosts: of('vanguard_post'),
    coBuildingUnits: of('co_building_unit'),
  };
}
