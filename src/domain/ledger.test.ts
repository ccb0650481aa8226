import { describe, expect, it } from 'vitest';
import { createsCycle, type Escalation, escalation, escalationReach, type LedgerStatus } from './ledger.js';

describe('escalation (due soon 3 days, seriously overdue after 7)', () => {
  const cases: [string, LedgerStatus, string, string, Escalation][] = [
    ['far off', 'open', '2024-06-30', '2024-06-01', 'none'],
    ['four days left', 'open', '2024-06-05', '2024-06-01', 'none'],
    ['three days left', 'open', '2024-06-04', '2024-06-01', 'due_soon'],
    ['due today', 'open', '2024-06-01', '2024-06-01', 'due_soon'],
    ['one day late', 'open', '2024-05-31', '2024-06-01', 'overdue'],
    ['seven days late', 'open', '2024-05-25', '2024-06-01', 'overdue'],
    ['eight days late', 'open', '2024-05-24', '2024-06-01', 'seriously_overdue'],
    ['late but done', 'done', '2024-05-01', '2024-06-01', 'none'],
    ['late but cancelled', 'cancelled', '2024-05-01', '2024-06-01', 'none'],
    ['across a month end', 'open', '2024-02-29', '2024-03-01', 'overdue'],
  ];
  it.each(cases)('%s', (_name, status, deadline, today, expected) => {
    expect(escalation({ status, deadline }, today)).toBe(expected);
  });

  it('reaches further up the chain as it ages', () => {
    expect(
      ['none', 'due_soon', 'overdue', 'seriously_overdue'].map((l) => escalationReach(l as Escalation)),
    ).toEqual([0, 0, 1, 2]);
  });
});

describe('createsCycle', () => {
  // a → b → c (a's superior is b, b's is c)
  const chain = new Map<string, string | null>([
    ['a', 'b'],
    ['b', 'c'],
    ['c', null],
    ['d', null],
  ]);
  const cases: [string, string, string, boolean][] = [
    ['c reporting to a closes the loop', 'c', 'a', true],
    ['b reporting to a closes the loop', 'b', 'a', true],
    ['someone reporting to themself', 'd', 'd', true],
    ['d reporting to a is fine', 'd', 'a', false],
    ['a reporting to d is fine', 'a', 'd', false],
  ];
  it.each(cases)('%s', (_name, cadre, superior, expected) => {
    expect(createsCycle(chain, cadre, superior)).toBe(expected);
  });
});
