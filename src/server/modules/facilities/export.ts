/** The facilities list as an office sheet: a title row, units in the headers, a 合计 row. */
import type { FacilityListQuery } from '../../../contract/facilities.js';
import type { Db } from '../../db/client.js';
import type { Principal } from '../../platform/context.js';
import type { SheetSpec } from '../../platform/sheets/columns.js';
import { writeSheet } from '../../platform/sheets/write.js';
import { allFacilities } from './queries.js';

const actionLabels = { added: '新增', improved: '改善' } as const;

export const facilitiesSheet: SheetSpec = {
  kind: 'facilities',
  sheetName: '配套设施',
  title: '老旧小区改造新增及改善配套设施统计表',
  columns: [
    { key: 'index', header: '序号', type: 'integer', width: 6 },
    { key: 'subdistrictName', header: '街道', type: 'text', width: 12 },
    { key: 'communityName', header: '社区', type: 'text', width: 14 },
    { key: 'compoundName', header: '小区名称', type: 'text', width: 24 },
    { key: 'projectYear', header: '改造年度（年）', type: 'integer', width: 12 },
    { key: 'type', header: '设施类型', type: 'text', width: 24 },
    { key: 'action', header: '新增/改善', type: 'text', width: 10 },
    { key: 'count', header: '数量（个）', type: 'integer', width: 10 },
    { key: 'place', header: '楼栋单元', type: 'text', width: 14 },
    { key: 'completedOn', header: '完成日期', type: 'text', width: 12 },
    { key: 'remarks', header: '备注', type: 'text', width: 30 },
  ],
};

/** Write the sheet of every facility the list's filters select, in reach, and their total count. */
export async function exportFacilities(
  db: Db,
  principal: Principal,
  q: Omit<FacilityListQuery, 'page' | 'pageSize'>,
  target: NodeJS.WritableStream,
) {
  async function* rows() {
    let index = 0;
    let total = 0;
    for await (const f of allFacilities(db, principal, q)) {
      total += f.count;
      yield {
        ...f,
        index: ++index,
        action: actionLabels[f.action],
        place: f.buildingNumber ? `${f.buildingNumber}${f.unit ? ` ${f.unit}` : ''}` : null,
      };
    }
    yield { index: null, subdistrictName: '合计', count: total };
  }
  return writeSheet(target, facilitiesSheet, rows());
}
