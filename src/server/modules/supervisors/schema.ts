import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { type ReporterVerdict, reporterVerdicts } from '../../../domain/quality.js';
import { oneOf, ts } from '../../db/columns.js';
import { users } from '../../platform/schema.js';
import { buildings, compounds } from '../inventory/schema.js';
import { projects } from '../projects/schema.js';
import { acceptances, tickets } from '../quality/schema.js';

/**
 * Resident supervisors (旧改监督员): residents of a compound who watch its renovation. Name and
 * phone are personal data, masked as owners' are. One may have a `resident_supervisor` login.
 */
export const residentSupervisors = pgTable(
  'resident_supervisors',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    compoundId: uuid('compound_id')
      .notNull()
      .references(() => compounds.id),
    /** The compound's region, copied for scope (codes nest by prefix). */
    regionCode: text('region_code').notNull(),
    name: text('name').notNull(),
    phone: text('phone'),
    userId: uuid('user_id')
      .unique()
      .references(() => users.id, { onDelete: 'set null' }),
    isDemo: boolean('is_demo').notNull().default(false),
    createdAt: ts('created_at').notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('resident_supervisors_region_idx').on(t.regionCode.op('text_pattern_ops')),
    index('resident_supervisors_compound_idx').on(t.compoundId),
  ],
);

/** Who supervises which project: what a resident supervisor's login reaches. */
export const supervisorAppointments = pgTable(
  'supervisor_appointments',
  {
    supervisorId: uuid('supervisor_id')
      .notNull()
      .references(() => residentSupervisors.id, { onDelete: 'cascade' }),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    appointedOn: date('appointed_on', { mode: 'string' }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.supervisorId, t.projectId] }),
    index('supervisor_appointments_project_idx').on(t.projectId),
  ],
);

/**
 * A resident supervisor's report: the ticket it became (one flow for every ticket), where in the
 * compound, and the reporter's verdict on the latest fix.
 */
export const residentReports = pgTable(
  'resident_reports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ticketId: uuid('ticket_id')
      .notNull()
      .unique()
      .references(() => tickets.id, { onDelete: 'cascade' }),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    supervisorId: uuid('supervisor_id')
      .notNull()
      .references(() => residentSupervisors.id),
    /** Where in the compound, in the reporter's words. */
    place: text('place').notNull(),
    buildingId: uuid('building_id').references(() => buildings.id),
    description: text('description').notNull(),
    verdict: text('verdict').$type<ReporterVerdict>(),
    verdictAt: ts('verdict_at'),
    verdictNote: text('verdict_note').notNull().default(''),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    index('resident_reports_supervisor_idx').on(t.supervisorId, t.createdAt),
    index('resident_reports_project_idx').on(t.projectId),
    check('resident_reports_verdict', sql`${t.verdict} IS NULL OR ${oneOf(t.verdict, reporterVerdicts)}`),
  ],
);

/** A resident supervisor's remark on a completion acceptance, shown with it. */
export const acceptanceFeedback = pgTable(
  'acceptance_feedback',
  {
    acceptanceId: uuid('acceptance_id')
      .notNull()
      .references(() => acceptances.id, { onDelete: 'cascade' }),
    supervisorId: uuid('supervisor_id')
      .notNull()
      .references(() => residentSupervisors.id, { onDelete: 'cascade' }),
    remark: text('remark').notNull(),
    at: ts('at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.acceptanceId, t.supervisorId] })],
);
