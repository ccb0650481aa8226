import type { Db } from '../../db/client.js';
import type { Principal } from '../../platform/context.js';

/** What an area's headline figures are computed for: the caller's scope and a period of years. */
export interface FiguresInput {
  db: Db;
  principal: Principal;
  fromYear: number;
  toYear: number;
  districtCode: string;
  /** Count from the rows themselves, not the pre-aggregated tallies (tests and benchmarks compare the two). */
  raw?: boolean;
}

/** Read a count or sum that SQL may hand back as text, bigint or null. */
export const int = (v: unknown) => Number(v ?? 0);
