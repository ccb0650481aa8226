/** Every quality write: one transaction each, with its audit event; refusals write nothing. */
import {
  and,
  asc,
  count,
  desc,
  eq,
  gt,
  inArray,
  isNotNull,
  isNull,
  lt,
  or,
  type SQL,
  type SQLWrapper,
  sql,
} from 'drizzle-orm';
import type {
  AcceptanceBody,
  ConcealedDecisionBody,
  ConcealedRequestBody,
  InspectionBody,
  QualityPlanBody,
  SampleBody,
  SignatureBody,
  ZonesBody,
} from '../../../contract/quality.js';
import { documentMaxBytes, photoMaxBytes } from '../../../domain/photos.js';
import {
  acceptanceProblems,
  addDays,
  coverProblem,
  decideProblem,
  type FirmKind,
  filingDays,
  type Gate,
  isSupervisingEngineer,
  noticeEarlyEnough,
  represents,
  signOffProblems,
  type TicketAction,
  type TicketSource,
  type TicketStatus,
  ticketStep,
  useApprovalProblems,
} from '../../../domain/quality.js';
import type { Tx } from '../../db/client.js';
import {
  acceptanceSignatures,
  acceptances,
  batchApprovals,
  concealedWorks,
  firmPeople,
  firstSecretaries,
  gateSignoffs,
  inspections,
  ledgerItems,
  materialSamples,
  photos,
  projectPeople,
  projectQuality,
  projects,
  qualityZones,
  ticketEvents,
  tickets,
} from '../../db/schema.js';
import { systemActor } from '../../platform/audit.js';
import { type Audit, type Ctx, write } from '../../platform/context.js';
import { AppError, conflict, found } from '../../platform/errors.js';
import { readUpload } from '../../platform/uploads.js';
import { notify } from '../notifications/service.js';
import { insertPhoto, storePhoto } from '../photos/service.js';
import { loadProject } from '../projects/access.js';
import { loadConcealed, loadRecord, loadTicket } from './access.js';
import { calendarFrom } from './calendar.js';
import { gateProblemText, refusal, useProblemText } from './messages.js';
import { acceptanceOf, gateFacts, kindsOf, openTicketCount, samplesOf } from './queries.js';

type Project = typeof projects.$inferSelect;
const link = (projectId: string) => `/projects/${projectId}/quality`;
const refuse = (field: string, code: Parameters<typeof refusal>[0], ctx: Ctx): never => {
  throw new AppError('VALIDATION_FAILED', { [field]: refusal(code, ctx.lang) });
};

/** The logins of the people a project names for one of its units. */
export async function usersOfUnit(tx: Tx, projectId: string, kind: FirmKind): Promise<string[]> {
  const rows = await tx
    .select({ userId: firmPeople.userId })
    .from(projectPeople)
    .innerJoin(firmPeople, eq(firmPeople.id, projectPeople.personId))
    .where(and(eq(projectPeople.projectId, projectId), eq(projectPeople.kind, kind)));
  return rows.map((r) => r.userId).filter((u): u is string => u !== null);
}

/**
 * Only the supervising engineer decides concealed works and signs a batch's use approval: a
 * supervisor login named on the project for its supervising unit (403 for anyone else).
 */
async function requireSupervisingEngineer(tx: Tx, ctx: Ctx, projectId: string): Promise<void> {
  const who = { role: ctx.principal.role, firmKinds: await kindsOf(tx, projectId, ctx.principal.userId) };
  if (!isSupervisingEngineer(who)) throw new AppError('FORBIDDEN');
}

const entity = (project: Project) => ({
  entityType: 'project' as const,
  entityId: project.id,
  regionCode: project.regionCode,
});

