/**
 * Who reaches an opinion: staff whose role reads the inbox, within their region scope (the
 * compound's region). Contractors, supervisors and resident supervisors do not see the inbox.
 */
import { and, eq, sql } from 'drizzle-orm';
import { can } from '../../../domain/access.js';
import type { Db, Tx } from '../../db/client.js';
import { opinions } from '../../db/schema.js';
import { type AccessRule, requireAccess, scopeWhere } from '../../platform/access.js';
import type { Ctx } from '../../platform/context.js';

export const opinionRule: AccessRule = (p, intent) =>
  can(p.role, intent === 'write' ? 'opinion.handle' : 'opinion.read')
    ? scopeWhere(p, opinions.regionCode)
    : sql`false`;

/** An opinion the caller may reach with `intent`, or 404 (403 to change one they may only see). */
export async function loadOpinion(
  ctx: Pick<Ctx, 'db' | 'principal' | 'actor'>,
  id: string,
  intent: 'read' | 'write',
  db: Db | Tx = ctx.db,
) {
  return requireAccess(ctx, db, { type: 'opinion', id }, intent, opinionRule, (access) =>
    db
      .select()
      .from(opinions)
      .where(and(eq(opinions.id, id), access))
      .limit(1),
  );
}
