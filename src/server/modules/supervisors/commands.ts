/**
 * Every supervisors write: the registry, appointments and logins (staff); a supervisor's report
 * (a rectification ticket in the one ticket flow), its photos, their verdict on the fix, and their
 * remark at the completion acceptance. One transaction each, with its audit event.
 */
import { and, eq, isNull, sql } from 'drizzle-orm';
import type {
  CreateSupervisorBody,
  ReportBody,
  UpdateSupervisorBody,
} from '../../../contract/supervisors.js';
import { maskName } from '../../../domain/masking.js';
import { photoMaxBytes } from '../../../domain/photos.js';
import {
  addDays,
  type ReporterAction,
  reporterStep,
  residentReportDays,
  type TicketStatus,
} from '../../../domain/quality.js';
import {
  acceptanceFeedback,
  buildings,
  residentReports,
  residentSupervisors,
  supervisorAppointments,
  ticketEvents,
  tickets,
} from '../../db/schema.js';
import { type Ctx, write } from '../../platform/context.js';
import { AppError, conflict, found, notFound } from '../../platform/errors.js';
import { generatePassword } from '../../platform/passwords.js';
import { readUpload } from '../../platform/uploads.js';
import { loadCompound } from '../inventory/access.js';
import { notify } from '../notifications/service.js';
import { storePhoto } from '../photos/service.js';
import { loadProject } from '../projects/access.js';
import { openTicketIn, usersOfUnit } from '../quality/commands.js';
import { acceptanceOf } from '../quality/queries.js';
import { createUser } from '../users/commands.js';
import { loadReport, loadSupervisor, supervisorOfUser } from './access.js';
import { type Refusal, refusal } from './messages.js';
import { supervisorById } from './queries.js';

const refuse = (field: string, code: Refusal, ctx: Ctx): never => {
  throw new AppError('VALIDATION_FAILED', { [field]: refusal(code, ctx.lang) });
};
const entity = (s: { id: string; regionCode: string }) => ({
  entityType: 'resident_supervisor' as const,
  entityId: s.id,
  regionCode: s.regionCode,
});

export async function createSupervisor(ctx: Ctx, input: CreateSupervisorBody) {
  return write(ctx.db, ctx.actor, async (tx, audit) => {
    const compound = await loadCompound(ctx, input.compoundId, 'read', tx);
    const [row] = await tx
      .insert(residentSupervisors)
      .values({ ...input, regionCode: compound.regionCode })
      .returning();
    const supervisor = found(row);
    await audit({ action: 'supervisor.create', ...entity(supervisor), after: supervisor });
    return supervisorById(tx, ctx.principal, supervisor.id);
  });
}

export async function updateSupervisor(ctx: Ctx, id: string, input: UpdateSupervisorBody) {
  return write(ctx.db, ctx.actor, async (tx, audit) => {
    const before = await loadSupervisor(ctx, id, 'write', tx);
    const { version, ...changes } = input;
    const [after] = await tx
      .update(residentSupervisors)
      .set({ ...changes, version: sql`${residentSupervisors.version} + 1` })
      .where(and(eq(residentSupervisors.id, id), eq(residentSupervisors.version, version)))
      .returning();
    if (!after) throw conflict();
    await audit({ action: 'supervisor.update', ...entity(after), before, after });
    return supervisorById(tx, ctx.principal, id);
  });
}

/** Appoint a supervisor to a project of their own compound (residents watch their own renovation). */
export async function appointSupervisor(ctx: Ctx, id: string, projectId: string, today: string) {
  return write(ctx.db, ctx.actor, async (tx, audit) => {
    const supervisor = await loadSupervisor(ctx, id, 'write', tx);
    const project = await loadProject(ctx, projectId, 'read', tx);
    if (project.compoundId !== supervisor.compoundId) refuse('projectId', 'not_their_compound', ctx);
    await tx
      .insert(supervisorAppointments)
      .values({ supervisorId: id, projectId: project.id, appointedOn: today })
      .onConflictDoNothing();
    await audit({ action: 'supervisor.appoint', ...entity(supervisor), after: { projectId: project.id } });
    return supervisorById(tx, ctx.principal, id);
  });
}