export async function setQualityPlan(ctx: Ctx, projectId: string, input: QualityPlanBody): Promise<void> {
  await write(ctx.db, ctx.actor, async (tx, audit) => {
    const project = await loadProject(ctx, projectId, 'write', tx);
    const [before] = await tx.select().from(projectQuality).where(eq(projectQuality.projectId, project.id));
    const { version, ...values } = input;
    if ((before?.version ?? 0) !== version) throw conflict();
    const [after] = before
      ? await tx
          .update(projectQuality)
          .set({ ...values, version: sql`${projectQuality.version} + 1` })
          .where(and(eq(projectQuality.projectId, project.id), eq(projectQuality.version, version)))
          .returning()
      : await tx
          .insert(projectQuality)
          .values({ projectId: project.id, ...values })
          .returning();
    if (!after) throw conflict();
    await audit({ action: 'quality.update', ...entity(project), before: before ?? null, after });
  });
}

export async function setQualityZones(ctx: Ctx, projectId: string, input: ZonesBody): Promise<void> {
  await write(ctx.db, ctx.actor, async (tx, audit) => {
    const project = await loadProject(ctx, projectId, 'write', tx);
    const before = await tx.select().from(qualityZones).where(eq(qualityZones.projectId, project.id));
    await tx.delete(qualityZones).where(eq(qualityZones.projectId, project.id));
    if (input.zones.length)
      await tx.insert(qualityZones).values(input.zones.map((z) => ({ ...z, projectId: project.id })));
    await audit({ action: 'quality.zones', ...entity(project), before, after: input.zones });
  });
}

/** Sign a gate off: only when its conditions hold, naming every one that does not. */
export async function signOffGate(ctx: Ctx, projectId: string, gate: Gate, evidence: string): Promise<void> {
  await write(ctx.db, ctx.actor, async (tx, audit) => {
    const project = await loadProject(ctx, projectId, 'write', tx);
    const problems = signOffProblems(gate, await gateFacts(tx, project));
    if (problems.length > 0)
      throw new AppError('VALIDATION_FAILED', {
        gate: { text: problems.map((p) => gateProblemText(p, ctx.lang)).join('；') },
      });
    const row = {
      projectId: project.id,
      gate,
      evidence,
      signedBy: ctx.principal.userId,
      signedByName: ctx.principal.displayName,
      signedAt: new Date(),
    };
    await tx
      .insert(gateSignoffs)
      .values(row)
      .onConflictDoUpdate({ target: [gateSignoffs.projectId, gateSignoffs.gate], set: row });
    await audit({ action: 'quality.gate_signoff', ...entity(project), after: row });
  });
}

export async function addSample(ctx: Ctx, projectId: string, input: SampleBody): Promise<void> {
  await write(ctx.db, ctx.actor, async (tx, audit) => {
    const project = await loadProject(ctx, projectId, 'write', tx);
    const [row] = await tx
      .insert(materialSamples)
      .values({ ...input, projectId: project.id, createdBy: ctx.principal.userId })
      .returning();
    const sample = found(row);
    await audit({
      action: 'quality.sample',
      entityType: 'material_sample',
      entityId: sample.id,
      regionCode: project.regionCode,
      after: sample,
    });
    if (sample.result === 'fail')
      await notify(tx, await usersOfUnit(tx, project.id, 'construction'), {
        kind: 'status_change',
        title: `材料检测不合格，批次禁止使用：${sample.material}（${sample.batch}）`,
        link: link(project.id),
        subject: `project:${project.id}:sample:${sample.id}`,
      });
  });
}

