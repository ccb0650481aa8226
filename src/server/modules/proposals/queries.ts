/** Proposals as lists and pages read them; templates; the figures a template's placeholders name. */
import { and, asc, desc, eq, ilike, inArray, lt, or, type SQL, sql } from 'drizzle-orm';
import type {
  Commitment,
  ProposalDetail,
  ProposalListQuery,
  ProposalPage,
  Reply,
  Template,
} from '../../../contract/proposals.js';
import type { Summary } from '../../../contract/stats.js';
import { inScope } from '../../../domain/access.js';
import {
  currentStep,
  type FilledValue,
  fillText,
  formatValue,
  isOverdue,
  latestDeadline,
  owedStatuses,
  parsePlaceholder,
  placeholdersIn,
  raiseProblem,
} from '../../../domain/proposals.js';
import type { Db, Tx } from '../../db/client.js';
import {
  compounds,
  ledgerItems,
  projects,
  proposalCommitments,
  proposalCoUnits,
  proposalFeedback,
  proposalReplies,
  proposals,
  proposalTemplates,
  units,
} from '../../db/schema.js';
import { scopeWhere } from '../../platform/access.js';
import type { Principal } from '../../platform/context.js';
import { proposalGrades } from '../../platform/settings.js';
import { anyRow, paged } from '../../platform/sql.js';
import { summary } from '../stats/summary.js';

type ProposalRow = typeof proposals.$inferSelect;
type ReplyRow = typeof proposalReplies.$inferSelect;

const day = (d: Date | null) => (d ? d.toISOString() : null);

export function replyOf(r: ReplyRow): Reply {
  return {
    id: r.id,
    round: r.round,
    templateId: r.templateId,
    documentNumber: r.documentNumber,
    title: r.title,
    salutation: r.salutation,
    body: r.body,
    values: r.values,
    filled: fillText(r.body, r.values),
    grade: r.grade,
    issuer: r.issuer,
    signatory: r.signatory,
    contactUnit: r.contactUnit,
    contactPhone: r.contactPhone,
    copyTo: r.copyTo,
    draftedAt: r.draftedAt.toISOString(),
    reviewedAt: day(r.reviewedAt),
    reviewNote: r.reviewNote,
    signedByName: r.signedByName,
    signedAt: day(r.signedAt),
    signedOn: r.signedOn,
    sentOn: r.sentOn,
  };
}

