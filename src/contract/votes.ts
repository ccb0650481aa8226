import { z } from 'zod';
import { ballotChannels, voteChoices, voteMatters, voteScopes, voteStatuses } from '../domain/votes.js';
import { limits, PageQuery, pageOf, regionCode, text } from './common.js';
import { endpoint } from './endpoint.js';
import { Photo, PhotoUploadQuery } from './photos.js';

/** The lists are the domain's (src/domain/votes.ts). */
export { ballotChannels, voteChoices, voteMatters, voteScopes, voteStatuses };

const day = z.iso.date();
const Id = z.object({ id: z.uuid() });
const note = text().trim().max(limits.shortNote.max);

export const VoteListQuery = PageQuery.extend({
  status: z.enum(voteStatuses).optional(),
  matter: z.enum(voteMatters).optional(),
  region: regionCode.optional(),
  compoundId: z.uuid().optional(),
  q: text().max(limits.search.max).optional(),
});
export type VoteListQuery = z.infer<typeof VoteListQuery>;

export const Vote = z.object({
  id: text(),
  compoundId: text(),
  compoundName: text(),
  regionCode: text(),
  scope: z.enum(voteScopes),
  buildingId: text().nullable(),
  buildingNumber: text().nullable(),
  unit: text().nullable(),
  matter: z.enum(voteMatters),
  title: text(),
  description: text().nullable(),
  startsOn: text(),
  endsOn: text(),
  status: z.enum(voteStatuses),
  passed: z.boolean().nullable(),
  /** Voters (headcount) in the frozen register, and ballots cast so far. */
  voters: z.number().int(),
  ballots: z.number().int(),
  version: z.number().int(),
});
export type Vote = z.infer<typeof Vote>;
export const VotePage = pageOf(Vote);

export const CreateVoteBody = z.strictObject({
  compoundId: z.uuid(),
  scope: z.enum(voteScopes),
  buildingId: z.uuid().optional(),
  unit: text().trim().min(1).max(limits.name.max).optional(),
  matter: z.enum(voteMatters),
  title: text().trim().min(1).max(limits.title.max),
  description: note.optional(),
  startsOn: day,
  endsOn: day,
});
export type CreateVoteBody = z.infer<typeof CreateVoteBody>;
export const VersionBody = z.strictObject({ version: z.number().int() });

/** One threshold with its numbers: areas in m² as exact decimal strings ("2012.40"). */
const Measure = z.object({
  part: text(),
  whole: text(),
  /** "2/3", "3/4", "1/2" */
  threshold: text(),
  /** ≥ (以上) or > (过半数) */
  strict: z.boolean(),
  /** One decimal, rounded half up; null when nothing to divide by. */
  percent: text().nullable(),
  met: z.boolean(),
  /** The whole line: "2,012.40 / 2,950.10 m² = 68.2% ≥ 66.7%". */
  text: text(),
});
export const Tally = z.object({
  totalArea: text(),
  totalHeadcount: z.number().int(),
  participatingArea: text(),
  participatingHeadcount: z.number().int(),
  for: z.object({ area: text(), headcount: z.number().int() }),
  against: z.object({ area: text(), headcount: z.number().int() }),
  abstain: z.object({ area: text(), headcount: z.number().int() }),
  quorumArea: Measure,
  quorumHeadcount: Measure,
  approvalArea: Measure,
  approvalHeadcount: Measure,
  quorumMet: z.boolean(),
  approved: z.boolean(),
  /**
   * Adding a lift: the owners whose exclusive part the lift occupies must each vote for
   * (domain.md); how many are marked, how many consented. Null for other matters.
   */
  consent: z.object({ required: z.number().int(), given: z.number().int(), met: z.boolean() }).nullable(),
  passed: z.boolean(),
});
export type Tally = z.infer<typeof Tally>;

