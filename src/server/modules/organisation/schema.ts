import {
  type AnyPgColumn,
  boolean,
  index,
  integer,
  pgTable,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from '../../platform/schema.js';
import { projects } from '../projects/schema.js';

/** Departments pooled into the headquarters (18 in the seed), and other departments. */
export const departments = pgTable('departments', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  pooled: boolean('pooled').notNull().default(false),
  isDemo: boolean('is_demo').notNull().default(false),
});

/** The headquarters' task forces (专班; 9 in the seed), each led by a department. */
export const taskForces = pgTable('task_forces', {
  id: uuid('id').primaryKey().defaultRandom(),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  leadDepartmentId: uuid('lead_department_id').references(() => departments.id),
  sort: integer('sort').notNull().default(0),
});

export const taskForceMembers = pgTable(
  'task_force_members',
  {
    taskForceId: uuid('task_force_id')
      .notNull()
      .references(() => taskForces.id, { onDelete: 'cascade' }),
    departmentId: uuid('department_id')
      .notNull()
      .references(() => departments.id, { onDelete: 'cascade' }),
  },
  (t) => [uniqueIndex('task_force_members_uq').on(t.taskForceId, t.departmentId)],
);

/** District units that send cadres to the front line (58 in the seed). */
export const units = pgTable('units', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  /** Who answers for the unit's ledger items (deferrable: units and cadres point at each other). */
  leaderCadreId: uuid('leader_cadre_id').references((): AnyPgColumn => cadres.id),
  isDemo: boolean('is_demo').notNull().default(false),
  version: integer('version').notNull().default(1),
});

/** Party-member cadres (860+ in the seed); phone is personal data. */
export const cadres = pgTable(
  'cadres',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    level: text('level').notNull(),
    unitId: uuid('unit_id').references(() => units.id),
    phone: text('phone'),
    /** Where the cadre works (scope of assignment checks and of lists). */
    regionCode: text('region_code').notNull(),
    // Deferrable in the migration, so a backup can restore subordinates before their superiors.
    superiorId: uuid('superior_id').references((): AnyPgColumn => cadres.id),
    /** The login of this cadre, when they have one. */
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    isDemo: boolean('is_demo').notNull().default(false),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('cadres_region_idx').on(t.regionCode.op('text_pattern_ops')),
    index('cadres_unit_idx').on(t.unitId),
  ],
);

/** Each subdistrict's first secretary (a district standing-committee member). */
export const firstSecretaries = pgTable('first_secretaries', {
  regionCode: text('region_code').primaryKey(),
  cadreId: uuid('cadre_id')
    .notNull()
    .references(() => cadres.id),
});

/**
 * Party bodies the seed counts: temporary party organisations (95), commando teams (127),
 * vanguard posts (248), co-building units (627); each attached to a project and/or a region.
 */
export const partyBodies = pgTable(
  'party_bodies',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind').notNull(),
    name: text('name').notNull(),
    projectId: uuid('project_id').references(() => projects.id),
    regionCode: text('region_code').notNull(),
    isDemo: boolean('is_demo').notNull().default(false),
  },
  (t) => [
    index('party_bodies_kind_region_idx').on(t.kind, t.regionCode.op('text_pattern_ops')),
    index('party_bodies_project_idx').on(t.projectId),
  ],
);

/** A project's work group (工作组): the cadres pushing it on site. */
export const projectMembers = pgTable(
  'project_members',
  {
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    cadreId: uuid('cadre_id')
      .notNull()
      .references(() => cadres.id),
  },
  (t) => [uniqueIndex('project_members_uq').on(t.projectId, t.cadreId)],
);
