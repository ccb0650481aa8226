import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  bigint,
  index,
  integer,
  numeric,
  pgSchema,
  primaryKey,
  text,
  uuid,
} from 'drizzle-orm/pg-core';
import {
  type FacilityAction,
  type FacilityGroup,
  facilityActions,
  facilityGroups,
} from '../../../domain/facilities.js';

/**
 * Pre-aggregated figures, kept current by triggers on compounds, projects and facilities (see the
 * stats migrations and docs/ARCHITECTURE.md, Statistics at scale). Derived, never written by the app:
 * they live in their own schema, so backups leave them out and a restore makes them again as its
 * rows go in.
 */
export const statsSchema = pgSchema('stats');

/** Per compound: what it adds to the tallies (its completed project years, sorted). */
export const compoundStats = statsSchema.table('compound_stats', {
  compoundId: uuid('compound_id').primaryKey(),
  regionCode: text('region_code').notNull(),
  buildYear: integer('build_year'),
  completed: integer('completed').array().notNull(),
  buildings: integer('buildings'),
  floorArea: numeric('floor_area', { precision: 14, scale: 2 }),
  households: integer('households'),
  residents: integer('residents'),
});

/**
 * Compounds by region prefix ('' the whole database; 2, 4, 6, 9 and 12 characters), and those of
 * them old: built before the district's old-compound cutoff year (the setting), which the tallies
 * read as they count; a change of the setting counts them again (`stats.count_inventory()`).
 * One row per region, so a province's breakdown by subdistrict reads 4,556 rows, where one row
 * per build year made it 137,000.
 */
export const inventoryTallies = statsSchema.table(
  'inventory_tallies',
  {
    prefix: text('prefix').primaryKey(),
    compounds: integer('compounds').notNull(),
    oldCompounds: integer('old_compounds').notNull(),
  },
  (t) => [
    // A breakdown by region reads the prefixes under its scope (LIKE 'prefix%').
    index('inventory_tallies_prefix_idx').on(t.prefix.op('text_pattern_ops')),
    // …and by subdistrict, only the rows down to that level, read from this index alone.
    index('inventory_tallies_subdistricts_idx')
      .on(t.prefix, t.compounds, t.oldCompounds)
      .where(sql`length(${t.prefix}) <= 9`),
  ],
);

/**
 * Renovated compounds by region prefix, completion year and the compound's completion year
 * before it (0 none): a compound counts in a period [from, to] once, at its first completion year
 * in the period — the row whose year is in the period and whose previous year is before `from`.
 */
export const renovationTallies = statsSchema.table(
  'renovation_tallies',
  {
    prefix: text('prefix').notNull(),
    year: integer('year').notNull(),
    prevYear: integer('prev_year').notNull(),
    compounds: integer('compounds').notNull(),
    buildings: bigint('buildings', { mode: 'number' }).notNull(),
    floorArea: numeric('floor_area', { precision: 16, scale: 2 }).notNull(),
    households: bigint('households', { mode: 'number' }).notNull(),
    residents: bigint('residents', { mode: 'number' }).notNull(),
    unknown: integer('unknown').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.prefix, t.year, t.prevYear] }),
    // A breakdown by region reads the prefixes under its scope (LIKE 'prefix%').
    index('renovation_tallies_prefix_idx').on(t.prefix.op('text_pattern_ops')),
    // …and by subdistrict, only the rows down to that level, read from this index alone in prefix
    // order (a province: 36,000 of 126,000 rows, summed without a hash): 15 ms, against 35.
    index('renovation_tallies_subdistricts_idx')
      .on(t.prefix, t.year, t.prevYear, t.compounds, t.buildings, t.floorArea, t.households, t.residents)
      .where(sql`length(${t.prefix}) <= 9`),
  ],
);

/** Every group and action the facility tallies keep a column for: the sum of their counts. */
export const facilityTallyKinds: { group: FacilityGroup; action: FacilityAction; column: string }[] =
  facilityGroups.flatMap((group) =>
    facilityActions.map((action) => ({ group, action, column: `${group}_${action}` })),
  );

/**
 * Facilities by region prefix (as the other tallies) and year completed: for each indicator group
 * and action, the sum of their counts. Each of the summary's figures is a sum of these columns
 * chosen by the domain's rules (`facilityFigureRules`, in tallies.ts), so the rules stay in one
 * place. One row per region and year: a province's breakdown by subdistrict reads 20,000 rows,
 * where one per group and action too would read about as many as the facilities themselves.
 */
export const facilityTallies = statsSchema.table(
  'facility_tallies',
  {
    prefix: text('prefix').notNull(),
    year: integer('year').notNull(),
    ...Object.fromEntries(
      facilityTallyKinds.map(({ column }) => [column, bigint(column, { mode: 'number' }).notNull()]),
    ),
  },
  (t) => [
    primaryKey({ columns: [t.prefix, t.year] }),
    index('facility_tallies_prefix_idx').on(t.prefix.op('text_pattern_ops')),
    // …and by subdistrict, only the rows down to that level, read from this index alone in prefix
    // order: a province's 20,000 of 88,000 rows, no sort (62 ms with one).
    index('facility_tallies_subdistricts_idx')
      .on(
        t.prefix,
        t.year,
        ...facilityTallyKinds.flatMap(({ column }) => {
          const sum = (t as Record<string, AnyPgColumn | undefined>)[column];
          return sum ? [sum] : [];
        }),
      )
      .where(sql`length(${t.prefix}) <= 9`),
  ],
);
