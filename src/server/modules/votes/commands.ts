/**
 * Owners' votes' writes: draft, open (freezing the register), ballots on paper and online, their
 * corrections, close with the result. Each is one audited transaction: a refused one writes nothing.
 */
import { and, eq, sql } from 'drizzle-orm';
import type {
  CorrectBallotBody,
  CreateVoteBody,
  OccupiedBody,
  PaperBallotBody,
  VoteDetail,
} from '../../../contract/votes.js';
import { photoMaxBytes } from '../../../domain/photos.js';
import {
  acceptsBallots,
  type BallotChannel,
  needsOccupiedConsent,
  type VoteChoice,
} from '../../../domain/votes.js';
import type { Tx } from '../../db/client.js';
import { buildings, households, voteBallots, votes, voteVoters } from '../../db/schema.js';
import { type Audit, type Ctx, write } from '../../platform/context.js';
import { AppError, conflict, type FieldReason, found } from '../../platform/errors.js';
import { readUpload } from '../../platform/uploads.js';
import { loadCompound } from '../inventory/access.js';
import { storePhoto } from '../photos/service.js';
import { loadVote } from './access.js';
import { computeTally, tallyShape, voteDetail, voterOf } from './queries.js';
import { freezeRegister } from './register.js';

const refuse = (field: string, reason: FieldReason) => new AppError('VALIDATION_FAILED', { [field]: reason });

async function detailOf(ctx: Ctx, id: string): Promise<VoteDetail> {
  return voteDetail(ctx.db, await loadVote(ctx, id, 'read'));
}

/** Draft a vote on a compound, one of its buildings, or one stairwell unit of a building. */
export async function createVote(ctx: Ctx, input: CreateVoteBody): Promise<VoteDetail> {
  if (input.endsOn < input.startsOn) throw refuse('endsOn', 'ends_before_start');
  if (input.scope !== 'compound' && !input.buildingId) throw refuse('buildingId', 'not_in_compound');
  if (input.scope === 'unit' && !input.unit) throw refuse('unit', 'not_in_building');
  // Adding a lift: the vote scope is the stairwell unit or building, not the compound (domain.md).
  if (input.matter === 'add_lift' && input.scope === 'compound') throw refuse('scope', 'lift_scope');
  const id = await write(ctx.db, ctx.actor, async (tx, audit) => {
    const compound = await loadCompound(ctx, input.compoundId, 'write', tx);
    let buildingId: string | null = null;
    let unit: string | null = null;
    if (input.scope !== 'compound' && input.buildingId) {
      const [b] = await tx
        .select({ compoundId: buildings.compoundId })
        .from(buildings)
        .where(eq(buildings.id, input.buildingId));
      if (!b || b.compoundId !== compound.id) throw refuse('buildingId', 'not_in_compound');
      buildingId = input.buildingId;
      if (input.scope === 'unit' && input.unit) {
        const [h] = await tx
          .select({ id: households.id })
          .from(households)
          .where(and(eq(households.buildingId, buildingId), eq(households.unit, input.unit)))
          .limit(1);
        if (!h) throw refuse('unit', 'not_in_building');
        unit = input.unit;
      }
    }
    const [row] = await tx
      .insert(votes)
      .values({
        compoundId: compound.id,
        regionCode: compound.regionCode,
        scope: input.scope,
        buildingId,
        unit,
        matter: input.matter,
        title: input.title,
        description: input.description ?? null,
        startsOn: input.startsOn,
        endsOn: input.endsOn,
        createdBy: ctx.principal.userId,
      })
      .returning();
    const vote = found(row);
    await audit({
      action: 'vote.create',
      entityType: 'vote',
      entityId: vote.id,
      regionCode: vote.regionCode,
      after: {
        compoundId: vote.compoundId,
        scope: vote.scope,
        buildingId,
        unit,
        matter: vote.matter,
        title: vote.title,
      },
    });
    return vote.id;
  });
  return detailOf(ctx, id);
}

