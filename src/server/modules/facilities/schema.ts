import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import {
  type FacilityAction,
  type FacilityGroup,
  facilityActions,
  facilityGroups,
} from '../../../domain/facilities.js';
import { oneOf, ts } from '../../db/columns.js';
import { users } from '../../platform/schema.js';
import { buildings, compounds } from '../inventory/schema.js';
import { projects } from '../projects/schema.js';

/**
 * A service facility added or improved in a compound (配套设施), optionally with the renovation
 * project it came with: its type as the district's list named it, and the indicator group that
 * type had when it was written (`type_group`), so figures never depend on names and a later
 * rename or regrouping leaves recorded facilities as they were counted.
 */
export const facilities = pgTable(
  'facilities',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    compoundId: uuid('compound_id')
      .notNull()
      .references(() => compounds.id),
    projectId: uuid('project_id').references(() => projects.id),
    regionCode: text('region_code').notNull(),
    type: text('type').notNull(),
    typeGroup: text('type_group').$type<FacilityGroup>().notNull(),
    count: integer('count').notNull(),
    action: text('action').$type<FacilityAction>().notNull(),
    completedOn: date('completed_on', { mode: 'string' }).notNull(),
    /** Where: a building, and for a lift the stairwell unit (单元) as households name it. */
    buildingId: uuid('building_id').references(() => buildings.id),
    unit: text('unit'),
    remarks: text('remarks'),
    isDemo: boolean('is_demo').notNull().default(false),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('facilities_region_idx').on(t.regionCode.op('text_pattern_ops')),
    index('facilities_compound_idx').on(t.compoundId),
    index('facilities_project_idx').on(t.projectId),
    index('facilities_completed_idx').on(t.completedOn),
    check('facilities_count_positive', sql`${t.count} > 0`),
    check('facilities_group_check', oneOf(t.typeGroup, facilityGroups)),
    check('facilities_action_check', oneOf(t.action, facilityActions)),
  ],
);
