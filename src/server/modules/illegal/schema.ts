import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  boolean,
  check,
  date,
  index,
  integer,
  numeric,
  pgTable,
  text,
  uuid,
} from 'drizzle-orm/pg-core';
import type {
  AssignmentLevel,
  MeasurementMethod,
  Remover,
  StructureStatus,
  VisitOutcome,
} from '../../../domain/illegal.js';
import { ts } from '../../db/columns.js';
import { users } from '../../platform/schema.js';
import { buildings, compounds, households } from '../inventory/schema.js';
import { cadres } from '../organisation/schema.js';
import { photos } from '../photos/schema.js';

const area = (name: string) => numeric(name, { precision: 12, scale: 2, mode: 'number' });

/**
 * An illegal structure found by the survey (违法建设), where it is in the inventory and how far
 * its removal has gone. `status` and `verified_area` are what the domain rules decided from the
 * measurements and steps, stored so lists filter and statistics add up in SQL.
 */
export const illegalStructures = pgTable(
  'illegal_structures',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    compoundId: uuid('compound_id')
      .notNull()
      .references(() => compounds.id),
    buildingId: uuid('building_id').references(() => buildings.id),
    /** The stairwell unit (单元) as households name it, e.g. "2单元". */
    unit: text('unit'),
    householdId: uuid('household_id').references(() => households.id),
    regionCode: text('region_code').notNull(),
    type: text('type').notNull(),
    location: text('location'),
    surveyOn: date('survey_on', { mode: 'string' }).notNull(),
    surveyor: text('surveyor').notNull(),
    /** The owner is a party member / a public employee: "they remove first" is followed. */
    ownerPartyMember: boolean('owner_party_member').notNull().default(false),
    ownerPublicEmployee: boolean('owner_public_employee').notNull().default(false),
    /** The structure already registered at the same household with the same type. */
    duplicateOf: uuid('duplicate_of').references((): AnyPgColumn => illegalStructures.id),
    verifiedArea: area('verified_area'),
    status: text('status').$type<StructureStatus>().notNull().default('surveyed'),
    noticeOn: date('notice_on', { mode: 'string' }),
    noticeDeadline: date('notice_deadline', { mode: 'string' }),
    removedOn: date('removed_on', { mode: 'string' }),
    removedBy: text('removed_by').$type<Remover>(),
    legalBasis: text('legal_basis'),
    clearedOn: date('cleared_on', { mode: 'string' }),
    clearedPhotoId: uuid('cleared_photo_id').references((): AnyPgColumn => photos.id),
    isDemo: boolean('is_demo').notNull().default(false),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: ts('created_at').notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('illegal_structures_region_idx').on(t.regionCode.op('text_pattern_ops')),
    index('illegal_structures_compound_idx').on(t.compoundId),
    // The register lists the outstanding first: found without reading the removed ones.
    index('illegal_structures_outstanding_idx')
      .on(t.compoundId)
      .where(sql`${t.status} IN ('surveyed', 'verified', 'noticed')`),
    index('illegal_structures_household_idx').on(t.householdId, t.type),
    index('illegal_structures_building_idx').on(t.buildingId, t.unit),
    check('illegal_structures_removed', sql`(${t.removedOn} IS NULL) = (${t.removedBy} IS NULL)`),
  ],
);

/** One measurement of a structure's area: who, when, how, m². */
export const illegalMeasurements = pgTable(
  'illegal_measurements',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    structureId: uuid('structure_id')
      .notNull()
      .references(() => illegalStructures.id, { onDelete: 'cascade' }),
    measuredBy: text('measured_by').notNull(),
    measuredOn: date('measured_on', { mode: 'string' }).notNull(),
    method: text('method').$type<MeasurementMethod>().notNull(),
    area: area('area').notNull(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    index('illegal_measurements_structure_idx').on(t.structureId, t.createdAt),
    check('illegal_measurements_area', sql`${t.area} > 0`),
  ],
);

/** A cadre assigned to a building, a stairwell unit or a household (包楼栋、包单元、包住户). */
export const illegalAssignments = pgTable(
  'illegal_assignments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    cadreId: uuid('cadre_id')
      .notNull()
      .references(() => cadres.id),
    level: text('level').$type<AssignmentLevel>().notNull(),
    compoundId: uuid('compound_id')
      .notNull()
      .references(() => compounds.id),
    buildingId: uuid('building_id')
      .notNull()
      .references(() => buildings.id),
    unit: text('unit'),
    householdId: uuid('household_id').references(() => households.id),
    regionCode: text('region_code').notNull(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    index('illegal_assignments_cadre_idx').on(t.cadreId),
    index('illegal_assignments_building_idx').on(t.buildingId, t.unit),
    check(
      'illegal_assignments_level',
      sql`(${t.level} = 'building' AND ${t.unit} IS NULL AND ${t.householdId} IS NULL)
        OR (${t.level} = 'unit' AND ${t.unit} IS NOT NULL AND ${t.householdId} IS NULL)
        OR (${t.level} = 'household' AND ${t.householdId} IS NOT NULL)`,
    ),
  ],
);

/** A door-to-door visit about one structure (so its household): who went, when, how it went. */
export const illegalVisits = pgTable(
  'illegal_visits',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    structureId: uuid('structure_id')
      .notNull()
      .references(() => illegalStructures.id, { onDelete: 'cascade' }),
    cadreId: uuid('cadre_id')
      .notNull()
      .references(() => cadres.id),
    visitedOn: date('visited_on', { mode: 'string' }).notNull(),
    outcome: text('outcome').$type<VisitOutcome>().notNull(),
    notes: text('notes'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('illegal_visits_structure_idx').on(t.structureId, t.visitedOn)],
);