export const VoteDetail = Vote.extend({
  /** The live tally over the frozen register (null while a draft). */
  tally: Tally.nullable(),
  /** The matter needs three quarters (special) or more than half. */
  special: z.boolean(),
  openedAt: text().nullable(),
  closedAt: text().nullable(),
  canManage: z.boolean(),
});
export type VoteDetail = z.infer<typeof VoteDetail>;

export const VoterQuery = PageQuery.extend({
  /** A room, building/unit or owner's name. */
  q: text().max(limits.search.max).optional(),
  voted: z.enum(['true', 'false']).optional(),
});
export type VoterQuery = z.infer<typeof VoterQuery>;

export const Ballot = z.object({
  id: text(),
  choice: z.enum(voteChoices),
  channel: z.enum(ballotChannels),
  remark: text().nullable(),
  castAt: text(),
  correctionReason: text().nullable(),
  photoIds: z.array(text()),
  version: z.number().int(),
});
export type Ballot = z.infer<typeof Ballot>;

export const Voter = z.object({
  key: text(),
  /** Masked unless the caller has `household.personal`. */
  name: text(),
  rooms: text(),
  /** m², exact ("78.50"). */
  area: text(),
  units: z.number().int(),
  /** Adding a lift: the lift occupies part of this owner's exclusive part (their consent is needed). */
  occupied: z.boolean(),
  occupiedNote: text().nullable(),
  ballot: Ballot.nullable(),
});
export type Voter = z.infer<typeof Voter>;
export const VoterPage = pageOf(Voter);

export const PaperBallotBody = z.strictObject({
  voterKey: text().trim().min(1).max(limits.name.max),
  choice: z.enum(voteChoices),
  remark: note.optional(),
});
export type PaperBallotBody = z.infer<typeof PaperBallotBody>;
export const CorrectBallotBody = z.strictObject({
  version: z.number().int(),
  choice: z.enum(voteChoices),
  reason: text().trim().min(2).max(limits.shortNote.max),
});
export type CorrectBallotBody = z.infer<typeof CorrectBallotBody>;

/** Mark (or unmark) an owner of a lift vote whose exclusive part the lift occupies. */
export const OccupiedBody = z.strictObject({
  voterKey: text().trim().min(1).max(limits.name.max),
  occupied: z.boolean(),
  /** What the lift occupies ("首层入户花园 3.2㎡"). */
  note: note.optional(),
});
export type OccupiedBody = z.infer<typeof OccupiedBody>;

export const Notice = z.object({ key: text(), name: text(), rooms: text(), area: text(), code: text() });
export const Notices = z.object({ vote: Vote, notices: z.array(Notice) });

/** What an owner sees before and after voting online (no account: the code on their notice). */
export const PublicVote = z.object({
  id: text(),
  compoundName: text(),
  scopeName: text(),
  matter: z.enum(voteMatters),
  title: text(),
  description: text().nullable(),
  startsOn: text(),
  endsOn: text(),
  status: z.enum(voteStatuses),
});
export type PublicVote = z.infer<typeof PublicVote>;
export const BallotCode = text().trim().min(1).max(32);
export const PublicCheckBody = z.strictObject({ code: BallotCode });
export const PublicVoter = z.object({
  /** Masked ("王*"). */
  name: text(),
  rooms: text(),
  area: text(),
  /** Their ballot's choice, if they have voted. */
  choice: z.enum(voteChoices).nullable(),
});
export type PublicVoter = z.infer<typeof PublicVoter>;
export const PublicBallotBody = z.strictObject({
  code: BallotCode,
  choice: z.enum(voteChoices),
  remark: note.optional(),
});
export type PublicBallotBody = z.infer<typeof PublicBallotBody>;

/** The area's headline figures: closed votes that passed, and that failed. */
export const VoteFigures = z.object({ votesPassed: z.number().int(), votesFailed: z.number().int() });
export type VoteFigures = z.infer<typeof VoteFigures>;

