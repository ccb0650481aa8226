import { and, count, sql } from 'drizzle-orm';
import type { IllegalFigures } from '../../../contract/illegal.js';
import { percent } from '../../../domain/statistics.js';
import { illegalStructures as s } from '../../db/schema.js';
import {
  type AreaBreakdown,
  byKey,
  dimensionKey,
  hundredths,
  inRegion,
  keyOf,
  num,
} from '../stats/breakdown.js';
import type { FiguresInput } from '../stats/figures.js';
import { structureScope } from './access.js';

/**
 * Removed structures in scope, their verified area (m²) and the share their owners removed (by
 * count): the breakdown's total, one aggregate over the structures.
 */
export async function illegalFigures(input: FiguresInput): Promise<IllegalFigures> {
  const measures = ['illegalStructuresRemoved', 'illegalAreaRemoved', 'selfRemovalRate'] as const;
  const [total] = await illegalBreakdown.count(input, null, measures);
  return {
    illegalStructuresRemoved: total?.values.illegalStructuresRemoved ?? 0,
    illegalAreaRemoved: total?.values.illegalAreaRemoved ?? 0,
    selfRemovalRate: total?.values.selfRemovalRate ?? 0,
  };
}

type IllegalMeasure =
  | 'illegalStructures'
  | 'illegalStructuresRemoved'
  | 'illegalAreaRemoved'
  | 'selfRemovalRate';
const removedDimensions = ['subdistrict', 'community', 'year'] as const;

/**
 * Structures in scope (by where they stand), and those removed, their verified area and the share
 * their owners removed, as the summary counts them (every survey and removal, the period aside);
 * by region or by the year of removal. The rate of each row and of the total is taken from its sums.
 */
export const illegalBreakdown: AreaBreakdown<IllegalMeasure> = {
  area: 'illegal',
  action: 'illegal.read',
  measures: {
    illegalStructures: { label: '摸排违建', unit: '处', dimensions: ['subdistrict', 'community', 'status'] },
    illegalStructuresRemoved: { label: '拆除违建', unit: '处', dimensions: removedDimensions },
    illegalAreaRemoved: { label: '拆除面积', unit: '㎡', dimensions: removedDimensions },
    selfRemovalRate: { label: '自拆率', unit: '%', rate: true, dimensions: removedDimensions },
  },
  labels: {
    status: {
      surveyed: '已摸排',
      verified: '面积已核定',
      noticed: '已下通知',
      removed: '已拆除',
      cleared: '已清理',
    },
  },
  async count({ db, principal, region }, by) {
    const removed = sql`${s.removedOn} IS NOT NULL`;
    const key = dimensionKey(by, {
      region: s.regionCode,
      year: sql`extract(year FROM ${s.removedOn})::int`,
      status: s.status,
    });
    const query = db
      .select({
        key: keyOf(key),
        structures: count(),
        removed: sql<number>`count(*) FILTER (WHERE ${removed})::int`,
        removedArea: sql<string>`coalesce(sum(${s.verifiedArea}) FILTER (WHERE ${removed}), 0)`,
        selfRemoved: sql<number>`count(*) FILTER (WHERE ${removed} AND ${s.removedBy} = 'owner')::int`,
      })
      .from(s)
      .where(
        and(structureScope(principal), inRegion(s.regionCode, region), by === 'year' ? removed : undefined),
      );
    const rows = await (key ? query.groupBy(byKey) : query);
    return rows.map((r) => ({
      key: r.key,
      values: {
        illegalStructures: num(r.structures),
        illegalStructuresRemoved: num(r.removed),
        illegalAreaRemoved: hundredths(r.removedArea),
        selfRemovalRate: percent(num(r.selfRemoved), num(r.removed)),
      },
    }));
  },
};
