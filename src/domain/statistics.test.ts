import { describe, expect, it } from 'vitest';
import { percent, wan } from './statistics.js';

describe('percent', () => {
  it.each([
    [188, 212, 88.7],
    [188, 1146, 16.4],
    [1, 3, 33.3],
    [2, 3, 66.7],
    [0, 0, 0],
    [5, 5, 100],
  ])('%i of %i = %s%%', (part, whole, expected) => expect(percent(part, whole)).toBe(expected));
});

describe('wan', () => {
  it.each([
    [42_186, '4.2万'],
    [115_472, '11.5万'],
    [2_834_616.5, '283.5万'],
    [8600, '8600'],
    [10_000, '1万'],
  ])('%s → %s', (n, expected) => expect(wan(n)).toBe(expected));
});
