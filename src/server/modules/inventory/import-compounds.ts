/**
 * The compound ledger's import: a row names its subdistrict (and community), is matched to a
 * registered compound by code, else by subdistrict + name, and a new one is given the
 * subdistrict's next code when the file gives none.
 */
import { sql } from 'drizzle-orm';
import type { DbKind, Tx } from '../../db/client.js';
import { compounds } from '../../db/schema.js';
import { idSequence } from '../../platform/ids.js';
import { batches, inFlight, insertRows, recordset } from '../../platform/sheets/batches.js';
import type { SheetRow } from '../../platform/sheets/read.js';
import {
  assignments,
  type CheckTools,
  type CompoundRef,
  type Counts,
  changedCells,
  compareBatch,
  ending,
  enumLabel,
  givenCells,
  type KindImport,
  num,
  one,
  type References,
  type RowProblem,
  str,
  type WriterMode,
  whenChanged,
} from './import-core.js';
import { sheetSpecs } from './sheets.js';

/** A checked compound row, ready to write. */
export interface CompoundRow {
  row: number;
  existing: CompoundRef | null;
  /** A new compound's code, as the file gives it or made for it. */
  code: string | null;
  regionCode: string;
  values: Record<string, unknown>;
  /** The build year is approximate ("约1990年", "90年代"). */
  approx: boolean;
}

export function compoundsImport(
  refs: References,
  tools: CheckTools,
  problem: RowProblem,
): KindImport<CompoundRow> {
  const { seen, duplicate, allowed } = tools;

  // Codes for new compounds the file gives none: the subdistrict's next number after those
  // registered, and after those the file gives or this import has given so far.
  const lastNumber = new Map<string, number>();
  const generated = new Map<string, string>(); // code → the compound given it
  const newCode = (subdistrictCode: string, name: string) => {
    let n = lastNumber.get(subdistrictCode);
    if (n === undefined) {
      n = 0;
      for (const code of refs.byCode.keys()) {
        const [sub, number] = code.split('-');
        if (sub === subdistrictCode && number && /^\d+$/.test(number)) n = Math.max(n, Number(number));
      }
    }
    let code: string;
    do {
      n++;
      code = `${subdistrictCode}-${String(n).padStart(3, '0')}`;
    } while (seen.has(`code:${code}`));
    lastNumber.set(subdistrictCode, n);
    generated.set(code, name);
    return code;
  };

  return {
    check(row: SheetRow): CompoundRow | null {
      const v = row.values;
      const name = str(v.name);
      const code = str(v.code);
      const subName = str(v.subdistrict);
      const existingByCode = code ? refs.byCode.get(code) : undefined;
      let subdistrictCode = existingByCode?.subdistrictCode;
      if (subName) {
        subdistrictCode = refs.subdistricts.get(subName);
        if (!subdistrictCode) {
          problem(row, 'subdistrict', 'unknown_subdistrict', { value: subName });
          return null;
        }
      }
      if (!subdistrictCode) {
        problem(row, 'subdistrict', 'unknown_subdistrict', { value: '' });
        return null;
      }
      // A community the file names; blank, a registered compound keeps its own (unless it moves
      // to another subdistrict) and a new one is registered at its subdistrict: not known.
      const community = str(v.community);
      let communityCode: string | undefined;
      if (community) {
        communityCode = refs.communities.get(subdistrictCode)?.get(community);
        if (!communityCode) {
          problem(row, 'community', 'unknown_community', {
            value: community,
            subdistrict: refs.regionNames.get(subdistrictCode) ?? subdistrictCode,
          });
          return null;
        }
      }
      const byName = refs.bySubdistrictName.get(`${subdistrictCode}|${name}`);
      const existing = existingByCode ?? byName ?? null;
      const regionCode =
        communityCode ??
        (existing?.subdistrictCode === subdistrictCode ? existing.regionCode : subdistrictCode);
      if (!allowed(row, subName ? 'subdistrict' : 'name', regionCode, subName || name)) return null;
      if (existingByCode && byName && byName.id !== existingByCode.id) {
        problem(row, 'code', 'code_conflict', { value: code, other: existingByCode.name });
        return null;
      }
      if (duplicate(row, existingByCode?.id ?? byName?.id ?? `${subdistrictCode}|${name}`, 'name', name))
        return null;
      if (code && !existing) {
        const other = generated.get(code);
        if (other !== undefined) {
          problem(row, 'code', 'code_conflict', { value: code, other });
          return null;
        }
        if (duplicate(row, `code:${code}`, 'code', code)) return null;
      }
      return {
        row: row.row,
        existing,
        code: existing ? null : code || newCode(subdistrictCode, name),
        regionCode,
        values: v,
        approx: row.approximate.includes('buildYear'),
      };
    },
    writer: (tx, dbKind, mode) => compoundWriter(tx, dbKind, mode, refs),
  };
}

/** A compound's columns as the file gives them. */
const compoundColumns = {
  code: 'text',
  name: 'text',
  region_code: 'text',
  address: 'text',
  build_year: 'int',
  build_year_approx: 'boolean',
  building_count: 'int',
  unit_count: 'int',
  household_count: 'int',
  resident_count: 'int',
  floor_area: 'numeric',
  property_management: 'text',
  lng: 'double precision',
  lat: 'double precision',
  notes: 'text',
} as const;
/**
 * A compound's row as written: null for a blank cell (or a column the sheet leaves out). A new
 * compound stores it as null (the sheet does not say: unknown, never zero or "no property
 * management"); a registered one keeps what is stored.
 */
