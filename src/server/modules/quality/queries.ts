/** Reading a project's quality records, its gates and what holds its acceptance. */
import { and, asc, count, desc, eq, inArray, isNotNull } from 'drizzle-orm';
import type { QualityFile, QualityOverview } from '../../../contract/quality.js';
import { can } from '../../../domain/access.js';
import {
  type AcceptanceFacts,
  acceptanceParties,
  acceptanceProblems,
  batchesOf,
  checksAgainstRequired,
  earliestAcceptance,
  type FirmKind,
  type GateFacts,
  gateStatus,
  gates,
  isSupervisingEngineer,
  openTicketStatuses,
  type QualityBlock,
  qualityBlocks,
  represents,
  type TicketStatus,
  ticketOverdue,
  useApprovalProblems,
  witnessedShare,
} from '../../../domain/quality.js';
import type { Db, Tx } from '../../db/client.js';
import {
  acceptanceSignatures,
  acceptances,
  batchApprovals,
  concealedWorks,
  firmPeople,
  gateSignoffs,
  inspections,
  materialSamples,
  photos,
  projectFirms,
  projectPeople,
  projectQuality,
  type projects,
  qualityZones,
  ticketEvents,
  tickets,
} from '../../db/schema.js';
import type { Ctx } from '../../platform/context.js';
import { checkFrequency } from '../../platform/settings.js';
import { loadProject } from '../projects/access.js';
import { acceptanceRemarks } from '../supervisors/queries.js';
import { calendarFrom } from './calendar.js';
import { gateProblemText, gateText, qualityBlockText, useProblemText } from './messages.js';

type Project = typeof projects.$inferSelect;
const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** The project's acceptance and its signatures, if one has been organised. */
export async function acceptanceOf(db: Db | Tx, projectId: string) {
  const [acceptance] = await db.select().from(acceptances).where(eq(acceptances.projectId, projectId));
  if (!acceptance) return null;
  const signatures = await db
    .select()
    .from(acceptanceSignatures)
    .where(eq(acceptanceSignatures.acceptanceId, acceptance.id))
    .orderBy(asc(acceptanceSignatures.signedAt));
  return { ...acceptance, signatures };
}

/** The units of a project the user is named in (as a person of the firm). */
export async function kindsOf(db: Db | Tx, projectId: string, userId: string): Promise<FirmKind[]> {
  const rows = await db
    .select({ kind: projectPeople.kind })
    .from(projectPeople)
    .innerJoin(firmPeople, eq(firmPeople.id, projectPeople.personId))
    .where(and(eq(projectPeople.projectId, projectId), eq(firmPeople.userId, userId)));
  return rows.map((r) => r.kind as FirmKind);
}

/** Open tickets of a project (not verified). */
export async function openTicketCount(db: Db | Tx, projectId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(tickets)
    .where(and(eq(tickets.projectId, projectId), inArray(tickets.status, [...openTicketStatuses])));
  return row?.n ?? 0;
}

/** A project's samples, oldest first, each with the number of report files attached to it. */
export async function samplesOf(db: Db | Tx, projectId: string) {
  const rows = await db
    .select()
    .from(materialSamples)
    .where(eq(materialSamples.projectId, projectId))
    .orderBy(asc(materialSamples.createdAt));
  const reports = rows.length
    ? await db
        .select({ sampleId: photos.sampleId, n: count() })
        .from(photos)
        .where(
          inArray(
            photos.sampleId,
            rows.map((r) => r.id),
          ),
        )
        .groupBy(photos.sampleId)
    : [];
  const counted = new Map(reports.map((r) => [r.sampleId, r.n]));
  return rows.map((s) => ({ ...s, at: s.createdAt.toISOString(), reports: counted.get(s.id) ?? 0 }));
}

/** The tender's bid documents attached (as files). */
async function bidDocumentCount(db: Db | Tx, projectId: string): Promise<number> {
  const [row] = await db.select({ n: count() }).from(photos).where(eq(photos.tenderId, projectId));
  return row?.n ?? 0;
}

