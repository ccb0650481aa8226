import { sql } from 'drizzle-orm';
import { check, date, index, integer, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { type LedgerStatus, ledgerStatuses, type Priority, priorities } from '../../../domain/ledger.js';
import { oneOf, ts } from '../../db/columns.js';
import { users } from '../../platform/schema.js';
import { cadres, taskForces, units } from '../organisation/schema.js';
import { projects } from '../projects/schema.js';

/** Progress meetings and on-site office meetings: problems studied, decisions taken. */
export const meetings = pgTable(
  'meetings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    heldOn: date('held_on', { mode: 'string' }).notNull(),
    attendees: text('attendees').array().notNull().default(sql`'{}'::text[]`),
    problems: text('problems'),
    regionCode: text('region_code').notNull(),
    projectId: uuid('project_id').references(() => projects.id),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('meetings_region_idx').on(t.regionCode.op('text_pattern_ops'))],
);

/** One commitment with an owner and a deadline. Overdue is derived from the deadline, never stored. */
export const ledgerItems = pgTable(
  'ledger_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    title: text('title').notNull(),
    projectId: uuid('project_id').references(() => projects.id),
    meetingId: uuid('meeting_id').references(() => meetings.id),
    /** Owned by a cadre or by a unit (then its leader answers for it); exactly one is set. */
    ownerCadreId: uuid('owner_cadre_id').references(() => cadres.id),
    ownerUnitId: uuid('owner_unit_id').references(() => units.id),
    /** The headquarters task force that supervises the item (for the board by task force). */
    taskForceId: uuid('task_force_id').references(() => taskForces.id),
    deadline: date('deadline', { mode: 'string' }).notNull(),
    priority: text('priority').$type<Priority>().notNull().default('normal'),
    status: text('status').$type<LedgerStatus>().notNull().default('open'),
    regionCode: text('region_code').notNull(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: ts('created_at').notNull().defaultNow(),
    closedAt: ts('closed_at'),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('ledger_items_region_idx').on(t.regionCode.op('text_pattern_ops')),
    index('ledger_items_owner_idx').on(t.ownerCadreId, t.status),
    index('ledger_items_project_idx').on(t.projectId),
    index('ledger_items_open_deadline_idx').on(t.status, t.deadline),
    // Lists past the urgent items read the rest by deadline (see ledger/queries.ts, byEscalation).
    index('ledger_items_deadline_idx').on(t.deadline, t.id),
    index('ledger_items_unit_idx').on(t.ownerUnitId, t.status),
    check('ledger_items_one_owner', sql`num_nonnulls(${t.ownerCadreId}, ${t.ownerUnitId}) = 1`),
    check('ledger_items_status_check', oneOf(t.status, ledgerStatuses)),
    check('ledger_items_priority_check', oneOf(t.priority, priorities)),
  ],
);

export const ledgerProgress = pgTable(
  'ledger_progress',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    itemId: uuid('item_id')
      .notNull()
      .references(() => ledgerItems.id, { onDelete: 'cascade' }),
    note: text('note').notNull(),
    evidence: text('evidence'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('ledger_progress_item_idx').on(t.itemId, t.createdAt)],
);
