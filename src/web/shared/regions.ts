/** The regions the caller may see (from /api/regions), indexed by code and as a tree. */
import { useQuery } from '@tanstack/react-query';
import { api } from '../../contract/api.js';
import type { Region } from '../../contract/regions.js';
import { call } from './api.js';

export interface RegionTreeNode {
  value: string;
  title: string;
  children?: RegionTreeNode[];
}

export interface RegionIndex {
  byCode: ReadonlyMap<string, Region>;
  tree: RegionTreeNode[];
  /** Codes to show expanded at first: everything above subdistrict level, so subdistricts are in view. */
  expanded: string[];
}

const broadLevels: readonly Region['level'][] = ['province', 'city', 'district'];

function indexRegions({ items }: { items: Region[] }): RegionIndex {
  const byCode = new Map(items.map((r) => [r.code, r]));
  const nodes = new Map<string, RegionTreeNode>(items.map((r) => [r.code, { value: r.code, title: r.name }]));
  const tree: RegionTreeNode[] = [];
  for (const region of [...items].sort((a, b) => a.code.localeCompare(b.code))) {
    const node = nodes.get(region.code);
    if (!node) continue;
    // A region whose parent lies outside the caller's scope becomes a root of the visible tree.
    const parent = region.parentCode ? nodes.get(region.parentCode) : undefined;
    if (!parent) tree.push(node);
    else if (parent.children) parent.children.push(node);
    else parent.children = [node];
  }
  const expanded = items.filter((r) => broadLevels.includes(r.level)).map((r) => r.code);
  return { byCode, tree, expanded };
}

/** Regions within the caller's scope; they change rarely, so they are cached for a while. */
export function useRegions() {
  return useQuery({
    queryKey: ['regions'],
    queryFn: ({ signal }) => call(api.listRegions, { signal }),
    select: indexRegions,
    staleTime: 10 * 60_000,
  });
}

/** The names of the given region codes; an unknown code is shown as itself. */
export function regionNames(index: RegionIndex | undefined, codes: readonly string[]): string[] {
  return codes.map((code) => index?.byCode.get(code)?.name ?? code);
}
