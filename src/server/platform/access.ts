import { or, type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { AuditEntityType } from '../../contract/audit.js';
import { type Action, can } from '../../domain/access.js';
import type { Db, Tx } from '../db/client.js';
import { recordAudit } from './audit.js';
import type { Ctx, Principal } from './context.js';
import { AppError, notFound } from './errors.js';

/**
 * The one scope filter: restricts `column` (a region code) to the principal's regions.
 * Returns undefined when the principal sees the whole district. Every list, load, export and
 * statistic passes its region column through here.
 */
export function scopeWhere(principal: Pick<Principal, 'prefixes'>, column: AnyPgColumn): SQL | undefined {
  const { prefixes } = principal;
  if (prefixes === null) return undefined;
  if (prefixes.length === 0) return sql`false`;
  // LIKE 'prefix%' on a text_pattern_ops index: the same query for a community or a province.
  return sql`(${sql.join(
    prefixes.map((p) => sql`${column} LIKE ${`${p}%`}`),
    sql` OR `,
  )})`;
}

/** Refuse (and record the refusal) unless the principal's role allows `action`. */
export async function authorize(ctx: Ctx, action: Action): Promise<void> {
  if (can(ctx.principal.role, action)) return;
  await recordAudit(ctx.db, ctx.actor, {
    action: 'access.denied',
    outcome: 'denied',
    after: { reason: 'role', action },
  });
  throw new AppError('FORBIDDEN');
}

/** Why a single record is wanted: to look at it, or to change it (or add to it). */
export type Intent = 'read' | 'write';

/**
 * Which rows of one kind of record a principal may reach with an intent, as a SQL condition on
 * that record's table (undefined: every row). Each area writes its rule once, in its `access.ts`.
 */
export type AccessRule = (principal: Principal, intent: Intent) => SQL | undefined;

/** The caller's scope widened by other conditions (e.g. "or assigned to this user's cadre"). */
export function scopeOr(
  principal: Pick<Principal, 'prefixes'>,
  column: AnyPgColumn,
  ...also: SQL[]
): SQL | undefined {
  const scope = scopeWhere(principal, column);
  return scope === undefined ? undefined : or(scope, ...also);
}

/** A rule's condition as a boolean expression (true where the rule allows every row). */
export const holds = (condition: SQL | undefined): SQL<boolean> =>
  condition === undefined ? sql<boolean>`true` : sql<boolean>`(${condition})`;

/**
 * The one access path for single records: `select(access)` selects the record by its id with
 * `access` added to its WHERE. A record the caller may not read, or that does not exist, is a
 * 404 (so an outsider learns nothing); one the caller may read but not change, when a write is
 * intended, is a 403 and the refusal is audited.
 */
export async function requireAccess<T>(
  ctx: Pick<Ctx, 'principal' | 'actor'>,
  db: Db | Tx,
  record: { type: AuditEntityType; id: string },
  intent: Intent,
  rule: AccessRule,
  select: (access: SQL | undefined) => PromiseLike<T[]>,
): Promise<T> {
  const [row] = await select(rule(ctx.principal, intent));
  if (row !== undefined) return row;
  if (intent === 'write') {
    const [seen] = await select(rule(ctx.principal, 'read'));
    if (seen !== undefined) {
      // In an open transaction this is a savepoint, and the refusal goes if the transaction does.
      await recordAudit(db as Db, ctx.actor, {
        action: 'access.denied',
        outcome: 'denied',
        entityType: record.type,
        entityId: record.id,
        after: { reason: 'record', intent },
      });
      throw new AppError('FORBIDDEN');
    }
  }
  throw notFound();
}
