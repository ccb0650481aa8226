import type { Summary } from '../../../contract/stats.js';
import type { Db } from '../../db/client.js';
import type { Principal } from '../../platform/context.js';
import { consultationFigures } from '../consultations/figures.js';
import { facilityFigures } from '../facilities/figures.js';
import { illegalFigures } from '../illegal/figures.js';
import { inventoryFigures } from '../inventory/figures.js';
import { opinionFigures } from '../opinions/figures.js';
import { organisationFigures } from '../organisation/figures.js';
import { renovationFigures } from '../projects/figures.js';
import { qualityFigures } from '../quality/figures.js';
import { regionFigures } from '../regions/figures.js';
import { supervisorFigures } from '../supervisors/figures.js';
import { voteFigures } from '../votes/figures.js';
import type { FiguresInput } from './figures.js';

/** Each area's headline figures; a new area adds its function here and its shape to `Summary`. */
const areaFigures = [
  regionFigures,
  inventoryFigures,
  renovationFigures,
  organisationFigures,
  qualityFigures,
  illegalFigures,
  supervisorFigures,
  consultationFigures,
  voteFigures,
  facilityFigures,
  opinionFigures,
] as const;

type AreaFigures = UnionToIntersection<Awaited<ReturnType<(typeof areaFigures)[number]>>>;
type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void
  ? I
  : never;

/**
 * The programme's headline figures within the caller's scope. Renovation figures count the
 * compounds whose project was completed in a year between `from` and `to` (inclusive).
 */
export async function summary(
  db: Db,
  principal: Principal,
  range: { from?: number; to?: number },
  districtCode: string,
  options: { raw?: boolean } = {},
): Promise<Summary> {
  const input: FiguresInput = {
    raw: options.raw,
    db,
    principal,
    fromYear: range.from ?? 1949,
    toYear: range.to ?? new Date().getFullYear(),
    districtCode,
  };
  // Every area's figures at once: on PostgreSQL each query takes a connection of the pool (PGlite
  // runs them one after another).
  const figures = Object.assign(
    {},
    ...(await Promise.all(areaFigures.map((of) => of(input)))),
  ) as AreaFigures;
  return { ...figures, fromYear: input.fromYear, toYear: input.toYear };
}
