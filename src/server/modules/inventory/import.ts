/**
 * Importing the inventory ledgers (compounds, buildings, households) from the sheets offices
 * keep. One streaming pass in one transaction: every row is checked (cells, references,
 * duplicates, scope) and, while the file has no problem, sent to the database in batches of a
 * thousand, written there while the next rows are read; then the counts are checked. A file with
 * any problem, or a dry run, is rolled back, with the audit event.
 */
import { and, inArray, is, SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { ImportProblem, ImportReport, SheetKind } from '../../../contract/imports.js';
import { inScope } from '../../../domain/access.js';
import { type Db, type DbKind, queryRows, type Tx } from '../../db/client.js';
import { deferIndexes } from '../../db/indexes.js';
import { buildings, compounds, households, owners, regions } from '../../db/schema.js';
import { suspendRowTriggers } from '../../db/triggers.js';
import type { Actor } from '../../platform/audit.js';
import { write } from '../../platform/context.js';
import { conflict, type Lang } from '../../platform/errors.js';
import { idSequence } from '../../platform/ids.js';
import {
  type Batches,
  batches,
  type InFlight,
  inFlight,
  insertRows,
  recordset,
} from '../../platform/sheets/batches.js';
import { fileProblemMessage, problemMessage } from '../../platform/sheets/messages.js';
import { readSheet, type SheetProblem, type SheetRow } from '../../platform/sheets/read.js';
import { type ImportReason, importMessage } from './import-messages.js';
import { normaliseBuilding, normaliseUnit, sheetSpecs } from './sheets.js';

const shownProblems = 500;

export interface ImportOptions {
  dryRun: boolean;
  lang: Lang;
  /** Region prefixes the importer may write in; null = anywhere (the CLI, district-wide roles). */
  prefixes: readonly string[] | null;
  fileName?: string;
  /** The database written to: the two take rows, locks and indexes differently (see `householdWriter`). */
  dbKind: DbKind;
  onProgress?: (phase: 'checking' | 'writing', rows: number) => void;
}

interface CompoundRef {
  id: string;
  code: string;
  name: string;
  regionCode: string;
  subdistrictCode: string;
}

/** What rows are checked against: the region names and the compounds already held. */
async function loadReferences(db: Db) {
  const regionRows = await db.select().from(regions);
  const subdistricts = new Map<string, string>();
  const communities = new Map<string, Map<string, string>>();
  for (const r of regionRows) {
    if (r.level === 'subdistrict' || r.level === 'township') {
      subdistricts.set(r.name, r.code);
      // "曹门" for 曹门街道, "东郊" for 东郊乡: offices drop the suffix.
      subdistricts.set(r.name.replace(/(街道|乡|镇)$/, ''), r.code);
    }
  }
  for (const r of regionRows) {
    if (r.level !== 'community' || !r.parentCode) continue;
    const names = communities.get(r.parentCode) ?? new Map<string, string>();
    const plain = r.name.replace(/（示例）$/, '');
    for (const n of [r.name, plain, plain.replace(/(社区|居委会|村)$/, '')]) names.set(n, r.code);
    communities.set(r.parentCode, names);
  }
  const regionNames = new Map(regionRows.map((r) => [r.code, r.name]));
  const compoundRows: CompoundRef[] = await db
    .select({
      id: compounds.id,
      code: compounds.code,
      name: compounds.name,
      regionCode: compounds.regionCode,
      subdistrictCode: compounds.subdistrictCode,
    })
    .from(compounds);
  const byCode = new Map(compoundRows.map((c) => [c.code, c]));
  const bySubdistrictName = new Map(compoundRows.map((c) => [`${c.subdistrictCode}|${c.name}`, c]));
  const byName = new Map<string, CompoundRef[]>();
  for (const c of compoundRows) byName.set(c.name, [...(byName.get(c.name) ?? []), c]);
  return { subdistricts, communities, regionNames, byCode, bySubdistrictName, byName };
}
type References = Awaited<ReturnType<typeof loadReferences>>;

const str = (v: unknown) =>
  typeof v === 'string' ? v.trim() : v === null || v === undefined ? '' : String(v);
const num = (v: unknown) => (typeof v === 'number' ? v : null);

/** A checked row, ready to write. */
type Checked =
  | {
      kind: 'compounds';
      row: number;
      existing: CompoundRef | null;
      /** A new compound's code, as the file gives it or made for it. */
      code: string | null;
      regionCode: string;
      values: Record<string, unknown>;
      /** The build year is approximate ("约1990年", "90年代"). */
      approx: boolean;
    }
  | { kind: 'buildings'; row: number; compound: CompoundRef; number: string; values: Record<string, unknown> }
  | {
      kind: 'households';
      row: number;
      compound: CompoundRef;
      site: BuildingRows;
      unit: string;
      room: string;
      values: Record<string, unknown>;
    };

/** Import (or, with dryRun, only check) one ledger file. */
export async function importSheet(
  db: Db,
  actor: Actor,
  kind: SheetKind,
  file: string,
  options: ImportOptions,
): Promise<ImportReport> {
  const spec = sheetSpecs[kind];
  const refs = await loadReferences(db);
  const problems: ImportProblem[] = [];
  let problemCount = 0;
  let position: Record<string, { column: string; header: string }> = {};
  const report = (p: ImportProblem) => {
    problemCount++;
    if (problems.length < shownProblems) problems.push(p);
  };
  const cellProblem = (p: SheetProblem) =>
    report({
      sheet: p.sheet,
      row: p.row,
      column: p.column,
      header: p.header,
      message: problemMessage(p, options.lang),
    });
  const rowProblem = (
    row: Pick<SheetRow, 'sheet' | 'row'>,
    field: string,
    reason: ImportReason,
    params: Record<string, string | number>,
  ) =>
    report({
      sheet: row.sheet,
      row: row.row,
      column: position[field]?.column ?? null,
      header: position[field]?.header ?? null,
      message: importMessage(reason, params, options.lang),
    });

  const checker = makeChecker(kind, refs, options.prefixes, rowProblem);

  // One streaming pass inside one transaction: rows are checked as they are read and, while the
  // file has no problem, written batch by batch. After the first problem nothing more is written,
  // every row is still checked, and the transaction is rolled back, so a file with any problem (or
  // a dry run) writes nothing.
  const outcome = await write(db, actor, async (tx, audit) => {
    const writer = await makeWriter(tx, kind, options.dbKind);
    const progress = { onProgress: (n: number) => options.onProgress?.('checking', n) };
    const read = readSheet(file, spec, progress);
    let rows = 0;
    for await (const batch of read.batches()) {
      position = read.source?.columns ?? position;
      for (const row of batch) {
        rows++;
        for (const p of row.problems) cellProblem(p);
        const checked = row.problems.length === 0 ? checker.check(row) : null;
        // A dry run writes too, then rolls back: its counts are exactly what the import will do.
        if (checked && problemCount === 0) {
          // Awaited only when a batch is handed over: most rows just join the batch.
          const handing = writer.add(checked);
          if (handing) await handing;
        }
      }
    }
    for (const p of read.problems) {
      report({
        sheet: p.sheet ?? null,
        row: p.row ?? null,
        column: null,
        header: p.header ?? null,
        message: fileProblemMessage(p, options.lang),
      });
    }
    if (problemCount === 0) {
      options.onProgress?.('writing', rows);
      await writer.finish();
    } else await writer.settle();
    // Counted after the rows are in: registered households plus the file's, per building.
    await checkBuildingCounts(tx, checker.perBuilding, (at, params) =>
      rowProblem(at, 'room', 'exceeds_building_count', params),
    );
    const result: ImportReport = {
      kind,
      rows,
      ...writer.counts(),
      problems,
      problemCount,
      dryRun: options.dryRun,
    };
    if (problemCount > 0 || options.dryRun) throw new Rollback(result);
    await audit({
      action: `import.${kind}`,
      entityType: kind,
      after: { file: options.fileName ?? null, rows, ...writer.counts() },
    });
    return result;
  }).catch((err: unknown) => {
    if (err instanceof Rollback) return err.report;
    throw err;
  });
  // A file with problems wrote nothing, whatever was counted before the first one.
  return outcome.problemCount > 0
    ? { ...outcome, inserted: 0, updated: 0, unchanged: 0, createdBuildings: 0 }
    : outcome;
}

/** Carries a report out of a transaction that must not commit. */
class Rollback extends Error {
  constructor(readonly report: ImportReport) {
    super('rollback');
  }
}

/** Row checks for one kind; `finish` runs the checks that need every row (household counts). */
function makeChecker(
  kind: SheetKind,
  refs: References,
  prefixes: readonly string[] | null,
  problem: (
    row: Pick<SheetRow, 'sheet' | 'row'>,
    field: string,
    reason: ImportReason,
    params: Record<string, string | number>,
  ) => void,
) {
  const seen = new Map<string, number>();
  const duplicate = (row: SheetRow, key: string, field: string, label: string) => {
    const first = seen.get(key);
    if (first !== undefined) {
      problem(row, field, 'duplicate_row', { first, value: label });
      return true;
    }
    seen.set(key, row.row);
    return false;
  };
  const allowed = (row: SheetRow, field: string, code: string, label: string) => {
    if (inScope(prefixes, code)) return true;
    problem(row, field, 'outside_scope', { value: label });
    return false;
  };

  /** The existing compound a buildings/households row names: by code, else subdistrict + name, else a unique name. */
  const compoundOf = (row: SheetRow): CompoundRef | null => {
    const code = str(row.values.code);
    const name = str(row.values.name);
    const subdistrict = str(row.values.subdistrict);
    let found: CompoundRef | undefined;
    if (code) found = refs.byCode.get(code);
    else if (subdistrict) {
      const sub = refs.subdistricts.get(subdistrict);
      if (!sub) {
        problem(row, 'subdistrict', 'unknown_subdistrict', { value: subdistrict });
        return null;
      }
      found = refs.bySubdistrictName.get(`${sub}|${name}`);
    } else {
      const candidates = refs.byName.get(name) ?? [];
      if (candidates.length > 1) {
        problem(row, 'name', 'ambiguous_compound', { value: name });
        return null;
      }
      found = candidates[0];
    }
    if (!found) {
      problem(row, code ? 'code' : 'name', 'unknown_compound', { value: code || name });
      return null;
    }
    return allowed(row, 'name', found.regionCode, found.name) ? found : null;
  };

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

  // Households per building, to hold against the building's declared count once all rows are in.
  const perBuilding = new Map<string, BuildingRows>();

  return {
    check(row: SheetRow): Checked | null {
      const v = row.values;
      if (kind === 'compounds') {
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
        let regionCode =
          existingByCode?.subdistrictCode === subdistrictCode ? existingByCode.regionCode : subdistrictCode;
        const community = str(v.community);
        if (community) {
          const c = refs.communities.get(subdistrictCode)?.get(community);
          if (!c) {
            problem(row, 'community', 'unknown_community', {
              value: community,
              subdistrict: refs.regionNames.get(subdistrictCode) ?? subdistrictCode,
            });
            return null;
          }
          regionCode = c;
        }
        if (!allowed(row, subName ? 'subdistrict' : 'name', regionCode, subName || name)) return null;
        const byName = refs.bySubdistrictName.get(`${subdistrictCode}|${name}`);
        if (existingByCode && byName && byName.id !== existingByCode.id) {
          problem(row, 'code', 'code_conflict', { value: code, other: existingByCode.name });
          return null;
        }
        if (duplicate(row, existingByCode?.id ?? byName?.id ?? `${subdistrictCode}|${name}`, 'name', name))
          return null;
        const existing = existingByCode ?? byName ?? null;
        if (code && !existing) {
          const other = generated.get(code);
          if (other !== undefined) {
            problem(row, 'code', 'code_conflict', { value: code, other });
            return null;
          }
          if (duplicate(row, `code:${code}`, 'code', code)) return null;
        }
        return {
          kind,
          row: row.row,
          existing,
          code: existing ? null : code || newCode(subdistrictCode, name),
          regionCode,
          values: v,
          approx: row.approximate.includes('buildYear'),
        };
      }
      const compound = compoundOf(row);
      if (!compound) return null;
      if (kind === 'buildings') {
        const number = normaliseBuilding(str(v.number));
        if (duplicate(row, `${compound.id}|${number}`, 'number', `${compound.name} ${number}`)) return null;
        return { kind, row: row.row, compound, number, values: v };
      }
      const building = normaliseBuilding(str(v.building));
      const unit = normaliseUnit(str(v.unit));
      const room = str(v.room);
      const key = `${compound.id}|${building}`;
      let site = perBuilding.get(key);
      if (!site) {
        site = {
          sheet: row.sheet,
          lastRow: 0,
          compoundId: compound.id,
          building,
          rooms: new Map(),
        };
        perBuilding.set(key, site);
      }
      // The building's rooms serve both the duplicate check and the household count.
      let rooms = site.rooms.get(unit);
      if (!rooms) {
        rooms = new Map();
        site.rooms.set(unit, rooms);
      }
      const first = rooms.get(room);
      if (first !== undefined) {
        problem(row, 'room', 'duplicate_row', {
          first,
          value: `${compound.name} ${building} ${unit} ${room}`,
        });
        return null;
      }
      rooms.set(room, row.row);
      site.lastRow = row.row;
      return { kind, row: row.row, compound, site, unit, room, values: v };
    },
    perBuilding,
  };
}

/** A building the file names, and its rows. */
interface BuildingRows {
  sheet: string;
  lastRow: number;
  compoundId: string;
  building: string;
  /** unit → room → the row it is on */
  rooms: Map<string, Map<string, number>>;
  /** Its id, once the writer knows it. */
  id?: string;
  /** Whether it was registered before this import (its rooms may be too). */
  registered?: boolean;
}

/**
 * A building's households after the import (those registered and not in the file, plus the
 * file's) may not exceed its declared count. Buildings new to the register take the file's count.
 */
async function checkBuildingCounts(
  db: Db | Tx,
  perBuilding: Map<string, BuildingRows>,
  problem: (at: { sheet: string; row: number }, params: Record<string, string | number>) => void,
) {
  const compoundIds = [...new Set([...perBuilding.values()].map((e) => e.compoundId))];
  for (let i = 0; i < compoundIds.length; i += 1000) {
    // Buildings new to the register (or with no declared count) take the file's count.
    const declared = await db
      .select({
        id: buildings.id,
        compoundId: buildings.compoundId,
        number: buildings.number,
        n: buildings.householdCount,
      })
      .from(buildings)
      .where(
        and(
          inArray(buildings.compoundId, compoundIds.slice(i, i + 1000)),
          sql`${buildings.householdCount} > 0`,
        ),
      );
    const checked = declared.filter((b) => perBuilding.has(`${b.compoundId}|${b.number}`));
    if (checked.length === 0) continue;
    const registered = await db
      .select({ buildingId: households.buildingId, unit: households.unit, room: households.room })
      .from(households)
      .where(
        inArray(
          households.buildingId,
          checked.map((b) => b.id),
        ),
      );
    // Registered rooms the file does not name, per building.
    const others = new Map<string, number>();
    const byId = new Map(checked.map((b) => [b.id, perBuilding.get(`${b.compoundId}|${b.number}`)]));
    for (const h of registered) {
      if (byId.get(h.buildingId)?.rooms.get(h.unit)?.has(h.room)) continue;
      others.set(h.buildingId, (others.get(h.buildingId) ?? 0) + 1);
    }
    for (const b of checked) {
      const entry = byId.get(b.id);
      if (!entry) continue;
      let count = others.get(b.id) ?? 0;
      for (const rooms of entry.rooms.values()) count += rooms.size;
      if (count > b.n) {
        problem({ sheet: entry.sheet, row: entry.lastRow }, { building: entry.building, limit: b.n, count });
      }
    }
  }
}

const noArea = sql.raw(
  'excluded.area_registered IS NULL AND excluded.area_surveyed IS NULL AND excluded.area_contract IS NULL',
);
/** An imported area replaces all three (the basis may change); no area keeps the stored ones. */
const keepUnlessArea = (column: typeof households.areaRegistered, name: string) =>
  sql`CASE WHEN ${noArea} THEN ${column} ELSE ${sql.raw(`excluded.${name}`)} END`;

/**
 * True when an update would change any of `set`'s columns of `table`: rows already as the file
 * says are left alone, keep their version, and are counted as unchanged.
 */
function whenChanged(table: object, set: Record<string, unknown>): SQL {
  const columns = Object.keys(set).map((key) => (table as Record<string, AnyPgColumn>)[key] as AnyPgColumn);
  const values = Object.values(set).map((v) => (is(v, SQL) ? v : sql`${v}`));
  return sql`(${sql.join(columns, sql`, `)}) IS DISTINCT FROM (${sql.join(values, sql`, `)})`;
}

/** `col = value, …` for an UPDATE or ON CONFLICT's SET, from a column key → value map. */
function assignments(table: object, set: Record<string, SQL>): SQL {
  const columns = table as Record<string, AnyPgColumn>;
  return sql.join(
    Object.entries(set).map(
      ([key, value]) => sql`${sql.identifier((columns[key] as AnyPgColumn).name)} = ${value}`,
    ),
    sql`, `,
  );
}

// What an imported row (`excluded`) changes in a registered one; a blank cell (or a column the sheet leaves out) keeps what is stored.
const buildingUpdate = {
  floors: sql`coalesce(excluded.floors, ${buildings.floors})`,
  unitCount: sql`excluded.unit_count`,
  householdCount: sql`excluded.household_count`,
  floorArea: sql`coalesce(excluded.floor_area, ${buildings.floorArea})`,
  buildYear: sql`coalesce(excluded.build_year, ${buildings.buildYear})`,
};
const householdUpdate = {
  ownerId: sql`coalesce(excluded.owner_id, ${households.ownerId})`,
  areaRegistered: keepUnlessArea(households.areaRegistered, 'area_registered'),
  areaSurveyed: keepUnlessArea(households.areaSurveyed, 'area_surveyed'),
  areaContract: keepUnlessArea(households.areaContract, 'area_contract'),
  contactPhone: sql`coalesce(excluded.contact_phone, ${households.contactPhone})`,
  notes: sql`coalesce(excluded.notes, ${households.notes})`,
};

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
 * A registered compound's row as written: null for a blank cell (or a column the sheet leaves
 * out), which keeps what is stored.
 */
