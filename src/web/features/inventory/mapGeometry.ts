/**
 * Plane geometry for the offline compound map: a local equirectangular projection (good enough
 * across one district), axis ranges with equal scale on both axes, and convex hulls.
 */

export type Point = readonly [number, number];

/** Longitude shrinks with latitude: x = lng·cos(lat₀), y = lat, so one unit is the same distance both ways. */
export function projector(latitudes: readonly number[]): (lng: number, lat: number) => Point {
  const mid = latitudes.length > 0 ? (Math.min(...latitudes) + Math.max(...latitudes)) / 2 : 0;
  const k = Math.cos((mid * Math.PI) / 180);
  return (lng, lat) => [lng * k, lat];
}

export interface Extent {
  x: [number, number];
  y: [number, number];
}

/**
 * Axis ranges that show every point with the same units per pixel on both axes (so the map is
 * not stretched), centred, with a margin.
 */
export function equalScaleExtent(
  points: readonly Point[],
  width: number,
  height: number,
  margin = 0.08,
): Extent {
  const xs = points.map((p) => p[0]);
  const ys = points.map((p) => p[1]);
  const [x0, x1] = points.length > 0 ? [Math.min(...xs), Math.max(...xs)] : [0, 1];
  const [y0, y1] = points.length > 0 ? [Math.min(...ys), Math.max(...ys)] : [0, 1];
  // A single point (or a straight line of them) still gets an area around it.
  const spanX = Math.max(x1 - x0, 1e-3);
  const spanY = Math.max(y1 - y0, 1e-3);
  const perPixel = Math.max(spanX / Math.max(width, 1), spanY / Math.max(height, 1)) * (1 + 2 * margin);
  const cx = (x0 + x1) / 2;
  const cy = (y0 + y1) / 2;
  const halfW = (perPixel * width) / 2;
  const halfH = (perPixel * height) / 2;
  return { x: [cx - halfW, cx + halfW], y: [cy - halfH, cy + halfH] };
}

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
