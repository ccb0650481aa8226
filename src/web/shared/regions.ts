/** The regions the caller may see (from /api/regions), indexed by code and as a tree. */
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Region } from '../../contract/regions.js';
import { regionsEndpoints } from '../../contract/regions.js';
import { call } from './api.js';
import { useMe } from './session.js';

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
    queryFn: ({ signal }) => call(regionsEndpoints.listRegions, { signal }),
    select: indexRegions,
    staleTime: 10 * 60_000,
  });
}

/** The names of the given region codes; an unknown code is shown as itself. */
export function regionNames(index: RegionIndex | undefined, codes: readonly string[]): string[] {
  return codes.map((code) => index?.byCode.get(code)?.name ?? code);
}

/** Up to this many regions are named one by one; more are "所辖范围". */
const namedRegions = 3;

/**
 * The scope the signed-in user's figures cover, as a label for them: "全区" for a district-wide
 * role, the region's name for a scoped user ("铁塔街道"), a few names joined, or "所辖范围".
 */
export function useScopeName(): string {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const regions = useRegions();
  const codes = me?.user.scopeRegions ?? [];
  if (codes.length === 0) return t('scope.district');
  if (codes.length > namedRegions || !regions.data) return t('scope.several');
  return regionNames(regions.data, codes).join(t('scope.separator'));
}