/**
 * What the gates need to know about one project, read in one place; its samples and batch
 * approvals as whole rows, which the project's quality page shows as they are.
 */
export async function gateFacts(
  db: Db | Tx,
  project: Project,
): Promise<
  Omit<GateFacts, 'samples' | 'approvedBatches'> & {
    samples: Awaited<ReturnType<typeof samplesOf>>;
    approvedBatches: (typeof batchApprovals.$inferSelect)[];
    openTickets: number;
  }
> {
  const [plan] = await db.select().from(projectQuality).where(eq(projectQuality.projectId, project.id));
  const [zones] = await db
    .select({ n: count() })
    .from(qualityZones)
    .where(eq(qualityZones.projectId, project.id));
  const firms = await db
    .select({ kind: projectFirms.kind })
    .from(projectFirms)
    .where(eq(projectFirms.projectId, project.id));
  const samples = await samplesOf(db, project.id);
  const approvals = await db.select().from(batchApprovals).where(eq(batchApprovals.projectId, project.id));
  const done = await db
    .select({ keyPart: inspections.keyPart })
    .from(inspections)
    .where(eq(inspections.projectId, project.id));
  const [pending] = await db
    .select({ n: count() })
    .from(concealedWorks)
    .where(and(eq(concealedWorks.projectId, project.id), eq(concealedWorks.status, 'requested')));
  const signed = await db
    .select({ gate: gateSignoffs.gate })
    .from(gateSignoffs)
    .where(eq(gateSignoffs.projectId, project.id));
  const openTickets = await openTicketCount(db, project.id);
  const acceptance = await acceptanceOf(db, project.id);
  const facts: AcceptanceFacts | null = acceptance && {
    noticeDate: acceptance.noticeDate,
    acceptanceDate: acceptance.acceptanceDate,
    signatures: acceptance.signatures,
    openTickets,
  };
  return {
    hasQualityPlan: (plan?.qualityPlan ?? '').trim() !== '',
    responsiblePeople: plan?.responsiblePeople.length ?? 0,
    zones: zones?.n ?? 0,
    firmKinds: firms.map((f) => f.kind as FirmKind),
    bidDate: plan?.bidDate ?? null,
    bidAmount: plan?.bidAmount ?? null,
    bidDocuments: await bidDocumentCount(db, project.id),
    samples,
    approvedBatches: approvals,
    checks: checksAgainstRequired(await checkFrequency(db), done),
    concealedPending: pending?.n ?? 0,
    acceptance: facts && acceptanceProblems(facts, await calendarFrom(db, facts.noticeDate)),
    signed: signed.map((s) => s.gate),
    openTickets,
  };
}

/** Why the project may not reach "accepted" as far as quality goes. */
export async function projectQualityBlocks(db: Db | Tx, project: Project): Promise<QualityBlock[]> {
  return qualityBlocks(await gateFacts(db, project));
}

type AttachedRow = {
  id: string;
  fileName: string;
  size: number;
  contentType: string;
  createdAt: Date;
  takenAt: Date | null;
};

/** What is attached to quality records (photos or documents), keyed by the record, oldest first. */
async function attachedTo<T>(
  db: Db | Tx,
  column: 'inspectionId' | 'concealedWorkId' | 'ticketId' | 'sampleId' | 'tenderId',
  ids: string[],
  shape: (row: AttachedRow) => T,
): Promise<Map<string, T[]>> {
  const byOwner = new Map<string, T[]>();
  if (ids.length === 0) return byOwner;
  const rows = await db
    .select({
      id: photos.id,
      owner: photos[column],
      fileName: photos.fileName,
      size: photos.size,
      contentType: photos.contentType,
      createdAt: photos.createdAt,
      takenAt: photos.takenAt,
    })
    .from(photos)
    .where(and(isNotNull(photos[column]), inArray(photos[column], ids)))
    .orderBy(asc(photos.createdAt));
  for (const { owner, ...row } of rows) {
    if (!owner) continue;
    const list = byOwner.get(owner) ?? [];
    list.push(shape(row));
    byOwner.set(owner, list);
  }
  return byOwner;
}

