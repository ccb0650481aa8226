import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  integer,
  numeric,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type {
  AcceptanceParty,
  CalendarDayKind,
  ConcealedStatus,
  FirmKind,
  Gate,
  SampleResult,
  SignatureDecision,
  TicketSource,
  TicketStatus,
} from '../../../domain/quality.js';
import { ts } from '../../db/columns.js';
import { users } from '../../platform/schema.js';
import { ledgerItems } from '../ledger/schema.js';
import { projects } from '../projects/schema.js';

/** Construction, supervising and design firms: a registry of their own, not the district's units. */
export const firms = pgTable('firms', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  /** 统一社会信用代码, check character verified on the way in. */
  creditCode: text('credit_code').notNull().unique(),
  qualification: text('qualification').notNull().default(''),
  contactName: text('contact_name'),
  contactPhone: text('contact_phone'),
  isDemo: boolean('is_demo').notNull().default(false),
  createdAt: ts('created_at').notNull().defaultNow(),
  version: integer('version').notNull().default(1),
});

/** A firm's people; one may be the login that acts for them (contractor, supervisor). */
export const firmPeople = pgTable(
  'firm_people',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    firmId: uuid('firm_id')
      .notNull()
      .references(() => firms.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    post: text('post').notNull().default(''),
    phone: text('phone'),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    isDemo: boolean('is_demo').notNull().default(false),
  },
  (t) => [index('firm_people_firm_idx').on(t.firmId), uniqueIndex('firm_people_user_uq').on(t.userId)],
);

/** A project's construction, supervising and design unit: one firm of each kind. */
export const projectFirms = pgTable(
  'project_firms',
  {
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    kind: text('kind').$type<FirmKind>().notNull(),
    firmId: uuid('firm_id')
      .notNull()
      .references(() => firms.id),
  },
  (t) => [primaryKey({ columns: [t.projectId, t.kind] }), index('project_firms_firm_idx').on(t.firmId)],
);

/** The people a project's units name on it: what contractor and supervisor logins reach. */
export const projectPeople = pgTable(
  'project_people',
  {
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    kind: text('kind').$type<FirmKind>().notNull(),
    personId: uuid('person_id')
      .notNull()
      .references(() => firmPeople.id, { onDelete: 'cascade' }),
  },
  (t) => [
    primaryKey({ columns: [t.projectId, t.personId] }),
    index('project_people_person_idx').on(t.personId),
  ],
);

/** The working-day calendar: public holidays and make-up working days (editable). */
export const workingCalendar = pgTable('working_calendar', {
  date: date('date', { mode: 'string' }).primaryKey(),
  kind: text('kind').$type<CalendarDayKind>().notNull(),
  name: text('name').notNull(),
});

/** A project's quality plan, responsible people and tender (gates 1 and 2); its bid documents are files (photos.tender_id). */
export const projectQuality = pgTable('project_quality', {
  projectId: uuid('project_id')
    .primaryKey()
    .references(() => projects.id, { onDelete: 'cascade' }),
  qualityPlan: text('quality_plan').notNull().default(''),
  responsiblePeople: text('responsible_people').array().notNull().default(sql`'{}'::text[]`),
  bidDate: date('bid_date', { mode: 'string' }),
  /** 万元 */
  bidAmount: numeric('bid_amount', { precision: 14, scale: 2, mode: 'number' }),
  version: integer('version').notNull().default(1),
});