/** Open a draft: freeze its register (voters, units, codes). A scope with no registered households is refused. */
export async function openVote(ctx: Ctx, id: string, version: number): Promise<VoteDetail> {
  await write(ctx.db, ctx.actor, async (tx, audit) => {
    const vote = await loadVote(ctx, id, 'write', tx);
    if (vote.version !== version) throw conflict();
    if (vote.status !== 'draft') throw refuse('status', 'vote_not_draft');
    const voters = await freezeRegister(tx, vote);
    if (voters === 0) throw refuse('scope', 'empty_register');
    await tx
      .update(votes)
      .set({ status: 'open', openedAt: new Date(), version: sql`${votes.version} + 1` })
      .where(eq(votes.id, id));
    await audit({
      action: 'vote.open',
      entityType: 'vote',
      entityId: id,
      regionCode: vote.regionCode,
      after: { voters },
    });
  });
  return detailOf(ctx, id);
}

/** Close an open vote and record its result (the tally over the frozen register). */
export async function closeVote(ctx: Ctx, id: string, version: number): Promise<VoteDetail> {
  await write(ctx.db, ctx.actor, async (tx, audit) => {
    const vote = await loadVote(ctx, id, 'write', tx);
    if (vote.version !== version) throw conflict();
    if (vote.status !== 'open') throw refuse('status', 'vote_not_open');
    // Ballots arriving meanwhile wait for this row's lock, then find the vote closed.
    await tx.select({ id: votes.id }).from(votes).where(eq(votes.id, id)).for('update');
    const result = tallyShape(await computeTally(tx, id, vote.matter));
    await tx
      .update(votes)
      .set({
        status: 'closed',
        closedAt: new Date(),
        passed: result.passed,
        result,
        version: sql`${votes.version} + 1`,
      })
      .where(eq(votes.id, id));
    await audit({
      action: 'vote.close',
      entityType: 'vote',
      entityId: id,
      regionCode: vote.regionCode,
      after: result,
    });
  });
  return detailOf(ctx, id);
}

/**
 * Record one ballot: the vote must be open (checked under its row lock, so a close cannot slip
 * between), the voter in its frozen register, and without a ballot yet.
 */
export async function castBallot(
  tx: Tx,
  audit: Audit,
  input: {
    voteId: string;
    regionCode: string;
    voterKey: string;
    choice: VoteChoice;
    channel: BallotChannel;
    remark: string | null;
    enteredBy: string | null;
  },
): Promise<void> {
  const [locked] = await tx
    .select({ status: votes.status })
    .from(votes)
    .where(eq(votes.id, input.voteId))
    .for('update');
  if (!locked || !acceptsBallots(locked.status)) throw refuse('status', 'vote_not_open');
  const [voter] = await tx
    .select({ key: voteVoters.key })
    .from(voteVoters)
    .where(and(eq(voteVoters.voteId, input.voteId), eq(voteVoters.key, input.voterKey)));
  if (!voter) throw refuse('voterKey', 'not_a_voter');
  const [earlier] = await tx
    .select({ id: voteBallots.id })
    .from(voteBallots)
    .where(and(eq(voteBallots.voteId, input.voteId), eq(voteBallots.voterKey, input.voterKey)));
  if (earlier) throw refuse('voterKey', 'already_voted');
  const [row] = await tx
    .insert(voteBallots)
    .values({
      voteId: input.voteId,
      voterKey: input.voterKey,
      choice: input.choice,
      channel: input.channel,
      remark: input.remark,
      enteredBy: input.enteredBy,
    })
    .returning({ id: voteBallots.id });
  await audit({
    action: 'vote.ballot',
    entityType: 'vote_ballot',
    entityId: found(row).id,
    regionCode: input.regionCode,
    after: { voteId: input.voteId, voterKey: input.voterKey, choice: input.choice, channel: input.channel },
  });
}

/** Staff enter a paper ballot for a voter of the frozen register. */
export async function enterPaperBallot(ctx: Ctx, voteId: string, input: PaperBallotBody) {
  await write(ctx.db, ctx.actor, async (tx, audit) => {
    const vote = await loadVote(ctx, voteId, 'write', tx);
    await castBallot(tx, audit, {
      voteId,
      regionCode: vote.regionCode,
      voterKey: input.voterKey,
      choice: input.choice,
      channel: 'paper',
      remark: input.remark ?? null,
      enteredBy: ctx.principal.userId,
    });
  });
  return voterOf(ctx.db, ctx.principal, voteId, input.voterKey);
}

