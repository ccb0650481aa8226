/**
 * What the three inventory imports (compounds, buildings, households) share: the references rows
 * are checked against, the checks every kind makes (duplicates, scope, the compound a row names),
 * and the pieces their batched writers are made of. Each kind's checker and writer is a file of
 * its own (import-compounds.ts, import-buildings.ts, import-households.ts); import.ts runs them.
 */
import { is, SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { ImportPreviewCell, ImportPreviewRow } from '../../../contract/imports.js';
import { inScope } from '../../../domain/access.js';
import { type Db, type DbKind, queryRows, type Tx } from '../../db/client.js';
import { compounds, regions } from '../../db/schema.js';
import type { Batches, InFlight } from '../../platform/sheets/batches.js';
import type { SheetRow } from '../../platform/sheets/read.js';
import type { ImportReason } from './import-messages.js';

export interface CompoundRef {
  id: string;
  code: string;
  name: string;
  regionCode: string;
  subdistrictCode: string;
}

/** What rows are checked against: the region names and the compounds already held. */
export async function loadReferences(db: Db) {
  const regionRows = await db.select().from(regions);
  const subdistricts = new Map<string, string>();
  const communities = new Map<string, Map<string, string>>();
  const communityCodes = new Set<string>();
  for (const r of regionRows) {
    if (r.level === 'subdistrict' || r.level === 'township') {
      subdistricts.set(r.name, r.code);
      // "曹门" for 曹门街道, "东郊" for 东郊乡: offices drop the suffix.
      subdistricts.set(r.name.replace(/(街道|乡|镇)$/, ''), r.code);
    }
  }
  for (const r of regionRows) {
    if (r.level !== 'community' || !r.parentCode) continue;
    communityCodes.add(r.code);
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
  return { subdistricts, communities, communityCodes, regionNames, byCode, bySubdistrictName, byName };
}
export type References = Awaited<ReturnType<typeof loadReferences>>;

export const str = (v: unknown) =>
  typeof v === 'string' ? v.trim() : v === null || v === undefined ? '' : String(v);
export const num = (v: unknown) => (typeof v === 'number' ? v : null);

/** Reports a problem of a row, in the column of `field` as the file has it. */
export type RowProblem = (
  row: Pick<SheetRow, 'sheet' | 'row'>,
  field: string,
  reason: ImportReason,
  params: Record<string, string | number>,
) => void;

/** The checks every kind makes: duplicates within the file, scope, the compound a row names. */
export function checkTools(refs: References, prefixes: readonly string[] | null, problem: RowProblem) {
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
  return { seen, duplicate, allowed, compoundOf };
}
export type CheckTools = ReturnType<typeof checkTools>;

export interface Counts {
  inserted: number;
  updated: number;
  unchanged: number;
  createdBuildings: number;
  /** Survey sheets: inserted structures linked to one already registered (same household and type). */
  linked?: number;
}

/**
 * Batched writes for one kind, inside the import's transaction: `add` takes a checked row (and
 * hands back a promise only when it hands a batch over), `finish` writes the last batch and waits
 * for every statement sent, `settle` waits for those when the import is failing, and `counts`
 * says what was done (complete once `finish` has returned).
 */
export interface Writer<C> {
  add(c: C): Promise<void> | undefined;
  finish(): Promise<void>;
  settle(): Promise<void>;
  counts(): Counts;
}

/**
 * How a writer runs. `write`: inside the import's transaction. `check` (a dry run): outside any
 * transaction, writing nothing: each batch is compared with what is stored in one short read, so
 * other requests are answered between them (PGlite has one connection, which a transaction
 * holds), and the first rows to be added and changed are kept for the preview.
 */
export type WriterMode = { check: false } | { check: true; preview: Preview };

/** One kind's import: its row checks, its writer, and the checks that need every row. */
export interface KindImport<C> {
  /** A row's checks; a promise only where they read the database (through `db`, the import's own). */
  check(row: SheetRow, db: Db | Tx): C | null | Promise<C | null>;
  writer(db: Tx, dbKind: DbKind, mode: WriterMode): Promise<Writer<C>>;
  /** Cross-row checks once every row is in (a building's declared household count). */
  afterRows?(db: Db | Tx): Promise<void>;
}

export const one = async (tx: Db | Tx, query: SQL) =>
  (await queryRows<Record<string, number>>(tx, query))[0] ?? {};

/** How a writer's batches and the statements they sent end. */
export const ending = (written: Batches<unknown>, sent: InFlight) => ({
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
 * True when an update would change any of `set`'s columns of `table`: rows already as the file
 * says are left alone, keep their version, and are counted as unchanged.
 */
export function whenChanged(table: object, set: Record<string, unknown>): SQL {
  const columns = Object.keys(set).map((key) => (table as Record<string, AnyPgColumn>)[key] as AnyPgColumn);
  const values = Object.values(set).map((v) => (is(v, SQL) ? v : sql`${v}`));
  return sql`(${sql.join(columns, sql`, `)}) IS DISTINCT FROM (${sql.join(values, sql`, `)})`;
}

/** `col = value, …` for an UPDATE or ON CONFLICT's SET, from a column key → value map. */
export function assignments(table: object, set: Record<string, SQL>): SQL {
  const columns = table as Record<string, AnyPgColumn>;
  return sql.join(
    Object.entries(set).map(
      ([key, value]) => sql`${sql.identifier((columns[key] as AnyPgColumn).name)} = ${value}`,
    ),
    sql`, `,
  );
}

/** Rows shown of each list in a check's preview. */
export const previewRows = 20;

/** The first rows a checked import adds and changes. */
export class Preview {
  readonly added: ImportPreviewRow[] = [];
  readonly changed: ImportPreviewRow[] = [];
  /** How many more rows each list takes. */
  room(list: 'added' | 'changed'): number {
    return previewRows - this[list].length;
  }
  add(list: 'added' | 'changed', row: ImportPreviewRow) {
    if (this.room(list) > 0) this[list].push(row);
  }
  /** Ordered by sheet row (batches are compared in order, but inserts and upserts apart). */
  result() {
    const byRow = (a: ImportPreviewRow, b: ImportPreviewRow) => a.row - b.row;
    return { added: [...this.added].sort(byRow), changed: [...this.changed].sort(byRow) };
  }
}

/** A value as the preview shows it. */
export function shown(value: unknown): string | null {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value === 'boolean') return value ? '✓' : '✗';
  return String(value);
}

/** The cells a file's row gives (non-empty), keyed and labelled by the sheet's columns. */
export function givenCells(
  columns: readonly { key: string; header: string; options?: Record<string, string> }[],
  values: Record<string, unknown>,
): ImportPreviewCell[] {
  const cells: ImportPreviewCell[] = [];
  for (const c of columns) {
    const value = values[c.key];
    if (value === null || value === undefined || value === '') continue;
    cells.push({ field: c.key, header: c.header, old: null, new: enumLabel(c.options, value) });
  }
  return cells;
}

/** An enum's stored value as the sheet writes it ("none" → 无物业). */
export function enumLabel(options: Record<string, string> | undefined, value: unknown): string | null {
  if (options && typeof value === 'string') {
    for (const [label, v] of Object.entries(options)) if (v === value) return label;
  }
  return shown(value);
}

/** The cells of a changed row that differ: `old` and `new` as read back, by the set's keys. */
export function changedCells(
  old: Record<string, unknown>,
  next: Record<string, unknown>,
  label: (key: string) => { header: string; show?: (v: unknown) => string | null } | null,
): ImportPreviewCell[] {
  const cells: ImportPreviewCell[] = [];
  for (const key of Object.keys(next)) {
    const a = old[key];
    const b = next[key];
    const same =
      a === b ||
      (a !== null &&
        b !== null &&
        a !== undefined &&
        b !== undefined &&
        Number(a) === Number(b) &&
        !Number.isNaN(Number(a)));
    if (same) continue;
    const l = label(key);
    if (!l) continue;
    const show = l.show ?? shown;
    cells.push({ field: key, header: l.header, old: show(a), new: show(b) });
  }
  return cells;
}

/**
 * What a batch would do to `table`, read without writing: `source` selects the batch's rows (with
 * their sheet row as `row_no`) as `s`, `on` finds each one's stored row, `set` is what the write
 * would set (the same expressions, over `s`). Rows not found would be inserted; found rows whose
 * `set` differs from what is stored would be updated (the write's own `IS DISTINCT FROM`). The
 * first `sample` of each come back: the new rows' numbers, and the changed rows' old and new values.
 */
export async function compareBatch(
  db: Db | Tx,
  o: { source: SQL; table: PgTable; id: AnyPgColumn; on: SQL; set: Record<string, SQL>; sample: number },
) {
  const columns = o.table as unknown as Record<string, AnyPgColumn>;
  const object = (values: [string, SQL | AnyPgColumn][]) =>
    sql`json_build_object(${sql.join(
      values.map(([k, v]) => sql`${sql.raw(`'${k.replace(/[^A-Za-z0-9_]/g, '')}'`)}, ${v}`),
      sql`, `,
    )})`;
  const keys = Object.keys(o.set);
  const old = object(keys.map((k) => [k, columns[k] as AnyPgColumn]));
  const next = object(Object.entries(o.set));
  const [r] = await queryRows<{
    inserted: number;
    updated: number;
    added: number[] | string | null;
    changed: { row_no: number; old: Record<string, unknown>; new: Record<string, unknown> }[] | string | null;
  }>(
    db,
    sql`WITH s AS (${o.source}),
      m AS (
        SELECT s.row_no, ${o.id} IS NULL AS fresh,
          (${o.id} IS NOT NULL AND ${whenChanged(o.table, o.set)}) AS changed, ${old} AS old, ${next} AS new
        FROM s LEFT JOIN ${o.table} ON ${o.on})
      SELECT count(*) FILTER (WHERE fresh)::int AS inserted, count(*) FILTER (WHERE changed)::int AS updated,
        (SELECT json_agg(row_no) FROM (SELECT row_no FROM m WHERE fresh ORDER BY row_no LIMIT ${o.sample}) a) AS added,
        (SELECT json_agg(c) FROM (SELECT row_no, old, new FROM m WHERE changed ORDER BY row_no LIMIT ${o.sample}) c) AS changed
      FROM m`,
  );
  const parse = <T>(v: T | string | null | undefined): T | null =>
    typeof v === 'string' ? (JSON.parse(v) as T) : (v ?? null);
  return {
    inserted: Number(r?.inserted ?? 0),
    updated: Number(r?.updated ?? 0),
    added: parse(r?.added) ?? [],
    changed: parse(r?.changed) ?? [],
  };
}
