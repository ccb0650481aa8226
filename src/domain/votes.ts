/**
 * Owners' votes (业主共同决定), Civil Code Art. 278 and 法释〔2009〕7号: who counts, by how much,
 * and whether a vote passed. Pure and exact: areas are integer hundredths of a square metre
 * (bigint), thresholds are fractions, comparisons cross-multiply — no floating point decides.
 */

/** What a vote decides; the matter type sets the approval threshold. */
export const voteMatters = [
  /** 筹集建筑物及其附属设施的维修资金 */
  'fund_raise',
  /** 改建、重建建筑物及其附属设施 (adding a lift is one: 改建) */
  'rebuild',
  /** 加装电梯 — a reconstruction of the building's shared parts, voted per stairwell unit or building */
  'add_lift',
  /** 改变共有部分的用途或者利用共有部分从事经营活动 */
  'shared_use_change',
  /** 使用建筑物及其附属设施的维修资金 */
  'fund_use',
  /** 老旧小区改造方案 (what and how to renovate) */
  'renovation_plan',
  /** 其他共同决定事项 (rules, property company, committee …) */
  'other',
] as const;
export type VoteMatter = (typeof voteMatters)[number];

/** The matters that need three quarters (Art. 278 ¶2, first sentence), both by area and headcount. */
export const specialMatters: readonly VoteMatter[] = [
  'fund_raise',
  'rebuild',
  'add_lift',
  'shared_use_change',
];

export const voteScopes = ['compound', 'building', 'unit'] as const;
export type VoteScope = (typeof voteScopes)[number];

export const voteStatuses = ['draft', 'open', 'closed'] as const;
export type VoteStatus = (typeof voteStatuses)[number];

export const voteChoices = ['for', 'against', 'abstain'] as const;
export type VoteChoice = (typeof voteChoices)[number];

export const ballotChannels = ['online', 'paper'] as const;
export type BallotChannel = (typeof ballotChannels)[number];

/** A fraction and how it is compared: "at least" (以上, ≥) or "more than" (过半数, >). */
export interface Threshold {
  num: number;
  den: number;
  strict: boolean;
}
export const quorumThreshold: Threshold = { num: 2, den: 3, strict: false };
export const specialThreshold: Threshold = { num: 3, den: 4, strict: false };
export const generalThreshold: Threshold = { num: 1, den: 2, strict: true };

export const approvalThreshold = (matter: VoteMatter): Threshold =>
  specialMatters.includes(matter) ? specialThreshold : generalThreshold;

/** Does part / whole meet the threshold? Exact: part·den against num·whole. A zero whole meets nothing. */
export function meets(part: bigint, whole: bigint, t: Threshold): boolean {
  if (whole <= 0n) return false;
  const left = part * BigInt(t.den);
  const right = BigInt(t.num) * whole;
  return t.strict ? left > right : left >= right;
}

/** An area given in m² (as stored, two decimals) as integer hundredths, without floating error. */
export function areaCents(area: number | string): bigint {
  const s = typeof area === 'number' ? area.toFixed(2) : area.trim();
  const m = /^(-?)(\d+)(?:\.(\d{1,2})\d*)?$/.exec(s);
  if (!m) throw new Error(`not an area: ${s}`);
  const cents = BigInt(m[2] ?? '0') * 100n + BigInt((m[3] ?? '').padEnd(2, '0') || '0');
  return m[1] ? -cents : cents;
}

/** The exclusive area that counts, in hundredths: registered, else surveyed, else contract; none: 0. */
export function countedAreaCents(h: {
  areaRegistered: number | string | null;
  areaSurveyed: number | string | null;
  areaContract: number | string | null;
}): bigint {
  const a = h.areaRegistered ?? h.areaSurveyed ?? h.areaContract;
  return a === null ? 0n : areaCents(a);
}

/** The key a household's owner counts under: one owner once; all unsold developer units as one. */
export function headcountKey(h: {
  householdId: string;
  ownerId: string | null;
  ownerKind: string | null;
}): string {
  if (h.ownerKind === 'developer') return 'developer';
  if (h.ownerId) return `owner:${h.ownerId}`;
  // An exclusive unit with no owner on record still counts: one per unit.
  return `household:${h.householdId}`;
}

/** One exclusive unit of the register as frozen when the vote opened. */
export interface RegisterUnit {
  householdId: string;
  ownerId: string | null;
  ownerKind: string | null;
  areaCents: bigint;
}

/** The register grouped into voters (one per headcount key) with their area. */
export function votersOf(units: readonly RegisterUnit[]): Map<string, { areaCents: bigint; units: number }> {
  const voters = new Map<string, { areaCents: bigint; units: number }>();
  for (const u of units) {
    const key = headcountKey(u);
    const v = voters.get(key) ?? { areaCents: 0n, units: 0 };
    v.areaCents += u.areaCents;
    v.units += 1;
    voters.set(key, v);
  }
  return voters;
}

/** One voter (headcount key) of the frozen register, with their ballot if cast. */
export interface Voter {
  key: string;
  areaCents: bigint;
  choice: VoteChoice | null;
  /** Adding a lift: the lift occupies part of this owner's exclusive part (their consent is needed). */
  occupied?: boolean;
}

/** The matters where owners whose exclusive part is occupied must consent: adding a lift (domain.md). */
export const needsOccupiedConsent = (matter: VoteMatter): boolean => matter === 'add_lift';

/** The consent of the owners whose exclusive part a lift occupies: each must vote for. */
export interface Consent {
  required: number;
  given: number;
  met: boolean;
}

