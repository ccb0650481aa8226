import { boolean, index, integer, pgTable, text } from 'drizzle-orm/pg-core';

/** Administrative divisions; codes nest by prefix (410203 → 410203001 → 410203001xxx). */
export const regions = pgTable(
  'regions',
  {
    code: text('code').primaryKey(),
    name: text('name').notNull(),
    level: text('level').notNull(),
    parentCode: text('parent_code'),
    isDemo: boolean('is_demo').notNull().default(false),
  },
  (t) => [
    index('regions_parent_idx').on(t.parentCode),
    // The regions under a prefix (LIKE '410203%'), as every scope asks them.
    index('regions_code_prefix_idx').on(t.code.op('text_pattern_ops')),
  ],
);

/** Inventory totals of regions whose compounds are not held here (the city's other districts). */
export const regionCounts = pgTable('region_counts', {
  regionCode: text('region_code').primaryKey(),
  compounds: integer('compounds').notNull(),
  oldCompounds: integer('old_compounds').notNull(),
  isDemo: boolean('is_demo').notNull().default(false),
});
