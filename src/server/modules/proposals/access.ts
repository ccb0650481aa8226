/**
 * Who may reach one proposal: proposals are the district's records (region code = the
 * district's), so the scope filter lets district-wide roles through and no one else; what they
 * may do to it is the route's right (proposal.handle, .review, .sign).
 */
import { and, eq } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.js';
import { proposals } from '../../db/schema.js';
import { type AccessRule, type Intent, requireAccess, scopeWhere } from '../../platform/access.js';
import type { Ctx } from '../../platform/context.js';

export const proposalRule: AccessRule = (p) => scopeWhere(p, proposals.regionCode);

/** One proposal the caller may reach, else 404. */
export async function loadProposal(
  ctx: Pick<Ctx, 'principal' | 'actor' | 'db'>,
  id: string,
  intent: Intent,
  db: Db | Tx = ctx.db,
) {
  return requireAccess(ctx, db, { type: 'proposal', id }, intent, proposalRule, (access) =>
    db
      .select()
      .from(proposals)
      .where(and(eq(proposals.id, id), access))
      .limit(1),
  );
}
