import { and, between, count, inArray, sql, sum } from 'drizzle-orm';
import type { RenovationFigures } from '../../../contract/projects.js';
import { completedProjectStatuses } from '../../../domain/inventory.js';
import { compounds, projects } from '../../db/schema.js';
import { compoundRule } from '../inventory/access.js';
import { type FiguresInput, int } from '../stats/figures.js';
import { talliedRenovation, tallyPrefixes } from '../stats/tallies.js';

/**
 * The compounds in scope whose project was completed in a year of the period, and their declared
 * buildings, floor area, households and residents: SQL's sums leave unknown (null) figures out,
 * and the compounds with any unknown are counted beside them.
 */
export async function renovationFigures({
  db,
  principal,
  fromYear,
  toYear,
  raw,
}: FiguresInput): Promise<RenovationFigures> {
  // At scale, from the pre-aggregated tallies where they answer for the scope (the same figures).
  const prefixes = raw ? null : tallyPrefixes(principal);
  if (prefixes) {
    const t = await talliedRenovation(db, prefixes, fromYear, toYear);
    return {
      renovatedCompounds: int(t?.compounds),
      buildings: int(t?.buildings),
      floorArea: Math.round(Number(t?.floorArea ?? 0) * 100) / 100,
      households: int(t?.households),
      residents: int(t?.residents),
      renovatedWithUnknownFigures: int(t?.unknown),
    };
  }
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
      unknown: sql<number>`count(*) FILTER (WHERE ${compounds.buildingCount} IS NULL OR ${compounds.floorArea} IS NULL
        OR ${compounds.householdCount} IS NULL OR ${compounds.residentCount} IS NULL)::int`,
    })
    .from(compounds)
    .where(and(compoundRule(principal, 'read'), inArray(compounds.id, renovatedIds)));
  return {
    renovatedCompounds: int(renovated?.compounds),
    buildings: int(renovated?.buildings),
    floorArea: Math.round(Number(renovated?.floorArea ?? 0) * 100) / 100,
    households: int(renovated?.households),
    residents: int(renovated?.residents),
    renovatedWithUnknownFigures: int(renovated?.unknown),
  };
}
