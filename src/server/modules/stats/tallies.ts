/**
 * Reading the pre-aggregated tallies (stats schema, kept by triggers on compounds and projects):
 * the summary's compound figures for a scope become a sum over a few dozen rows whatever the
 * scope's size, where counting the compounds themselves grows with the scope (a province: all of
 * them). The figures are the same by construction; `tallies.test.ts` holds the two together.
 */
import { and, between, eq, gte, inArray, like, lt, ne, or, type SQL, sql, sum } from 'drizzle-orm';
import { projectScoped } from '../../../domain/access.js';
import { type Db, queryRows } from '../../db/client.js';
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

/**
 * The tally prefixes a breakdown by region reads for `principal`, narrowed to the region asked,
 * or null where the tallies cannot answer: the scope as for the summary, and every prefix no
 * longer than the key (`keyLength`, 9 a subdistrict, 12 a community; null the total).
 */
export function tallyBreakdownPrefixes(
  principal: Pick<Principal, 'role' | 'prefixes'>,
  region: string | undefined,
  keyLength: number | null,
): string[] | null {
  const scope = tallyPrefixes(principal);
  if (!scope) return null;
  const narrowed = region
    ? [...new Set(scope.flatMap((p) => (p.startsWith(region) ? [p] : region.startsWith(p) ? [region] : [])))]
    : scope;
  const fits = (p: string) => levels.includes(p.length) && (keyLength === null || p.length <= keyLength);
  return narrowed.every(fits) ? narrowed : null;
}

/** A tally prefix's parent: the prefix one level up ('' above a province). */
const parentPrefix = sql.raw(
  `CASE length(b.prefix) ${levels
    .slice(1)
    .map((l, i) => `WHEN ${l} THEN left(b.prefix, ${levels[i]})`)
    .join(' ')} END`,
);

const under = (prefix: SQL, prefixes: string[], keyLength: number) =>
  and(
    sql`length(${prefix}) <= ${keyLength}`,
    or(...prefixes.map((p) => like(prefix, `${p}%`))) ?? sql`false`,
  );

const renovationSums = ['compounds', 'buildings', 'floor_area', 'households', 'residents'] as const;

/**
 * `talliedRenovation` by region key of `keyLength` characters. Each key counts only its own
 * compounds: its tally less its children's. A key shorter than the key length is a compound
 * registered above the level (at its subdistrict, in a breakdown by community), as
 * `left(region_code, keyLength)` keys it when counting the rows.
 */
export async function talliedRenovationByRegion(
  db: Db,
  prefixes: string[],
  keyLength: number,
  fromYear: number,
  toYear: number,
) {
  const t = renovationTallies;
  const list = (f: (c: string) => string) => sql.raw(renovationSums.map(f).join(', '));
  const own = (c: string) => `a.${c} - coalesce(sum(b.${c}), 0)`;
  return queryRows<Record<'key' | (typeof renovationSums)[number], string>>(
    db,
    sql`WITH t AS (
        SELECT prefix, ${list((c) => `sum(${c}) AS ${c}`)} FROM ${t}
        WHERE ${and(
          under(sql`prefix`, prefixes, keyLength),
          between(t.year, fromYear, toYear),
          lt(t.prevYear, fromYear),
          gte(t.year, 0),
        )}
        GROUP BY prefix)
      SELECT a.prefix AS key, ${list((c) => `${own(c)} AS ${c}`)}
      FROM t a LEFT JOIN t b ON length(a.prefix) < ${keyLength} AND ${parentPrefix} = a.prefix
      GROUP BY a.prefix, ${list((c) => `a.${c}`)}
      HAVING ${sql.raw(own('compounds'))} <> 0`,
  );
}
