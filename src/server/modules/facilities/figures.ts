import { and, between, type SQL, sql } from 'drizzle-orm';
import type { FacilityFigures } from '../../../contract/facilities.js';
import { facilityFigureNames, facilityFigureRules } from '../../../domain/facilities.js';
import { oneOf } from '../../db/columns.js';
import { facilities } from '../../db/schema.js';
import { type FiguresInput, int } from '../stats/figures.js';
import { facilityRule } from './access.js';

/** One figure's sum of counts, by its rule in the domain (`facilityFigureRules`). */
function sumOf(rule: { groups: readonly string[]; actions: readonly string[] }): SQL<number> {
  return sql<number>`coalesce(sum(${facilities.count}) FILTER (WHERE ${oneOf(facilities.typeGroup, rule.groups)}
    AND ${oneOf(facilities.action, rule.actions)}), 0)::int`;
}

/**
 * Facilities in reach completed within the period (by date completed), each figure the sum of
 * counts its domain rule names: rooms and stations, shops cum service points, all facilities,
 * lifts added, elderly-care and childcare facilities.
 */
export async function facilityFigures({
  db,
  principal,
  fromYear,
  toYear,
}: FiguresInput): Promise<FacilityFigures> {
  const columns = Object.fromEntries(
    facilityFigureNames.map((name) => [name, sumOf(facilityFigureRules[name])]),
  ) as Record<keyof FacilityFigures, SQL<number>>;
  const [row] = await db
    .select(columns)
    .from(facilities)
    .where(
      and(
        facilityRule(principal, 'read'),
        between(facilities.completedOn, `${fromYear}-01-01`, `${toYear}-12-31`),
      ),
    );
  return Object.fromEntries(facilityFigureNames.map((name) => [name, int(row?.[name])])) as FacilityFigures;
}
