/**
 * The household ledger's import: a row names a registered compound, a building (registered, or
 * created with its first room), a unit and a room, and the room's owner (found again by ID number,
 * else by name, within the compound).
 */
import { and, inArray, sql } from 'drizzle-orm';
import { type Db, type DbKind, queryRows, type Tx } from '../../db/client.js';
import { deferIndexes } from '../../db/indexes.js';
import { buildings, compounds, households, owners } from '../../db/schema.js';
import { suspendRowTriggers } from '../../db/triggers.js';
import { conflict } from '../../platform/errors.js';
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
  givenCells,
  type KindImport,
  num,
  one,
  type RowProblem,
  str,
  type WriterMode,
  whenChanged,
} from './import-core.js';
import { normaliseBuilding, normaliseUnit, sheetSpecs } from './sheets.js';

/** A checked household row, ready to write. */
export interface HouseholdRow {
  row: number;
  compound: CompoundRef;
  site: BuildingRows;
  unit: string;
  room: string;
  values: Record<string, unknown>;
}

export function householdsImport(tools: CheckTools, problem: RowProblem): KindImport<HouseholdRow> {
  const { compoundOf } = tools;
  // Households per building, to hold against the building's declared count once all rows are in.
  const perBuilding = new Map<string, BuildingRows>();
  return {
    check(row: SheetRow): HouseholdRow | null {
      const v = row.values;
      const compound = compoundOf(row);
      if (!compound) return null;
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
      return { row: row.row, compound, site, unit, room, values: v };
    },
    writer: (tx, dbKind, mode) => householdWriter(tx, dbKind, mode),
    // Counted after the rows are in: registered households plus the file's, per building.
    afterRows: (db) =>
      checkBuildingCounts(db, perBuilding, (at, params) =>
        problem(at, 'room', 'exceeds_building_count', params),
      ),
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
        // Not null: only declared counts are held against.
        n: sql<number>`${buildings.householdCount}`,
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

/**
 * What an imported row (`excluded` in the write, `s` in a check) changes in a registered one: an
 * imported area replaces all three (the basis may change); no area, or a blank cell, keeps what
 * is stored.
 */
const updateFrom = (row: 'excluded' | 's') => {
  const r = (column: string) => sql.raw(`${row}.${column}`);
  const noArea = sql`${r('area_registered')} IS NULL AND ${r('area_surveyed')} IS NULL AND ${r('area_contract')} IS NULL`;
  const keepUnlessArea = (column: typeof households.areaRegistered, name: string) =>
    sql`CASE WHEN ${noArea} THEN ${column} ELSE ${r(name)} END`;
  return {
    ownerId: sql`coalesce(${r('owner_id')}, ${households.ownerId})`,
    areaRegistered: keepUnlessArea(households.areaRegistered, 'area_registered'),
    areaSurveyed: keepUnlessArea(households.areaSurveyed, 'area_surveyed'),
    areaContract: keepUnlessArea(households.areaContract, 'area_contract'),
    contactPhone: sql`coalesce(${r('contact_phone')}, ${households.contactPhone})`,
    notes: sql`coalesce(${r('notes')}, ${households.notes})`,
  };
};
const householdUpdate = updateFrom('excluded');
const spec = sheetSpecs.households;
/** A changed household's cells as the sheet heads them. */
const changedLabels: Record<string, { header: string; show?: (v: unknown) => string | null }> = {
  ownerId: { header: '产权人' },
  areaRegistered: { header: '专有部分面积（不动产登记）' },
  areaSurveyed: { header: '专有部分面积（测绘）' },
  areaContract: { header: '专有部分面积（合同）' },
  contactPhone: { header: '联系电话' },
  notes: { header: '备注' },
};

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
const householdColumns = {
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
} as const;
const householdRows = recordset(householdColumns);
/** The same, with the sheet row, for a check's comparison. */
const checkedRows = recordset({ row_no: 'int', ...householdColumns });

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
async function householdWriter(tx: Tx, dbKind: DbKind, mode: WriterMode) {
  const counts: Counts = { inserted: 0, updated: 0, unchanged: 0, createdBuildings: 0 };
  const sent = inFlight(dbKind);
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
  // A check writes nothing: no triggers to suspend, no indexes to defer, nothing to lock.
  const resumeTriggers = mode.check ? null : await suspendRowTriggers(tx);
  // The households table's size before this import, and when to weigh deferring its indexes next.
  const tableBytes = async () =>
    (await one(tx, sql`SELECT pg_relation_size('households')::float8 AS n`)).n ?? 0;
  const before = dbKind === 'pglite' && !mode.check ? await tableBytes() : null;
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

  /**
   * A check's batch: nothing written. New buildings and rooms of new buildings are counted; rooms
   * of registered buildings are compared with what is stored, in one read.
   */
  const checkBatch = async (
    rows: HouseholdRow[],
    newBuildings: number,
    homesToAdd: Record<string, unknown>[],
    homesToUpsert: Record<string, unknown>[],
  ) => {
    if (!mode.check) return;
    const { preview } = mode;
    const byRow = new Map(rows.map((c) => [c.row, c]));
    const labelOf = (c: HouseholdRow | undefined) =>
      c ? `${c.compound.name} ${c.site.building} ${c.unit} ${c.room}` : '';
    counts.createdBuildings += newBuildings;
    counts.inserted += homesToAdd.length;
    const added = (n: number) => {
      const c = byRow.get(n);
      if (c) preview.add('added', { row: n, label: labelOf(c), cells: givenCells(spec.columns, c.values) });
    };
    for (const h of homesToAdd) {
      if (preview.room('added') <= 0) break;
      added(Number(h.row_no));
    }
    if (homesToUpsert.length === 0) return;
    const found = await sent.ask(() =>
      compareBatch(tx, {
        source: checkedRows.select(homesToUpsert),
        table: households,
        id: households.id,
        on: sql`${households.buildingId} = s.building_id AND ${households.unit} = s.unit AND ${households.room} = s.room`,
        set: updateFrom('s'),
        sample: Math.max(preview.room('added'), preview.room('changed')),
      }),
    );
    counts.inserted += found.inserted;
    counts.updated += found.updated;
    for (const n of found.added) added(n);
    // Owners by name rather than id: the stored one's read back, the file's as it gives it.
    const ownerIds = found.changed
      .map((c) => c.old.ownerId)
      .filter((id): id is string => typeof id === 'string');
    const names = new Map(
      ownerIds.length === 0
        ? []
        : (
            await queryRows<{ id: string; name: string }>(
              tx,
              sql`SELECT id, name FROM ${owners} WHERE id = ANY(${`{${ownerIds.join(',')}}`}::uuid[])`,
            )
          ).map((o) => [o.id, o.name]),
    );
    for (const c of found.changed) {
      const row = byRow.get(c.row_no);
      const cells = changedCells(c.old, c.new, (key) => changedLabels[key] ?? null).map((cell) =>
        cell.field === 'ownerId'
          ? {
              ...cell,
              field: 'ownerName',
              old: cell.old === null ? null : (names.get(cell.old) ?? cell.old),
              new: str(row?.values.ownerName) || cell.new,
            }
          : cell,
      );
      preview.add('changed', { row: c.row_no, label: labelOf(row), cells });
    }
  };

  const written = batches<HouseholdRow>(async (rows) => {
    const first: string[] = [];
    for (const { compound } of rows) {
      if (named.has(compound.id)) continue;
      named.add(compound.id);
      first.push(compound.id);
    }
    if (first.length > 0) {
      if (dbKind === 'postgres' && !mode.check) await sent.send(() => lock(first));
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
        row_no: c.row,
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
    if (mode.check) {
      await checkBatch(rows, buildingsToAdd.length, homesToAdd, homesToUpsert);
      return;
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
    counts: () => ({ ...counts }),
    settle,
    add: (c: HouseholdRow) => written.push(c),
    async finish() {
      await finish();
      await rebuildIndexes?.();
      if (dbKind === 'pglite' && !mode.check && named.size > 0) await lock([...named]);
      if (resumeTriggers) {
        if (named.size > 0) await verify();
        await resumeTriggers();
      }
      counts.unchanged = written.count - counts.inserted - counts.updated;
    },
  };
}
