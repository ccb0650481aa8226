/**
 * The survey sheet's import (违建调查表), run by the inventory's import engine (all or nothing,
 * problems by sheet, row and column, a check before the write). A row registers a structure
 * where the sheet places it, with the sheet's measurements and, for one already taken down, its
 * removal — under the same rules as the register's forms: a known type, a household in the
 * structure's compound, areas above zero, removal only once verified and not before the survey,
 * enforcement with its legal basis. A row at a household already holding a structure of the same
 * type is added flagged and linked to it (as the form does); the same survey imported again
 * (same household, type, day and surveyor) is left as it is.
 */
import { randomUUID } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import {
  type Measurement,
  type MeasurementMethod,
  type Remover,
  statusOf,
  stepProblem,
  verify,
} from '../../../domain/illegal.js';
import type { Db, DbKind, Tx } from '../../db/client.js';
import { buildings, households, illegalMeasurements, illegalStructures } from '../../db/schema.js';
import { illegalSettings } from '../../platform/settings.js';
import { batches, inFlight, insertRows, recordset } from '../../platform/sheets/batches.js';
import type { SheetRow } from '../../platform/sheets/read.js';
import {
  type CheckTools,
  type CompoundRef,
  type Counts,
  ending,
  givenCells,
  type KindImport,
  num,
  type RowProblem,
  str,
  type WriterMode,
} from '../inventory/import-core.js';
import { normaliseBuilding, normaliseUnit } from '../inventory/sheets.js';
import { surveySheet } from './sheets.js';

/** A checked survey row, ready to write. */
export interface SurveyRow {
  row: number;
  values: Record<string, unknown>;
  label: string;
  compound: CompoundRef;
  buildingId: string | null;
  unit: string | null;
  householdId: string | null;
  type: string;
  /** The structure registered earlier at the same household with the same type, if any. */
  linkTo: string | null;
  /** The same survey is already registered: nothing to write. */
  unchanged: boolean;
  measurements: (Measurement & { on: string })[];
  verifiedArea: number | null;
  removedOn: string | null;
  removedBy: Remover | null;
  legalBasis: string | null;
}

/** What a compound holds that rows are placed in and compared with: loaded once per compound. */
interface CompoundPlaces {
  buildings: Map<string, string>;
  /** "building id|unit|room" → household id. */
  households: Map<string, { id: string; buildingId: string; unit: string }>;
  /** "household id|type" → the first structure registered there (not itself a duplicate). */
  structures: Map<string, { id: string; surveyOn: string; surveyor: string }>;
}

async function placesOf(db: Db | Tx, compoundId: string): Promise<CompoundPlaces> {
  const [b, h, s] = await Promise.all([
    db
      .select({ id: buildings.id, number: buildings.number })
      .from(buildings)
      .where(eq(buildings.compoundId, compoundId)),
    db
      .select({
        id: households.id,
        buildingId: households.buildingId,
        unit: households.unit,
        room: households.room,
      })
      .from(households)
      .where(eq(households.compoundId, compoundId)),
    db
      .select({
        id: illegalStructures.id,
        householdId: illegalStructures.householdId,
        type: illegalStructures.type,
        surveyOn: illegalStructures.surveyOn,
        surveyor: illegalStructures.surveyor,
        createdAt: illegalStructures.createdAt,
      })
      .from(illegalStructures)
      .where(and(eq(illegalStructures.compoundId, compoundId), isNull(illegalStructures.duplicateOf))),
  ]);
  const structures = new Map<string, { id: string; surveyOn: string; surveyor: string }>();
  // The earliest registered is the one others link to, as the form links them.
  for (const r of [...s].sort((x, y) => x.createdAt.getTime() - y.createdAt.getTime())) {
    const key = `${r.householdId}|${r.type}`;
    if (r.householdId && !structures.has(key)) structures.set(key, r);
  }
  return {
    buildings: new Map(b.map((r) => [r.number, r.id])),
    households: new Map(h.map((r) => [`${r.buildingId}|${r.unit}|${r.room}`, r])),
    structures,
  };
}

const yes = (v: unknown) => v === 'yes';

