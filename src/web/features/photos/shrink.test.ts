import { describe, expect, it } from 'vitest';
import { fitScale } from './shrink.js';

describe('fitScale', () => {
  it.each([
    [4000, 3000, 0.4],
    [3000, 4000, 0.4],
    [1600, 900, 1],
    [800, 600, 1],
    [3200, 100, 0.5],
  ])('%i × %i → %f', (w, h, expected) => {
    expect(fitScale(w, h)).toBeCloseTo(expected, 5);
  });
});
