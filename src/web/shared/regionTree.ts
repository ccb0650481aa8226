/** The regions in the caller's scope with their compound counts (/api/regions/tree), as a tree. */
import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { RegionTree, RegionTreeNode } from '../../contract/inventory.js';
import { regionsEndpoints } from '../../contract/regions.js';
import { call } from './api.js';

export type CountedRegion = z.infer<typeof RegionTreeNode>;

export interface CountedRegionNode extends CountedRegion {
  children: CountedRegionNode[];
}

export interface CountedRegions {
  /** Roots of the tree that holds compounds: empty branches pruned, empty wrappers (province, city) skipped. */
  roots: CountedRegionNode[];
  byCode: ReadonlyMap<string, CountedRegion>;
  /** The subdistricts in scope, in code order. */
  subdistricts: CountedRegion[];
  /** Codes of the roots and their children, for a tree opened down to subdistricts. */
  expanded: string[];
  oldCutoffYear: number;
}

function hasCompounds(node: CountedRegionNode): boolean {
  return node.compounds > 0 || node.children.length > 0;
}

function prune(node: CountedRegionNode): CountedRegionNode {
  return { ...node, children: node.children.map(prune).filter(hasCompounds) };
}

export function buildRegionTree({ items, oldCutoffYear }: z.infer<typeof RegionTree>): CountedRegions {
  const sorted = [...items].sort((a, b) => a.code.localeCompare(b.code));
  const nodes = new Map<string, CountedRegionNode>(sorted.map((r) => [r.code, { ...r, children: [] }]));
  const top: CountedRegionNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.parentCode ? nodes.get(node.parentCode) : undefined;
    if (parent) parent.children.push(node);
    else top.push(node);
  }
  let roots = top.map(prune).filter(hasCompounds);
  // A province or city above the district counts nothing itself: start the tree where the compounds are.
  while (roots.length > 0 && roots.every((r) => r.compounds === 0 && r.children.length > 0)) {
    roots = roots.flatMap((r) => r.children);
  }
  return {
    roots,
    byCode: new Map(sorted.map((r) => [r.code, r])),
    subdistricts: sorted.filter((r) => r.level === 'subdistrict' || r.level === 'township'),
    expanded: roots.map((r) => r.code),
    oldCutoffYear,
  };
}

export const regionTreeKey = ['inventory', 'regionTree'] as const;

/** Regions in scope with compound counts; refreshed when the inventory changes. */
export function useRegionTree() {
  return useQuery({
    queryKey: regionTreeKey,
    queryFn: ({ signal }) => call(regionsEndpoints.regionTree, { signal }),
    select: buildRegionTree,
    staleTime: 60_000,
  });
}
