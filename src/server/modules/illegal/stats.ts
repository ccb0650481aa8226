/**
 * Illegal structures' statistics in the caller's scope: how many, their verified area, how many
 * removed and how much, the self-removal rates, days from survey to removal, what is still
 * outstanding, and whether the structures of party members and public employees were removed
 * first (党员公职人员带头拆). Only verified areas count.
 *
 * A period (from, to; inclusive, either may be open) counts two things, each by its own date:
 * - the survey's work: structures surveyed in it (by survey date), their verified area, and of
 *   those, how many were still standing at its end (outstanding) and how the leaders' and
 *   everyone else's went by its end (removed on or before `to`): a cohort, so its rates stay
 *   within 100% and a report for a past period reads the same later;
 * - the removals made in it (by removal date, whenever surveyed): how many, their area, the
 *   self-removal rates and the average days from survey to removal.
 * With no period both are every structure, and the cohort's "by its end" is "by now".
 */
import { and, eq, not, type SQL, sql } from 'drizzle-orm';
import type { IllegalStats, IllegalStatsQuery } from '../../../contract/illegal.js';
import { leadersFirst, removalPace, selfRemovalRates } from '../../../domain/illegal.js';
import type { Db } from '../../db/client.js';
import { compounds, regions, illegalStructures as s } from '../../db/schema.js';
import type { Principal } from '../../platform/context.js';
import type { SheetSpec } from '../../platform/sheets/columns.js';
import { writeSheet } from '../../platform/sheets/write.js';
import { int } from '../stats/figures.js';
import { structureScope } from './access.js';

const area = (v: unknown) => Math.round(Number(v ?? 0) * 100) / 100;

/** The figures' SQL over `s`: the survey's cohort and the removals of the period, as above. */
function figures(q: Pick<IllegalStatsQuery, 'from' | 'to'>) {
  const within = (column: SQL) =>
    and(
      q.from ? sql`${column} >= ${q.from}::date` : undefined,
      q.to ? sql`${column} <= ${q.to}::date` : undefined,
    ) ?? sql`true`;
  const surveyed = within(sql`${s.surveyOn}`);
  const removed = and(sql`${s.removedOn} IS NOT NULL`, within(sql`${s.removedOn}`)) as SQL;
  const self = and(removed, sql`${s.removedBy} = 'owner'`) as SQL;
  // Surveyed in the period and removed by its end (a removal is never before its survey).
  const gone = and(
    surveyed,
    sql`${s.removedOn} IS NOT NULL`,
    q.to ? sql`${s.removedOn} <= ${q.to}::date` : undefined,
  ) as SQL;
  const leader = sql`(${s.ownerPartyMember} OR ${s.ownerPublicEmployee})`;
  const days = sql`${s.removedOn} - ${s.surveyOn}`;
  const cohort = (who: SQL) => ({
    structures: sql<number>`count(*) FILTER (WHERE ${surveyed} AND ${who})::int`,
    removed: sql<number>`count(*) FILTER (WHERE ${gone} AND ${who})::int`,
    days: sql<string>`coalesce(sum(${days}) FILTER (WHERE ${gone} AND ${who}), 0)`,
  });
  const leaders = cohort(leader);
  const others = cohort(not(leader));
  return {
    structures: sql<number>`count(*) FILTER (WHERE ${surveyed})::int`,
    verifiedArea: sql<string>`coalesce(sum(${s.verifiedArea}) FILTER (WHERE ${surveyed}), 0)`,
    removed: sql<number>`count(*) FILTER (WHERE ${removed})::int`,
    removedArea: sql<string>`coalesce(sum(${s.verifiedArea}) FILTER (WHERE ${removed}), 0)`,
    selfRemoved: sql<number>`count(*) FILTER (WHERE ${self})::int`,
    selfRemovedArea: sql<string>`coalesce(sum(${s.verifiedArea}) FILTER (WHERE ${self}), 0)`,
    averageDays: sql<string | null>`round(avg(${days}) FILTER (WHERE ${removed}), 1)`,
    outstanding: sql<number>`count(*) FILTER (WHERE ${surveyed} AND NOT (${gone}))::int`,
    leaders: leaders.structures,
    leadersRemoved: leaders.removed,
    leadersDays: leaders.days,
    others: others.structures,
    othersRemoved: others.removed,
    othersDays: others.days,
  };
}

type Raw = {
  structures: number;
  verifiedArea: string;
  removed: number;
  removedArea: string;
  selfRemoved: number;
  selfRemovedArea: string;
  averageDays: string | null;
  outstanding: number;
  leaders: number;
  leadersRemoved: number;
  leadersDays: string;
  others: number;
  othersRemoved: number;
  othersDays: string;
};