/** The survey sheet's checks and writer, over the engine's shared checks. */
export async function surveyImport(
  db: Db,
  tools: CheckTools,
  problem: RowProblem,
  createdBy: string | null,
): Promise<KindImport<SurveyRow>> {
  const { types, tolerancePercent } = await illegalSettings(db);
  const places = new Map<string, Promise<CompoundPlaces>>();
  const placesIn = (into: Db | Tx, compoundId: string) => {
    let p = places.get(compoundId);
    if (!p) {
      p = placesOf(into, compoundId);
      places.set(compoundId, p);
    }
    return p;
  };

  /** The measurements a row gives: each needs both its measurer and its area. */
  const measurementsOf = (row: SheetRow, surveyOn: string) => {
    const out: (Measurement & { on: string })[] = [];
    let ok = true;
    const secondOn = (row.values.measuredOn2 as string | null) ?? surveyOn;
    if (secondOn < surveyOn) {
      problem(row, 'measuredOn2', 'before_survey', { value: secondOn, survey: surveyOn });
      ok = false;
    }
    for (const [by, area, on] of [
      ['measuredBy1', 'area1', surveyOn],
      ['measuredBy2', 'area2', secondOn],
    ] as const) {
      const who = str(row.values[by]);
      const m2 = num(row.values[area]);
      if (m2 !== null && !who) {
        problem(row, by, 'measurer_required', {});
        ok = false;
      } else if (who && m2 === null) {
        problem(row, area, 'area_required', {});
        ok = false;
      } else if (who && m2 !== null) out.push({ by: who, area: Math.round(m2 * 100) / 100, on });
    }
    return ok ? out : null;
  };

  return {
    async check(row: SheetRow, into: Db | Tx): Promise<SurveyRow | null> {
      const compound = tools.compoundOf(row);
      const type = str(row.values.type);
      const surveyOn = row.values.surveyOn as string;
      let ok = compound !== null;
      if (!types.includes(type)) {
        problem(row, 'type', 'unknown_type', { value: type, options: types.join('、') });
        ok = false;
      }
      const measurements = measurementsOf(row, surveyOn);
      if (!measurements) ok = false;
      const outcome = verify(measurements ?? [], tolerancePercent);
      const verifiedArea = outcome.state === 'verified' ? outcome.area : null;

      // Removal: under the register's rules for the step, on what the row itself establishes.
      const removedOn = (row.values.removedOn as string | null) ?? null;
      const removedBy = (row.values.removedBy as Remover | null) ?? null;
      const legalBasis = str(row.values.legalBasis) || null;
      if (removedOn && !removedBy) {
        problem(row, 'removedBy', 'remover_required', {});
        ok = false;
      } else if (removedBy && !removedOn) {
        problem(row, 'removedOn', 'removal_date_required', {});
        ok = false;
      } else if (removedOn && removedBy) {
        const facts = { verifiedArea, noticeOn: null, removedOn: null, clearedOn: null, surveyOn };
        const refused = stepProblem(facts, { kind: 'remove', on: removedOn, by: removedBy, legalBasis });
        if (refused === 'legal_basis_required') problem(row, 'legalBasis', 'legal_basis_required', {});
        else if (refused === 'before_survey')
          problem(row, 'removedOn', 'before_survey', { value: removedOn, survey: surveyOn });
        else if (refused === 'not_verified')
          problem(row, 'removedOn', 'removed_unverified', { tolerance: tolerancePercent });
        if (refused) ok = false;
      }
      if (!compound) return null;

      // Where in the compound: a room needs its building and unit, and must be there.
      const buildingText = str(row.values.building);
      const unitText = str(row.values.unit);
      const roomText = str(row.values.room);
      const number = buildingText ? normaliseBuilding(buildingText) : '';
      const unit = unitText ? normaliseUnit(unitText) : '';
      const at = `${number}${unit}${roomText}`;
      let buildingId: string | null = null;
      let householdId: string | null = null;
      let linkTo: string | null = null;
      let unchanged = false;
      if ((roomText && !(number && unit)) || (unit && !number)) {
        problem(row, number ? 'unit' : 'building', 'place_incomplete', {});
        return null;
      }
      if (number) {
        const place = await placesIn(into, compound.id);
        buildingId = place.buildings.get(number) ?? null;
        if (!buildingId) {
          problem(row, 'building', 'not_in_compound', { compound: compound.name, value: number });
          return null;
        }
        if (roomText) {
          const household = place.households.get(`${buildingId}|${unit}|${roomText}`);
          if (!household) {
            problem(row, 'room', 'not_in_compound', { compound: compound.name, value: at });
            return null;
          }
          householdId = household.id;
          if (tools.duplicate(row, `${householdId}|${type}`, 'room', `${at} ${type}`)) return null;
          const earlier = place.structures.get(`${householdId}|${type}`);
          if (earlier) {
            unchanged = earlier.surveyOn === surveyOn && earlier.surveyor === str(row.values.surveyor);
            linkTo = unchanged ? null : earlier.id;
          }
        }
      }
      if (!ok) return null;
      return {
        row: row.row,
        values: row.values,
        label: `${compound.name} ${at} ${type}`.replace(/\s+/g, ' '),
        compound,
        buildingId,
        unit: unit || null,
        householdId,
        type,
        linkTo,
        unchanged,
        measurements: measurements ?? [],
        verifiedArea,
        removedOn,
        removedBy,
        legalBasis: removedBy === 'enforcement' ? legalBasis : null,
      };
    },
    writer: (tx, dbKind, mode) => surveyWriter(tx, dbKind, mode, createdBy),
  };
}

