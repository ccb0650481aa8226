/**
 * Reading the pre-aggregated tallies (stats schema, kept by triggers on compounds and projects):
 * the summary's compound figures for a scope become a sum over a few dozen rows whatever the
 * scope's size, where counting the compounds themselves grows with the scope (a province: all of
 * them). The figures are the same by construction; `figures.test.ts` holds the two together.
 */
import { and, between, eq, gte, inArray, lt, ne, sql, sum } from 'drizzle-orm';
import { projectScoped } from '../../../domain/access.js';
import type { Db } from '../../db/client.js';
import type { Principal } from '../../platform/context.js';
import { inventoryTallies, renovationTallies } from './schema.js';

/** The region code lengths the tallies are kept at ('' is everything). */
const levels = [0, 2, 4, 6, 9, 12];

/**
 * The tally prefixes that answer for `principal`'s scope, or null where the tallies cannot: a
 * role that reaches only the projects it is named on, or a scope prefix of another length.
 * A prefix inside another of the scope is dropped, so no compound counts twice.
 */
export function tallyPrefixes(principal: Pick<Principal, 'role' | 'prefixes'>): string[] | null {
  if (projectScoped(principal.role)) return null;
  if (principal.prefixes === null) return [''];
  const all = principal.prefixes;
  const outer = [...new Set(all.filter((p) => !all.some((q) => q !== p && p.startsWith(q))))];
  return outer.every((p) => levels.includes(p.length)) ? outer : null;
}

const within = (prefixes: string[]) =>
  prefixes.length === 0 ? sql`false` : inArray(inventoryTallies.prefix, prefixes);

/** Compounds and those built before `cutoff` under `prefixes`. */
export async function talliedInventory(db: Db, prefixes: string[], cutoff: number) {
  const [row] = await db
    .select({
      compounds: sum(inventoryTallies.compounds),
      old: sql<string>`sum(${inventoryTallies.compounds}) FILTER (WHERE ${and(
        ne(inventoryTallies.buildYear, -1),
        lt(inventoryTallies.buildYear, cutoff),
      )})`,
    })
    .from(inventoryTallies)
    .where(within(prefixes));
  return { compounds: Number(row?.compounds ?? 0), old: Number(row?.old ?? 0) };
}

/** Old compounds (before `cutoff`) in the whole database. */
export async function talliedOldEverywhere(db: Db, cutoff: number) {
  const [row] = await db
    .select({ n: sum(inventoryTallies.compounds) })
    .from(inventoryTallies)
    .where(
      and(
        eq(inventoryTallies.prefix, ''),
        ne(inventoryTallies.buildYear, -1),
        lt(inventoryTallies.buildYear, cutoff),
      ),
    );
  return Number(row?.n ?? 0);
}

/** Compounds under `prefixes` renovated (a project accepted or handed over) in a year of [from, to], with their figures. */
export async function talliedRenovation(db: Db, prefixes: string[], fromYear: number, toYear: number) {
  const t = renovationTallies;
  const [row] = await db
    .select({
      compounds: sum(t.compounds),
      buildings: sum(t.buildings),
      floorArea: sum(t.floorArea),
      households: sum(t.households),
      residents: sum(t.residents),
      unknown: sum(t.unknown),
    })
    .from(t)
    .where(
      and(
        prefixes.length === 0 ? sql`false` : inArray(t.prefix, prefixes),
        between(t.year, fromYear, toYear),
        // Counted once: at its first completion year in the period.
        lt(t.prevYear, fromYear),
        gte(t.year, 0),
      ),
    );
  return row;
}
