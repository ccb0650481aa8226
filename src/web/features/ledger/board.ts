/** The board's order: the subdistricts where the ledger is worst off come first. */
import type { z } from 'zod';
import type { Board } from '../../../contract/ledger.js';

export type BoardRow = z.infer<typeof Board>['bySubdistrict'][number];

/** Worst first: seriously overdue, then overdue, then due soon, then open. */
export function byUrgency(a: BoardRow, b: BoardRow): number {
  return (
    b.seriouslyOverdue - a.seriouslyOverdue ||
    b.overdue - a.overdue ||
    b.dueSoon - a.dueSoon ||
    b.open - a.open ||
    a.regionCode.localeCompare(b.regionCode)
  );
}
