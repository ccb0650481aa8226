/**
 * The demo district's command structure and party bodies, reproducing the letter's counts.
 * Task force names are the letter's; department and unit names are the usual ones of a
 * Chinese district government; every person is invented and marked as demo.
 */
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { apportion } from '../../domain/inventory.js';
import type { Tx } from '../db/client.js';
import {
  cadres,
  departments,
  firstSecretaries,
  partyBodies,
  projectMembers,
  projects as projectsTable,
  taskForceMembers,
  taskForces,
  units,
} from '../db/schema.js';
import { demoSubdistricts, organisationFigures as f } from './figures.js';
import { reservedPartyOrgs } from './projects.js';

/** Temporary party organisations formed and waiting for a project (so a new project can take one). */
const spareParty = 5;

const departmentNames = [
  '区委组织部',
  '区委宣传部',
  '区委政法委',
  '区发展和改革委员会',
  '区财政局',
  '区住房和城乡建设局',
  '自然资源和规划局顺河分局',
  '区城市管理局',
  '区民政局',
  '区市场监督管理局',
  '区司法局',
  '区应急管理局',
  '区卫生健康委员会',
  '区商务局',
  '区人力资源和社会保障局',
  '区大数据管理中心',
  '区房屋征收与补偿办公室',
  '区审计局',
];
const otherUnitNames = [
  '区委办公室',
  '区政府办公室',
  '区纪委监委',
  '区委统战部',
  '区人大常委会办公室',
  '区政协办公室',
  '区委编办',
  '区教育体育局',
  '区文化广电和旅游局',
  '区农业农村局',
  '区水利局',
  '区退役军人事务局',
  '区统计局',
  '区信访局',
  '区医疗保障局',
  '区机关事务中心',
  '区总工会',
  '团区委',
  '区妇联',
  '区科协',
  '区残联',
  '区工商联',
  '区红十字会',
  '区档案馆',
  '区融媒体中心',
  '区行政审批和政务信息管理局',
  '区城市管理综合执法大队',
  '区住房保障中心',
  '区公共资源交易中心',
  '区国有资产服务中心',
  '区投资促进中心',
  '区园林绿化中心',
  '区环卫中心',
  '区市政工程管理处',
  '区疾病预防控制中心',
  '区妇幼保健院',
  '区人民医院',
  '区社会保险中心',
  '区就业创业服务中心',
  '区老干部局',
];
const surnames = [
  '王',
  '李',
  '张',
  '刘',
  '陈',
  '杨',
  '赵',
  '黄',
  '周',
  '吴',
  '徐',
  '孙',
  '马',
  '朱',
  '胡',
  '郭',
];
const given = [
  '建国',
  '志强',
  '红梅',
  '海燕',
  '卫东',
  '春生',
  '丽娟',
  '国庆',
  '秀英',
  '振华',
  '晓明',
  '玉兰',
];

