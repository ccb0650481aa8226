import { describe, expect, it } from 'vitest';
import { namePath, sentRowPath } from '../../shared/fieldPaths.js';
import { meetingFieldPath } from './meetingFields.js';
import { ownerBody } from './owner.js';

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
