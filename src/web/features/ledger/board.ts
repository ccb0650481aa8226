/** The board's order: the subdistricts and task forces where the ledger is worst off come first. */
import type { z } from 'zod';
import type { Board } from '../../../contract/ledger.js';

export type BoardRow = z.infer<typeof Board>['bySubdistrict'][number];
export type TaskForceRow = z.infer<typeof Board>['byTaskForce'][number];
export type Counts = Pick<BoardRow, 'open' | 'dueSoon' | 'overdue' | 'seriouslyOverdue'>;

/** Worst first: seriously overdue, then overdue, then due soon, then open. */
export function byCounts(a: Counts, b: Counts): number {
  return (
    b.seriouslyOverdue - a.seriouslyOverdue ||
    b.overdue - a.overdue ||
    b.dueSoon - a.dueSoon ||
    b.open - a.open
  );
}

/** Subdistricts worst first, then by code. */
export function byUrgency(a: BoardRow, b: BoardRow): number {
  return byCounts(a, b) || a.regionCode.localeCompare(b.regionCode);
}

/** Task forces worst first; among equals the items no task force supervises come last, then by name. */
export function taskForcesByUrgency(a: TaskForceRow, b: TaskForceRow): number {
  return (
    byCounts(a, b) ||
    Number(a.id === null) - Number(b.id === null) ||
    (a.name ?? '').localeCompare(b.name ?? '')
  );
}