/** Open a ticket to the project's construction unit inside an open write, and tell its people. */
export async function openTicketIn(
  tx: Tx,
  ctx: Ctx,
  audit: Audit,
  project: Project,
  input: {
    title: string;
    deadline: string;
    source: TicketSource;
    inspectionId?: string;
    concealedWorkId?: string;
  },
  today: string,
  field: string,
): Promise<string> {
  if (input.deadline < today)
    throw new AppError('VALIDATION_FAILED', { [`${field}deadline`]: 'deadline_past' });
  const contractors = await usersOfUnit(tx, project.id, 'construction');
  const [unit] = await tx
    .select({ n: count() })
    .from(projectPeople)
    .where(and(eq(projectPeople.projectId, project.id), eq(projectPeople.kind, 'construction')));
  if (!unit?.n) refuse(`${field}title`, 'no_construction_unit', ctx);
  const [row] = await tx
    .insert(tickets)
    .values({ ...input, projectId: project.id, createdBy: ctx.principal.userId })
    .returning();
  const ticket = found(row);
  await tx.insert(ticketEvents).values({
    ticketId: ticket.id,
    action: 'open',
    note: input.title,
    by: ctx.principal.userId,
    byName: ctx.principal.displayName,
  });
  await audit({
    action: 'ticket.open',
    entityType: 'ticket',
    entityId: ticket.id,
    regionCode: project.regionCode,
    after: ticket,
  });
  await notify(tx, contractors, {
    kind: 'assignment',
    title: `整改通知：${ticket.title}（限 ${ticket.deadline} 前）`,
    link: link(project.id),
    subject: `project:${project.id}:ticket:${ticket.id}:open`,
  });
  return ticket.id;
}

export async function openTicket(
  ctx: Ctx,
  projectId: string,
  input: { title: string; deadline: string },
  today: string,
): Promise<void> {
  await write(ctx.db, ctx.actor, async (tx, audit) => {
    const project = await loadProject(ctx, projectId, 'write', tx);
    await openTicketIn(tx, ctx, audit, project, { ...input, source: 'other' }, today, '');
  });
}

/** An inspection or spot check; a finding that needs fixing opens a ticket in the same write. */
export async function addInspection(ctx: Ctx, projectId: string, input: InspectionBody, today: string) {
  return write(ctx.db, ctx.actor, async (tx, audit) => {
    const project = await loadProject(ctx, projectId, 'write', tx);
    const { ticket, ...fields } = input;
    const [row] = await tx
      .insert(inspections)
      .values({
        ...fields,
        projectId: project.id,
        inspectorId: ctx.principal.userId,
        inspectorName: ctx.principal.displayName,
      })
      .returning();
    const inspection = found(row);
    await audit({
      action: 'quality.inspection',
      entityType: 'inspection',
      entityId: inspection.id,
      regionCode: project.regionCode,
      after: inspection,
    });
    if (ticket)
      await openTicketIn(
        tx,
        ctx,
        audit,
        project,
        { ...ticket, source: 'inspection', inspectionId: inspection.id },
        today,
        'ticket.',
      );
    return inspection.id;
  });
}

export async function requestConcealed(ctx: Ctx, projectId: string, input: ConcealedRequestBody) {
  await write(ctx.db, ctx.actor, async (tx, audit) => {
    const project = await loadProject(ctx, projectId, 'write', tx);
    const [row] = await tx
      .insert(concealedWorks)
      .values({ ...input, projectId: project.id, requestedBy: ctx.principal.userId })
      .returning();
    const request = found(row);
    await audit({
      action: 'concealed.request',
      entityType: 'concealed_work',
      entityId: request.id,
      regionCode: project.regionCode,
      after: request,
    });
    await notify(tx, await usersOfUnit(tx, project.id, 'supervision'), {
      kind: 'assignment',
      title: `隐蔽工程验收申请：${request.part}（${request.location}）`,
      link: link(project.id),
      subject: `project:${project.id}:concealed:${request.id}`,
    });
  });
}

