/**
 * The programme as it stands: every completed project with its eight mandatory items, and the
 * 2023 batch under way with accountability, items, funding and a supervision ledger in which
 * some commitments are due soon and some overdue (dated from the day the demo is loaded).
 */
import { and, eq, inArray, isNull, notInArray, sql } from 'drizzle-orm';
import type { ProjectStatus } from '../../domain/inventory.js';
import { districtToday } from '../../domain/ledger.js';
import type { Tx } from '../db/client.js';
import {
  cadres,
  catalogueItems,
  compounds,
  ledgerItems,
  partyBodies,
  projectBatches,
  projectFunding,
  projectItems,
  projectMembers,
  projects,
  taskForces,
  units,
} from '../db/schema.js';

const batch2023: ProjectStatus[] = [
  'under_construction',
  'under_construction',
  'under_construction',
  'under_construction',
  'under_construction',
  'tendered',
  'tendered',
  'designed',
  'designed',
  'consulting',
  'consulting',
  'planned',
];
/** Projects past consultation have formed their temporary party organisation. */
const started = (s: ProjectStatus) => s !== 'planned' && s !== 'consulting';
/** How many of the letter's 95 temporary party organisations belong to the 2023 batch. */
export const reservedPartyOrgs = batch2023.filter(started).length;

const commitments = [
  '雨污分流管网接驳',
  '楼道修缮材料进场送检',
  '协调供电公司迁改架空线',
  '入户征求居民意见并公示',
  '车棚拆除重建方案报审',
  '隐蔽工程验收资料归档',
];
const unitTasks = ['汇总2023年改造项目质量抽检情况', '编制下一年度改造计划申报材料', '完成管线迁改资金审核'];
// Days from today: two seriously overdue, two overdue, one due soon, the rest ahead.
const offsets = [-12, -9, -4, -1, 2, 10, 20, 35];

const day = (today: string, offset: number) =>
  new Date(Date.parse(`${today}T00:00:00Z`) + offset * 86_400_000).toISOString().slice(0, 10);