function present(r: Raw): IllegalStats['total'] {
  const totals = {
    removed: int(r.removed),
    removedArea: area(r.removedArea),
    selfRemoved: int(r.selfRemoved),
    selfRemovedArea: area(r.selfRemovedArea),
  };
  const rates = selfRemovalRates(totals);
  const leaders = { structures: int(r.leaders), removed: int(r.leadersRemoved), days: int(r.leadersDays) };
  const others = { structures: int(r.others), removed: int(r.othersRemoved), days: int(r.othersDays) };
  const leadersPace = removalPace(leaders);
  const othersPace = removalPace(others);
  return {
    structures: int(r.structures),
    verifiedArea: area(r.verifiedArea),
    ...totals,
    selfRateByCount: rates.byCount,
    selfRateByArea: rates.byArea,
    averageDays: r.averageDays === null ? null : Number(r.averageDays),
    outstanding: int(r.outstanding),
    leaders: leaders.structures,
    leadersRemoved: leaders.removed,
    leadersRate: leadersPace.rate,
    leadersAverageDays: leadersPace.averageDays,
    others: others.structures,
    othersRemoved: others.removed,
    othersRate: othersPace.rate,
    othersAverageDays: othersPace.averageDays,
    leadersFirst: leadersFirst(leaders, others),
  };
}

export async function illegalStats(
  db: Db,
  principal: Principal,
  q: IllegalStatsQuery,
): Promise<IllegalStats> {
  const where = and(
    structureScope(principal),
    q.region ? sql`${s.regionCode} LIKE ${`${q.region}%`}` : undefined,
  );
  const f = figures(q);
  const key =
    q.groupBy === 'compound'
      ? sql<string>`${s.compoundId}::text`
      : q.groupBy === 'community'
        ? sql<string>`${s.regionCode}`
        : sql<string>`left(${s.regionCode}, 9)`;
  const name =
    q.groupBy === 'compound'
      ? sql<string>`max(${compounds.name})`
      : sql<string>`coalesce(max(${regions.name}), ${key})`;
  const grouped = db.select({ key, name, ...f }).from(s);
  const joined =
    q.groupBy === 'compound'
      ? grouped.innerJoin(compounds, eq(compounds.id, s.compoundId))
      : grouped.leftJoin(regions, eq(regions.code, key));
  const rows = await joined.where(where).groupBy(key).orderBy(key);
  const [total] = await db.select(f).from(s).where(where);
  return {
    rows: rows.map((r) => ({ key: r.key, name: r.name, ...present(r) })),
    total: present(total as Raw),
  };
}

/** The statistics sheet as offices report it. */
export const illegalStatsSheet: SheetSpec = {
  kind: 'illegal_stats',
  sheetName: '拆违治乱统计',
  title: '违法建设拆除情况统计表',
  columns: [
    { key: 'name', header: '区域/小区', type: 'text', width: 24 },
    { key: 'structures', header: '摸排违建（处）', type: 'integer', width: 12 },
    { key: 'verifiedArea', header: '核定面积（㎡）', type: 'decimal', width: 14 },
    { key: 'removed', header: '已拆除（处）', type: 'integer', width: 12 },
    { key: 'removedArea', header: '拆除面积（㎡）', type: 'decimal', width: 14 },
    { key: 'selfRemoved', header: '自拆（处）', type: 'integer', width: 10 },
    { key: 'selfRateByCount', header: '自拆率·按处（%）', type: 'decimal', width: 14 },
    { key: 'selfRateByArea', header: '自拆率·按面积（%）', type: 'decimal', width: 16 },
    { key: 'averageDays', header: '平均拆除用时（天）', type: 'decimal', width: 16 },
    { key: 'outstanding', header: '未拆除（处）', type: 'integer', width: 12 },
    { key: 'leaders', header: '党员及公职人员违建（处）', type: 'integer', width: 18 },
    { key: 'leadersRemoved', header: '其中已拆除（处）', type: 'integer', width: 14 },
    { key: 'leadersRate', header: '党员及公职人员拆除率（%）', type: 'decimal', width: 18 },
    { key: 'leadersAverageDays', header: '党员及公职人员平均用时（天）', type: 'decimal', width: 20 },
    { key: 'others', header: '其他产权人违建（处）', type: 'integer', width: 16 },
    { key: 'othersRemoved', header: '其他产权人已拆除（处）', type: 'integer', width: 14 },
    { key: 'othersRate', header: '其他产权人拆除率（%）', type: 'decimal', width: 16 },
    { key: 'othersAverageDays', header: '其他产权人平均用时（天）', type: 'decimal', width: 18 },
    { key: 'leadersFirst', header: '党员公职人员带头拆', type: 'text', width: 14 },
  ],
};

export async function exportIllegalStats(
  db: Db,
  principal: Principal,
  q: IllegalStatsQuery,
  target: NodeJS.WritableStream,
) {
  const stats = await illegalStats(db, principal, q);
  // Whether they went first, as a report writes it; blank where there is nothing to compare.
  const first = (f: boolean | null) => (f === null ? null : f ? '是' : '否');
  async function* rows() {
    for (const r of stats.rows) yield { ...r, leadersFirst: first(r.leadersFirst) };
    yield { ...stats.total, name: '合计', leadersFirst: first(stats.total.leadersFirst) };
  }
  return writeSheet(target, illegalStatsSheet, rows());
}