/** Proposals in reach, newest session first then by number; filter by status, overdue, text. */
export async function listProposals(
  db: Db,
  principal: Principal,
  query: ProposalListQuery,
  today: string,
): Promise<ProposalPage> {
  const where: (SQL | undefined)[] = [scopeWhere(principal, proposals.regionCode)];
  if (query.status) where.push(eq(proposals.status, query.status));
  const overdue = and(inArray(proposals.status, [...owedStatuses]), lt(proposals.deadline, today));
  if (query.overdue === 'true') where.push(overdue);
  if (query.overdue === 'false') where.push(sql`NOT coalesce(${overdue}, false)`);
  if (query.q) {
    const like = `%${query.q.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
    where.push(
      or(
        ilike(proposals.title, like),
        sql`array_to_string(${proposals.members}, ' ') ILIKE ${like}`,
        sql`${proposals.number}::text = ${query.q.trim()}`,
      ),
    );
  }
  const condition = and(...where);
  const page = await paged(
    db,
    db.select(anyRow).from(proposals).where(condition),
    (limit, offset) =>
      db
        .select({ p: proposals, leadUnitName: units.name })
        .from(proposals)
        .leftJoin(units, eq(units.id, proposals.leadUnitId))
        .where(condition)
        .orderBy(desc(proposals.receivedOn), asc(proposals.number))
        .limit(limit)
        .offset(offset),
    query,
  );
  return { ...page, items: page.items.map(({ p, leadUnitName }) => rowOf(p, leadUnitName, today)) };
}

function rowOf(p: ProposalRow, leadUnitName: string | null, today: string) {
  return {
    id: p.id,
    committee: p.committee,
    session: p.session,
    number: p.number,
    kind: p.kind,
    title: p.title,
    members: p.members,
    receivedOn: p.receivedOn,
    status: p.status,
    leadUnitName,
    assignedOn: p.assignedOn,
    deadline: p.deadline,
    overdue: isOverdue(p, today),
    grade: p.grade,
  };
}

/** A project's status that fulfils a commitment: completed (accepted or handed over). */
const projectDone: readonly string[] = ['accepted', 'handed_over'];

/**
 * The reply's commitments with their linked records' live status (read at every look, never
 * stored): done when the project is accepted or handed over, or the ledger item is done.
 */
export async function commitmentsOf(db: Db | Tx, proposalId: string): Promise<Commitment[]> {
  const rows = await db
    .select({
      c: proposalCommitments,
      projectStatus: projects.status,
      projectYear: projects.year,
      compoundName: compounds.name,
      ledgerTitle: ledgerItems.title,
      ledgerStatus: ledgerItems.status,
    })
    .from(proposalCommitments)
    .leftJoin(projects, eq(projects.id, proposalCommitments.projectId))
    .leftJoin(compounds, eq(compounds.id, projects.compoundId))
    .leftJoin(ledgerItems, eq(ledgerItems.id, proposalCommitments.ledgerItemId))
    .where(eq(proposalCommitments.proposalId, proposalId))
    .orderBy(asc(proposalCommitments.createdAt), asc(proposalCommitments.id));
  return rows.map(({ c, projectStatus, projectYear, compoundName, ledgerTitle, ledgerStatus }) => ({
    id: c.id,
    text: c.text,
    projectId: c.projectId,
    ledgerItemId: c.ledgerItemId,
    linkLabel: c.projectId ? `${compoundName ?? ''}（${projectYear ?? ''}年）` : (ledgerTitle ?? ''),
    linkStatus: (c.projectId ? projectStatus : ledgerStatus) ?? '',
    done: c.projectId ? projectDone.includes(projectStatus ?? '') : ledgerStatus === 'done',
  }));
}

/** The current round's reply (null before drafting). */
export async function currentReply(db: Db | Tx, p: Pick<ProposalRow, 'id' | 'round'>) {
  const [row] = await db
    .select()
    .from(proposalReplies)
    .where(and(eq(proposalReplies.proposalId, p.id), eq(proposalReplies.round, p.round)));
  return row ?? null;
}

export async function proposalDetail(db: Db | Tx, p: ProposalRow, today: string): Promise<ProposalDetail> {
  const [lead] = p.leadUnitId
    ? await db.select({ name: units.name }).from(units).where(eq(units.id, p.leadUnitId))
    : [];
  const coUnits = await db
    .select({
      unitId: proposalCoUnits.unitId,
      unitName: units.name,
      input: proposalCoUnits.input,
      inputOn: proposalCoUnits.inputOn,
    })
    .from(proposalCoUnits)
    .innerJoin(units, eq(units.id, proposalCoUnits.unitId))
    .where(eq(proposalCoUnits.proposalId, p.id))
    .orderBy(asc(units.name));
  const replies = await db
    .select()
    .from(proposalReplies)
    .where(eq(proposalReplies.proposalId, p.id))
    .orderBy(asc(proposalReplies.round));
  const reply = replies.find((r) => r.round === p.round) ?? null;
  const commitments = await commitmentsOf(db, p.id);
  const feedback = await db
    .select()
    .from(proposalFeedback)
    .where(eq(proposalFeedback.proposalId, p.id))
    .orderBy(asc(proposalFeedback.recordedAt));
  const inputsOwed = coUnits.some((c) => c.input === null);
  const grades = await proposalGrades(db);
  const raise = raiseProblem(
    p.grade,
    commitments.map((c) => c.done),
    grades,
  );
  return {
    ...rowOf(p, lead?.name ?? null, today),
    body: p.body,
    leadUnitId: p.leadUnitId,
    extensionReason: p.extensionReason,
    returnedReason: p.returnedReason,
    latestDeadline: p.assignedOn ? latestDeadline(p.assignedOn) : null,
    consentToPublish: p.consentToPublish,
    disclosure: p.disclosure,
    round: p.round,
    step: currentStep(p.status, inputsOwed),
    ledgerItemId: p.ledgerItemId,
    coUnits,
    reply: reply ? replyOf(reply) : null,
    earlierReplies: replies.filter((r) => r.round !== p.round && r.signedAt).map(replyOf),
    commitments,
    feedback: feedback.map((f) => ({
      round: f.round,
      member: f.member,
      level: f.level,
      note: f.note,
      recordedAt: f.recordedAt.toISOString(),
    })),
    grades,
    mayRaiseToA: raise === null,
    raiseProblem: raise,
  };
}

export function templateOf(t: typeof proposalTemplates.$inferSelect): Template {
  return {
    id: t.id,
    name: t.name,
    body: t.body,
    placeholders: placeholdersIn(t.body),
    updatedAt: t.updatedAt.toISOString(),
  };
}

export async function listTemplates(db: Db): Promise<Template[]> {
  return (await db.select().from(proposalTemplates).orderBy(asc(proposalTemplates.name))).map(templateOf);
}

/**
 * Fill every placeholder of `text` from the live summary, each for its period and region (a
 * region must lie in the caller's scope). One summary per distinct period and region. Placeholders
 * that cannot be filled come back in `unknown`, by name.
 */
export async function fillFromSummary(
  db: Db,
  principal: Principal,
  text: string,
  districtCode: string,
): Promise<{ values: FilledValue[]; unknown: string[] }> {
  const values: FilledValue[] = [];
  const unknown: string[] = [];
  const summaries = new Map<string, Summary>();
  for (const inside of placeholdersIn(text)) {
    const p = parsePlaceholder(inside);
    if (typeof p === 'string' || (p.region !== null && !inScope(principal.prefixes, p.region))) {
      unknown.push(inside);
      continue;
    }
    const at = `${p.from}-${p.to}-${p.region}`;
    let figures = summaries.get(at);
    if (!figures) {
      const who = p.region ? { ...principal, prefixes: [p.region] } : principal;
      figures = await summary(
        db,
        who,
        { ...(p.from !== null && { from: p.from }), ...(p.to !== null && { to: p.to }) },
        districtCode,
      );
      summaries.set(at, figures);
    }
    const value = (figures as unknown as Record<string, unknown>)[p.figure];
    if (typeof value !== 'number' || p.figure === 'fromYear' || p.figure === 'toYear') {
      unknown.push(inside);
      continue;
    }
    values.push({
      key: p.key,
      figure: p.figure,
      from: p.from,
      to: p.to,
      region: p.region,
      value,
      text: formatValue(value, p.format),
    });
  }
  return { values, unknown };
}
