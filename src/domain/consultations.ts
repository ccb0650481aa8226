/**
 * Residents decide (一征三议两公开): a consultation is one workflow of stages taken from a stage
 * list. A stage list is data (a district setting); the default is 一征三议两公开, and 四议两公开 is
 * just another list. Every stage has a role that says what completing it needs; the rules here
 * are pure so the server, the pages and the tests share them.
 */

/**
 * What a stage does. `solicit`: the questionnaire (一征); `deliberate`: a meeting that proposes or
 * discusses (议); `resolve`: the meeting whose outcome is the resolution (决议; may rest on an
 * owners' vote); `disclose_resolution` / `disclose_result`: the two disclosures (两公开).
 */
export const stageRoles = [
  'solicit',
  'deliberate',
  'resolve',
  'disclose_resolution',
  'disclose_result',
] as const;
export type StageRole = (typeof stageRoles)[number];

export const stageOutcomes = ['passed', 'failed'] as const;
export type StageOutcome = (typeof stageOutcomes)[number];

/** Where a consultation stands, stored so lists filter on it; always `consultationStatus` of its stages. */
export const consultationStatuses = ['in_progress', 'failed', 'resolved', 'completed'] as const;
export type ConsultationStatus = (typeof consultationStatuses)[number];

export interface StageDef {
  /** Stable within its list, e.g. "propose". */
  key: string;
  name: string;
  role: StageRole;
}

export interface StageList {
  /** e.g. "1-3-2" */
  code: string;
  name: string;
  stages: StageDef[];
}

/** 一征三议两公开: solicit; the party organisation proposes, the council discusses, the residents' meeting resolves; two disclosures. */
export const defaultStageList: StageList = {
  code: '1-3-2',
  name: '一征三议两公开',
  stages: [
    { key: 'solicit', name: '征求意见', role: 'solicit' },
    { key: 'propose', name: '社区党组织提议', role: 'deliberate' },
    { key: 'discuss', name: '议事会商议', role: 'deliberate' },
    { key: 'resolve', name: '居民（代表）会议决议', role: 'resolve' },
    { key: 'disclose_resolution', name: '决议公开', role: 'disclose_resolution' },
    { key: 'disclose_result', name: '实施结果公开', role: 'disclose_result' },
  ],
};

/** 四议两公开: the same workflow with four deliberations and no questionnaire. */
export const fourDeliberationsList: StageList = {
  code: '4-2',
  name: '四议两公开',
  stages: [
    { key: 'branch_proposes', name: '党支部会议提议', role: 'deliberate' },
    { key: 'committees_discuss', name: '两委会议商议', role: 'deliberate' },
    { key: 'members_review', name: '党员大会审议', role: 'deliberate' },
    { key: 'representatives_resolve', name: '居民代表会议决议', role: 'resolve' },
    { key: 'disclose_resolution', name: '决议公开', role: 'disclose_resolution' },
    { key: 'disclose_result', name: '实施结果公开', role: 'disclose_result' },
  ],
};

export const defaultStageLists: readonly StageList[] = [defaultStageList, fourDeliberationsList];

export type StageListProblem =
  | 'no_stages'
  | 'duplicate_key'
  | 'solicit_not_first'
  | 'one_resolve_needed'
  | 'one_resolution_disclosure_needed'
  | 'one_result_disclosure_needed'
  | 'disclosure_before_resolve'
  | 'result_before_resolution';

/** Why a stage list cannot be used, or null: one resolution, disclosed, then its result disclosed. */
export function stageListProblem(list: StageList): StageListProblem | null {
  const { stages } = list;
  if (stages.length === 0) return 'no_stages';
  if (new Set(stages.map((s) => s.key)).size !== stages.length) return 'duplicate_key';
  const at = (role: StageRole) => stages.flatMap((s, i) => (s.role === role ? [i] : []));
  const solicit = at('solicit');
  if (solicit.some((i) => i !== 0) || solicit.length > 1) return 'solicit_not_first';
  const [resolve, ...moreResolve] = at('resolve');
  if (resolve === undefined || moreResolve.length > 0) return 'one_resolve_needed';
  const [resolution, ...moreResolution] = at('disclose_resolution');
  if (resolution === undefined || moreResolution.length > 0) return 'one_resolution_disclosure_needed';
  const [result, ...moreResult] = at('disclose_result');
  if (result === undefined || moreResult.length > 0) return 'one_result_disclosure_needed';
  if (resolution < resolve || result < resolve) return 'disclosure_before_resolve';
  if (result < resolution) return 'result_before_resolution';
  return null;
}

/**
 * The district's lists together: each usable, each code once (a consultation names its list by
 * code when it opens). The first problem, with the index of the list it is in, or null.
 */
export function stageListsProblem(
  lists: readonly StageList[],
): { index: number; problem: StageListProblem | 'duplicate_code' } | null {
  const seen = new Set<string>();
  for (const [index, list] of lists.entries()) {
    const problem = stageListProblem(list);
    if (problem) return { index, problem };
    if (seen.has(list.code)) return { index, problem: 'duplicate_code' };
    seen.add(list.code);
  }
  return null;
}

/** A stage as recorded: null fields are not yet filled in. */
export interface StageRecord {
  role: StageRole;
  completedOn: string | null;
  /** Meetings: how many attended, and the minutes. */
  attendance: number | null;
  minutes: string | null;
  outcome: StageOutcome | null;
  /** Disclosures: what was published, where, and when (completedOn). */
  published: string | null;
  place: string | null;
  /** The questionnaire (solicit): answers received when it closes. */
  answers?: number;
}

/** What completing a stage is given. */
export interface StageCompletion {
  completedOn: string;
  attendance?: number;
  minutes?: string;
  outcome?: StageOutcome;
  published?: string;
  place?: string;
}

