import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import {
  type Disclosure,
  disclosures,
  type FeedbackLevel,
  type FilledValue,
  feedbackLevels,
  type ProposalKind,
  type ProposalStatus,
  proposalKinds,
  proposalStatuses,
} from '../../../domain/proposals.js';
import { oneOf, ts } from '../../db/columns.js';
import { users } from '../../platform/schema.js';
import { ledgerItems } from '../ledger/schema.js';
import { units } from '../organisation/schema.js';
import { projects } from '../projects/schema.js';

/**
 * A CPPCC proposal or suggestion (提案) and where its handling stands. District-wide records:
 * `region_code` is the district's. `round` counts the replies (a not-satisfied feedback reopens it).
 */
export const proposals = pgTable(
  'proposals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** 市政协 */
    committee: text('committee').notNull(),
    /** 十三届一次会议 */
    session: text('session').notNull(),
    number: integer('number').notNull(),
    kind: text('kind').$type<ProposalKind>().notNull().default('proposal'),
    title: text('title').notNull(),
    members: text('members').array().notNull(),
    body: text('body').notNull().default(''),
    receivedOn: date('received_on', { mode: 'string' }).notNull(),
    status: text('status').$type<ProposalStatus>().notNull().default('registered'),
    leadUnitId: uuid('lead_unit_id').references(() => units.id),
    assignedOn: date('assigned_on', { mode: 'string' }),
    deadline: date('deadline', { mode: 'string' }),
    extensionReason: text('extension_reason'),
    /** The last time it was sent back as misassigned, and why. */
    returnedReason: text('returned_reason'),
    /** The current result grade (a B raised to A when its commitments are done). */
    grade: text('grade'),
    consentToPublish: boolean('consent_to_publish').notNull().default(false),
    disclosure: text('disclosure').$type<Disclosure>().notNull().default('not_published'),
    round: integer('round').notNull().default(1),
    /** The supervision-ledger item it became when overdue. */
    ledgerItemId: uuid('ledger_item_id').references(() => ledgerItems.id),
    regionCode: text('region_code').notNull(),
    isDemo: boolean('is_demo').notNull().default(false),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: ts('created_at').notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('proposals_number_uq').on(t.committee, t.session, t.number),
    index('proposals_status_idx').on(t.status, t.deadline),
    check('proposals_status_check', oneOf(t.status, proposalStatuses)),
    check('proposals_kind_check', oneOf(t.kind, proposalKinds)),
    check('proposals_disclosure_check', oneOf(t.disclosure, disclosures)),
    check('proposals_assigned', sql`(${t.leadUnitId} IS NULL) = (${t.assignedOn} IS NULL)`),
  ],
);

/** A co-handling unit (协办) and the input it sent the lead. */
export const proposalCoUnits = pgTable(
  'proposal_co_units',
  {
    proposalId: uuid('proposal_id')
      .notNull()
      .references(() => proposals.id, { onDelete: 'cascade' }),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    input: text('input'),
    inputOn: date('input_on', { mode: 'string' }),
    inputBy: uuid('input_by').references(() => users.id, { onDelete: 'set null' }),
  },
  (t) => [primaryKey({ columns: [t.proposalId, t.unitId] })],
);

/** A reply template: the letter's body with placeholders bound to summary figures. */
export const proposalTemplates = pgTable('proposal_templates', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  body: text('body').notNull(),
  isDemo: boolean('is_demo').notNull().default(false),
  updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' }),
  updatedAt: ts('updated_at').notNull().defaultNow(),
  version: integer('version').notNull().default(1),
});

/**
 * One reply (one per round): drafted from a template, the placeholders' values filled from the
 * live summary and kept with their source, frozen once signed (`signed_at` set: never updated).
 */
export const proposalReplies = pgTable(
  'proposal_replies',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    proposalId: uuid('proposal_id')
      .notNull()
      .references(() => proposals.id, { onDelete: 'cascade' }),
    round: integer('round').notNull(),
    templateId: uuid('template_id').references(() => proposalTemplates.id, { onDelete: 'set null' }),
    documentNumber: text('document_number'),
    title: text('title').notNull(),
    salutation: text('salutation').notNull(),
    /** The body as written, placeholders included; `values` fills them. */
    body: text('body').notNull(),
    values: jsonb('values').$type<FilledValue[]>().notNull().default([]),
    grade: text('grade'),
    issuer: text('issuer').notNull(),
    signatory: text('signatory'),
    contactUnit: text('contact_unit'),
    contactPhone: text('contact_phone'),
    copyTo: text('copy_to').array().notNull().default(sql`'{}'::text[]`),
    draftedBy: uuid('drafted_by').references(() => users.id, { onDelete: 'set null' }),
    draftedAt: ts('drafted_at').notNull().defaultNow(),
    reviewedBy: uuid('reviewed_by').references(() => users.id, { onDelete: 'set null' }),
    reviewedAt: ts('reviewed_at'),
    reviewNote: text('review_note'),
    signedBy: uuid('signed_by').references(() => users.id, { onDelete: 'set null' }),
    signedByName: text('signed_by_name'),
    signedAt: ts('signed_at'),
    /** The letter's date (2023年6月5日). */
    signedOn: date('signed_on', { mode: 'string' }),
    sentOn: date('sent_on', { mode: 'string' }),
    version: integer('version').notNull().default(1),
  },
  (t) => [uniqueIndex('proposal_replies_round_uq').on(t.proposalId, t.round)],
);

/** What a reply promises, linked to the project or ledger item that delivers it. */
export const proposalCommitments = pgTable(
  'proposal_commitments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    proposalId: uuid('proposal_id')
      .notNull()
      .references(() => proposals.id, { onDelete: 'cascade' }),
    text: text('text').notNull(),
    projectId: uuid('project_id').references(() => projects.id),
    ledgerItemId: uuid('ledger_item_id').references(() => ledgerItems.id),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    index('proposal_commitments_proposal_idx').on(t.proposalId),
    check('proposal_commitments_one_link', sql`num_nonnulls(${t.projectId}, ${t.ledgerItemId}) = 1`),
  ],
);

/** The member's feedback on a reply, recorded by staff for the member. */
export const proposalFeedback = pgTable(
  'proposal_feedback',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    proposalId: uuid('proposal_id')
      .notNull()
      .references(() => proposals.id, { onDelete: 'cascade' }),
    round: integer('round').notNull(),
    member: text('member').notNull(),
    level: text('level').$type<FeedbackLevel>().notNull(),
    note: text('note'),
    recordedBy: uuid('recorded_by').references(() => users.id, { onDelete: 'set null' }),
    recordedAt: ts('recorded_at').notNull().defaultNow(),
  },
  (t) => [
    index('proposal_feedback_proposal_idx').on(t.proposalId),
    check('proposal_feedback_level_check', oneOf(t.level, feedbackLevels)),
  ],
);
