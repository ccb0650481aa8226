import { z } from 'zod';

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
  code: z.string(),
  name: z.string(),
  level: z.enum(regionLevels),
  parentCode: z.string().nullable(),
});
export type Region = z.infer<typeof Region>;

export const RegionList = z.object({ items: z.array(Region) });
