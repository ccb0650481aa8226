import { describe, expect, it } from 'vitest';
import { namePath, sentRowPath } from '../../shared/fieldPaths.js';
import { type BoardRow, byUrgency, type TaskForceRow, taskForcesByUrgency } from './board.js';
import { meetingFieldPath } from './meetingFields.js';
import { ownerBody } from './owner.js';

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

describe('ownerBody', () => {
  it('sends the owner of the kind chosen, whatever the other picker last held', () => {
    expect(ownerBody({ ownerKind: 'unit', ownerCadreId: 'c', ownerUnitId: 'u' })).toEqual({
      ownerUnitId: 'u',
    });
    expect(ownerBody({ ownerKind: 'cadre', ownerCadreId: 'c', ownerUnitId: 'u', taskForceId: 't' })).toEqual({
      ownerCadreId: 'c',
      taskForceId: 't',
    });
    expect(ownerBody({ ownerCadreId: 'c' })).toEqual({ ownerCadreId: 'c' });
  });
});

describe('field paths', () => {
  it('turns numeric segments into list indexes', () => {
    expect(namePath('decisions.1.deadline')).toEqual(['decisions', 1, 'deadline']);
    expect(namePath('ownerCadreId')).toEqual(['ownerCadreId']);
  });

  it('places a message about the n-th row sent on that row of the form', () => {
    const place = sentRowPath('items', 'rows', [0, 3, 7]);
    expect(place('items.2.waiverReason')).toEqual(['rows', 7, 'waiverReason']);
    expect(place('items.5.waiverReason')).toBeNull();
    expect(place('version')).toBeNull();
  });

  it.each([
    ['decisions.1.deadline', ['decisions', 1, 'deadline']],
    ['decisions.0.ownerCadreId', ['decisions', 0, 'ownerCadreId']],
    ['decisions', ['decisions']],
    ['attendees.3', ['attendees']],
    ['heldOn', ['heldOn']],
    ['somethingElse', null],
  ])('meeting field %s goes to %j', (path, expected) => {
    expect(meetingFieldPath(path)).toEqual(expected);
  });
});