/** Who signed a gate off, and on what evidence (the acceptance gate passes by its own signatures). */
export const gateSignoffs = pgTable(
  'gate_signoffs',
  {
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    gate: text('gate').$type<Gate>().notNull(),
    evidence: text('evidence').notNull(),
    signedBy: uuid('signed_by').references(() => users.id, { onDelete: 'set null' }),
    signedByName: text('signed_by_name').notNull(),
    signedAt: ts('signed_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.projectId, t.gate] })],
);

/** Quality zoning (分区分片分包): who tracks quality of which building, area or item. */
export const qualityZones = pgTable(
  'quality_zones',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    name: text('name').notNull(),
    assignee: text('assignee').notNull(),
    phone: text('phone'),
  },
  (t) => [index('quality_zones_project_idx').on(t.projectId)],
);

/** Material samples (gate 3): witnessed sampling and the lab's result. */
export const materialSamples = pgTable(
  'material_samples',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    material: text('material').notNull(),
    batch: text('batch').notNull(),
    required: integer('required').notNull(),
    taken: integer('taken').notNull(),
    witness: text('witness'),
    lab: text('lab').notNull(),
    result: text('result').$type<SampleResult>().notNull().default('pending'),
    /** The lab report's number (报告编号); the report itself is a file attached (photos.sample_id). */
    report: text('report'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('material_samples_project_idx').on(t.projectId, t.createdAt)],
);

/**
 * A batch's use approval (材料使用签认): the supervising engineer's signature that a batch of a main
 * material may be used. One per batch; signed only while its latest test passed with the report
 * attached and its samples were witnessed enough (domain `useApprovalProblems`).
 */
export const batchApprovals = pgTable(
  'batch_approvals',
  {
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    material: text('material').notNull(),
    batch: text('batch').notNull(),
    approvedBy: uuid('approved_by').references(() => users.id, { onDelete: 'set null' }),
    approvedByName: text('approved_by_name').notNull(),
    approvedAt: ts('approved_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.projectId, t.material, t.batch] })],
);

/** Inspections and spot checks on site (gate 4). */
export const inspections = pgTable(
  'inspections',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    checkedOn: date('checked_on', { mode: 'string' }).notNull(),
    keyPart: text('key_part').notNull(),
    measurements: text('measurements').notNull().default(''),
    findings: text('findings').notNull().default(''),
    inspectorId: uuid('inspector_id').references(() => users.id, { onDelete: 'set null' }),
    inspectorName: text('inspector_name').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('inspections_project_idx').on(t.projectId, t.checkedOn)],
);

/** Concealed works (隐蔽工程): requested before covering, decided by the supervising engineer. */
export const concealedWorks = pgTable(
  'concealed_works',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    part: text('part').notNull(),
    location: text('location').notNull(),
    description: text('description').notNull().default(''),
    status: text('status').$type<ConcealedStatus>().notNull().default('requested'),
    requestedBy: uuid('requested_by').references(() => users.id, { onDelete: 'set null' }),
    requestedAt: ts('requested_at').notNull().defaultNow(),
    decidedBy: uuid('decided_by').references(() => users.id, { onDelete: 'set null' }),
    decidedAt: ts('decided_at'),
    decisionNote: text('decision_note'),
    coveredAt: ts('covered_at'),
    version: integer('version').notNull().default(1),
  },
  (t) => [index('concealed_works_project_idx').on(t.projectId, t.status)],
);

/** Rectification tickets (整改): one flow whatever raised them. */
export const tickets = pgTable(
  'tickets',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    source: text('source').$type<TicketSource>().notNull(),
    inspectionId: uuid('inspection_id').references(() => inspections.id),
    concealedWorkId: uuid('concealed_work_id').references(() => concealedWorks.id),
    title: text('title').notNull(),
    deadline: date('deadline', { mode: 'string' }).notNull(),
    status: text('status').$type<TicketStatus>().notNull().default('open'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: ts('created_at').notNull().defaultNow(),
    /** The latest evidence: who sent it, what it says, when; cleared of meaning by a reopen after it. */
    evidenceNote: text('evidence_note'),
    fixedBy: uuid('fixed_by').references(() => users.id, { onDelete: 'set null' }),
    fixedAt: ts('fixed_at'),
    /** When it was last reopened: evidence photos before this belong to an earlier round. */
    reopenedAt: ts('reopened_at'),
    verifiedBy: uuid('verified_by').references(() => users.id, { onDelete: 'set null' }),
    verifiedAt: ts('verified_at'),
    /** The supervision-ledger item an overdue ticket became. */
    ledgerItemId: uuid('ledger_item_id').references(() => ledgerItems.id),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('tickets_project_idx').on(t.projectId, t.status),
    index('tickets_open_deadline_idx').on(t.status, t.deadline),
  ],
);

/** A ticket's history: opened, evidence, reopened (with reason), verified. */
export const ticketEvents = pgTable(
  'ticket_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ticketId: uuid('ticket_id')
      .notNull()
      .references(() => tickets.id, { onDelete: 'cascade' }),
    action: text('action').notNull(),
    note: text('note').notNull().default(''),
    by: uuid('by').references(() => users.id, { onDelete: 'set null' }),
    byName: text('by_name').notNull(),
    at: ts('at').notNull().defaultNow(),
  },
  (t) => [index('ticket_events_ticket_idx').on(t.ticketId, t.at)],
);

/** Completion acceptance, organised by the client with the agency notified ahead. */
export const acceptances = pgTable(
  'acceptances',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    noticeDate: date('notice_date', { mode: 'string' }).notNull(),
    acceptanceDate: date('acceptance_date', { mode: 'string' }).notNull(),
    agency: text('agency').notNull(),
    organisedBy: uuid('organised_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: ts('created_at').notNull().defaultNow(),
    passedAt: ts('passed_at'),
    filedOn: date('filed_on', { mode: 'string' }),
    /** The ledger item that tracks filing within 15 days of passing. */
    filingLedgerItemId: uuid('filing_ledger_item_id').references(() => ledgerItems.id),
  },
  (t) => [uniqueIndex('acceptances_project_uq').on(t.projectId)],
);

/** One party's signature (with remarks) or refusal (with reasons). */
export const acceptanceSignatures = pgTable(
  'acceptance_signatures',
  {
    acceptanceId: uuid('acceptance_id')
      .notNull()
      .references(() => acceptances.id, { onDelete: 'cascade' }),
    party: text('party').$type<AcceptanceParty>().notNull(),
    decision: text('decision').$type<SignatureDecision>().notNull(),
    remarks: text('remarks').notNull().default(''),
    signedBy: uuid('signed_by').references(() => users.id, { onDelete: 'set null' }),
    signedByName: text('signed_by_name').notNull(),
    signedAt: ts('signed_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.acceptanceId, t.party] }),
    check('acceptance_signatures_refusal_has_reason', sql`${t.decision} <> 'refused' OR ${t.remarks} <> ''`),
  ],
);