/** The supervising engineer's decision; a rejection opens a ticket (its deadline required). */
export async function decideConcealed(ctx: Ctx, id: string, input: ConcealedDecisionBody, today: string) {
  return write(ctx.db, ctx.actor, async (tx, audit) => {
    const { record, project } = await loadConcealed(ctx, id, 'write', tx);
    await requireSupervisingEngineer(tx, ctx, project.id);
    // The photos go first (the phone sends them one by one), then the decision, which needs one.
    const [attached] = await tx.select({ n: count() }).from(photos).where(eq(photos.concealedWorkId, id));
    const problem = decideProblem({ status: record.status, photos: attached?.n ?? 0 });
    if (problem) refuse(problem === 'photo_required' ? 'photos' : 'decision', problem, ctx);
    if (input.decision === 'rejected') {
      if (!input.note) refuse('note', 'reason_required', ctx);
      if (!input.deadline) throw new AppError('VALIDATION_FAILED', { deadline: 'not_found' });
    }
    const [after] = await tx
      .update(concealedWorks)
      .set({
        status: input.decision,
        decidedBy: ctx.principal.userId,
        decidedAt: new Date(),
        decisionNote: input.note,
        version: sql`${concealedWorks.version} + 1`,
      })
      .where(and(eq(concealedWorks.id, id), eq(concealedWorks.version, input.version)))
      .returning();
    if (!after) throw conflict();
    await audit({
      action: 'concealed.decide',
      entityType: 'concealed_work',
      entityId: id,
      regionCode: project.regionCode,
      before: record,
      after,
    });
    if (input.decision === 'rejected' && input.deadline)
      await openTicketIn(
        tx,
        ctx,
        audit,
        project,
        {
          title: `隐蔽工程验收不通过：${record.part}（${record.location}）${input.note}`.slice(0, 200),
          deadline: input.deadline,
          source: 'concealed_works',
          concealedWorkId: id,
        },
        today,
        '',
      );
    return project.id;
  });
}

/** Only an accepted request may be covered. */
export async function coverConcealed(ctx: Ctx, id: string, version: number) {
  return write(ctx.db, ctx.actor, async (tx, audit) => {
    const { record, project } = await loadConcealed(ctx, id, 'write', tx);
    const problem = coverProblem({
      status: record.status,
      coveredAt: record.coveredAt?.toISOString() ?? null,
    });
    if (problem) refuse('status', problem, ctx);
    const [after] = await tx
      .update(concealedWorks)
      .set({ coveredAt: new Date(), version: sql`${concealedWorks.version} + 1` })
      .where(and(eq(concealedWorks.id, id), eq(concealedWorks.version, version)))
      .returning();
    if (!after) throw conflict();
    await audit({
      action: 'concealed.cover',
      entityType: 'concealed_work',
      entityId: id,
      regionCode: project.regionCode,
      before: record,
      after,
    });
    return project.id;
  });
}

/**
 * Evidence of the current round: the photos sent since the last reopen. A note goes with them but
 * is no evidence on its own — the fix must be seen.
 */
async function evidenceCount(tx: Tx, ticket: typeof tickets.$inferSelect) {
  const [row] = await tx
    .select({ n: count() })
    .from(photos)
    .where(
      and(
        eq(photos.ticketId, ticket.id),
        ticket.reopenedAt ? gt(photos.createdAt, ticket.reopenedAt) : undefined,
      ),
    );
  return row?.n ?? 0;
}

/** The field a ticket step's refusal names; any other problem is about the ticket's status. */
const ticketRefusalField: Partial<Record<string, string>> = {
  reason_required: 'reason',
  no_evidence: 'evidence',
};

const ticketAudit = {
  submit_evidence: 'ticket.evidence',
  verify: 'ticket.verify',
  reopen: 'ticket.reopen',
} as const;