const structureRows = recordset({
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
  duplicate_of: 'uuid',
  verified_area: 'numeric',
  status: 'text',
  removed_on: 'date',
  removed_by: 'text',
  legal_basis: 'text',
  created_by: 'uuid',
});
const measurementRows = recordset({
  structure_id: 'uuid',
  measured_by: 'text',
  measured_on: 'date',
  method: 'text',
  area: 'numeric',
  created_by: 'uuid',
});

/**
 * Survey rows in batches: each batch's structures, then their measurements (ids made here, so
 * the two go at once). A check writes nothing: every row is new or linked, or already there.
 */
async function surveyWriter(tx: Tx, dbKind: DbKind, mode: WriterMode, createdBy: string | null) {
  const counts: Counts & { linked: number } = {
    inserted: 0,
    updated: 0,
    unchanged: 0,
    createdBuildings: 0,
    linked: 0,
  };
  const sent = inFlight(dbKind);
  const written = batches<SurveyRow>(async (rows) => {
    if (mode.check) return;
    const structures: Record<string, unknown>[] = [];
    const measured: Record<string, unknown>[] = [];
    for (const r of rows) {
      const id = randomUUID();
      structures.push({
        id,
        compound_id: r.compound.id,
        building_id: r.buildingId,
        unit: r.unit,
        household_id: r.householdId,
        region_code: r.compound.regionCode,
        type: r.type,
        location: str(r.values.location) || null,
        survey_on: r.values.surveyOn,
        surveyor: str(r.values.surveyor),
        owner_party_member: yes(r.values.ownerPartyMember),
        owner_public_employee: yes(r.values.ownerPublicEmployee),
        duplicate_of: r.linkTo,
        verified_area: r.verifiedArea,
        status: statusOf({
          verifiedArea: r.verifiedArea,
          noticeOn: null,
          removedOn: r.removedOn,
          clearedOn: null,
        }),
        removed_on: r.removedOn,
        removed_by: r.removedBy,
        legal_basis: r.legalBasis,
        created_by: createdBy,
      });
      const method: MeasurementMethod = (r.values.method as MeasurementMethod | null) ?? 'other';
      for (const m of r.measurements)
        measured.push({
          structure_id: id,
          measured_by: m.by,
          measured_on: m.on,
          method,
          area: m.area,
          created_by: createdBy,
        });
    }
    await sent.send(() => insertRows(tx, dbKind, illegalStructures, structureRows, structures));
    await sent.send(() => insertRows(tx, dbKind, illegalMeasurements, measurementRows, measured));
  });
  return {
    counts: () => ({ ...counts }),
    ...ending(written, sent),
    add(r: SurveyRow) {
      if (r.unchanged) {
        counts.unchanged++;
        return undefined;
      }
      counts.inserted++;
      if (r.linkTo) counts.linked++;
      if (mode.check) {
        const cells = givenCells(surveySheet.columns, r.values);
        mode.preview.add('added', { row: r.row, label: r.linkTo ? `${r.label} ⇄` : r.label, cells });
      }
      return written.push(r);
    },
  };
}
