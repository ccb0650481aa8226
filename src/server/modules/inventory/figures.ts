import { count, eq, sql, sum } from 'drizzle-orm';
import type { InventoryFigures } from '../../../contract/inventory.js';
import { percent } from '../../../domain/statistics.js';
import { compounds, regionCounts } from '../../db/schema.js';
import { oldCutoffYear } from '../../platform/settings.js';
import { type FiguresInput, int } from '../stats/figures.js';
import { compoundRule } from './access.js';

/** Compounds and old compounds in scope, and this district's share of the city's old compounds. */
export async function inventoryFigures({
  db,
  principal,
  districtCode,
}: FiguresInput): Promise<InventoryFigures> {
  const cutoff = await oldCutoffYear(db);
  const old = sql<number>`count(*) FILTER (WHERE ${compounds.buildYear} < ${cutoff})::int`;
  const [inventory] = await db
    .select({ compounds: count(), oldCompounds: old })
    .from(compounds)
    .where(compoundRule(principal, 'read'));
  // The city's old compounds: the city's other districts' reported counts plus this district's own
  // (division codes: the first four digits name the city).
  const [elsewhere] = await db
    .select({ old: sum(regionCounts.oldCompounds) })
    .from(regionCounts)
    .where(eq(sql`left(${regionCounts.regionCode}, 4)`, districtCode.slice(0, 4)));
  const [allOld] = await db.select({ n: old }).from(compounds);
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