/** One step of a ticket: evidence (contractor), verify or reopen (inspector; never one's own fix). */
export async function stepTicket(
  ctx: Ctx,
  id: string,
  action: TicketAction,
  input: { version: number; note?: string; reason?: string },
) {
  return write(ctx.db, ctx.actor, async (tx, audit) => {
    const { record, project } = await loadTicket(ctx, id, 'write', tx);
    const evidence = await evidenceCount(tx, record);
    const step = ticketStep(
      { status: record.status as TicketStatus, evidence, fixedBy: record.fixedBy },
      action,
      ctx.principal.userId,
      input.reason ?? '',
    );
    if ('problem' in step) refuse(ticketRefusalField[step.problem] ?? 'status', step.problem, ctx);
    const to = (step as { to: TicketStatus }).to;
    const now = new Date();
    const changes: Partial<typeof tickets.$inferInsert> =
      action === 'submit_evidence'
        ? { evidenceNote: input.note ?? '', fixedBy: ctx.principal.userId, fixedAt: now }
        : action === 'verify'
          ? { verifiedBy: ctx.principal.userId, verifiedAt: now }
          : { reopenedAt: now };
    const [after] = await tx
      .update(tickets)
      .set({ ...changes, status: to, version: sql`${tickets.version} + 1` })
      .where(and(eq(tickets.id, id), eq(tickets.version, input.version)))
      .returning();
    if (!after) throw conflict();
    await tx.insert(ticketEvents).values({
      ticketId: id,
      action,
      note:
        action === 'reopen' ? (input.reason ?? '') : action === 'submit_evidence' ? (input.note ?? '') : '',
      by: ctx.principal.userId,
      byName: ctx.principal.displayName,
      at: now,
    });
    // A verified ticket closes the ledger item it became when overdue.
    if (to === 'verified' && record.ledgerItemId)
      await tx
        .update(ledgerItems)
        .set({ status: 'done', closedAt: now })
        .where(eq(ledgerItems.id, record.ledgerItemId));
    await audit({
      action: ticketAudit[action],
      entityType: 'ticket',
      entityId: id,
      regionCode: project.regionCode,
      before: { status: record.status },
      after: { status: to, ...(input.reason ? { reason: input.reason } : {}) },
    });
    // The last blocking ticket verified: an acceptance all six parties have signed passes now.
    if (to === 'verified') await passAcceptanceIfDue(tx, audit, project);
    const to_ =
      action === 'submit_evidence' ? [record.createdBy] : await usersOfUnit(tx, project.id, 'construction');
    await notify(tx, to_, {
      kind: 'status_change',
      title: `整改单${{ evidence_uploaded: '已提交证据', verified: '已核验销号', reopened: '被退回' }[to as 'verified']}：${record.title}`,
      link: link(project.id),
      subject: `project:${project.id}:ticket:${id}:${to}:${after.version}`,
    });
    return project.id;
  });
}

/** A photo of an inspection, a concealed-works request or a ticket's evidence; its capture time kept. */
export async function addQualityPhoto(
  ctx: Ctx,
  kind: 'inspection' | 'concealed_work' | 'ticket',
  id: string,
  query: { fileName: string; takenAt?: string },
  body: unknown,
) {
  const { project } = await loadRecord(ctx, kind, id, 'write');
  const column = { inspection: 'inspectionId', concealed_work: 'concealedWorkId', ticket: 'ticketId' }[kind];
  // Taken in only once the record is known to be the caller's.
  const bytes = await readUpload(body, photoMaxBytes);
  return storePhoto(
    ctx,
    {
      projectId: project.id,
      regionCode: project.regionCode,
      [column]: id,
      ...(query.takenAt ? { takenAt: new Date(query.takenAt) } : {}),
    },
    query.fileName,
    bytes,
    { entityType: kind, entityId: id },
  );
}

/** A material sample's lab report (a PDF or a scan), attached by those who record samples. */
export async function addSampleReport(ctx: Ctx, id: string, query: { fileName: string }, body: unknown) {
  const { project } = await loadRecord(ctx, 'material_sample', id, 'write');
  const bytes = await readUpload(body, documentMaxBytes);
  return storePhoto(
    ctx,
    { projectId: project.id, regionCode: project.regionCode, sampleId: id },
    query.fileName,
    bytes,
    { entityType: 'material_sample', entityId: id },
  );
}

