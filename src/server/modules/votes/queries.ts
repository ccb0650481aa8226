/** Owners' votes: the list, one vote with its live tally, the frozen register with ballots. */
import { and, asc, desc, eq, inArray, or, type SQL, sql } from 'drizzle-orm';
import type {
  Ballot,
  Tally as TallyShape,
  Vote,
  VoteDetail,
  VoteListQuery,
  Voter,
  VoterQuery,
} from '../../../contract/votes.js';
import { can } from '../../../domain/access.js';
import { maskName } from '../../../domain/masking.js';
import {
  describeMeasure,
  formatShare,
  type Measure,
  specialMatters,
  type Tally,
  tally,
  type VoteChoice,
  type VoteMatter,
} from '../../../domain/votes.js';
import type { Db, Tx } from '../../db/client.js';
import { buildings, compounds, photos, voteBallots, votes, voteUnits, voteVoters } from '../../db/schema.js';
import type { Principal } from '../../platform/context.js';
import { anyRow, contains, paged } from '../../platform/sql.js';
import { voteRule } from './access.js';

/** Hundredths as an exact decimal string: 201240n → "2012.40". */
export const centsText = (c: bigint | number): string => {
  const v = BigInt(c);
  return `${v / 100n}.${(v % 100n).toString().padStart(2, '0')}`;
};

const voterCount = sql<number>`(SELECT count(*)::int FROM ${voteVoters} WHERE ${voteVoters.voteId} = ${votes.id})`;
const ballotCount = sql<number>`(SELECT count(*)::int FROM ${voteBallots} WHERE ${voteBallots.voteId} = ${votes.id})`;

function select(db: Db | Tx) {
  return db
    .select({
      vote: votes,
      compoundName: compounds.name,
      buildingNumber: buildings.number,
      voters: voterCount,
      ballots: ballotCount,
    })
    .from(votes)
    .innerJoin(compounds, eq(compounds.id, votes.compoundId))
    .leftJoin(buildings, eq(buildings.id, votes.buildingId));
}
type Row = Awaited<ReturnType<typeof select>>[number];

function present(r: Row): Vote {
  const v = r.vote;
  return {
    id: v.id,
    compoundId: v.compoundId,
    compoundName: r.compoundName,
    regionCode: v.regionCode,
    scope: v.scope,
    buildingId: v.buildingId,
    buildingNumber: r.buildingNumber,
    unit: v.unit,
    matter: v.matter,
    title: v.title,
    description: v.description,
    startsOn: v.startsOn,
    endsOn: v.endsOn,
    status: v.status,
    passed: v.passed,
    voters: r.voters,
    ballots: r.ballots,
    version: v.version,
  };
}

export async function listVotes(db: Db, principal: Principal, q: VoteListQuery) {
  const where: (SQL | undefined)[] = [voteRule(principal, 'read')];
  if (q.status) where.push(eq(votes.status, q.status));
  if (q.matter) where.push(eq(votes.matter, q.matter));
  if (q.compoundId) where.push(eq(votes.compoundId, q.compoundId));
  if (q.region) where.push(sql`${votes.regionCode} LIKE ${`${q.region}%`}`);
  if (q.q) where.push(or(contains(votes.title, q.q), contains(compounds.name, q.q)));
  const condition = and(...where);
  return paged(
    db,
    db.select(anyRow).from(votes).innerJoin(compounds, eq(compounds.id, votes.compoundId)).where(condition),
    async (limit, offset) =>
      (
        await select(db)
          .where(condition)
          .orderBy(desc(votes.startsOn), desc(votes.createdAt))
          .limit(limit)
          .offset(offset)
      ).map(present),
    q,
  );
}