const compoundRows = recordset({ existing_id: 'uuid', ...compoundColumns });
/** A new compound as inserted: its id made here, a blank cell filled with the column's default. */
const newCompounds = recordset({ id: 'uuid', ...compoundColumns });
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
/** Households an import writes before it weighs deferring the table's plain indexes (PGlite). */
export const deferIndexesFrom = 20_000;
const plainHouseholdIndexes = ['households_compound_idx', 'households_owner_idx'];

/** The rows a households batch writes: buildings and owners new to the register, then the households. */
const newBuildings = recordset({ id: 'uuid', compound_id: 'uuid', region_code: 'text', number: 'text' });
const newOwners = recordset({
  id: 'uuid',
  compound_id: 'uuid',
  region_code: 'text',
  kind: 'text',
  name: 'text',
  id_number: 'text',
  phone: 'text',
});
const householdRows = recordset({
  id: 'uuid',
  compound_id: 'uuid',
  building_id: 'uuid',
  region_code: 'text',
  unit: 'text',
  room: 'text',
  owner_id: 'uuid',
  area_registered: 'numeric',
  area_surveyed: 'numeric',
  area_contract: 'numeric',
  contact_phone: 'text',
  notes: 'text',
});

interface Counts {
  inserted: number;
  updated: number;
  unchanged: number;
  createdBuildings: number;
}