/**
 * End an appointment: the supervisor's login no longer reaches that project; their reports on it
 * stay (tickets in the one flow, still followed by the project's people and staff).
 */
export async function unappointSupervisor(ctx: Ctx, id: string, projectId: string) {
  return write(ctx.db, ctx.actor, async (tx, audit) => {
    const supervisor = await loadSupervisor(ctx, id, 'write', tx);
    const [removed] = await tx
      .delete(supervisorAppointments)
      .where(
        and(eq(supervisorAppointments.supervisorId, id), eq(supervisorAppointments.projectId, projectId)),
      )
      .returning();
    if (!removed) throw notFound();
    await audit({
      action: 'supervisor.unappoint',
      ...entity(supervisor),
      before: { projectId, appointedOn: removed.appointedOn },
    });
    return supervisorById(tx, ctx.principal, id);
  });
}

/**
 * Give a supervisor a `resident_supervisor` login, made as every user is (the users module), with
 * a generated password they change at first login; scoped to their compound's region, and within
 * it to the projects they are appointed to. The login's display name carries no personal name.
 */
export async function giveLogin(ctx: Ctx, id: string, username: string) {
  const supervisor = await loadSupervisor(ctx, id, 'write');
  if (supervisor.userId) refuse('username', 'login_exists', ctx);
  const password = generatePassword();
  const user = await createUser(ctx.db, ctx.actor, ctx, {
    username,
    displayName: `监督员${maskName(supervisor.name)}`,
    role: 'resident_supervisor',
    scopeRegions: [supervisor.regionCode],
    password,
    mustChangePassword: true,
  });
  return write(ctx.db, ctx.actor, async (tx, audit) => {
    const [linked] = await tx
      .update(residentSupervisors)
      .set({ userId: user.id, version: sql`${residentSupervisors.version} + 1` })
      .where(and(eq(residentSupervisors.id, id), isNull(residentSupervisors.userId)))
      .returning();
    if (!linked) refuse('username', 'login_exists', ctx);
    await audit({ action: 'supervisor.login', ...entity(supervisor), after: { userId: user.id, username } });
    return { supervisor: await supervisorById(tx, ctx.principal, id), username: user.username, password };
  });
}

/** The signed-in resident supervisor's registry entry (404 for anyone else). */
async function me(ctx: Ctx, tx: Parameters<typeof supervisorOfUser>[0]) {
  const row = await supervisorOfUser(tx, ctx.principal.userId);
  if (!row) throw notFound();
  return row;
}

/**
 * A problem reported on a project the supervisor is appointed to (404 otherwise, as any record out
 * of reach): a rectification ticket to the construction unit, due `residentReportDays` later, in
 * the one ticket flow; the report keeps where it is and who reported it.
 */
export async function reportProblem(ctx: Ctx, projectId: string, input: ReportBody, today: string) {
  return write(ctx.db, ctx.actor, async (tx, audit) => {
    const supervisor = await me(ctx, tx);
    const project = await loadProject(ctx, projectId, 'read', tx);
    let buildingNumber = '';
    if (input.buildingId) {
      const [building] = await tx
        .select({ number: buildings.number })
        .from(buildings)
        .where(and(eq(buildings.id, input.buildingId), eq(buildings.compoundId, project.compoundId)));
      if (!building) return refuse('buildingId', 'building_not_in_compound', ctx);
      buildingNumber = `${building.number}号楼 `;
    }
    const title = `居民监督员反映：${buildingNumber}${input.place}，${input.description}`.slice(0, 200);
    const ticketId = await openTicketIn(
      tx,
      ctx,
      audit,
      project,
      { title, deadline: addDays(today, residentReportDays), source: 'resident_report' },
      today,
      '',
    );
    const [row] = await tx
      .insert(residentReports)
      .values({ ...input, ticketId, projectId: project.id, supervisorId: supervisor.id })
      .returning();
    const report = found(row);
    await audit({
      action: 'resident_report.create',
      entityType: 'resident_report',
      entityId: report.id,
      regionCode: project.regionCode,
      after: report,
    });
    return report.id;
  });
}