export interface Measure {
  part: bigint;
  whole: bigint;
  threshold: Threshold;
  met: boolean;
}
export interface Tally {
  totalArea: bigint;
  totalHeadcount: number;
  participatingArea: bigint;
  participatingHeadcount: number;
  forArea: bigint;
  forHeadcount: number;
  againstArea: bigint;
  againstHeadcount: number;
  abstainArea: bigint;
  abstainHeadcount: number;
  quorumArea: Measure;
  quorumHeadcount: Measure;
  approvalArea: Measure;
  approvalHeadcount: Measure;
  quorumMet: boolean;
  approved: boolean;
  /** Adding a lift: the consent of the owners whose exclusive part it occupies; null for other matters. */
  consent: Consent | null;
  /** Quorum by area and headcount, approval by area and headcount, and (a lift) the occupied owners' consent. */
  passed: boolean;
}

const measure = (part: bigint, whole: bigint, threshold: Threshold): Measure => ({
  part,
  whole,
  threshold,
  met: meets(part, whole, threshold),
});

/** The tally: quorum over the whole register, approval over those taking part (abstaining takes part). */
export function tally(matter: VoteMatter, voters: readonly Voter[]): Tally {
  let totalArea = 0n;
  const sums = {
    for: { area: 0n, n: 0 },
    against: { area: 0n, n: 0 },
    abstain: { area: 0n, n: 0 },
  };
  for (const v of voters) {
    totalArea += v.areaCents;
    if (v.choice) {
      sums[v.choice].area += v.areaCents;
      sums[v.choice].n += 1;
    }
  }
  const participatingArea = sums.for.area + sums.against.area + sums.abstain.area;
  const participatingHeadcount = sums.for.n + sums.against.n + sums.abstain.n;
  const quorumArea = measure(participatingArea, totalArea, quorumThreshold);
  const quorumHeadcount = measure(BigInt(participatingHeadcount), BigInt(voters.length), quorumThreshold);
  const t = approvalThreshold(matter);
  const approvalArea = measure(sums.for.area, participatingArea, t);
  const approvalHeadcount = measure(BigInt(sums.for.n), BigInt(participatingHeadcount), t);
  const quorumMet = quorumArea.met && quorumHeadcount.met;
  const approved = approvalArea.met && approvalHeadcount.met;
  let consent: Consent | null = null;
  if (needsOccupiedConsent(matter)) {
    const occupied = voters.filter((v) => v.occupied);
    const given = occupied.filter((v) => v.choice === 'for').length;
    consent = { required: occupied.length, given, met: given === occupied.length };
  }
  return {
    totalArea,
    totalHeadcount: voters.length,
    participatingArea,
    participatingHeadcount,
    forArea: sums.for.area,
    forHeadcount: sums.for.n,
    againstArea: sums.against.area,
    againstHeadcount: sums.against.n,
    abstainArea: sums.abstain.area,
    abstainHeadcount: sums.abstain.n,
    quorumArea,
    quorumHeadcount,
    approvalArea,
    approvalHeadcount,
    quorumMet,
    approved,
    consent,
    passed: quorumMet && approved && (consent?.met ?? true),
  };
}

/** Hundredths of m² as "2,012.40". */
export function formatArea(cents: bigint): string {
  const neg = cents < 0n;
  const abs = neg ? -cents : cents;
  const whole = (abs / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const frac = (abs % 100n).toString().padStart(2, '0');
  return `${neg ? '-' : ''}${whole}.${frac}`;
}

/** part / whole as a percentage with one decimal, rounded half up, exactly ("68.2%"). */
export function formatShare(part: bigint, whole: bigint): string {
  if (whole <= 0n) return '—';
  const tenths = (part * 2000n + whole) / (2n * whole);
  return `${tenths / 10n}.${tenths % 10n}%`;
}

/** One threshold with its numbers: "area 2,012.40 / 2,950.10 m² = 68.2% ≥ 66.7%". */
export function describeMeasure(m: Measure, kind: 'area' | 'headcount'): string {
  const numbers =
    kind === 'area'
      ? `${formatArea(m.part)} / ${formatArea(m.whole)} m²`
      : `${m.part.toString()} / ${m.whole.toString()}`;
  const t = m.threshold;
  const sign = m.met ? (t.strict ? '>' : '≥') : t.strict ? '≤' : '<';
  return `${numbers} = ${formatShare(m.part, m.whole)} ${sign} ${formatShare(BigInt(t.num), BigInt(t.den))}`;
}

/** The result's four lines, each a threshold with its numbers. */
export function describeTally(
  t: Tally,
): Record<'quorumArea' | 'quorumHeadcount' | 'approvalArea' | 'approvalHeadcount', string> {
  return {
    quorumArea: describeMeasure(t.quorumArea, 'area'),
    quorumHeadcount: describeMeasure(t.quorumHeadcount, 'headcount'),
    approvalArea: describeMeasure(t.approvalArea, 'area'),
    approvalHeadcount: describeMeasure(t.approvalHeadcount, 'headcount'),
  };
}

/** Which ballots may be cast or corrected: only while the vote is open. */
export const acceptsBallots = (status: VoteStatus): boolean => status === 'open';

/** A per-owner code printed on the ballot notice: 10 characters without look-alikes (0/O, 1/I/L). */
export const ballotCodeAlphabet = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const ballotCodeLength = 10;
export function ballotCode(random: (n: number) => number): string {
  let s = '';
  for (let i = 0; i < ballotCodeLength; i++) s += ballotCodeAlphabet[random(ballotCodeAlphabet.length)];
  return s;
}
/** A code as typed: spaces and dashes dropped, upper case. */
export const normaliseCode = (code: string): string => code.replace(/[\s-]/g, '').toUpperCase();
