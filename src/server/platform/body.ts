/**
 * Bounds on a JSON body's shape, checked after parsing and before validation. The body size
 * limit alone does not bound the work: 256 KiB holds tens of thousands of short keys, and
 * validation (and the error naming what is wrong) grows with their number. No endpoint takes
 * more than a few hundred values or nests more than a few levels.
 */
export const bodyShapeLimits = { values: 2_000, depth: 16 } as const;

/** Whether `value` stays within the limits: at most `values` keys and array entries in all, nested at most `depth` deep. */
export function withinShapeLimits(value: unknown, limits = bodyShapeLimits): boolean {
  let budget = limits.values;
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop() as [unknown, number];
    if (node === null || typeof node !== 'object') continue;
    if (depth >= limits.depth) return false;
    const children = Array.isArray(node) ? node : Object.values(node);
    budget -= children.length;
    if (budget < 0) return false;
    for (const child of children) stack.push([child, depth + 1]);
  }
  return true;
}
