/**
 * Who may reach one owners' vote (and so its register, ballots and scans): those whose scope holds
 * its compound; contractors and supervisors only on compounds of projects they are named on.
 * Changing it is for `vote.manage` staff (the route asks) within the same reach.
 */
import { and, eq, sql } from 'drizzle-orm';
import { can, projectScoped } from '../../../domain/access.js';
import type { Db, Tx } from '../../db/client.js';
import { projects, votes } from '../../db/schema.js';
import { type AccessRule, type Intent, requireAccess, scopeWhere } from '../../platform/access.js';
import type { Ctx } from '../../platform/context.js';
import { namedOn } from '../projects/access.js';

export const voteRule: AccessRule = (p) =>
  and(
    scopeWhere(p, votes.regionCode),
    projectScoped(p.role)
      ? sql`EXISTS (SELECT 1 FROM ${projects} WHERE ${projects.compoundId} = ${votes.compoundId} AND ${namedOn(p, projects.id)})`
      : undefined,
  );

/** One vote the caller may reach with `intent`, or 404 (403 when only readable). */
export async function loadVote(
  ctx: Pick<Ctx, 'db' | 'principal' | 'actor'>,
  id: string,
  intent: Intent,
  db: Db | Tx = ctx.db,
) {
  const vote = await requireAccess(ctx, db, { type: 'vote', id }, intent, voteRule, (access) =>
    db
      .select()
      .from(votes)
      .where(and(eq(votes.id, id), access))
      .limit(1),
  );
  return { ...vote, canManage: can(ctx.principal.role, 'vote.manage') };
}