/** One of the tender's bid documents (a PDF or a scan); the tender's record is made if there is none yet. */
export async function addBidDocument(
  ctx: Ctx,
  projectId: string,
  query: { fileName: string },
  body: unknown,
) {
  const project = await loadProject(ctx, projectId, 'write');
  const bytes = await readUpload(body, documentMaxBytes);
  return write(ctx.db, ctx.actor, async (tx, audit) => {
    await tx.insert(projectQuality).values({ projectId: project.id }).onConflictDoNothing();
    return insertPhoto(
      tx,
      audit,
      { projectId: project.id, regionCode: project.regionCode, tenderId: project.id },
      query.fileName,
      bytes,
      entity(project),
      ctx.principal.userId,
    );
  });
}

/**
 * The supervising engineer's use approval of a batch of a main material (材料使用签认): refused,
 * naming `batch`, while its latest test failed or is pending, its report is not attached, or its
 * witnessed samples are under 30%; signed once.
 */
export async function approveBatch(ctx: Ctx, projectId: string, input: { material: string; batch: string }) {
  await write(ctx.db, ctx.actor, async (tx, audit) => {
    const project = await loadProject(ctx, projectId, 'read', tx);
    await requireSupervisingEngineer(tx, ctx, project.id);
    const samples = (await samplesOf(tx, project.id)).filter(
      (s) => s.material === input.material && s.batch === input.batch,
    );
    const problems = useApprovalProblems(samples);
    if (problems.length > 0)
      throw new AppError('VALIDATION_FAILED', {
        batch: { text: problems.map((p) => useProblemText(p, ctx.lang)).join('；') },
      });
    const row = {
      projectId: project.id,
      material: input.material,
      batch: input.batch,
      approvedBy: ctx.principal.userId,
      approvedByName: ctx.principal.displayName,
      approvedAt: new Date(),
    };
    const [made] = await tx.insert(batchApprovals).values(row).onConflictDoNothing().returning();
    if (!made) refuse('batch', 'already_approved', ctx);
    await audit({ action: 'quality.batch_approve', ...entity(project), after: row });
  });
}

/** The client organises the acceptance; the agency must have been told 7 working days ahead. */
export async function organiseAcceptance(ctx: Ctx, projectId: string, input: AcceptanceBody) {
  await write(ctx.db, ctx.actor, async (tx, audit) => {
    const project = await loadProject(ctx, projectId, 'write', tx);
    if (await acceptanceOf(tx, project.id)) refuse('projectId', 'acceptance_exists', ctx);
    if (!noticeEarlyEnough(input.noticeDate, input.acceptanceDate, await calendarFrom(tx, input.noticeDate)))
      refuse('acceptanceDate', 'notice_too_late', ctx);
    const [row] = await tx
      .insert(acceptances)
      .values({ ...input, projectId: project.id, organisedBy: ctx.principal.userId })
      .returning();
    await audit({
      action: 'acceptance.organise',
      entityType: 'acceptance',
      entityId: found(row).id,
      regionCode: project.regionCode,
      after: row,
    });
  });
}

/** A first secretary's region holds the given one (theirs is a prefix of it). */
const firstSecretaryOver = (regionCode: SQLWrapper | string): SQL =>
  sql`${regionCode} like ${firstSecretaries.regionCode} || '%'`;

/**
 * Who answers on the supervision ledger for something owed on a project: its cadre in charge, else
 * its liaison; a project with neither named goes to the first secretary of its subdistrict (the
 * district leader who answers for that subdistrict's renovations), so nothing overdue is left
 * without an owner — and the item's title says no cadre is named, which is itself to be fixed.
 */
async function projectOwner(tx: Tx, project: Project): Promise<{ cadreId: string; named: boolean } | null> {
  const named = project.cadreInChargeId ?? project.liaisonCadreId;
  if (named) return { cadreId: named, named: true };
  const [first] = await tx
    .select({ cadreId: firstSecretaries.cadreId })
    .from(firstSecretaries)
    .where(firstSecretaryOver(project.regionCode))
    .orderBy(desc(sql`length(${firstSecretaries.regionCode})`))
    .limit(1);
  return first ? { cadreId: first.cadreId, named: false } : null;
}

