import { boolean, check, index, integer, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { type OpinionStatus, opinionStatuses } from '../../../domain/opinions.js';
import { oneOf, ts } from '../../db/columns.js';
import { users } from '../../platform/schema.js';
import { compounds } from '../inventory/schema.js';
import { ledgerItems } from '../ledger/schema.js';
import { tickets } from '../quality/schema.js';

/**
 * Residents' opinions and complaints, sent without an account from a compound's public page. The
 * contact is personal data (masked as owners' phones are, never public); the receipt code is kept
 * only as its hash, so the table cannot answer whose receipt is whose.
 */
export const opinions = pgTable(
  'opinions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    compoundId: uuid('compound_id')
      .notNull()
      .references(() => compounds.id),
    /** The compound's region, copied for scope (codes nest by prefix). */
    regionCode: text('region_code').notNull(),
    category: text('category').notNull(),
    text: text('text').notNull(),
    contact: text('contact'),
    /** sha256 of the normalised receipt code (hex). */
    receiptHash: text('receipt_hash').notNull().unique(),
    status: text('status').$type<OpinionStatus>().notNull().default('received'),
    answer: text('answer'),
    answeredAt: ts('answered_at'),
    answeredBy: uuid('answered_by').references(() => users.id, { onDelete: 'set null' }),
    ticketId: uuid('ticket_id').references(() => tickets.id, { onDelete: 'set null' }),
    ledgerItemId: uuid('ledger_item_id').references(() => ledgerItems.id, { onDelete: 'set null' }),
    isDemo: boolean('is_demo').notNull().default(false),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('opinions_region_idx').on(t.regionCode.op('text_pattern_ops'), t.createdAt),
    index('opinions_compound_idx').on(t.compoundId, t.createdAt),
    index('opinions_status_idx').on(t.status),
    check('opinions_status', oneOf(t.status, opinionStatuses)),
  ],
);

/** Challenges answered on the public form: each is accepted once, until it would have expired anyway. */
export const opinionChallenges = pgTable('opinion_challenges', {
  nonce: text('nonce').primaryKey(),
  expiresAt: ts('expires_at').notNull(),
});
