/**
 * Who may reach one project, and so its items, funding, accountability, site photos and quality
 * records: those whose scope holds the project's region; contractors and supervisors only where
 * they are also named on it (as people of its construction, supervising or design unit), resident
 * supervisors only where they are appointed to it.
 */
import { and, eq, type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { projectScoped } from '../../../domain/access.js';
import type { Db, Tx } from '../../db/client.js';
import {
  firmPeople,
  projectPeople,
  projects,
  residentSupervisors,
  supervisorAppointments,
} from '../../db/schema.js';
import { type AccessRule, type Intent, requireAccess, scopeWhere } from '../../platform/access.js';
import type { Ctx, Principal } from '../../platform/context.js';

/**
 * For roles that reach only the projects they are named on: the project `projectId` names them
 * (undefined, no restriction, for every other role) — a contractor or supervisor as a person of
 * one of its units, a resident supervisor by appointment. A null project names nobody.
 */
export function namedOn(p: Pick<Principal, 'role' | 'userId'>, projectId: AnyPgColumn): SQL | undefined {
  if (!projectScoped(p.role)) return undefined;
  if (p.role === 'resident_supervisor')
    return sql`EXISTS (SELECT 1 FROM ${supervisorAppointments}
    JOIN ${residentSupervisors} ON ${residentSupervisors.id} = ${supervisorAppointments.supervisorId}
    WHERE ${supervisorAppointments.projectId} = ${projectId} AND ${residentSupervisors.userId} = ${p.userId})`;
  return sql`EXISTS (SELECT 1 FROM ${projectPeople}
    JOIN ${firmPeople} ON ${firmPeople.id} = ${projectPeople.personId}
    WHERE ${projectPeople.projectId} = ${projectId} AND ${firmPeople.userId} = ${p.userId})`;
}

/**
 * The scope filter for records that sit in a region and may belong to a project (ledger items,
 * meetings, funding): in scope, and for project-scoped roles on a project they are named on.
 */
export const scopeAndNamed = (p: Principal, regionCode: AnyPgColumn, projectId: AnyPgColumn) =>
  and(scopeWhere(p, regionCode), namedOn(p, projectId));

export const projectRule: AccessRule = (p) => scopeAndNamed(p, projects.regionCode, projects.id);

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
