/**
 * Who reaches a resident supervisor and a report. A supervisor is reached within scope (the
 * compound's region); project-scoped roles (contractors, supervisors, resident supervisors) reach
 * those appointed to a project they reach. A report is a child of its project, reached as the
 * project is; only its reporter changes it (photos, verdict).
 */
import { and, eq, sql } from 'drizzle-orm';
import { projectScoped } from '../../../domain/access.js';
import type { Db, Tx } from '../../db/client.js';
import {
  projects,
  residentReports,
  residentSupervisors,
  supervisorAppointments,
  tickets,
} from '../../db/schema.js';
import { type AccessRule, holds, type Intent, requireAccess, scopeWhere } from '../../platform/access.js';
import type { Ctx } from '../../platform/context.js';
import { projectRule } from '../projects/access.js';

export const supervisorRule: AccessRule = (p) =>
  and(
    scopeWhere(p, residentSupervisors.regionCode),
    projectScoped(p.role)
      ? sql`(${residentSupervisors.userId} = ${p.userId} OR EXISTS (SELECT 1 FROM ${supervisorAppointments}
          JOIN ${projects} ON ${projects.id} = ${supervisorAppointments.projectId}
          WHERE ${supervisorAppointments.supervisorId} = ${residentSupervisors.id}
          AND ${holds(projectRule(p, 'read'))}))`
      : undefined,
  );

/** A resident supervisor the caller may reach with `intent`, or 404. */
export async function loadSupervisor(
  ctx: Pick<Ctx, 'db' | 'principal' | 'actor'>,
  id: string,
  intent: Intent,
  db: Db | Tx = ctx.db,
) {
  return requireAccess(ctx, db, { type: 'resident_supervisor', id }, intent, supervisorRule, (access) =>
    db
      .select()
      .from(residentSupervisors)
      .where(and(eq(residentSupervisors.id, id), access))
      .limit(1),
  );
}

/** Read as its project is; changed only by the supervisor who reported it. */
export const reportRule: AccessRule = (p, intent) =>
  and(
    sql`EXISTS (SELECT 1 FROM ${projects} WHERE ${projects.id} = ${residentReports.projectId}
      AND ${holds(projectRule(p, 'read'))})`,
    intent === 'write'
      ? sql`EXISTS (SELECT 1 FROM ${residentSupervisors}
          WHERE ${residentSupervisors.id} = ${residentReports.supervisorId} AND ${residentSupervisors.userId} = ${p.userId})`
      : undefined,
  );

/** A report with its ticket and project, or 404 (403 to change one the caller may only see). */
export async function loadReport(
  ctx: Pick<Ctx, 'db' | 'principal' | 'actor'>,
  id: string,
  intent: Intent,
  db: Db | Tx = ctx.db,
) {
  return requireAccess(ctx, db, { type: 'resident_report', id }, intent, reportRule, (access) =>
    db
      .select({ report: residentReports, ticket: tickets, project: projects })
      .from(residentReports)
      .innerJoin(tickets, eq(tickets.id, residentReports.ticketId))
      .innerJoin(projects, eq(projects.id, residentReports.projectId))
      .where(and(eq(residentReports.id, id), access))
      .limit(1),
  );
}

/** The registry entry of the signed-in resident supervisor, or null. */
export async function supervisorOfUser(db: Db | Tx, userId: string) {
  const [row] = await db
    .select()
    .from(residentSupervisors)
    .where(eq(residentSupervisors.userId, userId))
    .limit(1);
  return row ?? null;
}
