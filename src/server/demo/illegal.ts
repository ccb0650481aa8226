/**
 * Illegal structures: the 4,091 removed in the renovated compounds (2019–2022), each verified by
 * two independent measurements (some by a third after a disagreement), 68% by their owners and
 * the rest by enforcement after a notice, cleared at once; and the 2023 survey's structures still
 * under persuasion in the compounds whose households are registered, with cadres assigned per
 * building and their visits. Generated (seeded), written in bulk.
 */
import { randomUUID } from 'node:crypto';
import { eq, inArray, sql } from 'drizzle-orm';
import { defaultStructureTypes, type StructureStatus, type VisitOutcome } from '../../domain/illegal.js';
import { apportion } from '../../domain/inventory.js';
import { districtToday } from '../../domain/ledger.js';
import type { Tx } from '../db/client.js';
import {
  buildings,
  cadres,
  compounds,
  households,
  illegalAssignments,
  illegalMeasurements,
  illegalStructures,
  illegalVisits,
  projects,
} from '../db/schema.js';
import { suspendRowTriggers } from '../db/triggers.js';
import { insertRows, recordset } from '../platform/sheets/batches.js';
import { prng } from './district.js';
import { demoFigures } from './figures.js';
import type { DemoLoaded } from './load.js';

const surveyors = ['摸排组·张某', '摸排组·李某', '摸排组·王某', '摸排组·赵某', '摸排组·刘某', '摸排组·陈某'];
const legalBasis = '《中华人民共和国城乡规划法》第六十五条';
const addDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** The columns each table's rows are written with (by COPY on PGlite, unnested arrays on PostgreSQL). */
const structureColumns = recordset({
  id: 'uuid',
  compound_id: 'uuid',
  building_id: 'uuid',
  unit: 'text',
  household_id: 'uuid',
  region_code: 'text',
  type: 'text',
  location: 'text',
  survey_on: 'date',
  surveyor: 'text',
  owner_party_member: 'boolean',
  owner_public_employee: 'boolean',
  verified_area: 'numeric',
  status: 'text',
  notice_on: 'date',
  notice_deadline: 'date',
  removed_on: 'date',
  removed_by: 'text',
  legal_basis: 'text',
  cleared_on: 'date',
  is_demo: 'boolean',
});
const measurementColumns = recordset({
  structure_id: 'uuid',
  measured_by: 'text',
  measured_on: 'date',
  method: 'text',
  area: 'numeric',
});
const assignmentColumns = recordset({
  cadre_id: 'uuid',
  level: 'text',
  compound_id: 'uuid',
  building_id: 'uuid',
  region_code: 'text',
});
const visitColumns = recordset({
  structure_id: 'uuid',
  cadre_id: 'uuid',
  visited_on: 'date',
  outcome: 'text',
  notes: 'text',
});

interface StructureRow extends Record<string, unknown> {
  id: string;
  compound_id: string;
  building_id: string | null;
  household_id?: string;
  unit?: string;
  region_code: string;
  survey_on: string;
  status: StructureStatus;
}
type MeasurementRow = Record<string, unknown> & { area: number };

/** Two measurements (or three, the first pair disagreeing) whose agreed mean is exactly `area`. */
function measurementsOf(
  r: ReturnType<typeof prng>,
  structureId: string,
  area: number,
  on: string,
): MeasurementRow[] {
  const [a, b, c] = [r.pick(surveyors), r.pick(surveyors), r.pick(surveyors)];
  const second = b === a ? (surveyors[(surveyors.indexOf(a) + 1) % surveyors.length] ?? b) : b;
  const third = c === a ? (surveyors[(surveyors.indexOf(a) + 2) % surveyors.length] ?? c) : c;
  // ± up to 2% of the area, in hundredths: the two agree within 5% and their mean is `area`.
  const d = Math.floor(area * r.range(0, 2)) / 100;
  const row = (by: string, value: number, days: number): MeasurementRow => ({
    structure_id: structureId,
    measured_by: by,
    measured_on: addDays(on, days),
    method: r.next() < 0.7 ? 'tape' : 'laser',
    area: Math.round(value * 100) / 100,
  });
  if (r.next() < 0.12 && area > 2) {
    return [row(a, area + d, 1), row(second, area * 0.85, 3), row(third, area - d, 6)];
  }
  return [row(a, area + d, 1), row(second, area - d, 3)];
}