/** The ledger item that tracks something for a project, owned as `projectOwner` says (null: nobody). */
async function projectLedgerItem(tx: Tx, project: Project, title: string, deadline: string) {
  const owner = await projectOwner(tx, project);
  if (!owner) return null;
  const [row] = await tx
    .insert(ledgerItems)
    .values({
      title: (owner.named ? title : `${title}（项目未明确责任干部）`).slice(0, 200),
      projectId: project.id,
      ownerCadreId: owner.cadreId,
      deadline,
      regionCode: project.regionCode,
    })
    .returning();
  return found(row);
}

/** One party signs (with remarks) or refuses (with reasons); all six signed and no ticket open: passed. */
export async function signAcceptance(ctx: Ctx, projectId: string, input: SignatureBody) {
  await write(ctx.db, ctx.actor, async (tx, audit) => {
    // Signing parties (community, owners, design …) may only see the project: reading suffices.
    const project = await loadProject(ctx, projectId, 'read', tx);
    const acceptance = await acceptanceOf(tx, project.id);
    if (!acceptance) return refuse('party', 'not_passed', ctx);
    if (acceptance.passedAt) refuse('party', 'acceptance_closed', ctx);
    const who = {
      role: ctx.principal.role,
      inScope: true,
      firmKinds: await kindsOf(tx, project.id, ctx.principal.userId),
    };
    if (!represents(input.party, who)) refuse('party', 'not_a_party_of_yours', ctx);
    if (input.decision === 'refused' && !input.remarks) refuse('remarks', 'remarks_required', ctx);
    const row = {
      acceptanceId: acceptance.id,
      party: input.party,
      decision: input.decision,
      remarks: input.remarks,
      signedBy: ctx.principal.userId,
      signedByName: ctx.principal.displayName,
      signedAt: new Date(),
    };
    await tx
      .insert(acceptanceSignatures)
      .values(row)
      .onConflictDoUpdate({
        target: [acceptanceSignatures.acceptanceId, acceptanceSignatures.party],
        set: row,
      });
    await audit({
      action: 'acceptance.sign',
      entityType: 'acceptance',
      entityId: acceptance.id,
      regionCode: project.regionCode,
      after: row,
    });
    await passAcceptanceIfDue(tx, audit, project);
  });
}

/**
 * Pass the project's acceptance once nothing holds it (notice early enough, all six signed, no
 * ticket open), inside the write that removed the last obstacle — a signature, or the last open
 * ticket verified — and audited; filing must then follow within 15 days, tracked on the ledger.
 */
async function passAcceptanceIfDue(tx: Tx, audit: Audit, project: Project): Promise<void> {
  const acceptance = await acceptanceOf(tx, project.id);
  if (!acceptance || acceptance.passedAt) return;
  const problems = acceptanceProblems(
    {
      noticeDate: acceptance.noticeDate,
      acceptanceDate: acceptance.acceptanceDate,
      signatures: acceptance.signatures,
      openTickets: await openTicketCount(tx, project.id),
    },
    await calendarFrom(tx, acceptance.noticeDate),
  );
  if (problems.length > 0) return;
  const filing = await projectLedgerItem(
    tx,
    project,
    `竣工验收备案（验收通过后${filingDays}日内）`,
    addDays(acceptance.acceptanceDate, filingDays),
  );
  const [after] = await tx
    .update(acceptances)
    .set({ passedAt: new Date(), filingLedgerItemId: filing?.id ?? null })
    .where(eq(acceptances.id, acceptance.id))
    .returning();
  await audit({
    action: 'acceptance.pass',
    entityType: 'acceptance',
    entityId: acceptance.id,
    regionCode: project.regionCode,
    after: { passedAt: after?.passedAt ?? null, filingLedgerItem: filing?.id ?? null },
  });
}