const one = async (tx: Tx, query: SQL) => (await queryRows<Record<string, number>>(tx, query))[0] ?? {};

/** How a writer's batches and the statements they sent end. */
const ending = (written: Batches<unknown>, sent: InFlight) => ({
  /** No more rows (the import is failing): whatever becomes of what was sent. */
  async settle() {
    await written.settle();
    await sent.settle();
  },
  /** Every row written; a failed statement fails here. */
  async finish() {
    await written.done();
    await sent.done();
  },
});

/**
 * Batched writes for one kind, inside the import's transaction: `add` takes a checked row (and
 * hands back a promise only when it hands a batch over), `finish` writes the last batch and waits
 * for every statement sent, `settle` waits for those when the import is failing, and `counts`
 * says what was done (complete once `finish` has returned).
 */
async function makeWriter(tx: Tx, kind: SheetKind, dbKind: DbKind) {
  const counts: Counts = { inserted: 0, updated: 0, unchanged: 0, createdBuildings: 0 };
  const result = { counts: () => ({ ...counts }) };
  // Statements are sent as batches fill, and answered while the next rows are read.
  const sent = inFlight(dbKind);

  if (kind === 'compounds') {
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
    // What a blank cell becomes: for a new compound the column's default, as an insert of the
    // fields given would; for a registered one null, which keeps what is stored.
    const defaults = {
      build_year_approx: compounds.buildYearApprox.default,
      building_count: compounds.buildingCount.default,
      unit_count: compounds.unitCount.default,
      household_count: compounds.householdCount.default,
      resident_count: compounds.residentCount.default,
      floor_area: compounds.floorArea.default,
      property_management: compounds.propertyManagement.default,
    };
    const blanks = Object.fromEntries(Object.keys(defaults).map((k) => [k, null])) as Record<
      keyof typeof defaults,
      null
    >;
    const ids = idSequence();
    const written = batches<Record<string, unknown>>(async (rows) => {
      const added = rows.filter((row) => row.existing_id === null);
      const registered = rows.filter((row) => row.existing_id !== null);
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
      ...result,
      ...ending(written, sent),
      add(c: Checked) {
        if (c.kind !== 'compounds') return;
        const v = c.values;
        const buildYear = num(v.buildYear);
        // A new compound gets its id here, in file order, and its columns' defaults for blank
        // cells: its row goes in as it is.
        const blank = c.existing ? blanks : defaults;
        return written.push({
          existing_id: c.existing?.id ?? null,
          id: c.existing ? null : ids.id(ids.next()),
          code: c.code,
          name: str(v.name),
          region_code: c.regionCode,
          address: str(v.address) || null,
          build_year: buildYear,
          build_year_approx: buildYear === null ? blank.build_year_approx : c.approx,
          building_count: num(v.buildingCount) ?? blank.building_count,
          unit_count: num(v.unitCount) ?? blank.unit_count,
          household_count: num(v.householdCount) ?? blank.household_count,
          resident_count: num(v.residentCount) ?? blank.resident_count,
          floor_area: num(v.floorArea) ?? blank.floor_area,
          property_management: str(v.propertyManagement) || blank.property_management,
          lng: num(v.lng),
          lat: num(v.lat),
          notes: str(v.notes) || null,
        });
      },
    };
  }

  if (kind === 'buildings') {
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
      ...result,
      ...ending(written, sent),
      add: (c: Checked) =>
        c.kind === 'buildings'
          ? written.push({
              compound_id: c.compound.id,
              region_code: c.compound.regionCode,
              number: c.number,
              floors: num(c.values.floors),
              unit_count: num(c.values.unitCount),
              household_count: num(c.values.householdCount),
              floor_area: num(c.values.floorArea),
              build_year: num(c.values.buildYear),
            })
          : undefined,
    };
  }

  return householdWriter(tx, dbKind, sent, counts, result);
}