export async function loadDemoIllegal(tx: Tx, loaded: DemoLoaded, today = districtToday()): Promise<void> {
  const r = prng(16);
  const f = demoFigures;
  const renovated = await tx
    .select({ compoundId: projects.compoundId, regionCode: projects.regionCode, year: projects.year })
    .from(projects);
  const renovatedBuildings = await tx
    .select({ id: buildings.id, compoundId: buildings.compoundId })
    .from(buildings)
    .innerJoin(projects, eq(projects.compoundId, buildings.compoundId));
  const buildingsOf = new Map<string, string[]>();
  for (const b of renovatedBuildings)
    buildingsOf.set(b.compoundId, [...(buildingsOf.get(b.compoundId) ?? []), b.id]);

  // Removed: apportioned over the renovated compounds, areas to the hundredth adding up exactly.
  const perCompound = apportion(
    f.illegalRemoved,
    renovated.map(() => r.range(0.5, 1.5)),
  );
  const areas = apportion(
    Math.round(f.illegalRemovedArea * 100),
    Array.from({ length: f.illegalRemoved }, () => r.range(5, 60)),
  );
  const selfSet = new Set<number>();
  while (selfSet.size < f.illegalSelfRemoved) selfSet.add(Math.floor(r.next() * f.illegalRemoved));

  const structures: StructureRow[] = [];
  const measurements: MeasurementRow[] = [];
  let n = 0;
  renovated.forEach((p, ci) => {
    const blocks = buildingsOf.get(p.compoundId) ?? [];
    for (let k = 0; k < (perCompound[ci] ?? 0); k++, n++) {
      const id = randomUUID();
      const area = (areas[n] ?? 0) / 100;
      const surveyOn = addDays(`${p.year - 1}-10-01`, r.int(0, 150));
      const self = selfSet.has(n);
      const noticeOn = self && r.next() < 0.6 ? null : addDays(surveyOn, r.int(10, 20));
      const removedOn = addDays(noticeOn ?? surveyOn, r.int(12, 60));
      const typeAt = r.next();
      structures.push({
        id,
        compound_id: p.compoundId,
        building_id: typeAt < 0.85 ? (blocks.length ? r.pick(blocks) : null) : null,
        region_code: p.regionCode,
        type: defaultStructureTypes[Math.min(5, Math.floor(typeAt * 6))] ?? '其他',
        survey_on: surveyOn,
        surveyor: r.pick(surveyors),
        owner_party_member: r.next() < 0.05,
        owner_public_employee: r.next() < 0.03,
        verified_area: area,
        status: 'cleared',
        notice_on: noticeOn,
        notice_deadline: noticeOn ? addDays(noticeOn, 15) : null,
        removed_on: removedOn,
        removed_by: self ? 'owner' : 'enforcement',
        legal_basis: self ? null : legalBasis,
        cleared_on: addDays(removedOn, r.int(0, 2)),
        is_demo: true,
      });
      measurements.push(...measurementsOf(r, id, area, surveyOn));
    }
  });

  // Under persuasion: the compounds whose households are registered, cadres assigned per building.
  const homes = await tx
    .select({
      id: households.id,
      compoundId: households.compoundId,
      buildingId: households.buildingId,
      unit: households.unit,
      regionCode: households.regionCode,
    })
    .from(households)
    .where(inArray(households.compoundId, loaded.registeredSample))
    .orderBy(households.compoundId, households.buildingId, households.unit, households.room);
  const registered = [...new Set(homes.map((h) => h.compoundId))];
  const streetCadres = await tx
    .select({ id: cadres.id, regionCode: cadres.regionCode })
    .from(cadres)
    .where(sql`length(${cadres.regionCode}) = 9 AND ${cadres.level} = 'other'`)
    .orderBy(cadres.name);
  const registeredBuildings = await tx
    .select({ id: buildings.id, compoundId: buildings.compoundId, regionCode: compounds.regionCode })
    .from(buildings)
    .innerJoin(compounds, eq(compounds.id, buildings.compoundId))
    .where(
      inArray(
        buildings.compoundId,
        registered.length ? registered : ['00000000-0000-0000-0000-000000000000'],
      ),
    )
    .orderBy(buildings.compoundId, buildings.number);
  const assignments: {
    cadre_id: string;
    level: 'building';
    compound_id: string;
    building_id: string;
    region_code: string;
  }[] = [];
  registeredBuildings.forEach((b, i) => {
    const local = streetCadres.filter((c) => b.regionCode.startsWith(c.regionCode));
    const cadre = local[i % Math.max(local.length, 1)];
    if (!cadre) return;
    assignments.push({
      cadre_id: cadre.id,
      level: 'building',
      compound_id: b.compoundId,
      building_id: b.id,
      region_code: b.regionCode,
    });
  });
  const cadreOfBuilding = new Map(assignments.map((a) => [a.building_id, a.cadre_id]));

  const visits: Record<string, unknown>[] = [];
  const step = Math.max(1, Math.floor(homes.length / f.illegalOutstanding));
  for (let k = 0; k < f.illegalOutstanding && homes.length; k++) {
    const h = homes[(k * step) % homes.length];
    if (!h) continue;
    const id = randomUUID();
    const surveyOn = addDays(today, -r.int(20, 90));
    const stage = k % 8;
    // 0: one measurement; 1: two disagreeing; 2–5: verified; 6–7: verified and noticed.
    const area = Math.round(r.range(4, 30) * 100) / 100;
    const ms =
      stage === 0
        ? measurementsOf(r, id, area, surveyOn).slice(0, 1)
        : stage === 1
          ? measurementsOf(r, id, area, surveyOn)
              .slice(0, 2)
              .map((m, j) => (j === 1 ? { ...m, area: Math.round(area * 0.8 * 100) / 100 } : m))
          : measurementsOf(r, id, area, surveyOn);
    const verified = stage >= 2;
    const noticeOn = stage >= 6 ? addDays(surveyOn, 10) : null;
    const status: StructureStatus = noticeOn ? 'noticed' : verified ? 'verified' : 'surveyed';
    structures.push({
      id,
      compound_id: h.compoundId,
      building_id: h.buildingId,
      unit: h.unit,
      household_id: h.id,
      region_code: h.regionCode,
      type: defaultStructureTypes[k % 5] ?? '其他',
      location: k % 5 === 3 ? '楼顶平台' : '一层院内',
      survey_on: surveyOn,
      surveyor: r.pick(surveyors),
      owner_party_member: k % 11 === 0,
      owner_public_employee: k % 13 === 0,
      verified_area: verified ? area : null,
      status,
      notice_on: noticeOn,
      notice_deadline: noticeOn ? addDays(noticeOn, 30) : null,
      is_demo: true,
    });
    measurements.push(...ms);
    const cadreId = cadreOfBuilding.get(h.buildingId);
    if (!cadreId) continue;
    const outcomes: VisitOutcome[] = ['refused', 'hesitant', 'agreed'];
    for (let v = 0; v < 1 + (k % 3); v++) {
      visits.push({
        structure_id: id,
        cadre_id: cadreId,
        visited_on: addDays(surveyOn, 3 + v * 5),
        outcome: outcomes[Math.min(2, v + (k % 2))] ?? 'hesitant',
        notes: '入户宣讲拆违政策',
      });
    }
  }

  // Each table in one statement. Every reference was just read in this transaction, so the
  // per-row foreign-key triggers (most of the time on 9k measurements) are off meanwhile.
  const resume = await suspendRowTriggers(tx);
  await insertRows(tx, loaded.kind, illegalStructures, structureColumns, structures);
  await insertRows(tx, loaded.kind, illegalMeasurements, measurementColumns, measurements);
  await insertRows(tx, loaded.kind, illegalAssignments, assignmentColumns, assignments);
  await insertRows(tx, loaded.kind, illegalVisits, visitColumns, visits);
  await resume?.();
  Object.assign(loaded.counts, {
    illegalStructures: structures.length,
    illegalRemoved: f.illegalRemoved,
    illegalAssignments: assignments.length,
  });
}