export const votesEndpoints = {
  listVotes: endpoint({
    method: 'GET',
    path: '/api/votes',
    summary: "Owners' votes in scope",
    tag: 'votes',
    query: VoteListQuery,
    response: VotePage,
  }),
  createVote: endpoint({
    method: 'POST',
    path: '/api/votes',
    summary: "Draft an owners' vote on a compound, building or stairwell unit",
    tag: 'votes',
    body: CreateVoteBody,
    response: VoteDetail,
    status: 201,
  }),
  getVote: endpoint({
    method: 'GET',
    path: '/api/votes/:id',
    summary: 'One vote with its live tally',
    tag: 'votes',
    params: Id,
    response: VoteDetail,
  }),
  openVote: endpoint({
    method: 'POST',
    path: '/api/votes/:id/open',
    summary: 'Open the vote: freeze its register and give each owner a code',
    tag: 'votes',
    params: Id,
    body: VersionBody,
    response: VoteDetail,
  }),
  closeVote: endpoint({
    method: 'POST',
    path: '/api/votes/:id/close',
    summary: 'Close the vote and record its result',
    tag: 'votes',
    params: Id,
    body: VersionBody,
    response: VoteDetail,
  }),
  listVoters: endpoint({
    method: 'GET',
    path: '/api/votes/:id/voters',
    summary: 'The frozen register: voters, their rooms, area and ballot',
    tag: 'votes',
    params: Id,
    query: VoterQuery,
    response: VoterPage,
  }),
  voteNotices: endpoint({
    method: 'GET',
    path: '/api/votes/:id/notices',
    summary: "The ballot notices: each owner's rooms and code",
    tag: 'votes',
    params: Id,
    response: Notices,
  }),
  enterPaperBallot: endpoint({
    method: 'POST',
    path: '/api/votes/:id/ballots',
    summary: 'Enter a paper ballot for an owner',
    tag: 'votes',
    params: Id,
    body: PaperBallotBody,
    response: Voter,
    status: 201,
  }),
  correctBallot: endpoint({
    method: 'POST',
    path: '/api/votes/:id/ballots/:ballotId/correct',
    summary: 'Correct a ballot, with a reason',
    tag: 'votes',
    params: z.object({ id: z.uuid(), ballotId: z.uuid() }),
    body: CorrectBallotBody,
    response: Voter,
  }),
  markOccupied: endpoint({
    method: 'POST',
    path: '/api/votes/:id/occupied',
    summary: 'A lift vote: mark an owner whose exclusive part the lift occupies (their consent is needed)',
    tag: 'votes',
    params: Id,
    body: OccupiedBody,
    response: Voter,
  }),
  uploadBallotScan: endpoint({
    method: 'POST',
    path: '/api/votes/:id/ballots/:ballotId/scans',
    summary: "Attach a paper ballot's scan",
    tag: 'votes',
    params: z.object({ id: z.uuid(), ballotId: z.uuid() }),
    query: PhotoUploadQuery,
    upload: true,
    response: Photo,
    status: 201,
  }),
  exportVote: endpoint({
    method: 'GET',
    path: '/api/votes/:id/export',
    summary: 'The ballots and the result as an Excel workbook',
    tag: 'votes',
    params: Id,
    response: z.unknown(),
    download: true,
  }),
  publicVote: endpoint({
    method: 'GET',
    path: '/api/public/votes/:id',
    summary: 'What an owner is asked (no login)',
    tag: 'votes',
    params: Id,
    response: PublicVote,
  }),
  publicCheckCode: endpoint({
    method: 'POST',
    path: '/api/public/votes/:id/check',
    summary: "An owner's code: whom it names and whether they have voted (no login)",
    tag: 'votes',
    params: Id,
    body: PublicCheckBody,
    response: PublicVoter,
  }),
  publicCastBallot: endpoint({
    method: 'POST',
    path: '/api/public/votes/:id/ballot',
    summary: 'An owner votes online with the code on their notice (no login)',
    tag: 'votes',
    params: Id,
    body: PublicBallotBody,
    response: PublicVoter,
    status: 201,
  }),
} as const;
