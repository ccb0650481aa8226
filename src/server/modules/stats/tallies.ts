/**
 * Reading the pre-aggregated tallies (stats schema, kept by triggers on compounds, projects and
 * facilities): the summary's compound figures for a scope become a sum over a few dozen rows whatever the
 * scope's size, where counting the compounds themselves grows with the scope (a province: all of
 * them). The figures are the same by construction; `tallies.test.ts` holds the two together.
 */
import { and, between, gte, inArray, like, lt, or, type SQL, sql, sum } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { projectScoped } from '../../../domain/access.js';
import {
  type FacilityFigureName,
  facilityFigureNames,
  facilityFigureRules,
} from '../../../domain/facilities.js';
import { type Db, queryRows } from '../../db/client.js';
import type { Principal } from '../../platform/context.js';
import { facilityTallies, facilityTallyKinds, inventoryTallies, renovationTallies } from './schema.js';

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

/** A tally table's rows of exactly these prefixes (none: no rows). */
const within = (column: AnyPgColumn, prefixes: string[]) =>
  prefixes.length === 0 ? sql`false` : inArray(column, prefixes);

/** `sum(expression) AS "name"` for each named sum (expressions of a tally table's columns). */
const sumsAs = (sums: Readonly<Record<string, string>>) =>
  sql.raw(
    Object.entries(sums)
      .map(([name, expression]) => `sum(${expression}) AS "${name}"`)
      .join(', '),
  );

