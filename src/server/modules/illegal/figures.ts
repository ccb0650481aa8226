import type { IllegalFigures } from '../../../contract/illegal.js';
import type { FiguresInput } from '../stats/figures.js';
import { illegalStats } from './stats.js';

/** Removed structures in scope, their verified area (m²) and the share their owners removed (by count). */
export async function illegalFigures({ db, principal }: FiguresInput): Promise<IllegalFigures> {
  const { total } = await illegalStats(db, principal, { groupBy: 'subdistrict' });
  return {
    illegalStructuresRemoved: total.removed,
    illegalAreaRemoved: total.removedArea,
    selfRemovalRate: total.selfRateByCount,
  };
}