/** Documents (a lab report, bid documents): what a download link needs. */
const asFile = ({ id, fileName, size, contentType, createdAt }: AttachedRow): QualityFile => ({
  id,
  fileName,
  size,
  contentType,
  createdAt: createdAt.toISOString(),
});

/** Photos of site records, their capture time kept. */
const asPhoto = ({ id, fileName, size, createdAt, takenAt }: AttachedRow) => ({
  id,
  fileName,
  size,
  createdAt: createdAt.toISOString(),
  takenAt: iso(takenAt),
});

/** One project's quality: gates, zoning, samples, checks, concealed works, tickets, acceptance. */
export async function qualityOverview(ctx: Ctx, projectId: string, today: string): Promise<QualityOverview> {
  const { db, lang } = ctx;
  const project = await loadProject(ctx, projectId, 'read');
  const facts = await gateFacts(db, project);
  const [plan] = await db.select().from(projectQuality).where(eq(projectQuality.projectId, project.id));
  const zones = await db
    .select({
      id: qualityZones.id,
      kind: qualityZones.kind,
      name: qualityZones.name,
      assignee: qualityZones.assignee,
      phone: qualityZones.phone,
    })
    .from(qualityZones)
    .where(eq(qualityZones.projectId, project.id))
    .orderBy(asc(qualityZones.kind), asc(qualityZones.name));
  const signoffs = await db.select().from(gateSignoffs).where(eq(gateSignoffs.projectId, project.id));
  const samples = [...facts.samples].reverse(); // newest first
  const checks = await db
    .select()
    .from(inspections)
    .where(eq(inspections.projectId, project.id))
    .orderBy(desc(inspections.checkedOn), desc(inspections.createdAt));
  const concealed = await db
    .select()
    .from(concealedWorks)
    .where(eq(concealedWorks.projectId, project.id))
    .orderBy(desc(concealedWorks.requestedAt));
  const ticketRows = await db
    .select()
    .from(tickets)
    .where(eq(tickets.projectId, project.id))
    .orderBy(desc(tickets.createdAt));
  const events = ticketRows.length
    ? await db
        .select()
        .from(ticketEvents)
        .where(
          inArray(
            ticketEvents.ticketId,
            ticketRows.map((t) => t.id),
          ),
        )
        .orderBy(asc(ticketEvents.at))
    : [];
  const checkPhotos = await attachedTo(
    db,
    'inspectionId',
    checks.map((c) => c.id),
    asPhoto,
  );
  const concealedPhotos = await attachedTo(
    db,
    'concealedWorkId',
    concealed.map((c) => c.id),
    asPhoto,
  );
  const ticketPhotos = await attachedTo(
    db,
    'ticketId',
    ticketRows.map((t) => t.id),
    asPhoto,
  );
  const sampleFiles = await attachedTo(
    db,
    'sampleId',
    samples.map((s) => s.id),
    asFile,
  );
  const bidFiles = (await attachedTo(db, 'tenderId', [project.id], asFile)).get(project.id) ?? [];
  const acceptance = await acceptanceOf(db, project.id);
  const calendar = await calendarFrom(db, acceptance?.noticeDate ?? today);
  const share = witnessedShare(facts.samples);
  const who = {
    role: ctx.principal.role,
    inScope: true,
    firmKinds: await kindsOf(db, project.id, ctx.principal.userId),
  };
  return {
    projectId: project.id,
    status: project.status as QualityOverview['status'],
    gates: gates.map((gate) => {
      const { status, problems } = gateStatus(gate, facts);
      const signoff = signoffs.find((s) => s.gate === gate);
      return {
        gate,
        name: gateText[gate][lang],
        status,
        problems: problems.map((p) => gateProblemText(p, lang)),
        signoff: signoff
          ? { evidence: signoff.evidence, by: signoff.signedByName, at: signoff.signedAt.toISOString() }
          : null,
      };
    }),
    plan: {
      qualityPlan: plan?.qualityPlan ?? '',
      responsiblePeople: plan?.responsiblePeople ?? [],
      bidDate: plan?.bidDate ?? null,
      bidAmount: plan?.bidAmount ?? null,
      bidDocuments: bidFiles,
      version: plan?.version ?? 0,
    },
    zones,
    samples: samples.map((s) => ({
      id: s.id,
      material: s.material,
      batch: s.batch,
      required: s.required,
      taken: s.taken,
      witness: s.witness,
      lab: s.lab,
      result: s.result,
      report: s.report,
      files: sampleFiles.get(s.id) ?? [],
      createdAt: s.createdAt.toISOString(),
    })),
    batches: batchesOf(facts.samples).map((b) => {
      const approval = facts.approvedBatches.find((a) => a.material === b.material && a.batch === b.batch);
      return {
        material: b.material,
        batch: b.batch,
        result: b.samples.at(-1)?.result ?? 'pending',
        approval: approval ? { by: approval.approvedByName, at: approval.approvedAt.toISOString() } : null,
        problems: useApprovalProblems(b.samples).map((p) => useProblemText(p, lang)),
      };
    }),
    supervisingEngineer: isSupervisingEngineer(who),
    witnessed: share,
    checksAgainstRequired: [...facts.checks],
    inspections: checks.map((c) => ({
      id: c.id,
      kind: c.kind as QualityOverview['inspections'][number]['kind'],
      checkedOn: c.checkedOn,
      keyPart: c.keyPart,
      measurements: c.measurements,
      findings: c.findings,
      inspector: c.inspectorName,
      photos: checkPhotos.get(c.id) ?? [],
    })),
    concealedWorks: concealed.map((c) => ({
      id: c.id,
      part: c.part,
      location: c.location,
      description: c.description,
      status: c.status,
      requestedAt: c.requestedAt.toISOString(),
      decidedAt: iso(c.decidedAt),
      decisionNote: c.decisionNote,
      coveredAt: iso(c.coveredAt),
      version: c.version,
      photos: concealedPhotos.get(c.id) ?? [],
    })),
    tickets: ticketRows.map((t) => ({
      id: t.id,
      source: t.source,
      title: t.title,
      deadline: t.deadline,
      status: t.status,
      overdue: ticketOverdue({ status: t.status as TicketStatus, deadline: t.deadline }, today),
      evidenceNote: t.evidenceNote,
      escalated: t.ledgerItemId !== null,
      canVerify: t.fixedBy !== ctx.principal.userId,
      version: t.version,
      photos: ticketPhotos.get(t.id) ?? [],
      events: events
        .filter((e) => e.ticketId === t.id)
        .map((e) => ({ action: e.action, note: e.note, by: e.byName, at: e.at.toISOString() })),
    })),
    acceptance: acceptance && {
      noticeDate: acceptance.noticeDate,
      acceptanceDate: acceptance.acceptanceDate,
      earliest: earliestAcceptance(acceptance.noticeDate, calendar),
      agency: acceptance.agency,
      passedAt: iso(acceptance.passedAt),
      filedOn: acceptance.filedOn,
      signatures: acceptance.signatures.map((s) => ({
        party: s.party,
        decision: s.decision,
        remarks: s.remarks,
        by: s.signedByName,
        at: s.signedAt.toISOString(),
      })),
      residentRemarks: await acceptanceRemarks(db, ctx.principal, acceptance.id),
    },
    earliestAcceptance: earliestAcceptance(today, calendar),
    acceptanceBlocks: qualityBlocks(facts).map((b) => qualityBlockText(b, lang)),
    yourParties: can(ctx.principal.role, 'quality.sign')
      ? acceptanceParties.filter((party) => represents(party, who))
      : [],
  };
}
