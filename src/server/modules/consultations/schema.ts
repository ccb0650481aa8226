import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import {
  type ConsultationStatus,
  type CouncilRole,
  type CouncilSector,
  consultationStatuses,
  councilRoles,
  councilSectors,
  type StageOutcome,
  type StageRole,
  stageOutcomes,
  stageRoles,
} from '../../../domain/consultations.js';
import { oneOf, ts } from '../../db/columns.js';
import { users } from '../../platform/schema.js';
import { compounds, households } from '../inventory/schema.js';
import { projects } from '../projects/schema.js';
import { votes } from '../votes/schema.js';

/** A compound's deliberation council (旧改议事会) for one term. */
export const councils = pgTable(
  'councils',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    compoundId: uuid('compound_id')
      .notNull()
      .references(() => compounds.id),
    regionCode: text('region_code').notNull(),
    name: text('name').notNull(),
    termStart: date('term_start', { mode: 'string' }).notNull(),
    termEnd: date('term_end', { mode: 'string' }).notNull(),
    isDemo: boolean('is_demo').notNull().default(false),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    index('councils_compound_idx').on(t.compoundId),
    index('councils_region_idx').on(t.regionCode.op('text_pattern_ops')),
    check('councils_term', sql`${t.termEnd} > ${t.termStart}`),
  ],
);

export const councilMembers = pgTable(
  'council_members',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    councilId: uuid('council_id')
      .notNull()
      .references(() => councils.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    sector: text('sector').$type<CouncilSector>().notNull(),
    role: text('role').$type<CouncilRole>().notNull(),
    phone: text('phone'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    index('council_members_council_idx').on(t.councilId),
    check('council_members_sector', oneOf(t.sector, councilSectors)),
    check('council_members_role', oneOf(t.role, councilRoles)),
  ],
);

/** A council meeting: who of the council came, how many attended in all, the minutes. */
export const councilMeetings = pgTable(
  'council_meetings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    councilId: uuid('council_id')
      .notNull()
      .references(() => councils.id, { onDelete: 'cascade' }),
    heldOn: date('held_on', { mode: 'string' }).notNull(),
    topic: text('topic').notNull(),
    attendeeIds: uuid('attendee_ids').array().notNull().default(sql`'{}'`),
    attendance: integer('attendance').notNull(),
    minutes: text('minutes').notNull(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    index('council_meetings_council_idx').on(t.councilId, t.heldOn),
    check('council_meetings_attendance', sql`${t.attendance} >= cardinality(${t.attendeeIds})`),
  ],
);

/**
 * A consultation (一征三议两公开 or another stage list) of a compound, or of one of its projects.
 * `status` is always `domain/consultations.consultationStatus` of its stages. The questionnaire
 * (intro and the optional items offered) is set before anyone answers.
 */
export const consultations = pgTable(
  'consultations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    compoundId: uuid('compound_id')
      .notNull()
      .references(() => compounds.id),
    projectId: uuid('project_id').references(() => projects.id),
    regionCode: text('region_code').notNull(),
    title: text('title').notNull(),
    stageListCode: text('stage_list_code').notNull(),
    stageListName: text('stage_list_name').notNull(),
    status: text('status').$type<ConsultationStatus>().notNull().default('in_progress'),
    openedOn: date('opened_on', { mode: 'string' }).notNull(),
    questionnaireIntro: text('questionnaire_intro'),
    questionnaireItems: text('questionnaire_items').array(),
    isDemo: boolean('is_demo').notNull().default(false),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: ts('created_at').notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('consultations_compound_idx').on(t.compoundId),
    index('consultations_project_idx').on(t.projectId),
    index('consultations_region_idx').on(t.regionCode.op('text_pattern_ops')),
    check('consultations_status', oneOf(t.status, consultationStatuses)),
  ],
);

/**
 * One stage of a consultation, copied from its stage list when it opened (a later change of the
 * list leaves running consultations alone). Meetings fill attendance, minutes and outcome;
 * disclosures what was published and where; a completed stage is archived and never changes.
 */
export const consultationStages = pgTable(
  'consultation_stages',
  {
    consultationId: uuid('consultation_id')
      .notNull()
      .references(() => consultations.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    key: text('key').notNull(),
    name: text('name').notNull(),
    role: text('role').$type<StageRole>().notNull(),
    completedOn: date('completed_on', { mode: 'string' }),
    attendance: integer('attendance'),
    minutes: text('minutes'),
    outcome: text('outcome').$type<StageOutcome>(),
    outcomeNote: text('outcome_note'),
    /**
     * The owners' vote the resolution rests on: closed, of the consultation's compound, and its
     * result is the resolution's outcome (`domain/consultations.resolutionVoteProblem`).
     */
    voteId: uuid('vote_id').references(() => votes.id),
    published: text('published'),
    place: text('place'),
    archivedAt: ts('archived_at'),
    completedBy: uuid('completed_by').references(() => users.id, { onDelete: 'set null' }),
  },
  (t) => [
    uniqueIndex('consultation_stages_pk').on(t.consultationId, t.position),
    uniqueIndex('consultation_stages_key_uq').on(t.consultationId, t.key),
    check('consultation_stages_role', oneOf(t.role, stageRoles)),
    check('consultation_stages_outcome', sql`${t.outcome} IS NULL OR ${oneOf(t.outcome, stageOutcomes)}`),
    check('consultation_stages_vote_resolves', sql`${t.voteId} IS NULL OR ${t.role} = 'resolve'`),
    index('consultation_stages_vote_idx').on(t.voteId),
  ],
);

/** The code printed on a household's notice, as a hash only (SHA-256 of the consultation id and code). */
export const consultationCodes = pgTable(
  'consultation_codes',
  {
    consultationId: uuid('consultation_id')
      .notNull()
      .references(() => consultations.id, { onDelete: 'cascade' }),
    householdId: uuid('household_id')
      .notNull()
      .references(() => households.id, { onDelete: 'cascade' }),
    codeHash: text('code_hash').notNull(),
    issuedAt: ts('issued_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('consultation_codes_pk').on(t.consultationId, t.householdId)],
);

/** One household's answer to the questionnaire: one per household, online or assisted by staff. */
export const consultationAnswers = pgTable(
  'consultation_answers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    consultationId: uuid('consultation_id')
      .notNull()
      .references(() => consultations.id, { onDelete: 'cascade' }),
    householdId: uuid('household_id')
      .notNull()
      .references(() => households.id),
    renovate: boolean('renovate').notNull(),
    items: text('items').array().notNull().default(sql`'{}'`),
    remarks: text('remarks'),
    /** Entered by staff for the household (not by the household online). */
    assisted: boolean('assisted').notNull().default(false),
    enteredBy: uuid('entered_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: ts('created_at').notNull().defaultNow(),
    /** The last staff correction (of an assisted answer entered wrongly); every one is audited. */
    correctionReason: text('correction_reason'),
    correctedAt: ts('corrected_at'),
    correctedBy: uuid('corrected_by').references(() => users.id, { onDelete: 'set null' }),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('consultation_answers_household_uq').on(t.consultationId, t.householdId),
    check(
      'consultation_answers_correction',
      sql`(${t.correctedAt} IS NULL) = (${t.correctionReason} IS NULL)`,
    ),
  ],
);
