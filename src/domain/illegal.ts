/**
 * Illegal structures (拆违治乱): a dragnet survey, the area verified by repeated measurement,
 * door-to-door persuasion, then removal — by the owner (self-removal) or by enforcement — and
 * the site cleared at once. These are the rules; the server stores what they decide.
 */
import { percent } from './statistics.js';

/** Where a structure stands, in order: each step needs the one before (a notice may be skipped). */
export const structureStatuses = ['surveyed', 'verified', 'noticed', 'removed', 'cleared'] as const;
export type StructureStatus = (typeof structureStatuses)[number];

/** Who took it down: the owner (自拆) or enforcement (依法拆除, with the legal basis recorded). */
export const removers = ['owner', 'enforcement'] as const;
export type Remover = (typeof removers)[number];

export const visitOutcomes = ['agreed', 'hesitant', 'refused'] as const;
export type VisitOutcome = (typeof visitOutcomes)[number];

/** What a cadre is assigned to (包楼栋、包单元、包住户). */
export const assignmentLevels = ['building', 'unit', 'household'] as const;
export type AssignmentLevel = (typeof assignmentLevels)[number];

export const measurementMethods = ['tape', 'laser', 'drawing', 'other'] as const;
export type MeasurementMethod = (typeof measurementMethods)[number];

/** The editable type list's starting entries (a district setting; names as offices write them). */
export const defaultStructureTypes = ['棚屋', '扩建', '封闭院落', '屋顶建筑', '占用绿地', '其他'] as const;

/** Two measurements agree when they differ by at most this share of the larger (a district setting). */
export const defaultTolerancePercent = 5;

export interface Measurement {
  /** Who measured: the same person twice is one measurement, never two independent ones. */
  by: string;
  /** m², more than zero. */
  area: number;
}

export type Verification =
  | { state: 'unmeasured' }
  /** Measured by one person only: a second, by someone else, is needed. */
  | { state: 'needs_second' }
  /** Independent measurements disagree beyond the tolerance: a further one is needed. */
  | { state: 'needs_third'; gapPercent: number }
  | { state: 'verified'; area: number; pair: [number, number] };

const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/** Whether two areas agree within `tolerancePercent` of the larger. */
export function agree(a: number, b: number, tolerancePercent: number): boolean {
  const larger = Math.max(a, b);
  if (larger <= 0) return false;
  // Compare in hundredths of a m² and basis points so 5% of 100 is 5, not 5.000000001.
  return Math.round(Math.abs(a - b) * 100) * 10_000 <= Math.round(larger * 100) * tolerancePercent * 100;
}

/**
 * The verified area from measurements in the order taken: the first pair (by the later of the
 * two) taken by different people that agree within the tolerance; the area is their mean, to
 * the hundredth of a m². So a third measurement resolves a disagreement when it agrees with
 * either earlier one taken by someone else, and once verified a structure stays verified.
 */
export function verify(measurements: readonly Measurement[], tolerancePercent: number): Verification {
  if (measurements.length === 0) return { state: 'unmeasured' };
  let widest = 0;
  let independent = false;
  for (let j = 1; j < measurements.length; j++) {
    const b = measurements[j] as Measurement;
    for (let i = 0; i < j; i++) {
      const a = measurements[i] as Measurement;
      if (same(a.by, b.by)) continue;
      independent = true;
      if (agree(a.area, b.area, tolerancePercent)) {
        return { state: 'verified', area: Math.round(((a.area + b.area) / 2) * 100) / 100, pair: [i, j] };
      }
      widest = Math.max(widest, percent(Math.abs(a.area - b.area), Math.max(a.area, b.area)));
    }
  }
  return independent ? { state: 'needs_third', gapPercent: widest } : { state: 'needs_second' };
}

/** What a structure's record says so far; the status is derived from it. */
export interface StructureFacts {
  verifiedArea: number | null;
  noticeOn: string | null;
  removedOn: string | null;
  clearedOn: string | null;
}

