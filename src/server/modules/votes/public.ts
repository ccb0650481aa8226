/**
 * The owner's side, without an account: a vote's question, whom a code names, and a ballot cast
 * with the code printed on the owner's notice. A draft vote is not there (404); a wrong code is
 * refused without saying whose codes exist.
 */
import { and, eq } from 'drizzle-orm';
import type { PublicBallotBody, PublicVote, PublicVoter } from '../../../contract/votes.js';
import { maskName } from '../../../domain/masking.js';
import { normaliseCode } from '../../../domain/votes.js';
import type { Db } from '../../db/client.js';
import { buildings, compounds, voteBallots, votes, voteVoters } from '../../db/schema.js';
import type { Actor } from '../../platform/audit.js';
import { write } from '../../platform/context.js';
import { AppError, notFound } from '../../platform/errors.js';
import { castBallot } from './commands.js';
import { centsText } from './queries.js';

const scopeNames = { compound: '全体业主', building: '', unit: '' } as const;

async function publishedVote(db: Db, id: string) {
  const [row] = await db
    .select({ vote: votes, compoundName: compounds.name, buildingNumber: buildings.number })
    .from(votes)
    .innerJoin(compounds, eq(compounds.id, votes.compoundId))
    .leftJoin(buildings, eq(buildings.id, votes.buildingId))
    .where(eq(votes.id, id));
  if (!row || row.vote.status === 'draft') throw notFound();
  return row;
}

export async function publicVote(db: Db, id: string): Promise<PublicVote> {
  const { vote, compoundName, buildingNumber } = await publishedVote(db, id);
  const scopeName =
    vote.scope === 'compound'
      ? `${compoundName}${scopeNames.compound}`
      : `${compoundName} ${buildingNumber ?? ''}${vote.unit ?? ''}`;
  return {
    id: vote.id,
    compoundName,
    scopeName,
    matter: vote.matter,
    title: vote.title,
    description: vote.description,
    startsOn: vote.startsOn,
    endsOn: vote.endsOn,
    status: vote.status,
  };
}

async function voterByCode(db: Db, voteId: string, code: string) {
  const [row] = await db
    .select({ voter: voteVoters, choice: voteBallots.choice })
    .from(voteVoters)
    .leftJoin(
      voteBallots,
      and(eq(voteBallots.voteId, voteVoters.voteId), eq(voteBallots.voterKey, voteVoters.key)),
    )
    .where(and(eq(voteVoters.voteId, voteId), eq(voteVoters.code, normaliseCode(code))));
  if (!row) throw new AppError('VALIDATION_FAILED', { code: 'wrong_ballot_code' });
  return row;
}

const presentVoter = (row: Awaited<ReturnType<typeof voterByCode>>): PublicVoter => ({
  name: row.voter.key === 'developer' ? row.voter.name : maskName(row.voter.name),
  rooms: row.voter.rooms,
  area: centsText(row.voter.areaCents),
  choice: row.choice,
});

export async function checkCode(db: Db, voteId: string, code: string): Promise<PublicVoter> {
  await publishedVote(db, voteId);
  return presentVoter(await voterByCode(db, voteId, code));
}

/** The owner's own ballot: one per owner, while the vote is open. */
export async function castOnline(db: Db, actor: Actor, voteId: string, input: PublicBallotBody) {
  const { vote } = await publishedVote(db, voteId);
  const voter = await voterByCode(db, voteId, input.code);
  await write(db, { ...actor, name: 'owner' }, async (tx, audit) => {
    await castBallot(tx, audit, {
      voteId,
      regionCode: vote.regionCode,
      voterKey: voter.voter.key,
      choice: input.choice,
      channel: 'online',
      remark: input.remark ?? null,
      enteredBy: null,
    });
  });
  return presentVoter(await voterByCode(db, voteId, input.code));
}