const compoundRows = recordset({ existing_id: 'uuid', ...compoundColumns });
/** The same, with the sheet row, for a check's comparison. */
const checkedRows = recordset({ row_no: 'int', existing_id: 'uuid', ...compoundColumns });
const spec = sheetSpecs.compounds;
const specColumn = (key: string) => spec.columns.find((c) => c.key === key);
/** A new compound as inserted: its id made here, a blank cell null. */
const newCompounds = recordset({ id: 'uuid', ...compoundColumns });

async function compoundWriter(tx: Tx, dbKind: DbKind, mode: WriterMode, refs: References) {
  const counts: Counts = { inserted: 0, updated: 0, unchanged: 0, createdBuildings: 0 };
  // Statements are sent as batches fill, and answered while the next rows are read.
  const sent = inFlight(dbKind);
  // Registered compounds: only those the file changes, each column kept where the cell is blank.
  const kept = {
    name: sql.raw('s.name'),
    regionCode: sql.raw('s.region_code'),
    address: sql`coalesce(s.address, ${compounds.address})`,
    buildYear: sql`coalesce(s.build_year, ${compounds.buildYear})`,
    buildYearApprox: sql`coalesce(s.build_year_approx, ${compounds.buildYearApprox})`,
    buildingCount: sql`coalesce(s.building_count, ${compounds.buildingCount})`,
    unitCount: sql`coalesce(s.unit_count, ${compounds.unitCount})`,
    householdCount: sql`coalesce(s.household_count, ${compounds.householdCount})`,
    residentCount: sql`coalesce(s.resident_count, ${compounds.residentCount})`,
    floorArea: sql`coalesce(s.floor_area, ${compounds.floorArea})`,
    propertyManagement: sql`coalesce(s.property_management, ${compounds.propertyManagement})`,
    lng: sql`coalesce(s.lng, ${compounds.lng})`,
    lat: sql`coalesce(s.lat, ${compounds.lat})`,
    notes: sql`coalesce(s.notes, ${compounds.notes})`,
  };
  const ids = idSequence();
  // A cell of a changed compound, as the sheet shows it: its header, a region by name, an option by label.
  const label = (key: string) => {
    if (key === 'regionCode')
      return {
        header: '社区',
        // A subdistrict's code stands for a community not known: shown blank, not as its name.
        show: (v: unknown) =>
          typeof v === 'string' && refs.communityCodes.has(v) ? (refs.regionNames.get(v) ?? v) : null,
      };
    const column = specColumn(key);
    return column ? { header: column.header, show: (v: unknown) => enumLabel(column.options, v) } : null;
  };
  const values = new Map<number, Record<string, unknown>>();
  const written = batches<Record<string, unknown>>(async (rows) => {
    const added = rows.filter((row) => row.existing_id === null);
    const registered = rows.filter((row) => row.existing_id !== null);
    if (mode.check) {
      // Nothing written: new compounds are counted and shown, registered ones compared.
      counts.inserted += added.length;
      for (const row of added) {
        const given = values.get(Number(row.row_no));
        if (!given) continue;
        values.delete(Number(row.row_no));
        mode.preview.add('added', {
          row: Number(row.row_no),
          label: String(row.name),
          cells: givenCells(spec.columns, given),
        });
      }
      if (registered.length === 0) return;
      const found = await compareBatch(tx, {
        source: checkedRows.select(registered),
        table: compounds,
        id: compounds.id,
        on: sql`${compounds.id} = s.existing_id`,
        set: kept,
        sample: mode.preview.room('changed'),
      });
      counts.updated += found.updated;
      counts.unchanged += registered.length - found.updated;
      const names = new Map(registered.map((r) => [Number(r.row_no), String(r.name)]));
      for (const c of found.changed)
        mode.preview.add('changed', {
          row: c.row_no,
          label: names.get(c.row_no) ?? '',
          cells: changedCells(c.old, c.new, label),
        });
      return;
    }
    await sent.send(() => insertRows(tx, dbKind, compounds, newCompounds, added));
    counts.inserted += added.length;
    if (registered.length === 0) return;
    await sent.send(() =>
      one(
        tx,
        sql`WITH up AS (
          UPDATE ${compounds} SET ${assignments(compounds, kept)}, updated_at = ${new Date()},
            version = ${compounds.version} + 1
          FROM (${compoundRows.select(registered)}) s
          WHERE s.existing_id = ${compounds.id} AND ${whenChanged(compounds, kept)}
          RETURNING 1)
        SELECT count(*)::int AS n FROM up`,
      ).then((r) => {
        counts.updated += r.n ?? 0;
        counts.unchanged += registered.length - (r.n ?? 0);
      }),
    );
  });
  return {
    counts: () => ({ ...counts }),
    ...ending(written, sent),
    add(c: CompoundRow) {
      const v = c.values;
      const buildYear = num(v.buildYear);
      if (mode.check && !c.existing && mode.preview.room('added') > 0) values.set(c.row, v);
      return written.push({
        row_no: c.row,
        existing_id: c.existing?.id ?? null,
        id: c.existing ? null : ids.id(ids.next()),
        code: c.code,
        name: str(v.name),
        region_code: c.regionCode,
        address: str(v.address) || null,
        build_year: buildYear,
        // Without a year, a new compound's is not approximate; a registered one keeps its own.
        build_year_approx: buildYear !== null ? c.approx : c.existing ? null : false,
        building_count: num(v.buildingCount),
        unit_count: num(v.unitCount),
        household_count: num(v.householdCount),
        resident_count: num(v.residentCount),
        floor_area: num(v.floorArea),
        property_management: str(v.propertyManagement) || null,
        lng: num(v.lng),
        lat: num(v.lat),
        notes: str(v.notes) || null,
      });
    },
  };
}
