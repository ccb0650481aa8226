import { describe, expect, it } from 'vitest';
import { bufferedHull, convexHull, type Point } from './mapGeometry.js';

describe('convexHull', () => {
  it.each<[string, Point[], Point[]]>([
    ['empty', [], []],
    ['one point', [[1, 1]], [[1, 1]]],
    [
      'duplicates collapse',
      [
        [1, 1],
        [1, 1],
        [2, 2],
      ],
      [
        [1, 1],
        [2, 2],
      ],
    ],
    [
      'a square with inner and edge points',
      [
        [0, 0],
        [2, 0],
        [2, 2],
        [0, 2],
        [1, 1],
        [1, 0],
      ],
      [
        [0, 0],
        [2, 0],
        [2, 2],
        [0, 2],
      ],
    ],
  ])('%s', (_, points, hull) => {
    expect(convexHull(points)).toEqual(hull);
  });
});

describe('bufferedHull', () => {
  it('keeps every point at least the radius inside, and gives a single point an area', () => {
    const points: Point[] = [
      [0, 0],
      [10, 0],
      [5, 1],
    ];
    const hull = bufferedHull(points, 1);
    const inside = (p: Point) =>
      hull.every((a, i) => {
        const b = hull[(i + 1) % hull.length] as Point;
        // Counter-clockwise: the point is left of every edge, by at least ~the radius.
        const cross = (b[0] - a[0]) * (p[1] - a[1]) - (b[1] - a[1]) * (p[0] - a[0]);
        return cross / Math.hypot(b[0] - a[0], b[1] - a[1]) > 0.9;
      });
    for (const p of points) expect(inside(p)).toBe(true);
    expect(bufferedHull([[3, 3]], 1).length).toBeGreaterThanOrEqual(8);
  });
});