/** The voters of a vote with their choices: what the tally counts. */
async function votersOf(db: Db | Tx, voteId: string) {
  const rows = await db
    .select({
      key: voteVoters.key,
      areaCents: voteVoters.areaCents,
      occupied: voteVoters.occupied,
      choice: voteBallots.choice,
    })
    .from(voteVoters)
    .leftJoin(
      voteBallots,
      and(eq(voteBallots.voteId, voteVoters.voteId), eq(voteBallots.voterKey, voteVoters.key)),
    )
    .where(eq(voteVoters.voteId, voteId));
  return rows.map((r) => ({
    key: r.key,
    areaCents: BigInt(r.areaCents),
    occupied: r.occupied,
    choice: r.choice as VoteChoice | null,
  }));
}

export async function computeTally(db: Db | Tx, voteId: string, matter: VoteMatter): Promise<Tally> {
  return tally(matter, await votersOf(db, voteId));
}

const measureShape = (m: Measure, kind: 'area' | 'headcount') => ({
  part: kind === 'area' ? centsText(m.part) : m.part.toString(),
  whole: kind === 'area' ? centsText(m.whole) : m.whole.toString(),
  threshold: `${m.threshold.num}/${m.threshold.den}`,
  strict: m.threshold.strict,
  percent: m.whole > 0n ? formatShare(m.part, m.whole) : null,
  met: m.met,
  text: describeMeasure(m, kind),
});

/** The tally as the contract carries it: exact decimal strings and each threshold's line. */
export function tallyShape(t: Tally): TallyShape {
  return {
    totalArea: centsText(t.totalArea),
    totalHeadcount: t.totalHeadcount,
    participatingArea: centsText(t.participatingArea),
    participatingHeadcount: t.participatingHeadcount,
    for: { area: centsText(t.forArea), headcount: t.forHeadcount },
    against: { area: centsText(t.againstArea), headcount: t.againstHeadcount },
    abstain: { area: centsText(t.abstainArea), headcount: t.abstainHeadcount },
    quorumArea: measureShape(t.quorumArea, 'area'),
    quorumHeadcount: measureShape(t.quorumHeadcount, 'headcount'),
    approvalArea: measureShape(t.approvalArea, 'area'),
    approvalHeadcount: measureShape(t.approvalHeadcount, 'headcount'),
    quorumMet: t.quorumMet,
    approved: t.approved,
    consent: t.consent,
    passed: t.passed,
  };
}

export async function voteDetail(
  db: Db | Tx,
  vote: { id: string; canManage: boolean; openedAt: Date | null; closedAt: Date | null },
): Promise<VoteDetail> {
  const [row] = await select(db).where(eq(votes.id, vote.id));
  if (!row) throw new Error('vote vanished');
  const v = present(row);
  return {
    ...v,
    tally: v.status === 'draft' ? null : tallyShape(await computeTally(db, v.id, v.matter)),
    special: specialMatters.includes(v.matter),
    openedAt: vote.openedAt?.toISOString() ?? null,
    closedAt: vote.closedAt?.toISOString() ?? null,
    canManage: vote.canManage,
  };
}

