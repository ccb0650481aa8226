/**
 * The supervision ledger's measures: items, open items and overdue items now (the period does not
 * apply: a ledger item is overdue today or not), by region, by deadline year or by where it stands.
 */
import { and, count, sql } from 'drizzle-orm';
import { ledgerItems } from '../../db/schema.js';
import { type AreaBreakdown, byKey, dimensionKey, inRegion, keyOf, num } from '../stats/breakdown.js';
import { ledgerItemRule } from './access.js';
import { escalationSql, ledgerDay } from './queries.js';

type LedgerMeasure = 'ledgerItems' | 'ledgerOpen' | 'ledgerOverdue';
const dimensions = ['subdistrict', 'community', 'year', 'status'] as const;

export const ledgerBreakdown: AreaBreakdown<LedgerMeasure> = {
  area: 'ledger',
  action: 'ledger.read',
  measures: {
    ledgerItems: { label: '督办事项', unit: '项', dimensions },
    ledgerOpen: { label: '办理中事项', unit: '项', dimensions },
    ledgerOverdue: { label: '逾期事项', unit: '项', dimensions },
  },
  labels: {
    // An open item by its escalation ("open": not yet due soon), a closed one by its status.
    status: {
      seriously_overdue: '严重逾期',
      overdue: '逾期',
      due_soon: '临期',
      open: '办理中',
      done: '已办结',
      cancelled: '已撤销',
    },
  },
  async count({ db, principal, region }, by) {
    const level = escalationSql(await ledgerDay(db));
    const key = dimensionKey(by, {
      region: ledgerItems.regionCode,
      year: sql`extract(year FROM ${ledgerItems.deadline})::int`,
      status: sql`CASE WHEN ${level} = 'none' THEN ${ledgerItems.status} ELSE ${level} END`,
    });
    const query = db
      .select({
        key: keyOf(key),
        items: count(),
        open: sql<number>`count(*) FILTER (WHERE ${ledgerItems.status} = 'open')::int`,
        overdue: sql<number>`count(*) FILTER (WHERE ${level} IN ('overdue', 'seriously_overdue'))::int`,
      })
      .from(ledgerItems)
      .where(and(ledgerItemRule(principal, 'read'), inRegion(ledgerItems.regionCode, region)));
    const rows = await (key ? query.groupBy(byKey) : query);
    return rows.map((r) => ({
      key: r.key,
      values: { ledgerItems: num(r.items), ledgerOpen: num(r.open), ledgerOverdue: num(r.overdue) },
    }));
  },
};
