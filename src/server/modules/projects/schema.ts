import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  boolean,
  check,
  index,
  integer,
  numeric,
  pgTable,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { completedProjectStatuses, type ProjectStatus, projectStatuses } from '../../../domain/inventory.js';
import { type ProjectItemStatus, projectItemStatuses } from '../../../domain/projects.js';
import { oneOf, ts } from '../../db/columns.js';
import { users } from '../../platform/schema.js';
import { compounds } from '../inventory/schema.js';
import { cadres, partyBodies } from '../organisation/schema.js';

/** Several compounds renovated together in one year (one approval, one tender): a project each. */
export const projectBatches = pgTable(
  'project_batches',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    year: integer('year').notNull(),
    /** The narrowest region holding every compound of the batch. */
    regionCode: text('region_code').notNull(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: ts('created_at').notNull().defaultNow(),
    isDemo: boolean('is_demo').notNull().default(false),
  },
  (t) => [
    index('project_batches_region_idx').on(t.regionCode.op('text_pattern_ops')),
    uniqueIndex('project_batches_year_name_uq').on(t.year, t.name),
  ],
);

/** A renovation project: one compound in one year. The projects area extends it. */
export const projects = pgTable(
  'projects',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    compoundId: uuid('compound_id')
      .notNull()
      .references(() => compounds.id),
    regionCode: text('region_code').notNull(),
    year: integer('year').notNull(),
    status: text('status').$type<ProjectStatus>().notNull(),
    /** Named accountability (mechanism 2): the county-level liaison and the section-level cadre in charge. */
    liaisonCadreId: uuid('liaison_cadre_id').references((): AnyPgColumn => cadres.id),
    cadreInChargeId: uuid('cadre_in_charge_id').references((): AnyPgColumn => cadres.id),
    // Deferrable in the migration: party bodies and projects point at each other.
    tempPartyOrgId: uuid('temp_party_org_id').references((): AnyPgColumn => partyBodies.id),
    batchId: uuid('batch_id').references(() => projectBatches.id),
    isDemo: boolean('is_demo').notNull().default(false),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('projects_compound_year_uq').on(t.compoundId, t.year),
    // The list reads a year at a time, and finds the years in scope one probe each: by year then
    // region for a large scope, by region then year for a small one (the planner picks).
    index('projects_year_region_idx').on(t.year, t.regionCode.op('text_pattern_ops')),
    // Completed projects counted by scope and year (the summary's accepted projects) from the index alone.
    index('projects_completed_idx')
      .on(t.regionCode.op('text_pattern_ops'), t.year)
      .where(sql`${t.status} IN (${sql.raw(completedProjectStatuses.map((s) => `'${s}'`).join(', '))})`),
    index('projects_region_year_idx').on(t.regionCode.op('text_pattern_ops'), t.year),
    index('projects_batch_idx').on(t.batchId),
    check('projects_status_check', oneOf(t.status, projectStatuses)),
  ],
);

/** The editable catalogue of renovation items (国办发〔2020〕23号 categories; the district's 8 mandatory ones flagged). */
export const catalogueItems = pgTable('catalogue_items', {
  id: uuid('id').primaryKey().defaultRandom(),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  category: text('category').notNull(),
  unit: text('unit').notNull(),
  mandatory: boolean('mandatory').notNull().default(false),
  sort: integer('sort').notNull().default(0),
  /** Retired items stay on the projects that chose them but are offered no more. */
  active: boolean('active').notNull().default(true),
  version: integer('version').notNull().default(1),
});

/** An item chosen for a project, or a mandatory item waived with a recorded reason. */
export const projectItems = pgTable(
  'project_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    catalogueItemId: uuid('catalogue_item_id')
      .notNull()
      .references(() => catalogueItems.id),
    quantity: numeric('quantity', { precision: 14, scale: 2, mode: 'number' }),
    /** 万元 */
    budget: numeric('budget', { precision: 14, scale: 2, mode: 'number' }),
    progress: integer('progress').notNull().default(0),
    status: text('status').$type<ProjectItemStatus>().notNull().default('planned'),
    waiverReason: text('waiver_reason'),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('project_items_uq').on(t.projectId, t.catalogueItemId),
    check('project_items_status_check', oneOf(t.status, projectItemStatuses)),
  ],
);

/** Planned, received and spent money per source for one project (万元). */
export const projectFunding = pgTable(
  'project_funding',
  {
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    source: text('source').notNull(),
    planned: numeric('planned', { precision: 14, scale: 2, mode: 'number' }).notNull().default(0),
    received: numeric('received', { precision: 14, scale: 2, mode: 'number' }).notNull().default(0),
    spent: numeric('spent', { precision: 14, scale: 2, mode: 'number' }).notNull().default(0),
  },
  (t) => [uniqueIndex('project_funding_uq').on(t.projectId, t.source)],
);
