/** The building ledger's import: a row names a registered compound and a building number in it. */
import { sql } from 'drizzle-orm';
import type { DbKind, Tx } from '../../db/client.js';
import { buildings } from '../../db/schema.js';
import { batches, inFlight, recordset } from '../../platform/sheets/batches.js';
import type { SheetRow } from '../../platform/sheets/read.js';
import {
  assignments,
  type CheckTools,
  type CompoundRef,
  type Counts,
  ending,
  type KindImport,
  num,
  one,
  str,
  whenChanged,
} from './import-core.js';
import { normaliseBuilding } from './sheets.js';

/** A checked building row, ready to write. */
export interface BuildingRow {
  row: number;
  compound: CompoundRef;
  number: string;
  values: Record<string, unknown>;
}

export function buildingsImport(tools: CheckTools): KindImport<BuildingRow> {
  const { duplicate, compoundOf } = tools;
  return {
    check(row: SheetRow): BuildingRow | null {
      const compound = compoundOf(row);
      if (!compound) return null;
      const number = normaliseBuilding(str(row.values.number));
      if (duplicate(row, `${compound.id}|${number}`, 'number', `${compound.name} ${number}`)) return null;
      return { row: row.row, compound, number, values: row.values };
    },
    writer: buildingWriter,
  };
}

const buildingRows = recordset({
  compound_id: 'uuid',
  region_code: 'text',
  number: 'text',
  floors: 'int',
  unit_count: 'int',
  household_count: 'int',
  floor_area: 'numeric',
  build_year: 'int',
});

// What an imported row (`excluded`) changes in a registered one; a blank cell (or a column the sheet leaves out) keeps what is stored.
const buildingUpdate = {
  floors: sql`coalesce(excluded.floors, ${buildings.floors})`,
  unitCount: sql`excluded.unit_count`,
  householdCount: sql`excluded.household_count`,
  floorArea: sql`coalesce(excluded.floor_area, ${buildings.floorArea})`,
  buildYear: sql`coalesce(excluded.build_year, ${buildings.buildYear})`,
};

async function buildingWriter(tx: Tx, dbKind: DbKind) {
  const counts: Counts = { inserted: 0, updated: 0, unchanged: 0, createdBuildings: 0 };
  const sent = inFlight(dbKind);
  const written = batches<Record<string, unknown>>(async (rows) => {
    const statement = sql`WITH up AS (
        INSERT INTO ${buildings} (compound_id, region_code, number, floors, unit_count, household_count,
          floor_area, build_year)
        SELECT compound_id, region_code, number, floors, coalesce(unit_count, 1),
          coalesce(household_count, 0), floor_area, build_year
        FROM (${buildingRows.select(rows)}) s
        ON CONFLICT (compound_id, number) DO UPDATE
          SET ${assignments(buildings, buildingUpdate)}, version = ${buildings.version} + 1
          WHERE ${whenChanged(buildings, buildingUpdate)}
        RETURNING (xmax = 0) AS inserted)
      SELECT count(*) FILTER (WHERE inserted)::int AS inserted,
        count(*) FILTER (WHERE NOT inserted)::int AS updated FROM up`;
    await sent.send(() =>
      one(tx, statement).then((r) => {
        counts.inserted += r.inserted ?? 0;
        counts.updated += r.updated ?? 0;
        counts.unchanged += rows.length - (r.inserted ?? 0) - (r.updated ?? 0);
      }),
    );
  });
  return {
    counts: () => ({ ...counts }),
    ...ending(written, sent),
    add: (c: BuildingRow) =>
      written.push({
        compound_id: c.compound.id,
        region_code: c.compound.regionCode,
        number: c.number,
        floors: num(c.values.floors),
        unit_count: num(c.values.unitCount),
        household_count: num(c.values.householdCount),
        floor_area: num(c.values.floorArea),
        build_year: num(c.values.buildYear),
      }),
  };
}
