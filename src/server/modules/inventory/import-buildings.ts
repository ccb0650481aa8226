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
  changedCells,
  compareBatch,
  ending,
  givenCells,
  type KindImport,
  num,
  one,
  str,
  type WriterMode,
  whenChanged,
} from './import-core.js';
import { normaliseBuilding, sheetSpecs } from './sheets.js';

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
    writer: (tx, dbKind, mode) => buildingWriter(tx, dbKind, mode),
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

/** The same, with the sheet row, for a check's comparison. */
const checkedRows = recordset({
  row_no: 'int',
  compound_id: 'uuid',
  region_code: 'text',
  number: 'text',
  floors: 'int',
  unit_count: 'int',
  household_count: 'int',
  floor_area: 'numeric',
  build_year: 'int',
});
const spec = sheetSpecs.buildings;

/**
 * What an imported row (`excluded` in the write, `s` in a check) changes in a registered one; a
 * blank cell (or a column the sheet leaves out) keeps what is stored. A new building stores it as
 * null: not known (never 1 unit or 0 households).
 */
const updateFrom = (row: 'excluded' | 's') => {
  const r = (column: string) => sql.raw(`${row}.${column}`);
  return {
    floors: sql`coalesce(${r('floors')}, ${buildings.floors})`,
    unitCount: sql`coalesce(${r('unit_count')}, ${buildings.unitCount})`,
    householdCount: sql`coalesce(${r('household_count')}, ${buildings.householdCount})`,
    floorArea: sql`coalesce(${r('floor_area')}, ${buildings.floorArea})`,
    buildYear: sql`coalesce(${r('build_year')}, ${buildings.buildYear})`,
  };
};
const buildingUpdate = updateFrom('excluded');

async function buildingWriter(tx: Tx, dbKind: DbKind, mode: WriterMode) {
  const counts: Counts = { inserted: 0, updated: 0, unchanged: 0, createdBuildings: 0 };
  const sent = inFlight(dbKind);
  const label = (key: string) => {
    const column = spec.columns.find((c) => c.key === key);
    return column ? { header: column.header } : null;
  };
  // A check's rows by sheet row, for the preview: their labels and the cells the file gives.
  const shownRows = new Map<number, { label: string; values: Record<string, unknown> }>();
  const written = batches<Record<string, unknown>>(async (rows) => {
    if (mode.check) {
      const found = await compareBatch(tx, {
        source: checkedRows.select(rows),
        table: buildings,
        id: buildings.id,
        on: sql`${buildings.compoundId} = s.compound_id AND ${buildings.number} = s.number`,
        set: updateFrom('s'),
        sample: Math.max(mode.preview.room('added'), mode.preview.room('changed')),
      });
      counts.inserted += found.inserted;
      counts.updated += found.updated;
      counts.unchanged += rows.length - found.inserted - found.updated;
      for (const n of found.added) {
        const r = shownRows.get(n);
        if (r)
          mode.preview.add('added', { row: n, label: r.label, cells: givenCells(spec.columns, r.values) });
      }
      for (const c of found.changed)
        mode.preview.add('changed', {
          row: c.row_no,
          label: shownRows.get(c.row_no)?.label ?? '',
          cells: changedCells(c.old, c.new, label),
        });
      for (const r of rows) shownRows.delete(Number(r.row_no));
      return;
    }
    const statement = sql`WITH up AS (
        INSERT INTO ${buildings} (compound_id, region_code, number, floors, unit_count, household_count,
          floor_area, build_year)
        SELECT compound_id, region_code, number, floors, unit_count, household_count, floor_area, build_year
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
    add(c: BuildingRow) {
      if (mode.check && (mode.preview.room('added') > 0 || mode.preview.room('changed') > 0))
        shownRows.set(c.row, { label: `${c.compound.name} ${c.number}`, values: c.values });
      return written.push({
        row_no: c.row,
        compound_id: c.compound.id,
        region_code: c.compound.regionCode,
        number: c.number,
        floors: num(c.values.floors),
        unit_count: num(c.values.unitCount),
        household_count: num(c.values.householdCount),
        floor_area: num(c.values.floorArea),
        build_year: num(c.values.buildYear),
      });
    },
  };
}
