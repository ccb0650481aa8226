/**
 * The letter's service facilities on the renovated compounds (2019–2022), each dated in its
 * project's year: 71 party-mass activity rooms and home elderly-care stations built, 4 "safe
 * vegetables" shops cum government-service points, some childcare points, lifts added to
 * stairwell units, and chargers, sheds, fitness equipment and the rest, 8,634 facilities in all
 * ("8600余个"). Generated (seeded), in a stable order of compounds.
 */
import { asc, eq, inArray } from 'drizzle-orm';
import type { FacilityAction, FacilityGroup } from '../../domain/facilities.js';
import type { Tx } from '../db/client.js';
import { buildings, compounds, facilities, projects } from '../db/schema.js';
import { prng } from './district.js';
import { demoFigures } from './figures.js';
import type { DemoLoaded } from './load.js';

type Row = typeof facilities.$inferInsert;

/** The facilities' counts in the demo, beside the letter's figures in `demoFigures`. */
export const demoFacilities = {
  /** Of the letter's 71 rooms and stations, the party-mass activity rooms; the rest are elderly-care stations. */
  activityRooms: 48,
  elderlyCareStations: demoFigures.activityRooms - 48,
  childcarePoints: 6,
  lifts: 12,
} as const;

export async function loadDemoFacilities(tx: Tx, loaded: DemoLoaded): Promise<void> {
  if (loaded.renovations.length === 0) return;
  const r = prng(8600);
  const renovated = await tx
    .select({
      projectId: projects.id,
      compoundId: projects.compoundId,
      regionCode: projects.regionCode,
      year: projects.year,
    })
    .from(projects)
    .innerJoin(compounds, eq(compounds.id, projects.compoundId))
    .where(
      inArray(
        projects.id,
        loaded.renovations.map((p) => p.id),
      ),
    )
    .orderBy(asc(compounds.regionCode), asc(compounds.code), asc(projects.year));
  const n = renovated.length;
  const rows: Row[] = [];
  const add = (
    i: number,
    type: string,
    group: FacilityGroup,
    action: FacilityAction,
    count: number,
    extra: Partial<Row> = {},
  ) => {
    const p = renovated[i % n] as (typeof renovated)[number];
    const month = String(r.int(5, 11)).padStart(2, '0');
    const day = String(r.int(1, 28)).padStart(2, '0');
    rows.push({
      compoundId: p.compoundId,
      projectId: p.projectId,
      regionCode: p.regionCode,
      type,
      typeGroup: group,
      count,
      action,
      completedOn: `${p.year}-${month}-${day}`,
      isDemo: true,
      ...extra,
    });
  };

  // Rooms, stations, shops and childcare points, one each, spread over the compounds by strides
  // prime to their number, so no compound gets two of a kind.
  for (let i = 0; i < demoFacilities.activityRooms; i++)
    add(i * 17, '党群活动室', 'activity_room', 'added', 1);
  for (let i = 0; i < demoFacilities.elderlyCareStations; i++)
    add(i * 29 + 5, '居家养老服务站', 'elderly_care', 'added', 1);
  for (let i = 0; i < demoFigures.serviceShops; i++)
    add(i * 34 + 3, '放心蔬菜示范店暨政务服务代办点', 'service_shop', 'added', 1, {
      remarks: '“放心蔬菜进社区”示范店暨“政务服务进小区”代办点',
    });
  for (let i = 0; i < demoFacilities.childcarePoints; i++) add(i * 22 + 9, '托育点', 'childcare', 'added', 1);

  // Lifts, each in a stairwell unit of the compound's first building.
  const liftCompounds = Array.from({ length: demoFacilities.lifts }, (_, i) => (i * 11 + 2) % n);
  const firstBuildings = await tx
    .selectDistinctOn([buildings.compoundId], {
      id: buildings.id,
      compoundId: buildings.compoundId,
      units: buildings.unitCount,
    })
    .from(buildings)
    .where(
      inArray(
        buildings.compoundId,
        liftCompounds.map((i) => (renovated[i] as (typeof renovated)[number]).compoundId),
      ),
    )
    .orderBy(asc(buildings.compoundId), asc(buildings.number));
  const buildingOf = new Map(firstBuildings.map((b) => [b.compoundId, b]));
  for (const [k, i] of liftCompounds.entries()) {
    const building = buildingOf.get((renovated[i] as (typeof renovated)[number]).compoundId);
    if (!building) continue;
    const unit = (k % Math.max(1, building.units ?? 1)) + 1;
    add(i, '加装电梯', 'lift', 'added', 1, { buildingId: building.id, unit: `${unit}单元` });
  }

  // Convenience facilities on every compound.
  for (let i = 0; i < n; i++) {
    add(i, '充电桩', 'other', 'added', r.int(18, 36));
    add(i, '健身器材', 'other', 'added', r.int(6, 16));
    add(i, '无障碍设施', 'other', 'added', r.int(4, 12));
    add(i, '车棚', 'other', 'improved', r.int(1, 4));
    add(i, '智能快递柜', 'other', 'added', r.int(1, 3));
    if (i % 5 === 0) add(i, '口袋公园', 'other', 'added', 1);
  }
  // The rest (street lamps, benches, notice boards …) brings the total to the letter's "8600余个".
  const sofar = rows.reduce((sum, row) => sum + row.count, 0);
  const rest = demoFigures.facilities - sofar;
  if (rest < n) throw new Error(`demo facilities: ${sofar} leave too few for the rest`);
  for (let i = 0; i < n; i++)
    add(i, '其他', 'other', 'improved', Math.floor(rest / n) + (i < rest % n ? 1 : 0), {
      remarks: '路灯、休闲座椅、宣传栏等',
    });

  for (let i = 0; i < rows.length; i += 500) await tx.insert(facilities).values(rows.slice(i, i + 500));
  loaded.counts.facilities = rows.length;
}
