import { sql } from 'drizzle-orm';
import {
  boolean,
  doublePrecision,
  foreignKey,
  index,
  integer,
  numeric,
  pgTable,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { ts } from '../../db/columns.js';

const area = (name: string) => numeric(name, { precision: 14, scale: 2, mode: 'number' });

/** A residential compound (小区): the unit that gets renovated. Counts are the ledger's declared figures. */
export const compounds = pgTable(
  'compounds',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    address: text('address'),
    /** The community (or, when unknown, subdistrict) the compound belongs to. */
    regionCode: text('region_code').notNull(),
    subdistrictCode: text('subdistrict_code').notNull().generatedAlwaysAs(sql`left(region_code, 9)`),
    buildYear: integer('build_year'),
    buildYearApprox: boolean('build_year_approx').notNull().default(false),
    // The declared figures: null where no ledger has said (unknown is not zero).
    buildingCount: integer('building_count'),
    unitCount: integer('unit_count'),
    householdCount: integer('household_count'),
    residentCount: integer('resident_count'),
    floorArea: area('floor_area'),
    /** professional / self / none; null where no ledger has said. */
    propertyManagement: text('property_management'),
    lng: doublePrecision('lng'),
    lat: doublePrecision('lat'),
    notes: text('notes'),
    isDemo: boolean('is_demo').notNull().default(false),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('compounds_code_uq').on(t.code),
    uniqueIndex('compounds_subdistrict_name_uq').on(t.subdistrictCode, t.name),
    index('compounds_region_idx').on(t.regionCode.op('text_pattern_ops')),
    index('compounds_build_year_idx').on(t.buildYear),
    // Lists by compound name (the compounds sorted by name, the illegal-structure register) read it
    // in this order and stop at the page.
    index('compounds_name_idx').on(t.name),
  ],
);

export const buildings = pgTable(
  'buildings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    compoundId: uuid('compound_id')
      .notNull()
      .references(() => compounds.id, { onDelete: 'cascade' }),
    regionCode: text('region_code').notNull(),
    number: text('number').notNull(),
    floors: integer('floors'),
    // Null where no ledger has said, as for a building a household import creates.
    unitCount: integer('unit_count'),
    householdCount: integer('household_count'),
    floorArea: area('floor_area'),
    buildYear: integer('build_year'),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('buildings_compound_number_uq').on(t.compoundId, t.number),
    // What a household's (building, compound) pair refers to.
    uniqueIndex('buildings_id_compound_uq').on(t.id, t.compoundId),
    index('buildings_region_idx').on(t.regionCode.op('text_pattern_ops')),
  ],
);

/** A person or body holding exclusive parts; one owner of several households counts once in a vote. */
export const owners = pgTable(
  'owners',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    compoundId: uuid('compound_id')
      .notNull()
      .references(() => compounds.id, { onDelete: 'cascade' }),
    regionCode: text('region_code').notNull(),
    kind: text('kind').notNull().default('person'),
    name: text('name').notNull(),
    idNumber: text('id_number'),
    phone: text('phone'),
  },
  // Its leading column serves lookups by compound too.
  (t) => [uniqueIndex('owners_compound_id_number_uq').on(t.compoundId, t.idNumber)],
);

export const households = pgTable(
  'households',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    compoundId: uuid('compound_id').notNull(),
    buildingId: uuid('building_id').notNull(),
    regionCode: text('region_code').notNull(),
    unit: text('unit').notNull(),
    room: text('room').notNull(),
    ownerId: uuid('owner_id').references(() => owners.id, { onDelete: 'set null' }),
    areaRegistered: area('area_registered'),
    areaSurveyed: area('area_surveyed'),
    areaContract: area('area_contract'),
    contactPhone: text('contact_phone'),
    notes: text('notes'),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    // One check for both: the building exists and is in the household's compound (and a
    // compound's deletion reaches its households through its buildings).
    foreignKey({
      name: 'households_building_compound_fk',
      columns: [t.buildingId, t.compoundId],
      foreignColumns: [buildings.id, buildings.compoundId],
    })
      .onDelete('cascade')
      .onUpdate('cascade'),
    uniqueIndex('households_building_unit_room_uq').on(t.buildingId, t.unit, t.room),
    index('households_compound_idx').on(t.compoundId),
    index('households_owner_idx').on(t.ownerId),
  ],
);
