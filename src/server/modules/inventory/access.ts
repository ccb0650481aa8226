/**
 * Who may reach one compound (and its buildings and households): those whose scope holds it;
 * contractors and supervisors only the compounds of projects they are named on.
 */
import { and, eq, sql } from 'drizzle-orm';
import { projectScoped } from '../../../domain/access.js';
import type { Db, Tx } from '../../db/client.js';
import { compounds, projects } from '../../db/schema.js';
import { type AccessRule, type Intent, requireAccess, scopeWhere } from '../../platform/access.js';
import type { Ctx } from '../../platform/context.js';
import { namedOn } from '../projects/access.js';

export const compoundRule: AccessRule = (p) =>
  and(
    scopeWhere(p, compounds.regionCode),
    projectScoped(p.role)
      ? sql`EXISTS (SELECT 1 FROM ${projects} WHERE ${projects.compoundId} = ${compounds.id} AND ${namedOn(p, projects.id)})`
      : undefined,
  );

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
