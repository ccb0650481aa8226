import { describe, expect, it } from 'vitest';
import { apportion, compoundStatus, exclusiveArea, isOld, type ProjectStatus } from './inventory.js';

describe('isOld', () => {
  const cases: [number | null, number, boolean][] = [
    [2004, 2005, true],
    [2005, 2005, false],
    [1999, 2000, true],
    [2000, 2000, false],
    [1958, 2005, true],
    [null, 2005, false],
  ];
  it.each(cases)('built %s, cut-off %s → %s', (year, cutoff, expected) => {
    expect(isOld(year, cutoff)).toBe(expected);
  });
});

describe('exclusiveArea: registered, else surveyed, else contract', () => {
  const cases: [number | null, number | null, number | null, ReturnType<typeof exclusiveArea>][] = [
    [73.37, 75, 80, { area: 73.37, basis: 'registered' }],
    [null, 75, 80, { area: 75, basis: 'surveyed' }],
    [null, null, 64.12, { area: 64.12, basis: 'contract' }],
    [null, null, null, null],
    [0, 75, null, { area: 0, basis: 'registered' }],
  ];
  it.each(cases)('%s / %s / %s', (areaRegistered, areaSurveyed, areaContract, expected) => {
    expect(exclusiveArea({ areaRegistered, areaSurveyed, areaContract })).toEqual(expected);
  });
});

describe('compoundStatus', () => {
  const cases: [ProjectStatus[], ReturnType<typeof compoundStatus>][] = [
    [[], 'not_planned'],
    [['planned'], 'planned'],
    [['consulting'], 'planned'],
    [['under_construction'], 'in_progress'],
    [['accepted'], 'renovated'],
    [['handed_over', 'planned'], 'renovated'],
  ];
  it.each(cases)('%j → %s', (statuses, expected) => {
    expect(compoundStatus(statuses)).toBe(expected);
  });
});

describe('apportion', () => {
  const cases: [number, number[]][] = [
    [1203, [3, 5, 8, 13, 2]],
    [42_186, Array.from({ length: 135 }, (_, i) => (i % 7) + 1)],
    [10, [1, 1, 1]],
    [0, [1, 2]],
  ];
  it.each(cases)('%i over %j adds up exactly', (total, weights) => {
    const parts = apportion(total, weights);
    expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
    expect(parts.every((p) => Number.isInteger(p) && p >= 0)).toBe(true);
  });
  it('is proportional', () => {
    expect(apportion(10, [1, 1, 1])).toEqual([4, 3, 3]);
    expect(apportion(100, [1, 3])).toEqual([25, 75]);
  });
});
