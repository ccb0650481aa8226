/**
 * Who reaches a firm, and the quality records of a project. Firms are a district registry:
 * everyone signed in may look at one (contractors and supervisors at the firms of their projects),
 * and `firm.manage` (asked by the route) may change it. Quality records are children of their
 * project and are reached through `loadProject` (404 outside it, 403 to change what one may only see).
 */
import { and, eq, sql } from 'drizzle-orm';
import { projectScoped } from '../../../domain/access.js';
import type { Db, Tx } from '../../db/client.js';
import { concealedWorks, firms, inspections, projectFirms, projects, tickets } from '../../db/schema.js';
import { type AccessRule, type Intent, requireAccess } from '../../platform/access.js';
import type { Ctx } from '../../platform/context.js';
import { projectRule } from '../projects/access.js';

export const firmRule: AccessRule = (p) =>
  projectScoped(p.role)
    ? sql`EXISTS (SELECT 1 FROM ${projectFirms} JOIN ${projects} ON ${projects.id} = ${projectFirms.projectId}
        WHERE ${projectFirms.firmId} = ${firms.id} AND ${projectRule(p, 'read')})`
    : undefined;

/** A firm the caller may reach with `intent`, or 404. */
export async function loadFirm(
  ctx: Pick<Ctx, 'db' | 'principal' | 'actor'>,
  id: string,
  intent: Intent,
  db: Db | Tx = ctx.db,
) {
  return requireAccess(ctx, db, { type: 'firm', id }, intent, firmRule, (access) =>
    db
      .select()
      .from(firms)
      .where(and(eq(firms.id, id), access))
      .limit(1),
  );
}

/** An inspection, reached as its project is (404 outside it; 403 to add to one the caller may only see). */
export async function loadInspection(ctx: Ctx, id: string, intent: Intent, db: Db | Tx = ctx.db) {
  return requireAccess(ctx, db, { type: 'inspection', id }, intent, projectRule, (access) =>
    db
      .select({ record: inspections, project: projects })
      .from(inspections)
      .innerJoin(projects, eq(projects.id, inspections.projectId))
      .where(and(eq(inspections.id, id), access))
      .limit(1),
  );
}

/** A concealed-works request, reached as its project is. */
export async function loadConcealed(ctx: Ctx, id: string, intent: Intent, db: Db | Tx = ctx.db) {
  return requireAccess(ctx, db, { type: 'concealed_work', id }, intent, projectRule, (access) =>
    db
      .select({ record: concealedWorks, project: projects })
      .from(concealedWorks)
      .innerJoin(projects, eq(projects.id, concealedWorks.projectId))
      .where(and(eq(concealedWorks.id, id), access))
      .limit(1),
  );
}

/** A rectification ticket, reached as its project is. */
export async function loadTicket(ctx: Ctx, id: string, intent: Intent, db: Db | Tx = ctx.db) {
  return requireAccess(ctx, db, { type: 'ticket', id }, intent, projectRule, (access) =>
    db
      .select({ record: tickets, project: projects })
      .from(tickets)
      .innerJoin(projects, eq(projects.id, tickets.projectId))
      .where(and(eq(tickets.id, id), access))
      .limit(1),
  );
}