/** A photo of the problem, on one's own report; what it is comes from its bytes (images only). */
export async function addReportPhoto(
  ctx: Ctx,
  id: string,
  query: { fileName: string; takenAt?: string },
  body: unknown,
) {
  const { project } = await loadReport(ctx, id, 'write');
  const bytes = await readUpload(body, photoMaxBytes);
  return storePhoto(
    ctx,
    {
      projectId: project.id,
      regionCode: project.regionCode,
      reportId: id,
      ...(query.takenAt ? { takenAt: new Date(query.takenAt) } : {}),
    },
    query.fileName,
    bytes,
    { entityType: 'resident_report', entityId: id },
  );
}

/**
 * The reporter's verdict on the fix (`reporterStep`): a confirmation is recorded on the ticket
 * and told to the supervising unit, who verify; a dispute reopens the ticket, with its reason, and
 * the construction unit owes a new fix.
 */
export async function judgeFix(
  ctx: Ctx,
  id: string,
  action: ReporterAction,
  input: { version: number; note?: string; reason?: string },
) {
  return write(ctx.db, ctx.actor, async (tx, audit) => {
    const { report, ticket, project } = await loadReport(ctx, id, 'write', tx);
    if (ticket.version !== input.version) throw conflict();
    const reason = input.reason ?? '';
    const step = reporterStep(
      {
        status: ticket.status as TicketStatus,
        fixedAt: ticket.fixedAt?.toISOString() ?? null,
        verdict: report.verdict,
        verdictAt: report.verdictAt?.toISOString() ?? null,
      },
      action,
      reason,
    );
    if ('problem' in step)
      return refuse(step.problem === 'reason_required' ? 'reason' : 'status', step.problem, ctx);
    const now = new Date();
    const note = action === 'dispute' ? reason : (input.note ?? '');
    const [after] = await tx
      .update(tickets)
      .set({
        status: step.to,
        ...(step.to === 'reopened' ? { reopenedAt: now } : {}),
        version: sql`${tickets.version} + 1`,
      })
      .where(and(eq(tickets.id, ticket.id), eq(tickets.version, input.version)))
      .returning();
    if (!after) throw conflict();
    await tx
      .update(residentReports)
      .set({ verdict: step.verdict, verdictAt: now, verdictNote: note })
      .where(eq(residentReports.id, id));
    await tx.insert(ticketEvents).values({
      ticketId: ticket.id,
      action,
      note,
      by: ctx.principal.userId,
      byName: ctx.principal.displayName,
      at: now,
    });
    await audit({
      action: action === 'confirm' ? 'ticket.confirm' : 'ticket.dispute',
      entityType: 'ticket',
      entityId: ticket.id,
      regionCode: project.regionCode,
      before: { status: ticket.status },
      after: { status: step.to, verdict: step.verdict, ...(note ? { note } : {}) },
    });
    await notify(
      tx,
      await usersOfUnit(tx, project.id, action === 'confirm' ? 'supervision' : 'construction'),
      {
        kind: 'status_change',
        title: `${action === 'confirm' ? '居民监督员已确认整改' : '居民监督员对整改有异议，已退回'}：${ticket.title}`,
        link: `/projects/${project.id}/quality`,
        subject: `project:${project.id}:ticket:${ticket.id}:${action}:${after.version}`,
      },
    );
  });
}

/** A resident supervisor's remark on the completion acceptance of a project they are appointed to. */
export async function giveFeedback(ctx: Ctx, projectId: string, remark: string) {
  await write(ctx.db, ctx.actor, async (tx, audit) => {
    const supervisor = await me(ctx, tx);
    const project = await loadProject(ctx, projectId, 'read', tx);
    const acceptance = await acceptanceOf(tx, project.id);
    if (!acceptance) return refuse('remark', 'no_acceptance', ctx);
    const row = { acceptanceId: acceptance.id, supervisorId: supervisor.id, remark, at: new Date() };
    await tx
      .insert(acceptanceFeedback)
      .values(row)
      .onConflictDoUpdate({
        target: [acceptanceFeedback.acceptanceId, acceptanceFeedback.supervisorId],
        set: { remark, at: row.at },
      });
    await audit({
      action: 'acceptance.feedback',
      entityType: 'acceptance',
      entityId: acceptance.id,
      regionCode: project.regionCode,
      after: { remark },
    });
  });
}
