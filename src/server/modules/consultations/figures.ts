import { and, count, sql } from 'drizzle-orm';
import type { ConsultationFigures } from '../../../contract/consultations.js';
import { consultations } from '../../db/schema.js';
import { type AreaBreakdown, byKey, dimensionKey, inRegion, keyOf, num } from '../stats/breakdown.js';
import type { FiguresInput } from '../stats/figures.js';
import { consultationRule } from './access.js';

/** Consultations in scope, at any stage. */
export async function consultationFigures({ db, principal }: FiguresInput): Promise<ConsultationFigures> {
  const [row] = await db
    .select({ n: count() })
    .from(consultations)
    .where(consultationRule(principal, 'read'));
  return { consultations: row?.n ?? 0 };
}

/** Consultations in scope (any stage, as the summary counts them), by region, status or the year begun. */
export const consultationBreakdown: AreaBreakdown<'consultations'> = {
  area: 'consultations',
  action: 'consultation.read',
  measures: {
    consultations: {
      label: '民主协商',
      unit: '个',
      dimensions: ['subdistrict', 'community', 'year', 'status'],
    },
  },
  labels: {
    status: { in_progress: '进行中', resolved: '决议已公开', completed: '已完成', failed: '未通过' },
  },
  async count({ db, principal, region }, by) {
    const key = dimensionKey(by, {
      region: consultations.regionCode,
      year: sql`extract(year FROM (${consultations.createdAt} AT TIME ZONE 'UTC') + interval '8 hours')::int`,
      status: consultations.status,
    });
    const query = db
      .select({ key: keyOf(key), n: count() })
      .from(consultations)
      .where(and(consultationRule(principal, 'read'), inRegion(consultations.regionCode, region)));
    const rows = await (key ? query.groupBy(byKey) : query);
    return rows.map((r) => ({ key: r.key, values: { consultations: num(r.n) } }));
  },
};
