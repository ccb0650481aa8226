/**
 * Plane geometry for the compound map's subdistrict extents: convex hulls, grown by a margin, of
 * points already projected onto the map's plane.
 */

export type Point = readonly [number, number];

const cross = (o: Point, a: Point, b: Point) => (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);

/** The convex hull, counter-clockwise, without repeated points (Andrew's monotone chain). */
export function convexHull(points: readonly Point[]): Point[] {
  const sorted = [...points].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const unique = sorted.filter(
    (p, i) => i === 0 || p[0] !== sorted[i - 1]?.[0] || p[1] !== sorted[i - 1]?.[1],
  );
  if (unique.length < 3) return unique;
  const lower: Point[] = [];
  for (const p of unique) {
    while (
      lower.length >= 2 &&
      cross(lower[lower.length - 2] as Point, lower[lower.length - 1] as Point, p) <= 0
    ) {
      lower.pop();
    }
    lower.push(p);
  }
  const upper: Point[] = [];
  for (const p of [...unique].reverse()) {
    while (
      upper.length >= 2 &&
      cross(upper[upper.length - 2] as Point, upper[upper.length - 1] as Point, p) <= 0
    ) {
      upper.pop();
    }
    upper.push(p);
  }
  return [...lower.slice(0, -1), ...upper.slice(0, -1)];
}

/**
 * The convex hull of the points grown by `radius` on every side (the hull of small circles round
 * them), so points on its edge sit inside, and one or two points still get an area.
 */
export function bufferedHull(points: readonly Point[], radius: number, steps = 16): Point[] {
  const ring: Point[] = [];
  for (const [x, y] of convexHull(points)) {
    for (let i = 0; i < steps; i++) {
      const a = (2 * Math.PI * i) / steps;
      ring.push([x + radius * Math.cos(a), y + radius * Math.sin(a)]);
    }
  }
  return convexHull(ring);
}

/** The mean of the points (where a region's label goes). */
export function centre(points: readonly Point[]): Point {
  if (points.length === 0) return [0, 0];
  const sx = points.reduce((s, p) => s + p[0], 0);
  const sy = points.reduce((s, p) => s + p[1], 0);
  return [sx / points.length, sy / points.length];
}
