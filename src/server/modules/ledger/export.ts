import type { LedgerItem, LedgerListQuery } from '../../../contract/ledger.js';
import type { LedgerDay } from '../../../domain/ledger.js';
import type { Db } from '../../db/client.js';
import type { Principal } from '../../platform/context.js';
import type { SheetSpec } from '../../platform/sheets/columns.js';
import { writeSheet } from '../../platform/sheets/write.js';
import { listLedger } from './queries.js';

/** The 台账 sheet as supervision offices keep it. */
export const supervisionSheet: SheetSpec = {
  kind: 'supervision',
  sheetName: '督办台账',
  title: '城镇老旧小区改造督办台账',
  columns: [
    { key: 'seq', header: '序号', type: 'integer', width: 6 },
    { key: 'title', header: '事项', type: 'text', width: 40 },
    { key: 'unit', header: '责任单位', type: 'text', width: 22 },
    { key: 'owner', header: '责任人', type: 'text', width: 12 },
    { key: 'deadline', header: '完成时限', type: 'text', width: 12 },
    { key: 'progress', header: '进展情况', type: 'text', width: 40 },
    { key: 'state', header: '状态', type: 'text', width: 10 },
  ],
};

const stateOf = (i: LedgerItem) =>
  i.status === 'done'
    ? '已完成'
    : i.status === 'cancelled'
      ? '已取消'
      : { seriously_overdue: '严重逾期', overdue: '逾期', due_soon: '临期', none: '推进中' }[i.escalation];

/** Write the ledger (the caller's scope and filters) to a stream, most escalated first. */
export async function exportSupervision(
  db: Db,
  principal: Principal,
  q: Omit<LedgerListQuery, 'page' | 'pageSize'>,
  day: LedgerDay,
  target: NodeJS.WritableStream,
) {
  async function* rows() {
    let seq = 0;
    for (let page = 1; ; page++) {
      const chunk = await listLedger(db, principal, { ...q, page, pageSize: 100 }, day);
      for (const i of chunk.items) {
        seq++;
        yield {
          seq,
          title: i.compoundName ? `【${i.compoundName}】${i.title}` : i.title,
          unit: i.owner.unitName ?? '',
          owner: i.owner.personName ?? '',
          deadline: i.deadline,
          progress: i.lastProgress?.note ?? '',
          state: stateOf(i),
        };
      }
      if (page * 100 >= chunk.total) return;
    }
  }
  return writeSheet(target, supervisionSheet, rows());
}