export type StageProblem =
  | 'already_completed'
  | 'earlier_stage_open'
  | 'consultation_failed'
  | 'before_earlier_stage'
  | 'attendance_needed'
  | 'minutes_needed'
  | 'outcome_needed'
  | 'published_needed'
  | 'place_needed'
  | 'no_answers'
  | 'resolution_not_passed';

const blank = (s: string | undefined | null) => (s ?? '').trim() === '';

/** What a stage of `role` needs to complete, as problems with the given input (tables in the test). */
export function completionProblems(role: StageRole, input: StageCompletion, answers = 0): StageProblem[] {
  const problems: StageProblem[] = [];
  switch (role) {
    case 'solicit':
      if (answers === 0) problems.push('no_answers');
      break;
    case 'deliberate':
    case 'resolve':
      if (!input.attendance || input.attendance < 1) problems.push('attendance_needed');
      if (blank(input.minutes)) problems.push('minutes_needed');
      if (!input.outcome) problems.push('outcome_needed');
      break;
    case 'disclose_resolution':
    case 'disclose_result':
      if (blank(input.published)) problems.push('published_needed');
      if (blank(input.place)) problems.push('place_needed');
      break;
  }
  return problems;
}

/**
 * Why stage `index` may not complete now with `input`: stages complete in order, each on or after
 * the one before; a failed meeting ends the consultation; a resolution is disclosed only when it
 * passed. An empty list means it may.
 */
export function stageProblems(
  stages: readonly StageRecord[],
  index: number,
  input: StageCompletion,
): StageProblem[] {
  const stage = stages[index];
  if (!stage) return ['earlier_stage_open'];
  if (stage.completedOn !== null) return ['already_completed'];
  const earlier = stages.slice(0, index);
  if (earlier.some((s) => s.outcome === 'failed')) return ['consultation_failed'];
  if (earlier.some((s) => s.completedOn === null)) return ['earlier_stage_open'];
  const last = earlier.at(-1)?.completedOn;
  const problems: StageProblem[] = [];
  if (last && input.completedOn < last) problems.push('before_earlier_stage');
  if (stage.role === 'disclose_resolution' && !passed(stages)) problems.push('resolution_not_passed');
  return [...problems, ...completionProblems(stage.role, input, stage.answers ?? 0)];
}

/** The resolution passed (its meeting, and so the owners' vote it may rest on, said yes). */
export function passed(stages: readonly StageRecord[]): boolean {
  return stages.some((s) => s.role === 'resolve' && s.outcome === 'passed');
}

/** The resolution passed and was disclosed: what a project needs to leave "consulting residents". */
export function passedAndDisclosed(stages: readonly StageRecord[]): boolean {
  return passed(stages) && stages.some((s) => s.role === 'disclose_resolution' && s.completedOn !== null);
}

/** The first stage still open (its index), or null when every stage is complete or the consultation failed. */
export function currentStage(stages: readonly StageRecord[]): number | null {
  if (stages.some((s) => s.outcome === 'failed')) return null;
  const i = stages.findIndex((s) => s.completedOn === null);
  return i === -1 ? null : i;
}

export function consultationStatus(stages: readonly StageRecord[]): ConsultationStatus {
  if (stages.some((s) => s.outcome === 'failed')) return 'failed';
  if (stages.every((s) => s.completedOn !== null)) return 'completed';
  return passedAndDisclosed(stages) ? 'resolved' : 'in_progress';
}

/** Who sits on a deliberation council (旧改议事会), and in what role. */
export const councilSectors = [
  'residents',
  'party_members',
  'owners_committee',
  'property_company',
  'community',
] as const;
export type CouncilSector = (typeof councilSectors)[number];
export const councilRoles = ['chair', 'vice_chair', 'secretary', 'member'] as const;
export type CouncilRole = (typeof councilRoles)[number];

/** Household codes printed on notices: no 0/O, 1/I/L, so they read back without doubt. */
export const codeAlphabet = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const codeLength = 8;

/** A code as typed by a resident: spaces and dashes dropped, upper case. */
export function normaliseCode(typed: string): string {
  return typed.toUpperCase().replace(/[\s-]/g, '');
}

/** Answers per building against the households it holds; the rate is null where none are registered. */
export function responseRate(answered: number, households: number): number | null {
  if (households === 0) return null;
  return Math.round((answered / households) * 1000) / 10;
}

/** An owners' vote as a resolution sees it. */
export interface ResolutionVote {
  compoundId: string;
  status: 'draft' | 'open' | 'closed';
  /** Set once closed. */
  passed: boolean | null;
}

export type ResolutionVoteProblem =
  | 'vote_not_found'
  | 'vote_other_compound'
  | 'vote_not_closed'
  | 'vote_failed'
  | 'vote_passed';

/**
 * Why `vote` cannot be the resolution of a consultation of `compoundId` with `outcome`, or null:
 * the vote must exist, be of the same compound (the whole compound, a building or a stairwell
 * unit of it), be closed, and its result is the resolution's — a failed vote is never a passed
 * resolution, nor a passed vote a failed one.
 */
export function resolutionVoteProblem(
  vote: ResolutionVote | null,
  compoundId: string,
  outcome: StageOutcome | undefined,
): ResolutionVoteProblem | null {
  if (!vote) return 'vote_not_found';
  if (vote.compoundId !== compoundId) return 'vote_other_compound';
  if (vote.status !== 'closed' || vote.passed === null) return 'vote_not_closed';
  if (outcome === 'passed' && !vote.passed) return 'vote_failed';
  if (outcome === 'failed' && vote.passed) return 'vote_passed';
  return null;
}
