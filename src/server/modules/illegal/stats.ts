/**
 * Illegal structures' statistics in the caller's scope: how many, their verified area, how many
 * removed and how much, the self-removal rates, days from survey to removal, what is still
 * outstanding, and how structures of party members and public employees went. Only verified
 * areas count; a period takes the structures surveyed in it and the removals made in it.
 */
import { and, eq, type SQL, sql } from 'drizzle-orm';
import type { IllegalStats, IllegalStatsQuery } from '../../../contract/illegal.js';
import { selfRemovalRates } from '../../../domain/illegal.js';
import type { Db } from '../../db/client.js';
import { compounds, regions, illegalStructures as s } from '../../db/schema.js';
import { scopeWhere } from '../../platform/access.js';
import type { Principal } from '../../platform/context.js';
import type { SheetSpec } from '../../platform/sheets/columns.js';
import { writeSheet } from '../../platform/sheets/write.js';
import { int } from '../stats/figures.js';

const area = (v: unknown) => Math.round(Number(v ?? 0) * 100) / 100;

/** The figures' SQL over `s`, the period applied to surveys and to removals separately. */
function figures(q: Pick<IllegalStatsQuery, 'from' | 'to'>) {
  const within = (column: SQL) =>
    and(
      q.from ? sql`${column} >= ${q.from}::date` : undefined,
      q.to ? sql`${column} <= ${q.to}::date` : undefined,
    ) ?? sql`true`;
  const surveyed = within(sql`${s.surveyOn}`);
  const removed = and(sql`${s.removedOn} IS NOT NULL`, within(sql`${s.removedOn}`)) as SQL;
  const self = and(removed, sql`${s.removedBy} = 'owner'`) as SQL;
  const leader = sql`(${s.ownerPartyMember} OR ${s.ownerPublicEmployee})`;
  return {
    structures: sql<number>`count(*) FILTER (WHERE ${surveyed})::int`,
    verifiedArea: sql<string>`coalesce(sum(${s.verifiedArea}) FILTER (WHERE ${surveyed}), 0)`,
    removed: sql<number>`count(*) FILTER (WHERE ${removed})::int`,
    removedArea: sql<string>`coalesce(sum(${s.verifiedArea}) FILTER (WHERE ${removed}), 0)`,
    selfRemoved: sql<number>`count(*) FILTER (WHERE ${self})::int`,
    selfRemovedArea: sql<string>`coalesce(sum(${s.verifiedArea}) FILTER (WHERE ${self}), 0)`,
    averageDays: sql<string | null>`round(avg(${s.removedOn} - ${s.surveyOn}) FILTER (WHERE ${removed}), 1)`,
    outstanding: sql<number>`count(*) FILTER (WHERE ${surveyed} AND ${s.removedOn} IS NULL)::int`,
    leaders: sql<number>`count(*) FILTER (WHERE ${surveyed} AND ${leader})::int`,
    leadersRemoved: sql<number>`count(*) FILTER (WHERE ${removed} AND ${leader})::int`,
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
};

function present(r: Raw) {
  const totals = {
    removed: int(r.removed),
    removedArea: area(r.removedArea),
    selfRemoved: int(r.selfRemoved),
    selfRemovedArea: area(r.selfRemovedArea),
  };
  const rates = selfRemovalRates(totals);
  return {
    structures: int(r.structures),
    verifiedArea: area(r.verifiedArea),
    ...totals,
    selfRateByCount: rates.byCount,
    selfRateByArea: rates.byArea,
    averageDays: r.averageDays === null ? null : Number(r.averageDays),
    outstanding: int(r.outstanding),
    leaders: int(r.leaders),
    leadersRemoved: int(r.leadersRemoved),
  };
}

export async function illegalStats(
  db: Db,
  principal: Principal,
  q: IllegalStatsQuery,
): Promise<IllegalStats> {
  const where = and(
    scopeWhere(principal, s.regionCode),
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
  ],
};

export async function exportIllegalStats(
  db: Db,
  principal: Principal,
  q: IllegalStatsQuery,
  target: NodeJS.WritableStream,
) {
  const stats = await illegalStats(db, principal, q);
  async function* rows() {
    for (const r of stats.rows) yield r;
    yield { ...stats.total, name: '合计' };
  }
  return writeSheet(target, illegalStatsSheet, rows());
}
