import { and, count, inArray, like } from 'drizzle-orm';
import type { RegionFigures } from '../../../contract/regions.js';
import { regions } from '../../db/schema.js';
import { scopeWhere } from '../../platform/access.js';
import { type FiguresInput, int } from '../stats/figures.js';

/** Township-level units (街道, 乡) of the district in the caller's reach: the letter's 8 subdistricts. */
export async function regionFigures({ db, principal, districtCode }: FiguresInput): Promise<RegionFigures> {
  const [row] = await db
    .select({ n: count() })
    .from(regions)
    .where(
      and(
        inArray(regions.level, ['subdistrict', 'township']),
        like(regions.code, `${districtCode}%`),
        scopeWhere(principal, regions.code),
      ),
    );
  return { subdistricts: int(row?.n) };
}
