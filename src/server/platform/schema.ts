import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { ts } from '../db/columns.js';

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    username: text('username').notNull(),
    displayName: text('display_name').notNull(),
    role: text('role').notNull(),
    scopeRegions: text('scope_regions').array().notNull().default(sql`'{}'::text[]`),
    /** The narrowest region holding the whole scope; null for district-wide roles. Scope filters use it. */
    regionCode: text('region_code'),
    passwordHash: text('password_hash').notNull(),
    disabled: boolean('disabled').notNull().default(false),
    /** Set when someone else chose the password (an admin, a generated one); cleared when the user sets their own. */
    mustChangePassword: boolean('must_change_password').notNull().default(false),
    failedCount: integer('failed_count').notNull().default(0),
    firstFailedAt: ts('first_failed_at'),
    lockedUntil: ts('locked_until'),
    lastLoginAt: ts('last_login_at'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('users_username_uq').on(sql`lower(${t.username})`),
    index('users_region_idx').on(t.regionCode.op('text_pattern_ops')),
  ],
);

/**
 * Failed logins per account and client address: an address that keeps guessing locks the
 * account for itself only (the account-wide count, on `users`, has a much higher threshold).
 */
export const loginFailures = pgTable(
  'login_failures',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** The client address ('' when unknown). */
    ip: text('ip').notNull(),
    failedCount: integer('failed_count').notNull().default(0),
    firstFailedAt: ts('first_failed_at'),
    lockedUntil: ts('locked_until'),
  },
  (t) => [primaryKey({ columns: [t.userId, t.ip] })],
);

/** Server-side sessions, shared by every app instance; the cookie carries a token whose hash is the id. */
export const sessions = pgTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    csrfToken: text('csrf_token').notNull(),
    createdAt: ts('created_at').notNull(),
    lastSeenAt: ts('last_seen_at').notNull(),
    ip: text('ip'),
    userAgent: text('user_agent'),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

/** Append-only, hash-chained audit trail: seq is gapless and each hash covers the previous one. */
export const auditEvents = pgTable(
  'audit_events',
  {
    seq: bigint('seq', { mode: 'number' }).primaryKey(),
    at: ts('at').notNull(),
    actorId: uuid('actor_id'),
    actorName: text('actor_name').notNull(),
    action: text('action').notNull(),
    entityType: text('entity_type'),
    entityId: text('entity_id'),
    regionCode: text('region_code'),
    outcome: text('outcome').notNull(),
    ip: text('ip'),
    before: jsonb('before'),
    after: jsonb('after'),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [
    index('audit_at_idx').on(t.at),
    index('audit_entity_idx').on(t.entityType, t.entityId),
    index('audit_action_idx').on(t.action),
    index('audit_region_idx').on(t.regionCode.op('text_pattern_ops')),
  ],
);

/** Installation settings that rules read (e.g. the "old compound" cut-off year). */
export const settings = pgTable('settings', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
});

/** Long work (imports) done in the background; clients poll it for progress. */
export const jobs = pgTable(
  'jobs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind').notNull(),
    status: text('status').notNull(),
    fileName: text('file_name'),
    filePath: text('file_path'),
    progress: integer('progress').notNull().default(0),
    result: jsonb('result'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [index('jobs_created_by_idx').on(t.createdBy, t.createdAt)],
);
