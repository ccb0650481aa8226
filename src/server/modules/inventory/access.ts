/** Who may reach one compound (and its buildings and households): those whose scope holds it. */
import { and, eq } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.js';
import { compounds } from '../../db/schema.js';
import { type AccessRule, type Intent, requireAccess, scopeWhere } from '../../platform/access.js';
import type { Ctx } from '../../platform/context.js';

export const compoundRule: AccessRule = (p) => scopeWhere(p, compounds.regionCode);

/** A compound the caller may reach with `intent`, or 404. */
export async function loadCompound(
  ctx: Pick<Ctx, 'db' | 'principal' | 'actor'>,
  id: string,
  intent: Intent,
  db: Db | Tx = ctx.db,
) {
  return requireAccess(ctx, db, { type: 'compound', id }, intent, compoundRule, (access) =>
    db
      .select()
      .from(compounds)
      .where(and(eq(compounds.id, id), access))
      .limit(1),
  );
}
