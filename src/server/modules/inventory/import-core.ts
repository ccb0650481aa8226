/**
 * What the three inventory imports (compounds, buildings, households) share: the references rows
 * are checked against, the checks every kind makes (duplicates, scope, the compound a row names),
 * and the pieces their batched writers are made of. Each kind's checker and writer is a file of
 * its own (import-compounds.ts, import-buildings.ts, import-households.ts); import.ts runs them.
 */
import { is, SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
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

/** One kind's import: its row checks, its writer, and the checks that need every row. */
export interface KindImport<C> {
  check(row: SheetRow): C | null;
  writer(tx: Tx, dbKind: DbKind): Promise<Writer<C>>;
  /** Cross-row checks once every row is in (a building's declared household count). */
  afterRows?(db: Db | Tx): Promise<void>;
}

export const one = async (tx: Tx, query: SQL) =>
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
