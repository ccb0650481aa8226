/**
 * Who may reach one project, and so its items, funding, accountability and site photos: those
 * whose scope holds the project's region. Contractors and supervisors will narrow to their own
 * projects here, in this one rule.
 */
import { and, eq } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.js';
import { projects } from '../../db/schema.js';
import { type AccessRule, type Intent, requireAccess, scopeWhere } from '../../platform/access.js';
import type { Ctx } from '../../platform/context.js';

export const projectRule: AccessRule = (p) => scopeWhere(p, projects.regionCode);

/** A project the caller may reach with `intent`, or 404. */
export async function loadProject(
  ctx: Pick<Ctx, 'db' | 'principal' | 'actor'>,
  id: string,
  intent: Intent,
  db: Db | Tx = ctx.db,
) {
  return requireAccess(ctx, db, { type: 'project', id }, intent, projectRule, (access) =>
    db
      .select()
      .from(projects)
      .where(and(eq(projects.id, id), access))
      .limit(1),
  );
}
