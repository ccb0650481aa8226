import { bigint, index, integer, numeric, pgSchema, primaryKey, text, uuid } from 'drizzle-orm/pg-core';

/**
 * Pre-aggregated figures, kept current by triggers on compounds and projects (see the stats
 * migration and docs/ARCHITECTURE.md, Statistics at scale). Derived, never written by the app:
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

/** Compounds by region prefix ('' the whole database; 2, 4, 6, 9 and 12 characters) and build year (-1 unknown). */
export const inventoryTallies = statsSchema.table(
  'inventory_tallies',
  {
    prefix: text('prefix').notNull(),
    buildYear: integer('build_year').notNull(),
    compounds: integer('compounds').notNull(),
  },
  (t) => [primaryKey({ columns: [t.prefix, t.buildYear] })],
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
  ],
);
