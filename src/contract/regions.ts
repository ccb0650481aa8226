import { z } from 'zod';
import { text } from './common.js';
import { endpoint } from './endpoint.js';
import { RegionTree } from './inventory.js';

export const regionLevels = [
  'province',
  'city',
  'district',
  'county',
  'subdistrict',
  'township',
  'community',
] as const;

/** Headline figures of the division tree (a slice of the summary). */
export const RegionFigures = z.object({
  /** Township-level units (街道 and 乡) of the district in reach: the letter's 8 subdistricts. */
  subdistricts: z.number().int(),
});
export type RegionFigures = z.infer<typeof RegionFigures>;

export const Region = z.object({
  code: text(),
  name: text(),
  level: z.enum(regionLevels),
  parentCode: text().nullable(),
});
export type Region = z.infer<typeof Region>;

export const RegionList = z.object({ items: z.array(Region) });

/** The regions area's endpoints; `api.ts` assembles every area's list. */
export const regionsEndpoints = {
  listRegions: endpoint({
    method: 'GET',
    path: '/api/regions',
    summary: 'Regions within the caller’s scope',
    tag: 'regions',
    response: RegionList,
  }),
  regionTree: endpoint({
    method: 'GET',
    path: '/api/regions/tree',
    summary: 'Regions in scope with compound counts',
    tag: 'regions',
    response: RegionTree,
  }),
} as const;
