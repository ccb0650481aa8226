import { and, between, type SQL, sql } from 'drizzle-orm';
import type { FacilityFigures } from '../../../contract/facilities.js';
import {
  type FacilityFigureName,
  facilityFigureNames,
  facilityFigureRules,
} from '../../../domain/facilities.js';
import { oneOf } from '../../db/columns.js';
import { facilities } from '../../db/schema.js';
import {
  type AreaBreakdown,
  byKey,
  dimensionKey,
  inRegion,
  keyOf,
  type MeasureSpec,
  num,
  regionKeyLength,
} from '../stats/breakdown.js';
import { type FiguresInput, int } from '../stats/figures.js';
import {
  talliedFacilities,
  talliedFacilitiesByRegion,
  tallyBreakdownPrefixes,
  tallyPrefixes,
} from '../stats/tallies.js';
import { facilityRule } from './access.js';

/** One figure's sum of counts, by its rule in the domain (`facilityFigureRules`). */
function sumOf(rule: { groups: readonly string[]; actions: readonly string[] }): SQL<number> {
  return sql<number>`coalesce(sum(${facilities.count}) FILTER (WHERE ${oneOf(facilities.typeGroup, rule.groups)}
    AND ${oneOf(facilities.action, rule.actions)}), 0)::int`;
}

/** Every figure's sum, by name: what the summary selects and each breakdown row too. */
const figureSums = () =>
  Object.fromEntries(facilityFigureNames.map((name) => [name, sumOf(facilityFigureRules[name])])) as Record<
    FacilityFigureName,
    SQL<number>
  >;

/** Facilities in reach (the read rule) completed within the years from–to. */
const inReachAndPeriod = ({
  principal,
  fromYear,
  toYear,
}: Pick<FiguresInput, 'principal' | 'fromYear' | 'toYear'>) =>
  and(
    facilityRule(principal, 'read'),
    between(facilities.completedOn, `${fromYear}-01-01`, `${toYear}-12-31`),
  );

/**
 * Facilities in reach completed within the period (by date completed), each figure the sum of
 * counts its domain rule names: rooms and stations, shops cum service points, all facilities,
 * lifts added, elderly-care and childcare facilities.
 */
export async function facilityFigures(input: FiguresInput): Promise<FacilityFigures> {
  // At scale, from the pre-aggregated tallies where they answer for the scope (the same figures).
  const prefixes = input.raw ? null : tallyPrefixes(input.principal);
  const [row] = prefixes
    ? await talliedFacilities(input.db, prefixes, input.fromYear, input.toYear, false)
    : await input.db.select(figureSums()).from(facilities).where(inReachAndPeriod(input));
  return Object.fromEntries(facilityFigureNames.map((name) => [name, int(row?.[name])])) as FacilityFigures;
}

const byRegionOrYear = ['subdistrict', 'community', 'year'] as const;
const measure = (label: string, unit: string): MeasureSpec => ({ label, unit, dimensions: byRegionOrYear });

/**
 * The six figures as the summary counts them (same rules, reach and period), by the region the
 * facility stands in or the year it was completed.
 */
export const facilityBreakdown: AreaBreakdown<FacilityFigureName> = {
  area: 'facilities',
  action: 'facility.read',
  measures: {
    activityRooms: measure('新建党群活动室及养老服务站', '间'),
    serviceShops: measure('新建示范店暨代办点', '处'),
    facilities: measure('新增或改善便民服务设施', '个'),
    liftsAdded: measure('加装电梯', '部'),
    elderlyCareFacilities: measure('养老服务设施', '处'),
    childcareFacilities: measure('托育服务设施', '处'),
  },
  async count(input, by) {
    const tallied = await talliedCount(input, by);
    if (tallied)
      return tallied.map(({ key, ...r }) => ({
        key,
        values: Object.fromEntries(facilityFigureNames.map((name) => [name, num(r[name])])),
      }));
    const key = dimensionKey(by, {
      region: facilities.regionCode,
      year: sql`extract(year FROM ${facilities.completedOn})::int`,
    });
    const query = input.db
      .select({ key: keyOf(key), ...figureSums() })
      .from(facilities)
      .where(and(inReachAndPeriod(input), inRegion(facilities.regionCode, input.region)));
    const rows = await (key ? query.groupBy(byKey) : query);
    return rows.map((r) => ({
      key: r.key,
      values: Object.fromEntries(facilityFigureNames.map((name) => [name, num(r[name])])),
    }));
  },
};

/** A breakdown from the tallies, or null where they cannot answer (a role reaching only named projects, a region not at a level). */
async function talliedCount(
  { db, principal, fromYear, toYear, region, raw }: Parameters<AreaBreakdown['count']>[0],
  by: Parameters<AreaBreakdown['count']>[1],
) {
  if (raw) return null;
  const keyLength = by === 'year' ? null : regionKeyLength(by);
  if (keyLength === undefined) return null;
  const prefixes = tallyBreakdownPrefixes(principal, region, keyLength);
  if (!prefixes) return null;
  return keyLength === null
    ? talliedFacilities(db, prefixes, fromYear, toYear, by === 'year')
    : talliedFacilitiesByRegion(db, prefixes, keyLength, fromYear, toYear);
}
