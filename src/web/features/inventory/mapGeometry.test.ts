import { describe, expect, it } from 'vitest';
import { bufferedHull, convexHull, equalScaleExtent, type Point, projector } from './mapGeometry.js';

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

describe('equalScaleExtent', () => {
  it('gives both axes the same units per pixel and keeps every point inside', () => {
    const points: Point[] = [
      [0, 0],
      [10, 2],
    ];
    const { x, y } = equalScaleExtent(points, 400, 200, 0);
    expect((x[1] - x[0]) / 400).toBeCloseTo((y[1] - y[0]) / 200);
    for (const [px, py] of points) {
      expect(px).toBeGreaterThanOrEqual(x[0]);
      expect(px).toBeLessThanOrEqual(x[1]);
      expect(py).toBeGreaterThanOrEqual(y[0]);
      expect(py).toBeLessThanOrEqual(y[1]);
    }
  });
});

describe('projector', () => {
  it('shrinks longitude by the cosine of the middle latitude', () => {
    const [x, y] = projector([60, 60])(10, 60);
    expect(x).toBeCloseTo(5);
    expect(y).toBe(60);
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