export function statusOf(s: StructureFacts): StructureStatus {
  if (s.clearedOn) return 'cleared';
  if (s.removedOn) return 'removed';
  if (s.noticeOn) return 'noticed';
  if (s.verifiedArea !== null) return 'verified';
  return 'surveyed';
}

/** Why a step cannot be taken now, or null. */
export type StepProblem =
  | 'not_verified'
  | 'already_removed'
  | 'not_removed'
  | 'already_cleared'
  | 'before_survey'
  | 'before_notice'
  | 'before_removal'
  | 'deadline_before_notice'
  | 'legal_basis_required';

export type Step =
  | { kind: 'measure' }
  | { kind: 'notice'; on: string; deadline: string }
  | { kind: 'remove'; on: string; by: Remover; legalBasis?: string | null }
  | { kind: 'clear'; on: string };

/**
 * Whether `step` may be taken on a structure surveyed on `surveyOn` with `facts`: measured until
 * removed; a notice once verified, before removal; removed only once verified (一拆到底 keeps the
 * rest on the follow-up list), not before the survey or the notice; cleared only once removed,
 * not before the removal. Enforcement records its legal basis.
 */
export function stepProblem(facts: StructureFacts & { surveyOn: string }, step: Step): StepProblem | null {
  const status = statusOf(facts);
  const done = status === 'removed' || status === 'cleared';
  switch (step.kind) {
    case 'measure':
      return done ? 'already_removed' : null;
    case 'notice':
      if (done) return 'already_removed';
      if (facts.verifiedArea === null) return 'not_verified';
      if (step.on < facts.surveyOn) return 'before_survey';
      if (step.deadline < step.on) return 'deadline_before_notice';
      return null;
    case 'remove':
      if (done) return 'already_removed';
      if (facts.verifiedArea === null) return 'not_verified';
      if (step.on < facts.surveyOn) return 'before_survey';
      if (facts.noticeOn && step.on < facts.noticeOn) return 'before_notice';
      if (step.by === 'enforcement' && !step.legalBasis?.trim()) return 'legal_basis_required';
      return null;
    case 'clear':
      if (status === 'cleared') return 'already_cleared';
      if (!facts.removedOn) return 'not_removed';
      if (step.on < facts.removedOn) return 'before_removal';
      return null;
  }
}

/** Removed structures' figures: how many and how much, and what share their owners removed. */
export interface RemovalTotals {
  removed: number;
  removedArea: number;
  selfRemoved: number;
  selfRemovedArea: number;
}

/** Self-removal rates by count and by area, in percent with one decimal (0 when nothing was removed). */
export function selfRemovalRates(t: RemovalTotals): { byCount: number; byArea: number } {
  return { byCount: percent(t.selfRemoved, t.removed), byArea: percent(t.selfRemovedArea, t.removedArea) };
}

/**
 * A group of structures surveyed in a period and how their removal went by its end: how many,
 * how many removed, and the days from survey to removal summed over those removed.
 */
export interface RemovalCohort {
  structures: number;
  removed: number;
  days: number;
}

/** A cohort's removal rate (percent, one decimal; 0 for none) and average days survey → removal (one decimal; null for none removed). */
export function removalPace(c: RemovalCohort): { rate: number; averageDays: number | null } {
  return {
    rate: percent(c.removed, c.structures),
    averageDays: c.removed > 0 ? Math.round((c.days * 10) / c.removed) / 10 : null,
  };
}

/**
 * Whether party members' and public employees' structures (党员公职人员带头拆) went first beside
 * everyone else's: a larger share removed, or the same share sooner (fewer days on average).
 * Compared exactly, by cross-multiplying, not on the rounded figures; null when either side has
 * no structures, so there is nothing to compare.
 */
export function leadersFirst(leaders: RemovalCohort, others: RemovalCohort): boolean | null {
  if (leaders.structures === 0 || others.structures === 0) return null;
  const share = leaders.removed * others.structures - others.removed * leaders.structures;
  if (share !== 0) return share > 0;
  if (leaders.removed === 0 || others.removed === 0) return false;
  return leaders.days * others.removed < others.days * leaders.removed;
}