/** Correct a ballot (staff only, with a reason, while the vote is open); the audit keeps before and after. */
export async function correctBallot(ctx: Ctx, voteId: string, ballotId: string, input: CorrectBallotBody) {
  const key = await write(ctx.db, ctx.actor, async (tx, audit) => {
    const vote = await loadVote(ctx, voteId, 'write', tx);
    if (!acceptsBallots(vote.status)) throw refuse('status', 'vote_not_open');
    const [ballot] = await tx
      .select()
      .from(voteBallots)
      .where(and(eq(voteBallots.id, ballotId), eq(voteBallots.voteId, voteId)))
      .for('update');
    const b = found(ballot);
    if (b.version !== input.version) throw conflict();
    await tx
      .update(voteBallots)
      .set({
        choice: input.choice,
        correctionReason: input.reason,
        correctedAt: new Date(),
        version: sql`${voteBallots.version} + 1`,
      })
      .where(eq(voteBallots.id, ballotId));
    await audit({
      action: 'vote.correct',
      entityType: 'vote_ballot',
      entityId: ballotId,
      regionCode: vote.regionCode,
      before: { choice: b.choice },
      after: { voteId, voterKey: b.voterKey, choice: input.choice, reason: input.reason },
    });
    return b.voterKey;
  });
  return voterOf(ctx.db, ctx.principal, voteId, key);
}

/**
 * A lift vote: mark (or unmark) an owner whose exclusive part the lift occupies; the lift then
 * needs their ballot "for" besides the thresholds. While the vote is open; audited.
 */
export async function markOccupied(ctx: Ctx, voteId: string, input: OccupiedBody) {
  await write(ctx.db, ctx.actor, async (tx, audit) => {
    const vote = await loadVote(ctx, voteId, 'write', tx);
    if (!needsOccupiedConsent(vote.matter)) throw refuse('voterKey', 'not_a_lift_vote');
    // Under the vote's lock, as ballots: a close cannot slip between.
    const [locked] = await tx
      .select({ status: votes.status })
      .from(votes)
      .where(eq(votes.id, voteId))
      .for('update');
    if (!locked || !acceptsBallots(locked.status)) throw refuse('status', 'vote_not_open');
    const [voter] = await tx
      .select()
      .from(voteVoters)
      .where(and(eq(voteVoters.voteId, voteId), eq(voteVoters.key, input.voterKey)));
    if (!voter) throw refuse('voterKey', 'not_a_voter');
    const note = input.occupied ? input.note || null : null;
    await tx
      .update(voteVoters)
      .set({ occupied: input.occupied, occupiedNote: note })
      .where(and(eq(voteVoters.voteId, voteId), eq(voteVoters.key, input.voterKey)));
    await audit({
      action: 'vote.occupied',
      entityType: 'vote',
      entityId: voteId,
      regionCode: vote.regionCode,
      before: { voterKey: voter.key, occupied: voter.occupied, note: voter.occupiedNote },
      after: { voterKey: voter.key, occupied: input.occupied, note },
    });
  });
  return voterOf(ctx.db, ctx.principal, voteId, input.voterKey);
}

/** Attach the scan of a paper ballot. */
export async function addBallotScan(
  ctx: Ctx,
  voteId: string,
  ballotId: string,
  fileName: string,
  body: unknown,
) {
  const vote = await loadVote(ctx, voteId, 'write');
  const [ballot] = await ctx.db
    .select({ id: voteBallots.id, channel: voteBallots.channel })
    .from(voteBallots)
    .where(and(eq(voteBallots.id, ballotId), eq(voteBallots.voteId, voteId)));
  const b = found(ballot);
  if (b.channel !== 'paper') throw refuse('ballotId', 'not_a_paper_ballot');
  const bytes = await readUpload(body, photoMaxBytes);
  return storePhoto(ctx, { ballotId: b.id, regionCode: vote.regionCode }, fileName, bytes, {
    entityType: 'vote_ballot',
    entityId: b.id,
  });
}
