import { type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { type Action, can } from '../../domain/access.js';
import { recordAudit } from './audit.js';
import type { Ctx, Principal } from './context.js';
import { AppError } from './errors.js';

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
