import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  foreignKey,
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
  type BallotChannel,
  ballotChannels,
  type VoteChoice,
  type VoteMatter,
  type VoteScope,
  type VoteStatus,
  voteChoices,
  voteMatters,
  voteScopes,
  voteStatuses,
} from '../../../domain/votes.js';
import { oneOf, ts } from '../../db/columns.js';
import { users } from '../../platform/schema.js';
import { buildings, compounds } from '../inventory/schema.js';

/**
 * An owners' vote (业主共同决定) on one matter, in a compound, one of its buildings or one
 * stairwell unit (a lift is voted per stairwell unit). Its register is frozen when it opens
 * (`vote_voters`, `vote_units`); `result` holds the tally as it stood when it closed.
 */
export const votes = pgTable(
  'votes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    compoundId: uuid('compound_id')
      .notNull()
      .references(() => compounds.id),
    regionCode: text('region_code').notNull(),
    scope: text('scope').$type<VoteScope>().notNull(),
    buildingId: uuid('building_id').references(() => buildings.id),
    /** The stairwell unit as households name it ("2单元"), for a unit vote. */
    unit: text('unit'),
    matter: text('matter').$type<VoteMatter>().notNull(),
    title: text('title').notNull(),
    description: text('description'),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    endsOn: date('ends_on', { mode: 'string' }).notNull(),
    status: text('status').$type<VoteStatus>().notNull().default('draft'),
    openedAt: ts('opened_at'),
    closedAt: ts('closed_at'),
    /** Passed (quorum and approval, by area and headcount), once closed. */
    passed: boolean('passed'),
    /** The tally at closing, each threshold with its numbers. */
    result: jsonb('result'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: ts('created_at').notNull().defaultNow(),
    isDemo: boolean('is_demo').notNull().default(false),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('votes_region_idx').on(t.regionCode.op('text_pattern_ops')),
    index('votes_compound_idx').on(t.compoundId),
    check('votes_status', oneOf(t.status, voteStatuses)),
    check('votes_scope', oneOf(t.scope, voteScopes)),
    check('votes_matter', oneOf(t.matter, voteMatters)),
    check(
      'votes_scope_parts',
      sql`(${t.scope} = 'compound' AND ${t.buildingId} IS NULL AND ${t.unit} IS NULL)
        OR (${t.scope} = 'building' AND ${t.buildingId} IS NOT NULL AND ${t.unit} IS NULL)
        OR (${t.scope} = 'unit' AND ${t.buildingId} IS NOT NULL AND ${t.unit} IS NOT NULL)`,
    ),
    check('votes_dates', sql`${t.endsOn} >= ${t.startsOn}`),
    check('votes_closed_result', sql`(${t.status} = 'closed') = (${t.passed} IS NOT NULL)`),
  ],
);

/**
 * The voters of the frozen register: one per headcount key (an owner once, all unsold developer
 * units as one), with their exclusive area in hundredths of m² and the code printed on their notice.
 */
export const voteVoters = pgTable(
  'vote_voters',
  {
    voteId: uuid('vote_id')
      .notNull()
      .references(() => votes.id, { onDelete: 'cascade' }),
    key: text('key').notNull(),
    ownerId: uuid('owner_id'),
    name: text('name').notNull(),
    /** Their rooms, as the notice names them ("1号楼 2单元 301、302"). */
    rooms: text('rooms').notNull(),
    areaCents: integer('area_cents').notNull(),
    units: integer('units').notNull(),
    code: text('code').notNull(),
    /**
     * Adding a lift: the lift occupies part of this owner's exclusive part, so the lift needs their
     * consent (a ballot "for") besides the thresholds. Marked by staff while the vote is open.
     */
    occupied: boolean('occupied').notNull().default(false),
    occupiedNote: text('occupied_note'),
  },
  (t) => [
    primaryKey({ columns: [t.voteId, t.key] }),
    uniqueIndex('vote_voters_code_uq').on(t.voteId, t.code),
    check('vote_voters_area', sql`${t.areaCents} >= 0`),
  ],
);

/** The exclusive units of the frozen register, for finding a voter by room. */
export const voteUnits = pgTable(
  'vote_units',
  {
    voteId: uuid('vote_id').notNull(),
    householdId: uuid('household_id').notNull(),
    voterKey: text('voter_key').notNull(),
    building: text('building').notNull(),
    unit: text('unit').notNull(),
    room: text('room').notNull(),
    areaCents: integer('area_cents').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.voteId, t.householdId] }),
    foreignKey({
      name: 'vote_units_voter_fk',
      columns: [t.voteId, t.voterKey],
      foreignColumns: [voteVoters.voteId, voteVoters.key],
    }).onDelete('cascade'),
    index('vote_units_voter_idx').on(t.voteId, t.voterKey),
  ],
);

/** One ballot per voter per vote: cast online by the owner with their code, or a paper ballot entered by staff. */
export const voteBallots = pgTable(
  'vote_ballots',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    voteId: uuid('vote_id').notNull(),
    voterKey: text('voter_key').notNull(),
    choice: text('choice').$type<VoteChoice>().notNull(),
    channel: text('channel').$type<BallotChannel>().notNull(),
    /** The owner's own remark (online) or what the paper ballot says beside the choice. */
    remark: text('remark'),
    enteredBy: uuid('entered_by').references(() => users.id, { onDelete: 'set null' }),
    castAt: ts('cast_at').notNull().defaultNow(),
    /** The last correction's reason (every correction is in the audit trail). */
    correctionReason: text('correction_reason'),
    correctedAt: ts('corrected_at'),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('vote_ballots_voter_uq').on(t.voteId, t.voterKey),
    foreignKey({
      name: 'vote_ballots_voter_fk',
      columns: [t.voteId, t.voterKey],
      foreignColumns: [voteVoters.voteId, voteVoters.key],
    }).onDelete('cascade'),
    check('vote_ballots_choice', oneOf(t.choice, voteChoices)),
    check('vote_ballots_channel', oneOf(t.channel, ballotChannels)),
  ],
);