export async function fileAcceptance(ctx: Ctx, projectId: string, filedOn: string) {
  await write(ctx.db, ctx.actor, async (tx, audit) => {
    const project = await loadProject(ctx, projectId, 'write', tx);
    const acceptance = await acceptanceOf(tx, project.id);
    if (!acceptance?.passedAt) return refuse('filedOn', 'not_passed', ctx);
    await tx.update(acceptances).set({ filedOn }).where(eq(acceptances.id, acceptance.id));
    if (acceptance.filingLedgerItemId)
      await tx
        .update(ledgerItems)
        .set({ status: 'done', closedAt: new Date() })
        .where(eq(ledgerItems.id, acceptance.filingLedgerItemId));
    await audit({
      action: 'acceptance.file',
      entityType: 'acceptance',
      entityId: acceptance.id,
      regionCode: project.regionCode,
      after: { filedOn },
    });
  });
}

/** How many overdue tickets one transaction raises to the ledger. */
const escalationBatch = 100;

/**
 * Overdue tickets become supervision-ledger items: one per ticket, owned as `projectOwner` says,
 * due on the ticket's deadline, so it escalates from there the way ledger items do. Every overdue
 * ticket is handled, a batch per transaction until none is left. Run by the periodic sweep
 * (`sweeps.ts`, while serving) and before the reads that show them (a project's quality, the
 * quality board, the ledger's lists): one indexed look when nothing is due.
 */
export async function escalateOverdueTickets(ctx: Pick<Ctx, 'db'>, today: string): Promise<number> {
  let escalated = 0;
  // Ids rising: a ticket some other request took first is not looked at twice.
  for (let after = ''; ; ) {
    const due = await ctx.db
      .select({ id: tickets.id })
      .from(tickets)
      .innerJoin(projects, eq(projects.id, tickets.projectId))
      .where(
        and(
          inArray(tickets.status, ['open', 'reopened']),
          lt(tickets.deadline, today),
          isNull(tickets.ledgerItemId),
          after ? gt(tickets.id, after) : undefined,
          // Only where someone can own the item (a subdistrict without a first secretary waits).
          or(
            isNotNull(projects.cadreInChargeId),
            isNotNull(projects.liaisonCadreId),
            sql`exists (select 1 from ${firstSecretaries} where ${firstSecretaryOver(projects.regionCode)})`,
          ),
        ),
      )
      .orderBy(asc(tickets.id))
      .limit(escalationBatch);
    if (due.length === 0) return escalated;
    after = due[due.length - 1]?.id ?? after;
    escalated += await escalateBatch(
      ctx,
      due.map((d) => d.id),
    );
    if (due.length < escalationBatch) return escalated;
  }
}

async function escalateBatch(ctx: Pick<Ctx, 'db'>, ids: string[]): Promise<number> {
  return write(ctx.db, systemActor('quality'), async (tx, audit) => {
    const rows = await tx
      .select({ ticket: tickets, project: projects })
      .from(tickets)
      .innerJoin(projects, eq(projects.id, tickets.projectId))
      .where(and(inArray(tickets.id, ids), isNull(tickets.ledgerItemId)))
      .for('update', { of: tickets });
    let done = 0;
    for (const { ticket, project } of rows) {
      const item = await projectLedgerItem(tx, project, `整改逾期：${ticket.title}`, ticket.deadline);
      if (!item) continue;
      await tx.update(tickets).set({ ledgerItemId: item.id }).where(eq(tickets.id, ticket.id));
      await audit({
        action: 'ticket.escalate',
        entityType: 'ticket',
        entityId: ticket.id,
        regionCode: project.regionCode,
        after: { ledgerItem: item.id, owner: item.ownerCadreId },
      });
      done++;
    }
    // Another request escalated them first: say so, as every write records an event.
    if (done === 0) await audit({ action: 'ticket.escalate', entityType: 'ticket', after: { escalated: 0 } });
    return done;
  });
}