/** The frozen register, searched by room ("1号楼1单元101", "301") or name, with each voter's ballot. */
export async function listVoters(db: Db | Tx, principal: Principal, voteId: string, q: VoterQuery) {
  const where: (SQL | undefined)[] = [eq(voteVoters.voteId, voteId)];
  if (q.q) {
    const needle = q.q.replace(/\s+/g, '');
    const escaped = `%${needle.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    where.push(
      or(
        contains(voteVoters.name, needle),
        sql`EXISTS (SELECT 1 FROM ${voteUnits} WHERE ${voteUnits.voteId} = ${voteVoters.voteId}
          AND ${voteUnits.voterKey} = ${voteVoters.key}
          AND (${voteUnits.building} || ${voteUnits.unit} || ${voteUnits.room} ILIKE ${escaped}
            OR ${voteUnits.room} ILIKE ${escaped}))`,
      ),
    );
  }
  if (q.voted === 'true') where.push(sql`${voteBallots.id} IS NOT NULL`);
  if (q.voted === 'false') where.push(sql`${voteBallots.id} IS NULL`);
  const condition = and(...where);
  const join = and(eq(voteBallots.voteId, voteVoters.voteId), eq(voteBallots.voterKey, voteVoters.key));
  const personal = can(principal.role, 'household.personal');
  return paged(
    db,
    db.select(anyRow).from(voteVoters).leftJoin(voteBallots, join).where(condition),
    async (limit, offset) => {
      const rows = await db
        .select({ voter: voteVoters, ballot: voteBallots })
        .from(voteVoters)
        .leftJoin(voteBallots, join)
        .where(condition)
        .orderBy(asc(voteVoters.rooms), asc(voteVoters.key))
        .limit(limit)
        .offset(offset);
      const scans = await scansOf(
        db,
        rows.flatMap((r) => (r.ballot ? [r.ballot.id] : [])),
      );
      return rows.map((r) => presentVoter(r.voter, r.ballot, scans, personal));
    },
    q,
  );
}

async function scansOf(db: Db | Tx, ballotIds: string[]) {
  const scans = new Map<string, string[]>();
  if (ballotIds.length === 0) return scans;
  const rows = await db
    .select({ id: photos.id, ballotId: photos.ballotId })
    .from(photos)
    .where(inArray(photos.ballotId, ballotIds))
    .orderBy(asc(photos.createdAt));
  for (const r of rows) if (r.ballotId) scans.set(r.ballotId, [...(scans.get(r.ballotId) ?? []), r.id]);
  return scans;
}

export function presentVoter(
  voter: typeof voteVoters.$inferSelect,
  ballot: typeof voteBallots.$inferSelect | null,
  scans: Map<string, string[]>,
  personal: boolean,
): Voter {
  const b: Ballot | null = ballot
    ? {
        id: ballot.id,
        choice: ballot.choice,
        channel: ballot.channel,
        remark: ballot.remark,
        castAt: ballot.castAt.toISOString(),
        correctionReason: ballot.correctionReason,
        photoIds: scans.get(ballot.id) ?? [],
        version: ballot.version,
      }
    : null;
  return {
    key: voter.key,
    name: personal || voter.key === 'developer' ? voter.name : maskName(voter.name),
    rooms: voter.rooms,
    area: centsText(voter.areaCents),
    units: voter.units,
    occupied: voter.occupied,
    occupiedNote: voter.occupiedNote,
    ballot: b,
  };
}

/** One voter with their ballot (after an entry or a correction). */
export async function voterOf(
  db: Db | Tx,
  principal: Principal,
  voteId: string,
  key: string,
): Promise<Voter> {
  const [row] = await db
    .select({ voter: voteVoters, ballot: voteBallots })
    .from(voteVoters)
    .leftJoin(
      voteBallots,
      and(eq(voteBallots.voteId, voteVoters.voteId), eq(voteBallots.voterKey, voteVoters.key)),
    )
    .where(and(eq(voteVoters.voteId, voteId), eq(voteVoters.key, key)));
  if (!row) throw new Error('voter vanished');
  const scans = await scansOf(db, row.ballot ? [row.ballot.id] : []);
  return presentVoter(row.voter, row.ballot, scans, can(principal.role, 'household.personal'));
}

/** The notices to print: each voter's rooms, area and code. */
export async function voteNotices(db: Db, principal: Principal, voteId: string) {
  const [row] = await select(db).where(eq(votes.id, voteId));
  if (!row) throw new Error('vote vanished');
  const personal = can(principal.role, 'household.personal');
  const rows = await db
    .select()
    .from(voteVoters)
    .where(eq(voteVoters.voteId, voteId))
    .orderBy(asc(voteVoters.rooms));
  return {
    vote: present(row),
    notices: rows.map((v) => ({
      key: v.key,
      name: personal || v.key === 'developer' ? v.name : maskName(v.name),
      rooms: v.rooms,
      area: centsText(v.areaCents),
      code: v.code,
    })),
  };
}