/** Compounds under `prefixes`, and those old (built before the cutoff year the tallies count at: the setting's). */
export async function talliedInventory(db: Db, prefixes: string[]) {
  const [row] = await db
    .select({ compounds: sum(inventoryTallies.compounds), oldCompounds: sum(inventoryTallies.oldCompounds) })
    .from(inventoryTallies)
    .where(within(inventoryTallies.prefix, prefixes));
  return { compounds: Number(row?.compounds ?? 0), oldCompounds: Number(row?.oldCompounds ?? 0) };
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
        within(t.prefix, prefixes),
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

/** A tally prefix's parent: the prefix one level up ('' above a province; none above ''). */
function parentOf(prefix: string) {
  const level = levels.indexOf(prefix.length);
  return level > 0 ? prefix.slice(0, levels[level - 1]) : undefined;
}

// The key length as a constant, not a parameter: the planner then knows a breakdown by
// subdistrict may read the partial index of the rows down to that level.
const under = (prefixes: string[], keyLength: number) =>
  and(
    sql`length(prefix) <= ${sql.raw(String(keyLength))}`,
    or(...prefixes.map((p) => like(sql`prefix`, `${p}%`))) ?? sql`false`,
  );

/** Sums of a tally table's columns, each under its own name. */
const columnSums = <C extends string>(columns: readonly C[]) =>
  Object.fromEntries(columns.map((c) => [c, c])) as unknown as Record<C, string>;

/**
 * The sums `columns` (by name, each an expression of the table's columns) of a tally table's rows
 * matching `where`, by region key of `keyLength` characters under `prefixes`. Each key counts only its own rows (compounds, facilities): its
 * tally less its children's. A key shorter than the key length is a row registered above the
 * level (at its subdistrict, in a breakdown by community), as `left(region_code, keyLength)` keys
 * it when counting the rows. Keys with nothing of their own are left out: those whose counts
 * (`counts`, whole numbers: an area's own floor area may keep a float's residue) are all 0. The
 * subtraction is done here: as a join in SQL it doubled the time of a province's breakdown by
 * subdistrict.
 */
async function talliedByRegion<C extends string>(
  db: Db,
  table: SQL,
  columns: Readonly<Record<C, string>>,
  counts: readonly NoInfer<C>[],
  where: SQL | undefined,
  prefixes: string[],
  keyLength: number,
): Promise<({ key: string } & Record<C, number>)[]> {
  const names = Object.keys(columns) as C[];
  const rows = await queryRows<Record<'prefix' | C, string>>(
    db,
    sql`SELECT prefix, ${sumsAs(columns)} FROM ${table} WHERE ${and(under(prefixes, keyLength), where)} GROUP BY prefix`,
  );
  const own = new Map<string, Record<string, number>>();
  for (const r of rows) own.set(r.prefix, Object.fromEntries(names.map((c) => [c, Number(r[c])])));
  // Less each child's tally (its row as read, not its own figures).
  for (const child of rows) {
    const up = parentOf(child.prefix);
    const parent = up === undefined ? undefined : own.get(up);
    if (parent) for (const c of names) parent[c] = (parent[c] ?? 0) - Number(child[c]);
  }
  type Own = { key: string } & Record<C, number>;
  return [...own].flatMap(([key, sums]) => (counts.some((c) => sums[c]) ? [{ key, ...sums } as Own] : []));
}

/** `talliedInventory` by region key of `keyLength` characters (see `talliedByRegion`). */
export async function talliedInventoryByRegion(db: Db, prefixes: string[], keyLength: number) {
  const t = sql`${inventoryTallies}`;
  const columns = columnSums(['compounds', 'old_compounds']);
  const rows = await talliedByRegion(db, t, columns, ['compounds'], undefined, prefixes, keyLength);
  return rows.map((r) => ({ key: r.key, compounds: r.compounds, oldCompounds: r.old_compounds }));
}

/** The sums of the renovation tallies beside their compounds. */
export type RenovationSum = 'buildings' | 'floor_area' | 'households' | 'residents';

/**
 * `talliedRenovation` by region key of `keyLength` characters (see `talliedByRegion`): the
 * compounds and the sums asked for. Only those: at a province's 36,000 rows, summing all four
 * took twice as long as the compounds alone.
 */
export function talliedRenovationByRegion(
  db: Db,
  prefixes: string[],
  keyLength: number,
  fromYear: number,
  toYear: number,
  sums: readonly RenovationSum[],
) {
  const t = renovationTallies;
  return talliedByRegion(
    db,
    sql`${t}`,
    columnSums(['compounds', ...sums]),
    ['compounds'],
    and(between(t.year, fromYear, toYear), lt(t.prevYear, fromYear), gte(t.year, 0)),
    prefixes,
    keyLength,
  );
}

/**
 * Each facility figure as the sum of the tallies' group-and-action columns its domain rule names
 * (`facilityFigureRules`): the figures come out of SQL, six numbers a row rather than twelve.
 */
const facilitySums = Object.fromEntries(
  facilityFigureNames.map((name) => {
    const rule: { groups: readonly string[]; actions: readonly string[] } = facilityFigureRules[name];
    const columns = facilityTallyKinds.filter(
      (k) => rule.groups.includes(k.group) && rule.actions.includes(k.action),
    );
    return [name, columns.map((k) => k.column).join(' + ')];
  }),
) as Record<FacilityFigureName, string>;

/**
 * The facility figures under `prefixes`, of the years from–to (completed in them): the total
 * (key ''), or by year (each year's key; years with none left out).
 */
export async function talliedFacilities(
  db: Db,
  prefixes: string[],
  fromYear: number,
  toYear: number,
  byYear: boolean,
) {
  const t = facilityTallies;
  const sums = sumsAs(facilitySums);
  const where = and(within(t.prefix, prefixes), between(t.year, fromYear, toYear));
  const rows = await queryRows<Record<'key' | FacilityFigureName, string>>(
    db,
    byYear
      ? sql`SELECT ${t.year}::text AS key, ${sums} FROM ${t} WHERE ${where} GROUP BY ${t.year}`
      : sql`SELECT '' AS key, ${sums} FROM ${t} WHERE ${where}`,
  );
  // Every facility counts in `facilities` (all groups and actions): a year without it has none.
  return rows.filter((r) => !byYear || Number(r.facilities));
}

/** The facility figures by region key of `keyLength` characters (see `talliedByRegion`). */
export function talliedFacilitiesByRegion(
  db: Db,
  prefixes: string[],
  keyLength: number,
  fromYear: number,
  toYear: number,
) {
  const t = facilityTallies;
  return talliedByRegion(
    db,
    sql`${t}`,
    facilitySums,
    ['facilities'],
    between(t.year, fromYear, toYear),
    prefixes,
    keyLength,
  );
}