/**
 * Households are written batch by batch as they are read, with the buildings and owners they
 * name. Those already registered are looked up once per compound, the first time a batch names
 * it (and only for compounds with anything registered); those new to the register get their ids
 * here, so one batch writes them and the households naming them, without reading ids back. A
 * room of a registered building is upserted on its unique key (updated where the file changes
 * it), so registered households need not be held here; the others are inserted.
 *
 * Every reference is made here: a compound the checker found, a building or owner looked up or
 * created in the same batch (sent before the households naming it). So, where the database
 * allows it, the per-row foreign-key triggers are off (`suspendRowTriggers`); what they would lock
 * is locked as each compound is first named (the compound, its registered buildings and owners,
 * `FOR KEY SHARE`), and what they would check is checked once for all the named compounds before
 * the audit event is written. PGlite has one session, so nothing can delete a compound while this
 * transaction is open: there the compounds are locked (and so found still there) once, at the end.
 *
 * On PGlite, once an import's new households take as much room as the table had before it, the
 * table's two plain indexes are dropped for the rest of it and built again at its end
 * (`deferIndexes`): a large import into a small register then sorts once instead of inserting
 * into them row by row. PostgreSQL keeps them, since other sessions read the table meanwhile.
 */
async function householdWriter(
  tx: Tx,
  dbKind: DbKind,
  sent: InFlight,
  counts: Counts,
  result: { counts: () => Counts },
) {
  const ids = idSequence();
  const stored = new Set(
    (
      await queryRows<{ id: string }>(
        tx,
        sql`SELECT compound_id AS id FROM ${buildings} UNION SELECT compound_id FROM ${owners}`,
      )
    ).map((r) => r.id),
  );
  // Every compound a batch has named: looked up (and on PostgreSQL locked) the first time.
  const named = new Set<string>();
  const resumeTriggers = await suspendRowTriggers(tx);
  // The households table's size before this import, and when to weigh deferring its indexes next.
  const tableBytes = async () =>
    (await one(tx, sql`SELECT pg_relation_size('households')::float8 AS n`)).n ?? 0;
  const before = dbKind === 'pglite' ? await tableBytes() : null;
  let weighAt = deferIndexesFrom;
  let rebuildIndexes: (() => Promise<void>) | null = null;
  // What the lookups found: buildings by compound id|number.
  const buildingIds = new Map<string, string>();
  // Owners per compound by ID number and by name: a registered owner's id, or a new one's number
  // in `ids` (a number is smaller to hold than its id for each of a large file's owners).
  const ownerIds = new Map<
    string,
    { byId: Map<string, string | number>; byName: Map<string, string | number> }
  >();
  const ownersOf = (compoundId: string) => {
    let keys = ownerIds.get(compoundId);
    if (!keys) {
      keys = { byId: new Map(), byName: new Map() };
      ownerIds.set(compoundId, keys);
    }
    return keys;
  };
  // A literal array (uuids need no quoting): planned as an index lookup on either driver.
  const anyOf = (compoundIds: Iterable<string>) => sql`ANY(${`{${[...compoundIds].join(',')}}`}::uuid[])`;
  const lock = async (compoundIds: string[]) => {
    const held = await queryRows<{ id: string }>(
      tx,
      sql`SELECT id FROM ${compounds} WHERE id = ${anyOf(compoundIds)} FOR KEY SHARE`,
    );
    // Deleted by someone else since the rows were checked.
    if (held.length < compoundIds.length) throw conflict();
  };
  const lookUp = async (compoundIds: string[]) => {
    const these = anyOf(compoundIds);
    const registered = await queryRows<{ id: string; compound_id: string; number: string }>(
      tx,
      sql`SELECT id, compound_id, number FROM ${buildings} WHERE compound_id = ${these} FOR KEY SHARE`,
    );
    for (const b of registered) buildingIds.set(`${b.compound_id}|${b.number}`, b.id);
    // Where several registered owners share an ID number or a name: the one with the least id, each time.
    const known = await queryRows<{
      id: string;
      compound_id: string;
      id_number: string | null;
      name: string;
    }>(
      tx,
      sql`SELECT id, compound_id, id_number, name FROM ${owners} WHERE compound_id = ${these}
        ORDER BY id DESC FOR KEY SHARE`,
    );
    for (const o of known) {
      const keys = ownersOf(o.compound_id);
      if (o.id_number === null) keys.byName.set(o.name, o.id);
      else keys.byId.set(o.id_number, o.id);
    }
  };
  // What the triggers would have refused, for every row of the named compounds: none, unless a
  // bug here. Set-wise: 0.4 s (PostgreSQL) and 0.7 s (PGlite) for 500k rows, where the triggers took 5 and 8.
  const verify = async () => {
    const these = anyOf(named);
    const [orphans] = await queryRows<{ n: number }>(
      tx,
      sql`SELECT
        (SELECT count(*) FROM ${households} h WHERE h.compound_id = ${these} AND NOT EXISTS
          (SELECT 1 FROM ${buildings} b WHERE b.id = h.building_id AND b.compound_id = h.compound_id))
        + (SELECT count(*) FROM ${households} h WHERE h.compound_id = ${these} AND h.owner_id IS NOT NULL
          AND NOT EXISTS (SELECT 1 FROM ${owners} o WHERE o.id = h.owner_id))
        + (SELECT count(*) FROM ${owners} o WHERE o.compound_id = ${these} AND NOT EXISTS
          (SELECT 1 FROM ${compounds} c WHERE c.id = o.compound_id))
        + (SELECT count(*) FROM ${buildings} b WHERE b.compound_id = ${these} AND NOT EXISTS
          (SELECT 1 FROM ${compounds} c WHERE c.id = b.compound_id)) AS n`,
    );
    if (Number(orphans?.n ?? 0) > 0) throw new Error(`household import: ${orphans?.n} rows refer to nothing`);
  };

  const written = batches<Extract<Checked, { kind: 'households' }>>(async (rows) => {
    const first: string[] = [];
    for (const { compound } of rows) {
      if (named.has(compound.id)) continue;
      named.add(compound.id);
      first.push(compound.id);
    }
    if (first.length > 0) {
      if (dbKind === 'postgres') await sent.send(() => lock(first));
      const registered = first.filter((id) => stored.has(id));
      if (registered.length > 0) await sent.ask(() => lookUp(registered));
    }
    const buildingsToAdd: Record<string, unknown>[] = [];
    const ownersToAdd: Record<string, unknown>[] = [];
    const homesToAdd: Record<string, unknown>[] = [];
    const homesToUpsert: Record<string, unknown>[] = [];
    for (const c of rows) {
      const { compound, site, values: v } = c;
      if (!site.id) {
        const id = stored.has(compound.id) ? buildingIds.get(`${compound.id}|${site.building}`) : undefined;
        site.id = id ?? ids.id(ids.next());
        site.registered = id !== undefined;
        if (!id)
          buildingsToAdd.push({
            id: site.id,
            compound_id: compound.id,
            region_code: compound.regionCode,
            number: site.building,
          });
      }
      // Owners: one per ID number, else per name, within a compound; one not yet registered is
      // created as its first row in the file gives it.
      const name = str(v.ownerName);
      const idNumber = str(v.idNumber) || null;
      const phone = str(v.phone) || null;
      let ownerId: string | null = null;
      if (name) {
        const keys = ownersOf(compound.id);
        const [map, key] = idNumber ? [keys.byId, idNumber] : [keys.byName, name];
        const known = map.get(key);
        if (known === undefined) {
          const n = ids.next();
          map.set(key, n);
          ownerId = ids.id(n);
          ownersToAdd.push({
            id: ownerId,
            compound_id: compound.id,
            region_code: compound.regionCode,
            kind: name.includes('开发商') ? 'developer' : 'person',
            name,
            id_number: idNumber,
            phone,
          });
        } else ownerId = typeof known === 'number' ? ids.id(known) : known;
      }
      const area = num(v.exclusiveArea);
      const basis = str(v.areaBasis) || 'registered';
      // A room of a registered building may be registered too: the database finds it by its key.
      (site.registered ? homesToUpsert : homesToAdd).push({
        id: ids.id(ids.next()),
        compound_id: compound.id,
        building_id: site.id,
        region_code: compound.regionCode,
        unit: c.unit,
        room: c.room,
        owner_id: ownerId,
        area_registered: basis === 'registered' ? area : null,
        area_surveyed: basis === 'surveyed' ? area : null,
        area_contract: basis === 'contract' ? area : null,
        contact_phone: phone,
        notes: str(v.notes) || null,
      });
    }
    // Sent, not awaited: the database takes them in order while the next rows are read. Foreign
    // keys (where their triggers are on) find the new buildings and owners already in.
    await sent.send(() => insertRows(tx, dbKind, buildings, newBuildings, buildingsToAdd));
    await sent.send(() => insertRows(tx, dbKind, owners, newOwners, ownersToAdd));
    await sent.send(() => insertRows(tx, dbKind, households, householdRows, homesToAdd));
    counts.createdBuildings += buildingsToAdd.length;
    counts.inserted += homesToAdd.length;
    if (before !== null && rebuildIndexes === null && counts.inserted >= weighAt) {
      weighAt *= 2;
      // Awaited, a few times an import: after the statements sent, the table holds this import's rows.
      if ((await sent.ask(tableBytes)) >= 2 * before)
        rebuildIndexes = await sent.ask(() => deferIndexes(tx, plainHouseholdIndexes));
    }
    if (homesToUpsert.length > 0) {
      await sent.send(() =>
        one(
          tx,
          sql`WITH ups AS (
            INSERT INTO ${households} (${householdRows.names}) ${householdRows.select(homesToUpsert)}
            ON CONFLICT (building_id, unit, room) DO UPDATE
              SET ${assignments(households, householdUpdate)}, version = ${households.version} + 1
              WHERE ${whenChanged(households, householdUpdate)}
            RETURNING (xmax = 0) AS inserted)
          SELECT count(*) FILTER (WHERE inserted)::int AS inserted,
            count(*) FILTER (WHERE NOT inserted)::int AS updated FROM ups`,
        ).then((changed) => {
          counts.inserted += changed.inserted ?? 0;
          counts.updated += changed.updated ?? 0;
        }),
      );
    }
  });
  const { settle, finish } = ending(written, sent);
  return {
    ...result,
    settle,
    add: (c: Checked) => (c.kind === 'households' ? written.push(c) : undefined),
    async finish() {
      await finish();
      await rebuildIndexes?.();
      if (dbKind === 'pglite' && named.size > 0) await lock([...named]);
      if (resumeTriggers) {
        if (named.size > 0) await verify();
        await resumeTriggers();
      }
      counts.unchanged = written.count - counts.inserted - counts.updated;
    },
  };
}
