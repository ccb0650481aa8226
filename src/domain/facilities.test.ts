import { describe, expect, it } from 'vitest';
import {
  defaultFacilityTypes,
  type FacilityAction,
  type FacilityGroup,
  type FacilityInput,
  type FacilityType,
  facilityProblems,
  tallyFacilities,
  typeListProblem,
} from './facilities.js';

const today = '2023-06-05';
const types = defaultFacilityTypes;

describe('facilityProblems (what a record needs)', () => {
  const ok: FacilityInput = { type: '党群活动室', count: 1, completedOn: '2022-10-01' };
  const lift: FacilityInput = {
    type: '加装电梯',
    count: 1,
    completedOn: '2022-10-01',
    buildingId: 'b1',
    unit: '2单元',
  };
  const cases: [string, FacilityInput, ReturnType<typeof facilityProblems>][] = [
    ['a room completed last year', ok, {}],
    ['completed today', { ...ok, completedOn: today }, {}],
    ['many chargers at once', { ...ok, type: '充电桩', count: 40 }, {}],
    ['a type not in the list', { ...ok, type: '游泳池' }, { type: 'unknown_facility_type' }],
    ['names are exact', { ...ok, type: '党群活动室 ' }, { type: 'unknown_facility_type' }],
    ['count zero', { ...ok, count: 0 }, { count: 'not_positive_integer' }],
    ['count negative', { ...ok, count: -3 }, { count: 'not_positive_integer' }],
    ['count not whole', { ...ok, count: 1.5 }, { count: 'not_positive_integer' }],
    ['count not a number', { ...ok, count: Number.NaN }, { count: 'not_positive_integer' }],
    ['completed tomorrow', { ...ok, completedOn: '2023-06-06' }, { completedOn: 'in_future' }],
    ['a lift in its stairwell unit', lift, {}],
    ['a lift without its unit', { ...lift, unit: null }, { unit: 'stairwell_needed' }],
    [
      'a lift without building or unit',
      { ...lift, buildingId: undefined, unit: undefined },
      { buildingId: 'stairwell_needed', unit: 'stairwell_needed' },
    ],
    ['a unit needs its building', { ...ok, unit: '1单元' }, { buildingId: 'unit_without_building' }],
    ['a room may name its building', { ...ok, buildingId: 'b1' }, {}],
    [
      'every problem at once',
      { type: '?', count: 0, completedOn: '2030-01-01' },
      { type: 'unknown_facility_type', count: 'not_positive_integer', completedOn: 'in_future' },
    ],
  ];
  it.each(cases)('%s', (_name, input, expected) => {
    expect(facilityProblems(input, types, today)).toEqual(expected);
  });

  it('follows the district’s list: a renamed lift type is still a lift by its group', () => {
    const own: FacilityType[] = [{ name: '电梯加装', group: 'lift' }];
    expect(facilityProblems({ type: '电梯加装', count: 1, completedOn: today }, own, today)).toEqual({
      buildingId: 'stairwell_needed',
      unit: 'stairwell_needed',
    });
    expect(facilityProblems({ ...lift, type: '加装电梯' }, own, today)).toEqual({
      type: 'unknown_facility_type',
    });
  });
});

describe('typeListProblem', () => {
  const cases: [string, FacilityType[], ReturnType<typeof typeListProblem>][] = [
    ['the default list', [...defaultFacilityTypes], null],
    ['empty', [], 'no_types'],
    [
      'a name twice',
      [
        { name: '车棚', group: 'other' },
        { name: '车棚', group: 'lift' },
      ],
      'duplicate_type',
    ],
    [
      'a name twice but for spaces',
      [
        { name: '车棚', group: 'other' },
        { name: ' 车棚', group: 'other' },
      ],
      'duplicate_type',
    ],
  ];
  it.each(cases)('%s', (_name, list, expected) => {
    expect(typeListProblem(list)).toBe(expected);
  });
});

describe('tallyFacilities (which records each figure counts)', () => {
  const r = (group: FacilityGroup, action: FacilityAction, count: number) => ({ group, action, count });
  const cases: [string, ReturnType<typeof r>[], Partial<ReturnType<typeof tallyFacilities>>][] = [
    ['nothing', [], { activityRooms: 0, serviceShops: 0, facilities: 0, liftsAdded: 0 }],
    [
      'rooms and stations built new are the letter’s 71',
      [r('activity_room', 'added', 2), r('elderly_care', 'added', 1), r('activity_room', 'improved', 5)],
      { activityRooms: 3, elderlyCareFacilities: 1, facilities: 8 },
    ],
    [
      'shops cum service points built',
      [r('service_shop', 'added', 1), r('service_shop', 'improved', 1)],
      { serviceShops: 1, facilities: 2 },
    ],
    ['lifts added', [r('lift', 'added', 1), r('lift', 'improved', 1)], { liftsAdded: 1, facilities: 2 }],
    [
      'elderly care and childcare count improved ones too',
      [r('elderly_care', 'improved', 2), r('childcare', 'added', 1), r('childcare', 'improved', 1)],
      { elderlyCareFacilities: 2, childcareFacilities: 2, activityRooms: 0, facilities: 4 },
    ],
    [
      'other facilities count only in the total',
      [r('other', 'added', 40)],
      { facilities: 40, activityRooms: 0 },
    ],
  ];
  it.each(cases)('%s', (_name, records, expected) => {
    expect(tallyFacilities(records)).toMatchObject(expected);
  });
});
