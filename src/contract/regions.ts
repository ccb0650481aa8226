import { z } from 'zod';
import { text } from './common.js';

export const regionLevels = [
  'province',
  'city',
  'district',
  'county',
  'subdistrict',
  'township',
  'community',
] as const;

export const Region = z.object({
  code: text(),
  name: text(),
  level: z.enum(regionLevels),
  parentCode: text().nullable(),
});
export type Region = z.infer<typeof Region>;

export const RegionList = z.object({ items: z.array(Region) });