export async function loadDemoProjects(tx: Tx, today = districtToday()): Promise<void> {
  const catalogue = await tx.select().from(catalogueItems);
  const mandatory = catalogue.filter((c) => c.mandatory);

  // Completed projects carried all eight mandatory items.
  const done = await tx.select({ id: projects.id }).from(projects);
  const rows = done.flatMap((p) =>
    mandatory.map((m) => ({
      projectId: p.id,
      catalogueItemId: m.id,
      progress: 100,
      status: 'done' as const,
    })),
  );
  for (let i = 0; i < rows.length; i += 1000) await tx.insert(projectItems).values(rows.slice(i, i + 1000));

  // What the completed projects cost, about 300 元/m² (万元), and who paid it: all received and spent.
  await tx.execute(sql`
    INSERT INTO ${projectFunding} (project_id, source, planned, received, spent)
    SELECT p.id, s.source, a.amount, a.amount, a.amount
    FROM ${projects} p JOIN ${compounds} c ON c.id = p.compound_id
    CROSS JOIN (VALUES ('central', 0.45), ('provincial', 0.10), ('city', 0.05), ('district', 0.20),
                       ('utilities', 0.12), ('residents', 0.08)) AS s(source, share)
    CROSS JOIN LATERAL (SELECT round((c.floor_area * 0.03 * s.share)::numeric, 2) AS amount) a`);

  const forces = await tx
    .select({ id: taskForces.id, code: taskForces.code })
    .from(taskForces)
    .orderBy(taskForces.sort);
  const [batch] = await tx
    .insert(projectBatches)
    .values({ name: '2023年第一批城镇老旧小区改造', year: 2023, regionCode: '410203', isDemo: true })
    .returning({ id: projectBatches.id });

  // The 2023 batch: old compounds in the old town not renovated yet.
  const taken = tx.select({ id: projects.compoundId }).from(projects);
  const candidates = await tx
    .select({ id: compounds.id, regionCode: compounds.regionCode })
    .from(compounds)
    .where(
      and(
        sql`${compounds.buildYear} < 2005`,
        notInArray(compounds.id, taken),
        sql`${compounds.regionCode} LIKE '41020300%'`,
      ),
    )
    .orderBy(compounds.code)
    .limit(batch2023.length);
  const free = (kind: string) =>
    tx
      .select({ id: partyBodies.id })
      .from(partyBodies)
      .where(and(eq(partyBodies.kind, kind), isNull(partyBodies.projectId)))
      .orderBy(partyBodies.name);
  const freeOrgs = await free('temp_party_org');
  const freeTeams = await free('commando_team');
  const counties = await tx.select({ id: cadres.id }).from(cadres).where(eq(cadres.level, 'county'));
  let n = 0;
  for (const [i, c] of candidates.entries()) {
    const status = batch2023[i] ?? 'planned';
    const street = c.regionCode.slice(0, 9);
    const local = await tx
      .select({ id: cadres.id, level: cadres.level })
      .from(cadres)
      .where(and(eq(cadres.regionCode, street), inArray(cadres.level, ['section', 'other'])))
      .limit(6);
    const section = local.find((l) => l.level === 'section');
    const others = local.filter((l) => l.level === 'other').slice(0, 3);
    const advanced = started(status);
    // Projects past consultation have their temporary party organisation (of the letter's 95).
    const org = advanced ? freeOrgs.shift() : undefined;
    const [p] = await tx
      .insert(projects)
      .values({
        compoundId: c.id,
        regionCode: c.regionCode,
        year: 2023,
        status,
        isDemo: true,
        liaisonCadreId: advanced ? counties[i % counties.length]?.id : null,
        cadreInChargeId: advanced ? section?.id : null,
        tempPartyOrgId: org?.id ?? null,
        batchId: batch?.id ?? null,
      })
      .returning({ id: projects.id });
    if (!p) continue;
    if (org) {
      await tx
        .update(partyBodies)
        .set({ projectId: p.id, regionCode: c.regionCode })
        .where(eq(partyBodies.id, org.id));
    }
    const team = freeTeams[i];
    if (team && advanced)
      await tx.update(partyBodies).set({ projectId: p.id }).where(eq(partyBodies.id, team.id));
    if (advanced && others.length)
      await tx.insert(projectMembers).values(others.map((o) => ({ projectId: p.id, cadreId: o.id })));
    if (advanced) {
      await tx.insert(projectItems).values(
        [...mandatory, ...catalogue.filter((x) => x.code === 'charging' || x.code === 'pocket_park')].map(
          (m, k) => ({
            projectId: p.id,
            catalogueItemId: m.id,
            budget: 20 + ((i * 7 + k * 13) % 60),
            progress: status === 'under_construction' ? (i * 17 + k * 11) % 90 : 0,
            status: status === 'under_construction' ? ('in_progress' as const) : ('planned' as const),
          }),
        ),
      );
      await tx.insert(projectFunding).values([
        {
          projectId: p.id,
          source: 'central',
          planned: 180 + i * 10,
          received: 120 + i * 5,
          spent: status === 'under_construction' ? 90 : 0,
        },
        {
          projectId: p.id,
          source: 'district',
          planned: 60,
          received: 60,
          spent: status === 'under_construction' ? 35 : 0,
        },
        { projectId: p.id, source: 'utilities', planned: 40, received: 10, spent: 0 },
        { projectId: p.id, source: 'residents', planned: 8, received: 3, spent: 0 },
      ]);
      for (let k = 0; k < 3; k++) {
        const owner = [section, ...others][k % (others.length + 1)];
        if (!owner) continue;
        await tx.insert(ledgerItems).values({
          title: commitments[(i + k) % commitments.length] ?? '推进改造',
          projectId: p.id,
          ownerCadreId: owner.id,
          deadline: day(today, offsets[n++ % offsets.length] ?? 10),
          priority: k === 0 ? 'high' : 'normal',
          regionCode: c.regionCode,
          taskForceId: forces[(i + k) % forces.length]?.id ?? null,
        });
      }
    }
  }

  // District units answer for district-wide work; the first one is already late.
  const leading = await tx.select({ id: units.id }).from(units).orderBy(units.name).limit(unitTasks.length);
  const engineering = forces.find((f) => f.code === 'engineering') ?? forces[0];
  for (const [k, unit] of leading.entries()) {
    await tx.insert(ledgerItems).values({
      title: unitTasks[k] ?? '推进改造',
      ownerUnitId: unit.id,
      deadline: day(today, [-5, 6, 25][k] ?? 10),
      priority: 'normal',
      regionCode: '410203',
      taskForceId: engineering?.id ?? null,
    });
  }
}
