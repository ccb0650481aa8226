import { describe, expect, it } from 'vitest';
import { rowRanges } from './row-ranges.js';

describe('rowRanges', () => {
  it.each([
    [[3], 0, '3'],
    [Array.from({ length: 41 }, (_, i) => i + 3), 0, '3–43'],
    [[3, 4, 5, 9, 11, 12], 0, '3–5, 9, 11–12'],
    [[2, 4], 7, '2, 4, …'],
  ])('%j (+%i) → %s', (rows, more, text) => {
    expect(rowRanges(rows, more)).toBe(text);
  });
});
