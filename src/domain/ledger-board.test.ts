/** The board's order, which the server applies and the web shows as sent (moved from the web's tests). */
import { describe, expect, it } from 'vitest';
import { type BoardCounts, subdistrictsWorstFirst, taskForcesWorstFirst } from './ledger.js';

type BoardRow = BoardCounts & { regionCode: string; name: string };
type TaskForceRow = BoardCounts & { id: string | null; name: string | null };
const byUrgency = subdistrictsWorstFirst<BoardRow>;
const taskForcesByUrgency = taskForcesWorstFirst<TaskForceRow>;

const row = (regionCode: string, open: number, dueSoon: number, overdue: number, seriouslyOverdue: number) =>
  ({ regionCode, name: regionCode, open, dueSoon, overdue, seriouslyOverdue }) satisfies BoardRow;

describe('byUrgency', () => {
  it('puts seriously overdue first, then overdue, due soon, open, then code', () => {
    const rows = [
      row('410203001', 30, 5, 0, 0),
      row('410203002', 2, 0, 1, 0),
      row('410203003', 1, 0, 0, 1),
      row('410203004', 9, 0, 1, 0),
      row('410203005', 9, 0, 1, 0),
      row('410203006', 40, 0, 0, 0),
    ];
    expect([...rows].sort(byUrgency).map((r) => r.regionCode)).toEqual([
      '410203003',
      '410203004',
      '410203005',
      '410203002',
      '410203001',
      '410203006',
    ]);
  });
});

describe('taskForcesByUrgency', () => {
  const force = (id: string | null, open: number, overdue: number) =>
    ({ id, name: id, open, dueSoon: 0, overdue, seriouslyOverdue: 0 }) satisfies TaskForceRow;

  it('puts overdue first and, among equals, the items without a task force last', () => {
    const rows = [force('b', 5, 0), force(null, 5, 0), force('a', 5, 0), force('c', 1, 1)];
    expect([...rows].sort(taskForcesByUrgency).map((r) => r.id)).toEqual(['c', 'a', 'b', null]);
  });
});
