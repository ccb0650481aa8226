/**
 * Importing the inventory ledgers (compounds, buildings, households) from the sheets offices
 * keep. Two streaming passes over the file: the first checks every row (cells, references,
 * duplicates, scope, counts) and writes nothing; only a file without a single problem is read
 * again and written, all of it in one transaction with its audit event.
 */
import { and, eq, inArray, is, SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { ImportProblem, ImportReport, LedgerKind } from '../../../contract/imports.js';
import { inScope } from '../../../domain/access.js';
import type { Db, Tx } from '../../db/client.js';
import { buildings, compounds, households, owners, regions } from '../../db/schema.js';
import type { Actor } from '../../platform/audit.js';
import { write } from '../../platform/context.js';
import type { Lang } from '../../platform/errors.js';
import { fileProblemMessage, problemMessage } from '../../platform/ledger/messages.js';
import { type LedgerProblem, type LedgerRow, readLedger } from '../../platform/ledger/read.js';
import { type ImportReason, importMessage } from './import-messages.js';
import { ledgerSpecs, normaliseBuilding, normaliseUnit } from './ledgers.js';

const shownProblems = 500;
const batchSize = 1000;

export interface ImportOptions {
  dryRun: boolean;
  lang: Lang;
  /** Region prefixes the importer may write in; null = anywhere (the CLI, district-wide roles). */
  prefixes: readonly string[] | null;
  fileName?: string;
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
      regionCode: string;
      values: Record<string, unknown>;
    }
  | { kind: 'buildings'; row: number; compound: CompoundRef; number: string; values: Record<string, unknown> }
  | {
      kind: 'households';
      row: number;
      compound: CompoundRef;
      building: string;
      unit: string;
      room: string;
      values: Record<string, unknown>;
    };

/** Import (or, with dryRun, only check) one ledger file. */
export async function importLedger(
  db: Db,
  actor: Actor,
  kind: LedgerKind,
  file: string,
  options: ImportOptions,
): Promise<ImportReport> {
  const spec = ledgerSpecs[kind];
  const refs = await loadReferences(db);
  const problems: ImportProblem[] = [];
  let problemCount = 0;
  let position: Record<string, { column: string; header: string }> = {};
  const report = (p: ImportProblem) => {
    problemCount++;
    if (problems.length < shownProblems) problems.push(p);
  };
  const cellProblem = (p: LedgerProblem) =>
    report({
      sheet: p.sheet,
      row: p.row,
      column: p.column,
      header: p.header,
      message: problemMessage(p, options.lang),
    });
  const rowProblem = (
    row: Pick<LedgerRow, 'sheet' | 'row'>,
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

  // One streaming pass inside one transaction: rows are checked and written batch by batch;
  // after the first problem nothing more is written, every row is still checked, and the
  // transaction is rolled back, so a file with any problem (or a dry run) writes nothing.
  const outcome = await write(db, actor, async (tx, audit) => {
    const writer = makeWriter(tx);
    const read = readLedger(file, spec, { onProgress: (n) => options.onProgress?.('checking', n) });
    let rows = 0;
    let batch: Checked[] = [];
    // One batch is written while the next is read: on PostgreSQL the server works on the other
    // core meanwhile. Writes stay in order, and a failed write fails the next flush.
    let writing: Promise<void> = Promise.resolve();
    const flush = async () => {
      const full = batch;
      batch = [];
      await writing;
      // A dry run writes too, then rolls back: its counts are exactly what the import will do.
      if (problemCount === 0) {
        writing = writer.write(full);
        // Its failure is taken up by the next flush; until then it must not count as unhandled.
        writing.catch(() => {});
      }
    };
    for await (const row of read) {
      position = read.source?.columns ?? position;
      rows++;
      for (const p of row.problems) cellProblem(p);
      const checked = row.problems.length === 0 ? checker.check(row) : null;
      if (checked) batch.push(checked);
      if (batch.length >= batchSize) await flush();
    }
    await flush();
    await writing;
    for (const p of read.problems) {
      report({
        sheet: p.sheet ?? null,
        row: p.row ?? null,
        column: null,
        header: p.header ?? null,
        message: fileProblemMessage(p, options.lang),
      });
    }
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
  kind: LedgerKind,
  refs: References,
  prefixes: readonly string[] | null,
  problem: (
    row: Pick<LedgerRow, 'sheet' | 'row'>,
    field: string,
    reason: ImportReason,
    params: Record<string, string | number>,
  ) => void,
) {
  const seen = new Map<string, number>();
  const duplicate = (row: LedgerRow, key: string, field: string, label: string) => {
    const first = seen.get(key);
    if (first !== undefined) {
      problem(row, field, 'duplicate_row', { first, value: label });
      return true;
    }
    seen.set(key, row.row);
    return false;
  };
  const allowed = (row: LedgerRow, field: string, code: string, label: string) => {
    if (inScope(prefixes, code)) return true;
    problem(row, field, 'outside_scope', { value: label });
    return false;
  };

  /** The existing compound a buildings/households row names: by code, else subdistrict + name, else a unique name. */
  const compoundOf = (row: LedgerRow): CompoundRef | null => {
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

  // Households per building, to hold against the building's declared count once all rows are in.
  const perBuilding = new Map<string, BuildingRows>();

  return {
    check(row: LedgerRow): Checked | null {
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
        if (code && !existingByCode && duplicate(row, `code:${code}`, 'code', code)) return null;
        return {
          kind,
          row: row.row,
          existing: existingByCode ?? byName ?? null,
          regionCode,
          values: { ...v, approx: row.approximate.includes('buildYear') },
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
      const entry = perBuilding.get(key) ?? {
        sheet: row.sheet,
        lastRow: 0,
        compoundId: compound.id,
        building,
        rooms: new Map(),
      };
      perBuilding.set(key, entry);
      // The building's rooms serve both the duplicate check and the household count.
      const first = entry.rooms.get(`${unit}|${room}`);
      if (first !== undefined) {
        problem(row, 'room', 'duplicate_row', {
          first,
          value: `${compound.name} ${building} ${unit} ${room}`,
        });
        return null;
      }
      entry.rooms.set(`${unit}|${room}`, row.row);
      entry.lastRow = row.row;
      return { kind, row: row.row, compound, building, unit, room, values: v };
    },
    perBuilding,
  };
}

interface BuildingRows {
  sheet: string;
  lastRow: number;
  compoundId: string;
  building: string;
  /** unit|room → the row it is on */
  rooms: Map<string, number>;
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
    const byBuilding = new Map<string, string[]>();
    for (const h of registered)
      byBuilding.set(h.buildingId, [...(byBuilding.get(h.buildingId) ?? []), `${h.unit}|${h.room}`]);
    for (const b of checked) {
      const entry = perBuilding.get(`${b.compoundId}|${b.number}`);
      if (!entry) continue;
      const rooms = new Set([...entry.rooms.keys(), ...(byBuilding.get(b.id) ?? [])]);
      if (rooms.size > b.n) {
        problem(
          { sheet: entry.sheet, row: entry.lastRow },
          { building: entry.building, limit: b.n, count: rooms.size },
        );
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

// On a conflict, what an imported row changes; a blank cell (or a column the sheet leaves out) keeps what is stored.
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

/** Upserts for one kind, in batches, inside the import's transaction. */
function makeWriter(tx: Tx) {
  let inserted = 0;
  let updated = 0;
  let createdBuildings = 0;
  const nextNumber = new Map<string, number>();
  const buildingIds = new Map<string, string>();
  const ownerIds = new Map<string, string>();

  async function newCode(subdistrictCode: string): Promise<string> {
    let n = nextNumber.get(subdistrictCode);
    if (n === undefined) {
      const [row] = await tx
        .select({
          max: sql<number>`coalesce(max(nullif(split_part(${compounds.code}, '-', 2), '')::int), 0)`,
        })
        .from(compounds)
        .where(sql`${compounds.code} ~ ${`^${subdistrictCode}-[0-9]+$`}`);
      n = Number(row?.max ?? 0);
    }
    nextNumber.set(subdistrictCode, n + 1);
    return `${subdistrictCode}-${String(n + 1).padStart(3, '0')}`;
  }

  let unchanged = 0;
  /** Tally an upsert: rows it did not return were already as the file says. */
  const tally = (rows: { inserted: boolean }[], sent: number) => {
    for (const r of rows) {
      if (r.inserted) inserted++;
      else updated++;
    }
    unchanged += sent - rows.length;
  };
  const isNew = sql<boolean>`(xmax = 0)`;

  const ownerKey = (compoundId: string, name: string, idNumber: string | null) =>
    `${compoundId}|${idNumber ? `id:${idNumber}` : `name:${name}`}`;
  const loaded = new Set<string>();

  /** Buildings and owners of the compounds a batch touches, loaded once per compound. */
  async function preload(compoundIds: string[]) {
    const fresh = [...new Set(compoundIds)].filter((id) => !loaded.has(id));
    if (fresh.length === 0) return;
    for (const id of fresh) loaded.add(id);
    const bs = await tx
      .select({ id: buildings.id, compoundId: buildings.compoundId, number: buildings.number })
      .from(buildings)
      .where(inArray(buildings.compoundId, fresh));
    for (const b of bs) buildingIds.set(`${b.compoundId}|${b.number}`, b.id);
    const os = await tx
      .select({ id: owners.id, compoundId: owners.compoundId, name: owners.name, idNumber: owners.idNumber })
      .from(owners)
      .where(inArray(owners.compoundId, fresh));
    for (const o of os) ownerIds.set(ownerKey(o.compoundId, o.name, o.idNumber), o.id);
  }

  /** Create, in two statements, the buildings and owners a batch of households needs. */
  async function createMissing(rows: Extract<Checked, { kind: 'households' }>[]) {
    await preload(rows.map((c) => c.compound.id));
    const newBuildings = new Map<string, typeof buildings.$inferInsert>();
    const newOwners = new Map<string, typeof owners.$inferInsert>();
    for (const c of rows) {
      const bKey = `${c.compound.id}|${c.building}`;
      if (!buildingIds.has(bKey)) {
        newBuildings.set(bKey, {
          compoundId: c.compound.id,
          regionCode: c.compound.regionCode,
          number: c.building,
        });
      }
      const name = str(c.values.ownerName);
      if (!name) continue;
      const idNumber = str(c.values.idNumber) || null;
      const oKey = ownerKey(c.compound.id, name, idNumber);
      if (!ownerIds.has(oKey) && !newOwners.has(oKey)) {
        newOwners.set(oKey, {
          compoundId: c.compound.id,
          regionCode: c.compound.regionCode,
          kind: name.includes('开发商') ? 'developer' : 'person',
          name,
          idNumber,
          phone: str(c.values.phone) || null,
        });
      }
    }
    if (newBuildings.size > 0) {
      const created = await tx
        .insert(buildings)
        .values([...newBuildings.values()])
        .returning({ id: buildings.id, compoundId: buildings.compoundId, number: buildings.number });
      for (const b of created) buildingIds.set(`${b.compoundId}|${b.number}`, b.id);
      createdBuildings += created.length;
    }
    if (newOwners.size > 0) {
      const created = await tx
        .insert(owners)
        .values([...newOwners.values()])
        .returning({
          id: owners.id,
          compoundId: owners.compoundId,
          name: owners.name,
          idNumber: owners.idNumber,
        });
      for (const o of created) ownerIds.set(ownerKey(o.compoundId, o.name, o.idNumber), o.id);
    }
  }

  const ownerOf = (c: Extract<Checked, { kind: 'households' }>) => {
    const name = str(c.values.ownerName);
    return name
      ? (ownerIds.get(ownerKey(c.compound.id, name, str(c.values.idNumber) || null)) ?? null)
      : null;
  };

  return {
    async write(batch: Checked[]) {
      if (batch.length === 0) return;
      const newCompounds: (typeof compounds.$inferInsert)[] = [];
      for (const c of batch) {
        if (c.kind === 'compounds') {
          const v = c.values;
          const fields = {
            name: str(v.name),
            regionCode: c.regionCode,
            ...(str(v.address) ? { address: str(v.address) } : {}),
            ...(num(v.buildYear) !== null
              ? { buildYear: num(v.buildYear), buildYearApprox: v.approx === true }
              : {}),
            ...(num(v.buildingCount) !== null ? { buildingCount: num(v.buildingCount) ?? 0 } : {}),
            ...(num(v.unitCount) !== null ? { unitCount: num(v.unitCount) ?? 0 } : {}),
            ...(num(v.householdCount) !== null ? { householdCount: num(v.householdCount) ?? 0 } : {}),
            ...(num(v.residentCount) !== null ? { residentCount: num(v.residentCount) ?? 0 } : {}),
            ...(num(v.floorArea) !== null ? { floorArea: num(v.floorArea) ?? 0 } : {}),
            ...(str(v.propertyManagement) ? { propertyManagement: str(v.propertyManagement) } : {}),
            ...(num(v.lng) !== null ? { lng: num(v.lng) } : {}),
            ...(num(v.lat) !== null ? { lat: num(v.lat) } : {}),
            ...(str(v.notes) ? { notes: str(v.notes) } : {}),
          };
          if (c.existing) {
            const changed = whenChanged(compounds, fields);
            const rows = await tx
              .update(compounds)
              .set({ ...fields, updatedAt: new Date(), version: sql`${compounds.version} + 1` })
              .where(and(eq(compounds.id, c.existing.id), changed))
              .returning({ id: compounds.id });
            if (rows.length > 0) updated++;
            else unchanged++;
          } else {
            newCompounds.push({ ...fields, code: str(v.code) || (await newCode(c.regionCode.slice(0, 9))) });
          }
        }
      }
      if (newCompounds.length > 0) {
        await tx.insert(compounds).values(newCompounds);
        inserted += newCompounds.length;
      }
      const buildingRows = batch.flatMap((c) => (c.kind === 'buildings' ? [c] : []));
      if (buildingRows.length > 0) {
        const rows = await tx
          .insert(buildings)
          .values(
            buildingRows.map((c) => ({
              compoundId: c.compound.id,
              regionCode: c.compound.regionCode,
              number: c.number,
              floors: num(c.values.floors),
              unitCount: num(c.values.unitCount) ?? 1,
              householdCount: num(c.values.householdCount) ?? 0,
              floorArea: num(c.values.floorArea),
              buildYear: num(c.values.buildYear),
            })),
          )
          .onConflictDoUpdate({
            target: [buildings.compoundId, buildings.number],
            set: { ...buildingUpdate, version: sql`${buildings.version} + 1` },
            setWhere: whenChanged(buildings, buildingUpdate),
          })
          .returning({ inserted: isNew });
        tally(rows, buildingRows.length);
      }
      const householdRows = batch.flatMap((c) => (c.kind === 'households' ? [c] : []));
      if (householdRows.length > 0) {
        await createMissing(householdRows);
        const values = [];
        for (const c of householdRows) {
          const area = num(c.values.exclusiveArea);
          const basis = str(c.values.areaBasis) || 'registered';
          values.push({
            compoundId: c.compound.id,
            buildingId: buildingIds.get(`${c.compound.id}|${c.building}`) ?? '',
            regionCode: c.compound.regionCode,
            unit: c.unit,
            room: c.room,
            ownerId: ownerOf(c),
            areaRegistered: basis === 'registered' ? area : null,
            areaSurveyed: basis === 'surveyed' ? area : null,
            areaContract: basis === 'contract' ? area : null,
            contactPhone: str(c.values.phone) || null,
            notes: str(c.values.notes) || null,
          });
        }
        const rows = await tx
          .insert(households)
          .values(values)
          .onConflictDoUpdate({
            target: [households.buildingId, households.unit, households.room],
            set: { ...householdUpdate, version: sql`${households.version} + 1` },
            setWhere: whenChanged(households, householdUpdate),
          })
          .returning({ inserted: isNew });
        tally(rows, values.length);
      }
    },
    counts: () => ({ inserted, updated, unchanged, createdBuildings }),
  };
}
