import { and, count, eq, sql } from 'drizzle-orm';
import type { VoteFigures } from '../../../contract/votes.js';
import { votes } from '../../db/schema.js';
import { type AreaBreakdown, byKey, dimensionKey, inRegion, keyOf, num } from '../stats/breakdown.js';
import type { FiguresInput } from '../stats/figures.js';
import { voteRule } from './access.js';

/** Closed votes in scope that passed and that failed (quorum or approval, by area or headcount). */
export async function voteFigures({ db, principal }: FiguresInput): Promise<VoteFigures> {
  const [row] = await db
    .select({
      passed: count(sql`CASE WHEN ${votes.passed} THEN 1 END`),
      failed: count(sql`CASE WHEN NOT ${votes.passed} THEN 1 END`),
    })
    .from(votes)
    .where(and(eq(votes.status, 'closed'), voteRule(principal, 'read')));
  return { votesPassed: row?.passed ?? 0, votesFailed: row?.failed ?? 0 };
}

/** Closed votes that passed and failed, by region or the year closed. */
export const voteBreakdown: AreaBreakdown<'votesPassed' | 'votesFailed'> = {
  area: 'votes',
  action: 'inventory.read',
  measures: {
    votesPassed: { label: '表决通过', unit: '次', dimensions: ['subdistrict', 'community', 'year'] },
    votesFailed: { label: '表决未通过', unit: '次', dimensions: ['subdistrict', 'community', 'year'] },
  },
  async count({ db, principal, region }, by) {
    const key = dimensionKey(by, {
      region: votes.regionCode,
      year: sql`extract(year FROM (${votes.closedAt} AT TIME ZONE 'UTC') + interval '8 hours')::int`,
    });
    const query = db
      .select({
        key: keyOf(key),
        passed: count(sql`CASE WHEN ${votes.passed} THEN 1 END`),
        failed: count(sql`CASE WHEN NOT ${votes.passed} THEN 1 END`),
      })
      .from(votes)
      .where(
        and(eq(votes.status, 'closed'), voteRule(principal, 'read'), inRegion(votes.regionCode, region)),
      );
    const rows = await (key ? query.groupBy(byKey) : query);
    return rows.map((r) => ({
      key: r.key,
      values: { votesPassed: num(r.passed), votesFailed: num(r.failed) },
    }));
  },
};
