import { and, count, eq, sql, sum } from 'drizzle-orm';
import type { InventoryFigures } from '../../../contract/inventory.js';
import { percent } from '../../../domain/statistics.js';
import { compounds, regionCounts } from '../../db/schema.js';
import { oldCutoffYear } from '../../platform/settings.js';
import {
  type AreaBreakdown,
  byKey,
  dimensionKey,
  inRegion,
  keyOf,
  num,
  regionKeyLength,
} from '../stats/breakdown.js';
import { type FiguresInput, int } from '../stats/figures.js';
import {
  talliedInventory,
  talliedInventoryByRegion,
  tallyBreakdownPrefixes,
  tallyPrefixes,
} from '../stats/tallies.js';
import { compoundRule } from './access.js';
import { statusSql } from './sql.js';

/** Compounds and old compounds in scope, and this district's share of the city's old compounds. */
export async function inventoryFigures({
  db,
  principal,
  districtCode,
  raw,
}: FiguresInput): Promise<InventoryFigures> {
  const cutoff = await oldCutoffYear(db);
  const old = sql<number>`count(*) FILTER (WHERE ${compounds.buildYear} < ${cutoff})::int`;
  // At scale, from the pre-aggregated tallies where they answer for the scope (the same figures).
  const prefixes = raw ? null : tallyPrefixes(principal);
  const tallied = prefixes && (await talliedInventory(db, prefixes));
  const [inventory] = tallied
    ? [tallied]
    : await db
        .select({ compounds: count(), oldCompounds: old })
        .from(compounds)
        .where(compoundRule(principal, 'read'));
  // The city's old compounds: the city's other districts' reported counts plus this district's own
  // (division codes: the first four digits name the city).
  const [elsewhere] = await db
    .select({ old: sum(regionCounts.oldCompounds) })
    .from(regionCounts)
    .where(eq(sql`left(${regionCounts.regionCode}, 4)`, districtCode.slice(0, 4)));
  const [allOld] = raw
    ? await db.select({ n: old }).from(compounds)
    : [{ n: (await talliedInventory(db, [''])).oldCompounds }];
  const oldInScope = int(inventory?.oldCompounds);
  const cityOld = int(elsewhere?.old) + int(allOld?.n);
  return {
    compounds: int(inventory?.compounds),
    oldCompounds: oldInScope,
    oldShare: percent(oldInScope, int(inventory?.compounds)),
    oldCutoffYear: cutoff,
    cityOldCompounds: cityOld,
    shareOfCityOld: percent(oldInScope, cityOld),
  };
}

type InventoryMeasure = 'compounds' | 'oldCompounds';

/** Compounds and old compounds now (the period does not apply), by region or renovation status. */
export const inventoryBreakdown: AreaBreakdown<InventoryMeasure> = {
  area: 'inventory',
  action: 'inventory.read',
  measures: {
    compounds: { label: '住宅小区', unit: '个', dimensions: ['subdistrict', 'community', 'status'] },
    oldCompounds: { label: '老旧小区', unit: '个', dimensions: ['subdistrict', 'community', 'status'] },
  },
  labels: {
    status: { not_planned: '未纳入计划', planned: '已纳入计划', in_progress: '改造中', renovated: '已改造' },
  },
  async count({ db, principal, region, raw }, by) {
    // From the tallies where they answer for the scope and the dimension (a region, or none).
    const keyLength = raw ? undefined : regionKeyLength(by);
    const prefixes = keyLength === undefined ? null : tallyBreakdownPrefixes(principal, region, keyLength);
    if (prefixes && keyLength !== undefined) {
      const tallied =
        keyLength === null
          ? [{ key: '', ...(await talliedInventory(db, prefixes)) }]
          : await talliedInventoryByRegion(db, prefixes, keyLength);
      return tallied.map((r) => ({
        key: r.key,
        values: { compounds: num(r.compounds), oldCompounds: num(r.oldCompounds) },
      }));
    }
    const cutoff = await oldCutoffYear(db);
    const key = dimensionKey(by, {
      region: compounds.regionCode,
      status: statusSql,
    });
    const query = db
      .select({
        key: keyOf(key),
        compounds: count(),
        oldCompounds: sql<number>`count(*) FILTER (WHERE ${compounds.buildYear} < ${cutoff})::int`,
      })
      .from(compounds)
      .where(and(compoundRule(principal, 'read'), inRegion(compounds.regionCode, region)));
    const rows = await (key ? query.groupBy(byKey) : query);
    return rows.map((r) => ({
      key: r.key,
      values: { compounds: num(r.compounds), oldCompounds: num(r.oldCompounds) },
    }));
  },
};
