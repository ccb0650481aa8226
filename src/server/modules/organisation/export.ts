/** The organisation registries as the sheets headquarters keeps (one registry per file). */
import type { registries } from '../../../contract/organisation.js';
import type { Db } from '../../db/client.js';
import type { Principal } from '../../platform/context.js';
import type { SheetSpec } from '../../platform/sheets/columns.js';
import { writeSheet } from '../../platform/sheets/write.js';
import {
  allCadres,
  allPartyBodies,
  listDepartments,
  listFirstSecretaries,
  listTaskForces,
  listUnits,
} from './queries.js';

type Registry = (typeof registries)[number];

const text = (key: string, header: string, width = 16) => ({ key, header, type: 'text' as const, width });
const seq = { key: 'seq', header: '序号', type: 'integer' as const, width: 6 };

export const registrySheets: Record<Registry, SheetSpec> = {
  task_forces: {
    kind: 'task-forces',
    sheetName: '工作专班',
    title: '城镇老旧小区改造指挥部工作专班',
    columns: [seq, text('name', '专班', 24), text('lead', '牵头部门', 24), text('members', '成员部门', 60)],
  },
  departments: {
    kind: 'departments',
    sheetName: '成员部门',
    title: '指挥部抽调部门',
    columns: [seq, text('name', '部门', 28), text('leads', '牵头专班', 24), text('memberOf', '参加专班', 40)],
  },
  units: {
    kind: 'units',
    sheetName: '责任单位',
    title: '下沉干部派出单位',
    columns: [
      seq,
      text('name', '单位', 30),
      text('leader', '负责人', 12),
      { key: 'cadres', header: '下沉干部数', type: 'integer', width: 12 },
    ],
  },
  cadres: {
    kind: 'cadres',
    sheetName: '下沉干部',
    title: '下沉党员干部名册',
    columns: [
      seq,
      text('name', '姓名', 12),
      text('level', '职级', 10),
      text('unit', '单位', 28),
      text('region', '工作区域', 14),
      text('superior', '上级', 12),
      text('phone', '联系电话', 16),
    ],
  },
  first_secretaries: {
    kind: 'first-secretaries',
    sheetName: '第一书记',
    title: '街道（乡）第一书记',
    columns: [seq, text('region', '街道（乡）', 16), text('cadre', '第一书记', 14)],
  },
  party_bodies: {
    kind: 'party-bodies',
    sheetName: '党组织阵地',
    title: '临时党组织、党员突击队、先锋岗、共建单位',
    columns: [
      seq,
      text('kind', '类别', 14),
      text('name', '名称', 30),
      text('region', '区域', 14),
      text('compound', '所在项目', 24),
    ],
  },
};

const levels: Record<string, string> = { county: '县级', section: '科级', other: '其他' };
const kinds: Record<string, string> = {
  temp_party_org: '临时党组织',
  commando_team: '党员突击队',
  vanguard_post: '党员先锋岗',
  co_building_unit: '共建单位',
};

async function* numbered(rows: AsyncIterable<Record<string, unknown>> | Iterable<Record<string, unknown>>) {
  let n = 0;
  for await (const r of rows) yield { seq: ++n, ...r };
}

async function* rowsOf(db: Db, principal: Principal, registry: Registry, withPhones: boolean) {
  switch (registry) {
    case 'task_forces':
      for (const f of await listTaskForces(db)) {
        yield { name: f.name, lead: f.lead?.name ?? '', members: f.members.map((m) => m.name).join('、') };
      }
      return;
    case 'departments':
      for (const d of await listDepartments(db)) {
        yield { name: d.name, leads: d.leads.join('、'), memberOf: d.memberOf.join('、') };
      }
      return;
    case 'units':
      for (let page = 1; ; page++) {
        const chunk = await listUnits(db, { page, pageSize: 100 });
        for (const u of chunk.items) yield { name: u.name, leader: u.leader?.name ?? '', cadres: u.cadres };
        if (page * 100 >= chunk.total) return;
      }
    case 'cadres':
      for await (const c of allCadres(db, principal, withPhones)) {
        yield {
          name: c.name,
          level: levels[c.level] ?? c.level,
          unit: c.unitName ?? '',
          region: c.regionName ?? c.regionCode,
          superior: c.superior?.name ?? '',
          phone: c.phone ?? '',
        };
      }
      return;
    case 'first_secretaries':
      for (const s of await listFirstSecretaries(db, principal)) {
        yield { region: s.subdistrictName, cadre: s.cadre?.name ?? '' };
      }
      return;
    case 'party_bodies':
      for await (const b of allPartyBodies(db, principal)) {
        yield {
          kind: kinds[b.kind] ?? b.kind,
          name: b.name,
          region: b.regionName ?? b.regionCode,
          compound: b.compoundName ?? '',
        };
      }
  }
}

/** Write one registry (the caller's scope) to a stream. Phones are masked unless `withPhones`. */
export function exportRegistry(
  db: Db,
  principal: Principal,
  registry: Registry,
  withPhones: boolean,
  target: NodeJS.WritableStream,
) {
  return writeSheet(target, registrySheets[registry], numbered(rowsOf(db, principal, registry, withPhones)));
}
