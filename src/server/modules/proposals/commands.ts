/**
 * Proposal handling's writes: register, assign (or return), extend, co-handling inputs, draft
 * from a template, edit, review, sign off (freezing the reply), send, feedback, commitments and
 * raising the grade; templates; overdue proposals raised to the supervision ledger. Each is one
 * audited write; the domain rules (src/domain/proposals.ts) decide what may happen.
 */
import { and, eq, inArray, isNull, lt } from 'drizzle-orm';
import type {
  AssignBody,
  CommitmentBody,
  CreateProposalBody,
  ExtendBody,
  FeedbackBody,
  InputBody,
  ProposalDetail,
  ReplyBody,
  ReviewBody,
  SendBody,
  Template,
  TemplateBody,
} from '../../../contract/proposals.js';
import { placeholderFigures } from '../../../contract/proposals.js';
import { districtToday } from '../../../domain/ledger.js';
import {
  afterFeedback,
  deadlineOf,
  extensionProblem,
  gradeAllowed,
  mayDo,
  mayReturn,
  owedStatuses,
  type ProposalAction,
  raisedTo,
  raiseProblem,
  replyTitle,
  unknownPlaceholders,
} from '../../../domain/proposals.js';
import type { Tx } from '../../db/client.js';
import {
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
import { systemActor } from '../../platform/audit.js';
import { type Ctx, write } from '../../platform/context.js';
import { conflict, found } from '../../platform/errors.js';
import { proposalGradeCodes, proposalGrades } from '../../platform/settings.js';
import { ledgerItemRule } from '../ledger/access.js';
import { projectRule } from '../projects/access.js';
import { loadProposal } from './access.js';
import { openCommitmentsError, refuse, unknownPlaceholdersError } from './messages.js';
import { commitmentsOf, currentReply, fillFromSummary, proposalDetail, templateOf } from './queries.js';

type Proposal = Awaited<ReturnType<typeof loadProposal>>;

export async function detailOf(ctx: Ctx, id: string): Promise<ProposalDetail> {
  return proposalDetail(ctx.db, await loadProposal(ctx, id, 'read'), districtToday());
}

function step(ctx: Ctx, p: Proposal, action: ProposalAction) {
  if (!mayDo(action, p.status)) throw refuse('status', 'wrong_step', ctx.lang);
}

/** One write on one proposal: loaded for writing in the transaction, audited, its detail returned. */
async function onProposal(
  ctx: Ctx,
  id: string,
  action: ProposalAction | 'commit' | 'uncommit' | 'grade' | 'edit',
  fn: (tx: Tx, p: Proposal) => Promise<Record<string, unknown>>,
): Promise<ProposalDetail> {
  await write(ctx.db, ctx.actor, async (tx, audit) => {
    const p = await loadProposal(ctx, id, 'write', tx);
    const after = await fn(tx, p);
    await audit({
      action: `proposal.${action}`,
      entityType: 'proposal',
      entityId: p.id,
      regionCode: p.regionCode,
      after,
    });
  });
  return detailOf(ctx, id);
}

export async function createProposal(ctx: Ctx, input: CreateProposalBody): Promise<ProposalDetail> {
  const id = await write(ctx.db, ctx.actor, async (tx, audit) => {
    const [taken] = await tx
      .select({ id: proposals.id })
      .from(proposals)
      .where(
        and(
          eq(proposals.committee, input.committee),
          eq(proposals.session, input.session),
          eq(proposals.number, input.number),
        ),
      );
    if (taken) throw refuse('number', 'number_taken', ctx.lang);
    const [row] = await tx
      .insert(proposals)
      .values({ ...input, regionCode: ctx.districtCode, createdBy: ctx.principal.userId })
      .returning();
    const created = found(row);
    await audit({
      action: 'proposal.create',
      entityType: 'proposal',
      entityId: created.id,
      regionCode: created.regionCode,
      after: created,
    });
    return created.id;
  });
  return detailOf(ctx, id);
}

async function checkUnits(ctx: Ctx, tx: Tx, ids: string[], field: string) {
  if (ids.length === 0) return;
  const rows = await tx.select({ id: units.id }).from(units).where(inArray(units.id, ids));
  if (rows.length !== new Set(ids).size) throw refuse(field, 'unknown_unit', ctx.lang);
}

/** Assign the lead and co-handling units; the reply is due 3 months on. */
export function assignProposal(ctx: Ctx, id: string, input: AssignBody) {
  return onProposal(ctx, id, 'assign', async (tx, p) => {
    step(ctx, p, 'assign');
    const coUnitIds = [...new Set(input.coUnitIds)];
    if (coUnitIds.includes(input.leadUnitId)) throw refuse('coUnitIds', 'lead_also_co', ctx.lang);
    await checkUnits(ctx, tx, [input.leadUnitId], 'leadUnitId');
    await checkUnits(ctx, tx, coUnitIds, 'coUnitIds');
    const deadline = deadlineOf(input.assignedOn);
    await tx
      .update(proposals)
      .set({
        status: 'assigned',
        leadUnitId: input.leadUnitId,
        assignedOn: input.assignedOn,
        deadline,
        extensionReason: null,
        version: p.version + 1,
      })
      .where(eq(proposals.id, p.id));
    await tx.delete(proposalCoUnits).where(eq(proposalCoUnits.proposalId, p.id));
    if (coUnitIds.length > 0)
      await tx.insert(proposalCoUnits).values(coUnitIds.map((unitId) => ({ proposalId: p.id, unitId })));
    return { ...input, deadline };
  });
}

/** Send a misassigned proposal back to be assigned again, within 10 days of assignment. */
export function returnProposal(ctx: Ctx, id: string, reason: string) {
  return onProposal(ctx, id, 'return', async (tx, p) => {
    step(ctx, p, 'return');
    if (!p.assignedOn || !mayReturn(p.assignedOn, districtToday()))
      throw refuse('reason', 'return_too_late', ctx.lang);
    await tx
      .update(proposals)
      .set({
        status: 'registered',
        leadUnitId: null,
        assignedOn: null,
        deadline: null,
        returnedReason: reason,
        version: p.version + 1,
      })
      .where(eq(proposals.id, p.id));
    await tx.delete(proposalCoUnits).where(eq(proposalCoUnits.proposalId, p.id));
    return { reason, leadUnitId: p.leadUnitId };
  });
}

/** Extend the deadline: with a reason, never past 6 months from assignment. */
export function extendProposal(ctx: Ctx, id: string, input: ExtendBody) {
  return onProposal(ctx, id, 'extend', async (tx, p) => {
    step(ctx, p, 'extend');
    const problem = extensionProblem(found(p.assignedOn), found(p.deadline), input.deadline, input.reason);
    if (problem) throw refuse(problem === 'reason_required' ? 'reason' : 'deadline', problem, ctx.lang);
    await tx
      .update(proposals)
      .set({ deadline: input.deadline, extensionReason: input.reason, version: p.version + 1 })
      .where(eq(proposals.id, p.id));
    return { before: p.deadline, ...input };
  });
}

/** A co-handling unit's input to the lead (recorded by the lead's staff). */
export function addInput(ctx: Ctx, id: string, input: InputBody) {
  return onProposal(ctx, id, 'input', async (tx, p) => {
    step(ctx, p, 'input');
    const done = await tx
      .update(proposalCoUnits)
      .set({ input: input.input, inputOn: input.inputOn, inputBy: ctx.principal.userId })
      .where(and(eq(proposalCoUnits.proposalId, p.id), eq(proposalCoUnits.unitId, input.unitId)))
      .returning();
    if (done.length === 0) throw refuse('unitId', 'not_co_unit', ctx.lang);
    return { ...input };
  });
}

/** Refuse changes to a signed reply: its text and values are frozen. */
function notSigned(ctx: Ctx, reply: { signedAt: Date | null } | null) {
  if (reply?.signedAt) throw refuse('reply', 'reply_signed', ctx.lang);
}

/**
 * Draft the reply from a template: the template's body with its placeholders filled from the
 * live summary now (values stored with their source). Drafting again starts over from the template.
 */
export async function draftReply(ctx: Ctx, id: string, templateId: string): Promise<ProposalDetail> {
  const [template] = await ctx.db
    .select()
    .from(proposalTemplates)
    .where(eq(proposalTemplates.id, templateId));
  if (!template) throw refuse('templateId', 'unreadable', ctx.lang);
  // Figures first, outside the transaction (PGlite has one connection).
  const { values, unknown } = await fillFromSummary(ctx.db, ctx.principal, template.body, ctx.districtCode);
  if (unknown.length > 0) throw unknownPlaceholdersError('templateId', unknown, ctx.lang);
  return onProposal(ctx, id, 'draft', async (tx, p) => {
    step(ctx, p, 'draft');
    const existing = await currentReply(tx, p);
    notSigned(ctx, existing);
    const [lead] = p.leadUnitId
      ? await tx.select({ name: units.name }).from(units).where(eq(units.id, p.leadUnitId))
      : [];
    const draft = {
      templateId: template.id,
      body: template.body,
      values,
      draftedBy: ctx.principal.userId,
      draftedAt: new Date(),
      reviewedAt: null,
      reviewedBy: null,
      reviewNote: null,
    };
    if (existing)
      await tx
        .update(proposalReplies)
        .set({ ...draft, version: existing.version + 1 })
        .where(eq(proposalReplies.id, existing.id));
    else
      await tx.insert(proposalReplies).values({
        ...draft,
        proposalId: p.id,
        round: p.round,
        title: replyTitle(p),
        salutation: `${p.members.join('、')}委员：`,
        issuer: lead?.name ?? '',
        contactUnit: lead?.name ?? null,
        grade: p.grade,
      });
    await tx
      .update(proposals)
      .set({ status: 'drafted', version: p.version + 1 })
      .where(eq(proposals.id, p.id));
    return { templateId: template.id, values };
  });
}

/** Edit the draft: the values are filled again from the live summary; a signed reply is refused. */
export async function updateReply(ctx: Ctx, id: string, input: ReplyBody): Promise<ProposalDetail> {
  const before = await loadProposal(ctx, id, 'write');
  notSigned(ctx, await currentReply(ctx.db, before));
  const { values, unknown } = await fillFromSummary(ctx.db, ctx.principal, input.body, ctx.districtCode);
  if (unknown.length > 0) throw unknownPlaceholdersError('body', unknown, ctx.lang);
  const grades = await proposalGradeCodes(ctx.db);
  if (input.grade && !gradeAllowed(input.grade, grades)) throw refuse('grade', 'grade_not_allowed', ctx.lang);
  return onProposal(ctx, id, 'edit', async (tx, p) => {
    const reply = await currentReply(tx, p);
    if (!reply) throw refuse('reply', 'no_reply', ctx.lang);
    notSigned(ctx, reply);
    step(ctx, p, 'draft');
    const { consentToPublish, ...fields } = input;
    await tx
      .update(proposalReplies)
      .set({ ...fields, values, version: reply.version + 1 })
      .where(eq(proposalReplies.id, reply.id));
    await tx
      .update(proposals)
      .set({ consentToPublish, grade: input.grade, status: 'drafted', version: p.version + 1 })
      .where(eq(proposals.id, p.id));
    return { ...input, values };
  });
}

/** Approve the draft for sign-off, or send it back to the drafter. */
export function reviewReply(ctx: Ctx, id: string, input: ReviewBody) {
  return onProposal(ctx, id, 'review', async (tx, p) => {
    step(ctx, p, 'review');
    const reply = found(await currentReply(tx, p));
    await tx
      .update(proposalReplies)
      .set({
        reviewedBy: ctx.principal.userId,
        reviewedAt: new Date(),
        reviewNote: input.note ?? null,
        version: reply.version + 1,
      })
      .where(eq(proposalReplies.id, reply.id));
    const status = input.decision === 'approve' ? 'reviewed' : 'assigned';
    await tx
      .update(proposals)
      .set({ status, version: p.version + 1 })
      .where(eq(proposals.id, p.id));
    return { ...input, status };
  });
}

/** Sign the reviewed reply off: from now on its text and values never change. */
export function signReply(ctx: Ctx, id: string, signedOn: string) {
  return onProposal(ctx, id, 'sign', async (tx, p) => {
    step(ctx, p, 'sign');
    const reply = found(await currentReply(tx, p));
    notSigned(ctx, reply);
    if (!reply.grade) throw refuse('grade', 'grade_required', ctx.lang);
    if (!gradeAllowed(reply.grade, await proposalGradeCodes(tx)))
      throw refuse('grade', 'grade_not_allowed', ctx.lang);
    if (!reply.documentNumber) throw refuse('documentNumber', 'number_required', ctx.lang);
    const frozen = await tx
      .update(proposalReplies)
      .set({
        signedBy: ctx.principal.userId,
        signedByName: ctx.principal.displayName,
        signedAt: new Date(),
        signedOn,
        version: reply.version + 1,
      })
      .where(and(eq(proposalReplies.id, reply.id), eq(proposalReplies.version, reply.version)))
      .returning();
    if (frozen.length === 0) throw conflict();
    await tx
      .update(proposals)
      .set({ status: 'signed', grade: reply.grade, version: p.version + 1 })
      .where(eq(proposals.id, p.id));
    return { signedOn, grade: reply.grade, values: reply.values };
  });
}

/** The signed reply sent to the member; a ledger item it became when overdue is closed. */
export function sendReply(ctx: Ctx, id: string, input: SendBody) {
  return onProposal(ctx, id, 'send', async (tx, p) => {
    step(ctx, p, 'send');
    const reply = found(await currentReply(tx, p));
    await tx.update(proposalReplies).set({ sentOn: input.sentOn }).where(eq(proposalReplies.id, reply.id));
    const disclosure = p.consentToPublish ? input.disclosure : 'not_published';
    await tx
      .update(proposals)
      .set({ status: 'replied', disclosure, version: p.version + 1 })
      .where(eq(proposals.id, p.id));
    if (p.ledgerItemId)
      await tx
        .update(ledgerItems)
        .set({ status: 'done', closedAt: new Date() })
        .where(and(eq(ledgerItems.id, p.ledgerItemId), eq(ledgerItems.status, 'open')));
    return { ...input, disclosure };
  });
}

/** The member's feedback, recorded by staff for one of the proposal's own members. */
export function recordFeedback(ctx: Ctx, id: string, input: FeedbackBody) {
  return onProposal(ctx, id, 'feedback', async (tx, p) => {
    if (!p.members.includes(input.member)) throw refuse('member', 'not_a_member', ctx.lang);
    step(ctx, p, 'feedback');
    await tx.insert(proposalFeedback).values({
      proposalId: p.id,
      round: p.round,
      member: input.member,
      level: input.level,
      note: input.note ?? null,
      recordedBy: ctx.principal.userId,
    });
    const status = afterFeedback(input.level);
    // Not satisfied: handled again, a new reply in a new round (the signed one stays as it was).
    const round = status === 'assigned' ? p.round + 1 : p.round;
    await tx
      .update(proposals)
      .set({ status, round, version: p.version + 1 })
      .where(eq(proposals.id, p.id));
    return { ...input, status, round };
  });
}

/** How many commitments one proposal may hold. */
const maxCommitments = 50;

/**
 * Link a reply's commitment to the project or ledger item that delivers it: exactly one, within
 * the caller's scope (one outside it reads as unknown), and each record at most once per proposal.
 */
export function addCommitment(ctx: Ctx, id: string, input: CommitmentBody) {
  return onProposal(ctx, id, 'commit', async (tx, p) => {
    if ((input.projectId === undefined) === (input.ledgerItemId === undefined))
      throw refuse('projectId', 'one_link', ctx.lang);
    if (input.projectId) {
      const [project] = await tx
        .select({ id: projects.id })
        .from(projects)
        .where(and(eq(projects.id, input.projectId), projectRule(ctx.principal, 'read')));
      if (!project) throw refuse('projectId', 'unreadable', ctx.lang);
    }
    if (input.ledgerItemId) {
      const [item] = await tx
        .select({ id: ledgerItems.id })
        .from(ledgerItems)
        .where(and(eq(ledgerItems.id, input.ledgerItemId), ledgerItemRule(ctx.principal, 'read')));
      if (!item) throw refuse('ledgerItemId', 'unreadable', ctx.lang);
    }
    const existing = await tx
      .select()
      .from(proposalCommitments)
      .where(eq(proposalCommitments.proposalId, p.id));
    if (existing.length >= maxCommitments) throw refuse('text', 'too_many_commitments', ctx.lang);
    const twice = existing.some(
      (c) =>
        (input.projectId && c.projectId === input.projectId) ||
        (input.ledgerItemId && c.ledgerItemId === input.ledgerItemId),
    );
    if (twice) throw refuse(input.projectId ? 'projectId' : 'ledgerItemId', 'already_linked', ctx.lang);
    const [row] = await tx
      .insert(proposalCommitments)
      .values({ proposalId: p.id, ...input })
      .returning();
    return { commitment: found(row) };
  });
}

/** Remove one of the proposal's commitments (a mistaken link, a promise withdrawn). */
export function removeCommitment(ctx: Ctx, id: string, commitmentId: string) {
  return onProposal(ctx, id, 'uncommit', async (tx, p) => {
    const [removed] = await tx
      .delete(proposalCommitments)
      .where(and(eq(proposalCommitments.id, commitmentId), eq(proposalCommitments.proposalId, p.id)))
      .returning();
    if (!removed) throw refuse('commitmentId', 'unreadable', ctx.lang);
    return { commitment: removed };
  });
}

/**
 * Raise a B to A, deliberately, once every commitment of its reply is done; refused with the
 * reason otherwise (not a B, A not among the district's grades, no commitments, or which ones
 * are still open).
 */
export function raiseGrade(ctx: Ctx, id: string) {
  return onProposal(ctx, id, 'grade', async (tx, p) => {
    const commitments = await commitmentsOf(tx, p.id);
    const problem = raiseProblem(
      p.grade,
      commitments.map((c) => c.done),
      await proposalGrades(tx),
    );
    if (problem === 'open_commitments')
      throw openCommitmentsError(
        commitments.filter((c) => !c.done).map((c) => c.text),
        ctx.lang,
      );
    if (problem) throw refuse('grade', problem, ctx.lang);
    await tx
      .update(proposals)
      .set({ grade: raisedTo, version: p.version + 1 })
      .where(eq(proposals.id, p.id));
    return { before: p.grade, grade: raisedTo, commitments };
  });
}

/** Save a template; placeholders that name no summary figure (or cannot be read) are refused, by name. */
export async function saveTemplate(ctx: Ctx, id: string | null, input: TemplateBody): Promise<Template> {
  const unknown = unknownPlaceholders(input.body, placeholderFigures);
  if (unknown.length > 0) throw unknownPlaceholdersError('body', unknown, ctx.lang);
  return write(ctx.db, ctx.actor, async (tx, audit) => {
    const [row] = id
      ? await tx
          .update(proposalTemplates)
          .set({ ...input, updatedBy: ctx.principal.userId, updatedAt: new Date() })
          .where(eq(proposalTemplates.id, id))
          .returning()
      : await tx
          .insert(proposalTemplates)
          .values({ ...input, updatedBy: ctx.principal.userId })
          .returning();
    const saved = found(row);
    await audit({
      action: 'template.save',
      entityType: 'proposal_template',
      entityId: saved.id,
      regionCode: ctx.districtCode,
      after: saved,
    });
    return templateOf(saved);
  });
}

/**
 * Overdue proposals become supervision-ledger items, raised when someone looks (as overdue
 * quality tickets do): one per proposal, owned by its lead unit, due on its deadline, so it
 * escalates from there the way ledger items do; sending the reply closes it.
 */
export async function escalateOverdueProposals(ctx: Pick<Ctx, 'db'>, today: string): Promise<void> {
  const due = await ctx.db
    .select({ id: proposals.id })
    .from(proposals)
    .where(
      and(
        inArray(proposals.status, [...owedStatuses]),
        lt(proposals.deadline, today),
        isNull(proposals.ledgerItemId),
      ),
    )
    .limit(100);
  if (due.length === 0) return;
  await write(ctx.db, systemActor('proposals'), async (tx, audit) => {
    const rows = await tx
      .select()
      .from(proposals)
      .where(
        and(
          inArray(
            proposals.id,
            due.map((d) => d.id),
          ),
          isNull(proposals.ledgerItemId),
        ),
      )
      .for('update');
    let done = 0;
    for (const p of rows) {
      if (!p.leadUnitId || !p.deadline) continue;
      const [item] = await tx
        .insert(ledgerItems)
        .values({
          title: `提案逾期：第${p.number}号 ${p.title}`.slice(0, 200),
          ownerUnitId: p.leadUnitId,
          deadline: p.deadline,
          priority: 'high',
          regionCode: p.regionCode,
        })
        .returning();
      await tx
        .update(proposals)
        .set({ ledgerItemId: found(item).id })
        .where(eq(proposals.id, p.id));
      await audit({
        action: 'proposal.escalate',
        entityType: 'proposal',
        entityId: p.id,
        regionCode: p.regionCode,
        after: { ledgerItem: found(item).id },
      });
      done++;
    }
    if (done === 0)
      await audit({ action: 'proposal.escalate', entityType: 'proposal', after: { escalated: 0 } });
  });
}
