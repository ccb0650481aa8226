import { count, eq, sql, sum } from 'drizzle-orm';
import type { InventoryFigures } from '../../../contract/inventory.js';
import { percent } from '../../../domain/statistics.js';
import { compounds, regionCounts } from '../../db/schema.js';
import { oldCutoffYear } from '../../platform/settings.js';
import { type FiguresInput, int } from '../stats/figures.js';
import { talliedInventory, talliedOldEverywhere, tallyPrefixes } from '../stats/tallies.js';
import { compoundRule } from './access.js';

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
  const tallied = prefixes && (await talliedInventory(db, prefixes, cutoff));
  const [inventory] = tallied
    ? [{ compounds: tallied.compounds, oldCompounds: tallied.old }]
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
    : [{ n: await talliedOldEverywhere(db, cutoff) }];
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
