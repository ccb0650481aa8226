/** Reading the registry, a report, and a resident supervisor's own page. */
import { and, asc, count, desc, eq, inArray, isNotNull, isNull, like, or, type SQL } from 'drizzle-orm';
import type {
  MySupervision,
  ResidentReport,
  ResidentSupervisor,
  SupervisorListQuery,
} from '../../../contract/supervisors.js';
import { can } from '../../../domain/access.js';
import { districtToday } from '../../../domain/ledger.js';
import { maskRecord } from '../../../domain/masking.js';
import { currentVerdict, type TicketStatus, ticketOverdue } from '../../../domain/quality.js';
import type { Db, Tx } from '../../db/client.js';
import {
  acceptanceFeedback,
  acceptances,
  buildings,
  compounds,
  photos,
  projects,
  residentReports,
  residentSupervisors,
  supervisorAppointments,
  ticketEvents,
  tickets,
  users,
} from '../../db/schema.js';
import { holds } from '../../platform/access.js';
import type { Ctx, Principal } from '../../platform/context.js';
import { notFound } from '../../platform/errors.js';
import { anyRow, contains, paged } from '../../platform/sql.js';
import { projectRule } from '../projects/access.js';
import { supervisorOfUser, supervisorRule } from './access.js';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** Name and phone as the caller may see them (masked as owners' are). */
export function masked<T extends { name: string; phone?: string | null }>(principal: Principal, row: T): T {
  return maskRecord('resident_supervisor', row, (a) => can(principal.role, a)) as T;
}

type SupervisorRow = typeof residentSupervisors.$inferSelect;

/** Registry rows as the caller sees them: compound, login, the appointments in reach, reports. */
async function present(
  db: Db | Tx,
  principal: Principal,
  rows: SupervisorRow[],
): Promise<ResidentSupervisor[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const compoundNames = await db
    .select({ id: compounds.id, name: compounds.name })
    .from(compounds)
    .where(
      inArray(
        compounds.id,
        rows.map((r) => r.compoundId),
      ),
    );
  const userIds = rows.map((r) => r.userId).filter((u): u is string => u !== null);
  const logins = userIds.length
    ? await db
        .select({ id: users.id, username: users.username })
        .from(users)
        .where(inArray(users.id, userIds))
    : [];
  const appointed = await db
    .select({
      supervisorId: supervisorAppointments.supervisorId,
      id: projects.id,
      year: projects.year,
      status: projects.status,
      appointedOn: supervisorAppointments.appointedOn,
    })
    .from(supervisorAppointments)
    .innerJoin(projects, eq(projects.id, supervisorAppointments.projectId))
    .where(and(inArray(supervisorAppointments.supervisorId, ids), projectRule(principal, 'read')))
    .orderBy(asc(projects.year));
  const reports = await db
    .select({ supervisorId: residentReports.supervisorId, n: count() })
    .from(residentReports)
    .where(inArray(residentReports.supervisorId, ids))
    .groupBy(residentReports.supervisorId);
  return rows.map((r) =>
    masked(principal, {
      id: r.id,
      name: r.name,
      phone: r.phone,
      compoundId: r.compoundId,
      compoundName: compoundNames.find((c) => c.id === r.compoundId)?.name ?? '',
      regionCode: r.regionCode,
      username: logins.find((u) => u.id === r.userId)?.username ?? null,
      projects: appointed
        .filter((a) => a.supervisorId === r.id)
        .map(({ supervisorId: _, ...p }) => ({
          ...p,
          status: p.status as ResidentSupervisor['projects'][0]['status'],
        })),
      reports: reports.find((x) => x.supervisorId === r.id)?.n ?? 0,
      version: r.version,
    }),
  );
}

export async function listSupervisors(db: Db | Tx, principal: Principal, q: SupervisorListQuery) {
  const where = and(
    supervisorRule(principal, 'read'),
    q.region ? like(residentSupervisors.regionCode, `${q.region}%`) : undefined,
    q.compoundId ? eq(residentSupervisors.compoundId, q.compoundId) : undefined,
    q.login === 'true'
      ? isNotNull(residentSupervisors.userId)
      : q.login === 'false'
        ? isNull(residentSupervisors.userId)
        : undefined,
    // Searching by name or phone only where the caller sees them whole (else a search would reveal them).
    q.q
      ? or(
          contains(compounds.name, q.q),
          can(principal.role, 'household.personal') ? contains(residentSupervisors.name, q.q) : undefined,
          can(principal.role, 'household.personal') ? contains(residentSupervisors.phone, q.q) : undefined,
        )
      : undefined,
  );
  const page = await paged(
    db,
    db
      .select(anyRow)
      .from(residentSupervisors)
      .innerJoin(compounds, eq(compounds.id, residentSupervisors.compoundId))
      .where(where),
    (limit, offset) =>
      db
        .select({ s: residentSupervisors })
        .from(residentSupervisors)
        .innerJoin(compounds, eq(compounds.id, residentSupervisors.compoundId))
        .where(where)
        .orderBy(asc(residentSupervisors.regionCode), asc(compounds.name), asc(residentSupervisors.createdAt))
        .limit(limit)
        .offset(offset),
    q,
  );
  return {
    ...page,
    items: await present(
      db,
      principal,
      page.items.map((r) => r.s),
    ),
  };
}

export async function supervisorById(
  db: Db | Tx,
  principal: Principal,
  id: string,
): Promise<ResidentSupervisor> {
  const [row] = await db.select().from(residentSupervisors).where(eq(residentSupervisors.id, id));
  if (!row) throw notFound();
  const [one] = await present(db, principal, [row]);
  if (!one) throw notFound();
  return one;
}

const photoColumns = {
  id: photos.id,
  fileName: photos.fileName,
  size: photos.size,
  createdAt: photos.createdAt,
  takenAt: photos.takenAt,
  reportId: photos.reportId,
  ticketId: photos.ticketId,
};

/** Reports as `ResidentReport`s, for rows the caller already reaches (by rule or as their own). */
async function presentReports(
  db: Db | Tx,
  principal: Principal,
  where: SQL | undefined,
): Promise<ResidentReport[]> {
  const rows = await db
    .select({
      report: residentReports,
      ticket: tickets,
      compoundName: compounds.name,
      buildingNumber: buildings.number,
      reporter: residentSupervisors.name,
    })
    .from(residentReports)
    .innerJoin(tickets, eq(tickets.id, residentReports.ticketId))
    .innerJoin(projects, eq(projects.id, residentReports.projectId))
    .innerJoin(compounds, eq(compounds.id, projects.compoundId))
    .innerJoin(residentSupervisors, eq(residentSupervisors.id, residentReports.supervisorId))
    .leftJoin(buildings, eq(buildings.id, residentReports.buildingId))
    .where(where)
    .orderBy(desc(residentReports.createdAt))
    .limit(100);
  if (rows.length === 0) return [];
  const reportIds = rows.map((r) => r.report.id);
  const ticketIds = rows.map((r) => r.ticket.id);
  const pics = await db
    .select(photoColumns)
    .from(photos)
    .where(or(inArray(photos.reportId, reportIds), inArray(photos.ticketId, ticketIds)))
    .orderBy(asc(photos.createdAt));
  const events = await db
    .select()
    .from(ticketEvents)
    .where(inArray(ticketEvents.ticketId, ticketIds))
    .orderBy(asc(ticketEvents.at));
  const today = districtToday();
  const photo = (p: (typeof pics)[number]) => ({
    id: p.id,
    fileName: p.fileName,
    size: p.size,
    createdAt: p.createdAt.toISOString(),
    takenAt: iso(p.takenAt),
  });
  return rows.map(({ report: r, ticket: t, compoundName, buildingNumber, reporter }) => ({
    id: r.id,
    ticketId: t.id,
    projectId: r.projectId,
    compoundName,
    reporter: masked(principal, { name: reporter }).name,
    place: r.place,
    buildingId: r.buildingId,
    buildingNumber,
    description: r.description,
    createdAt: r.createdAt.toISOString(),
    status: t.status,
    deadline: t.deadline,
    overdue: ticketOverdue({ status: t.status as TicketStatus, deadline: t.deadline }, today),
    verdict: currentVerdict({ fixedAt: iso(t.fixedAt), verdict: r.verdict, verdictAt: iso(r.verdictAt) }),
    verdictNote: r.verdictNote,
    evidenceNote: t.evidenceNote,
    version: t.version,
    photos: pics.filter((p) => p.reportId === r.id).map(photo),
    // The current round's evidence: photos since the last reopen.
    evidence: pics
      .filter((p) => p.ticketId === t.id && (!t.reopenedAt || p.createdAt > t.reopenedAt))
      .map(photo),
    events: events
      .filter((e) => e.ticketId === t.id)
      .map((e) => ({ action: e.action, note: e.note, by: e.byName, at: e.at.toISOString() })),
  }));
}

/** One report, as its project's readers see it. */
export async function reportById(db: Db | Tx, principal: Principal, id: string): Promise<ResidentReport> {
  const [one] = await presentReports(
    db,
    principal,
    and(eq(residentReports.id, id), holds(projectRule(principal, 'read'))),
  );
  if (!one) throw notFound();
  return one;
}

/** The signed-in resident supervisor's page: the projects they are appointed to, and their reports. */
export async function mySupervision(ctx: Ctx): Promise<MySupervision> {
  const { db, principal } = ctx;
  const me = await supervisorOfUser(db, principal.userId);
  if (!me) throw notFound();
  const [compound] = await db
    .select({ name: compounds.name })
    .from(compounds)
    .where(eq(compounds.id, me.compoundId));
  const mine = await db
    .select({ project: projects, compoundName: compounds.name })
    .from(supervisorAppointments)
    .innerJoin(projects, eq(projects.id, supervisorAppointments.projectId))
    .innerJoin(compounds, eq(compounds.id, projects.compoundId))
    .where(and(eq(supervisorAppointments.supervisorId, me.id), projectRule(principal, 'read')))
    .orderBy(desc(projects.year));
  const compoundIds = [...new Set(mine.map((m) => m.project.compoundId))];
  const blocks = compoundIds.length
    ? await db
        .select({ id: buildings.id, number: buildings.number, compoundId: buildings.compoundId })
        .from(buildings)
        .where(inArray(buildings.compoundId, compoundIds))
        .orderBy(asc(buildings.number))
    : [];
  const projectIds = mine.map((m) => m.project.id);
  const accepted = projectIds.length
    ? await db
        .select({ acceptance: acceptances, remark: acceptanceFeedback.remark })
        .from(acceptances)
        .leftJoin(
          acceptanceFeedback,
          and(
            eq(acceptanceFeedback.acceptanceId, acceptances.id),
            eq(acceptanceFeedback.supervisorId, me.id),
          ),
        )
        .where(inArray(acceptances.projectId, projectIds))
    : [];
  return {
    supervisor: { id: me.id, name: me.name, compoundName: compound?.name ?? '' },
    projects: mine.map(({ project, compoundName }) => {
      const a = accepted.find((x) => x.acceptance.projectId === project.id);
      return {
        id: project.id,
        compoundName,
        year: project.year,
        status: project.status as MySupervision['projects'][0]['status'],
        buildings: blocks
          .filter((b) => b.compoundId === project.compoundId)
          .map(({ id, number }) => ({ id, number })),
        acceptance: a
          ? {
              acceptanceDate: a.acceptance.acceptanceDate,
              passedAt: iso(a.acceptance.passedAt),
              myRemark: a.remark,
            }
          : null,
      };
    }),
    reports: await presentReports(
      db,
      principal,
      and(eq(residentReports.supervisorId, me.id), holds(projectRule(principal, 'read'))),
    ),
  };
}

/** Residents' remarks on a completion acceptance, shown with it (names masked by role). */
export async function acceptanceRemarks(db: Db | Tx, principal: Principal, acceptanceId: string) {
  const rows = await db
    .select({ name: residentSupervisors.name, remark: acceptanceFeedback.remark, at: acceptanceFeedback.at })
    .from(acceptanceFeedback)
    .innerJoin(residentSupervisors, eq(residentSupervisors.id, acceptanceFeedback.supervisorId))
    .where(eq(acceptanceFeedback.acceptanceId, acceptanceId))
    .orderBy(asc(acceptanceFeedback.at));
  return rows.map((r) => ({
    by: masked(principal, { name: r.name }).name,
    remark: r.remark,
    at: r.at.toISOString(),
  }));
}
