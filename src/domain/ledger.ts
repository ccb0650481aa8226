/**
 * The supervision ledger (台账督办): overdue is derived from the deadline, never stored, and
 * escalates up the owner's chain of superiors as it ages. Thresholds are configurable.
 */

export const ledgerStatuses = ['open', 'done', 'cancelled'] as const;
export type LedgerStatus = (typeof ledgerStatuses)[number];
/** Derived from the deadline and today, never stored; in order of how far it has gone. */
export const escalations = ['none', 'due_soon', 'overdue', 'seriously_overdue'] as const;
export type Escalation = (typeof escalations)[number];
export const priorities = ['high', 'normal', 'low'] as const;
export type Priority = (typeof priorities)[number];

export interface EscalationPolicy {
  /** Open items due within this many days are "due soon". */
  dueSoonDays: number;
  /** Items overdue by more than this many days are "seriously overdue". */
  seriousAfterDays: number;
}

export const defaultEscalationPolicy: EscalationPolicy = { dueSoonDays: 3, seriousAfterDays: 7 };

/** The day a ledger is looked at and the thresholds in force: all escalation depends on these two. */
export interface LedgerDay {
  today: string;
  policy: EscalationPolicy;
}

/** Whole days from `today` to `deadline` (both YYYY-MM-DD, the district's calendar days). */
export function daysUntil(deadline: string, today: string): number {
  return Math.round((Date.parse(`${deadline}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
}

/** An item's escalation on `today`. The deadline day itself is not yet overdue. */
export function escalation(
  item: { status: LedgerStatus; deadline: string },
  today: string,
  policy: EscalationPolicy = defaultEscalationPolicy,
): Escalation {
  if (item.status !== 'open') return 'none';
  const left = daysUntil(item.deadline, today);
  if (left < -policy.seriousAfterDays) return 'seriously_overdue';
  if (left < 0) return 'overdue';
  if (left <= policy.dueSoonDays) return 'due_soon';
  return 'none';
}

/** How far up the chain an escalation goes: the owner, their superior, or the superior's superior. */
export function escalationReach(level: Escalation): number {
  return { none: 0, due_soon: 0, overdue: 1, seriously_overdue: 2 }[level];
}

/** Open items of one row of the board, by escalation. */
export interface BoardCounts {
  open: number;
  dueSoon: number;
  overdue: number;
  seriouslyOverdue: number;
}

/** The board's order, worst first: seriously overdue, then overdue, then due soon, then open. */
export function worstFirst(a: BoardCounts, b: BoardCounts): number {
  return (
    b.seriouslyOverdue - a.seriouslyOverdue ||
    b.overdue - a.overdue ||
    b.dueSoon - a.dueSoon ||
    b.open - a.open
  );
}

/** Subdistricts worst first, then by code. */
export const subdistrictsWorstFirst = <R extends BoardCounts & { regionCode: string }>(a: R, b: R) =>
  worstFirst(a, b) || a.regionCode.localeCompare(b.regionCode);

/** Task forces worst first; among equals the items no task force supervises come last, then by name. */
export const taskForcesWorstFirst = <R extends BoardCounts & { id: string | null; name: string | null }>(
  a: R,
  b: R,
) =>
  worstFirst(a, b) ||
  Number(a.id === null) - Number(b.id === null) ||
  (a.name ?? '').localeCompare(b.name ?? '');

/** Whether making `superior` the superior of `cadre` would close a loop in the chain. */
export function createsCycle(
  superiorOf: ReadonlyMap<string, string | null>,
  cadre: string,
  superior: string,
): boolean {
  const seen = new Set<string>();
  for (let at: string | null | undefined = superior; at; at = superiorOf.get(at)) {
    if (at === cadre || seen.has(at)) return true;
    seen.add(at);
  }
  return false;
}

/** Today's date in the district (China Standard Time, UTC+8), as YYYY-MM-DD. */
export function districtToday(now: Date = new Date()): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}