/** Load the organisation into the demo transaction; party bodies attach to the given projects. */
export async function loadDemoOrganisation(
  tx: Tx,
  projects: { id: string; regionCode: string }[],
): Promise<void> {
  const depts = await tx
    .insert(departments)
    .values(
      departmentNames.slice(0, f.pooledDepartments).map((name) => ({ name, pooled: true, isDemo: true })),
    )
    .returning({ id: departments.id });
  const forces = await tx
    .insert(taskForces)
    .values(
      f.taskForces.map(([code, name], i) => ({
        code,
        name,
        sort: i + 1,
        leadDepartmentId: depts[i % depts.length]?.id,
      })),
    )
    .returning({ id: taskForces.id });
  // Every pooled department serves in two task forces: its own lead and one more.
  await tx
    .insert(taskForceMembers)
    .values(
      depts.flatMap((d, i) => [
        { taskForceId: forces[i % forces.length]?.id ?? '', departmentId: d.id },
        { taskForceId: forces[(i + 4) % forces.length]?.id ?? '', departmentId: d.id },
      ]),
    )
    .onConflictDoNothing();
  const unitRows = await tx
    .insert(units)
    .values([...departmentNames, ...otherUnitNames].slice(0, f.units).map((name) => ({ name, isDemo: true })))
    .returning({ id: units.id });

  // 864 cadres: county-level leads, section-level cadres in charge, and the rest.
  const levels = apportion(f.cadres, [1, 8, 15]);
  const [county = 0, section = 0] = levels;
  const streets = demoSubdistricts.map((s) => s.code);
  const ids = Array.from({ length: f.cadres }, () => randomUUID());
  const levelOf = (i: number) => (i < county ? 'county' : i < county + section ? 'section' : 'other');
  // Section-level cadres report to a county-level one, the rest to a section-level one.
  const superiorOf = (i: number) =>
    levelOf(i) === 'section'
      ? ids[i % county]
      : levelOf(i) === 'other'
        ? ids[county + (i % section)]
        : undefined;
  await tx.insert(cadres).values(
    ids.map((id, i) => ({
      id,
      name: `示例·${surnames[i % surnames.length]}${given[Math.floor(i / surnames.length) % given.length]}`,
      level: levelOf(i),
      unitId: unitRows[i % unitRows.length]?.id,
      phone: `139${String(41_020_300 + i).padStart(8, '0')}`,
      regionCode: levelOf(i) === 'county' ? '410203' : (streets[i % streets.length] ?? '410203'),
      superiorId: superiorOf(i) ?? null,
      isDemo: true,
    })),
  );
  // Each unit is led by its most senior cadre (cadre i serves unit i mod 58).
  for (const [u, unit] of unitRows.entries()) {
    await tx.update(units).set({ leaderCadreId: ids[u] }).where(eq(units.id, unit.id));
  }
  const counties = ids.slice(0, county).map((id) => ({ id }));
  await tx
    .insert(firstSecretaries)
    .values(streets.map((code, i) => ({ regionCode: code, cadreId: counties[i]?.id ?? '' })));

  // The last `reserved` temporary party organisations are not yet serving a project: the 2023
  // batch takes some (demo/projects.ts); the rest wait, district-wide, for the next project.
  const bodies = (kind: string, count: number, label: string, attach: boolean, reserved = 0) =>
    Array.from({ length: count }, (_, i) => {
      const waiting = attach && i >= count - reserved;
      const project = attach && !waiting ? projects[i % projects.length] : undefined;
      return {
        kind,
        name: `示例·${label}${i + 1}`,
        projectId: project?.id ?? null,
        regionCode: project?.regionCode ?? (waiting ? '410203' : (streets[i % streets.length] ?? '410203')),
        isDemo: true,
      };
    });
  const all = [
    ...bodies('temp_party_org', f.tempPartyOrgs, '临时党支部', true, reservedPartyOrgs + spareParty),
    ...bodies('commando_team', f.commandoTeams, '党员突击队', true),
    ...bodies('vanguard_post', f.vanguardPosts, '党员先锋岗', false),
    ...bodies('co_building_unit', f.coBuildingUnits, '共建单位', false),
  ];
  const created: { id: string; kind: string; projectId: string | null }[] = [];
  for (let i = 0; i < all.length; i += 500) {
    created.push(
      ...(await tx
        .insert(partyBodies)
        .values(all.slice(i, i + 500))
        .returning({ id: partyBodies.id, kind: partyBodies.kind, projectId: partyBodies.projectId })),
    );
  }

  // Every completed project had its named accountability: a county-level liaison, a
  // section-level cadre in charge, a work group, and (for 95 of them) a temporary party organisation.
  const partyOrgOf = new Map(
    created.filter((b) => b.kind === 'temp_party_org').map((b) => [b.projectId, b.id]),
  );
  for (const [i, p] of projects.entries()) {
    await tx
      .update(projectsTable)
      .set({
        liaisonCadreId: ids[i % county],
        cadreInChargeId: ids[county + (i % section)],
        tempPartyOrgId: partyOrgOf.get(p.id) ?? null,
      })
      .where(eq(projectsTable.id, p.id));
  }
  const others = ids.slice(county + section);
  await tx
    .insert(projectMembers)
    .values(
      projects.flatMap((p, i) =>
        [0, 1, 2].map((k) => ({ projectId: p.id, cadreId: others[(i * 3 + k) % others.length] ?? '' })),
      ),
    );
}
