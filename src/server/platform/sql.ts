import { and, count, not, SQL, type SQLWrapper, sql } from 'drizzle-orm';
import { type AnyPgColumn, PgDialect } from 'drizzle-orm/pg-core';
import { LRUCache } from 'lru-cache';
import type { Db } from '../db/client.js';

/** Case-insensitive "contains" with the user's text taken literally (no wildcards of theirs). */
export function contains(column: AnyPgColumn, text: string): SQL {
  const escaped = text.replace(/[\\%_]/g, (c) => `\\${c}`);
  return sql`${column} ILIKE ${`%${escaped}%`}`;
}

/**
 * How far past the start of the page asked for a list counts its matches. Every list of a
 * district is counted exactly; a list of a city or a province says "N+" rather than count each
 * of its hundreds of thousands of rows for every page, and its pager grows as the reader goes on.
 * The exact figures of a whole scope are the statistics' (tallied), not a list's.
 */
export const countAhead = 1000;

/**
 * A column named with its table, for a subquery that refers to the row outside it: in a select
 * from one table Drizzle writes that table's columns bare, and inside the subquery a bare name is
 * read as the subquery's own column where it has one of that name.
 */
export const qualified = (column: AnyPgColumn) => sql`${column.table}.${sql.identifier(column.name)}`;

/** The select list of a query whose rows only need counting: `db.select(anyRow).from(…).where(…)`. */
export const anyRow = { one: sql<number>`1` };

/** The statement that counts a query's rows (as a subquery, so its own joins and limit hold). */
export const counting = (db: Db, query: SQLWrapper) =>
  db.select({ n: count() }).from(sql`(${query}) AS counted`);

/** How many rows a query gives. */
export async function countOf(db: Db, query: SQLWrapper): Promise<number> {
  const [row] = await counting(db, query);
  return row?.n ?? 0;
}

/** One of what `make` makes per database (a cache, say): the tests open many in one process. */
export function perDatabase<T extends object>(make: () => T): (db: Db) => T {
  const made = new WeakMap<Db, T>();
  return (db) => {
    let value = made.get(db);
    if (!value) {
      value = make();
      made.set(db, value);
    }
    return value;
  };
}

const dialect = new PgDialect();
const statements = perDatabase(() => new LRUCache<string, object>({ max: 1000 }));

/**
 * The statement `build` makes of `from`, built once per database and per `from` and kept, to be
 * run with the values of its placeholders (`sql.placeholder`: a page's limit and offset).
 * Building a statement with Drizzle — its columns, joins and order, written out anew each time —
 * took a third of a province's first page of compounds at 220,000 (about 0.25 of 0.85 ms), as
 * long as PostgreSQL took to read the page.
 *
 * `from` is the key: each condition in it counts by its SQL text and its values, so two callers
 * share a statement only where it would be written the same for both. `build` reads nothing but
 * `from` and constants. A statement is prepared unnamed (name ''): node-postgres parses it with
 * each run and PostgreSQL plans it for that run's values, as it plans a statement not kept.
 */
export function kept<F extends Record<string, unknown>, P>(
  db: Db,
  name: string,
  from: F,
  build: (from: F) => { prepare(name: string): P },
): P {
  const key = JSON.stringify([name, from], (_, value) =>
    value instanceof SQL ? dialect.sqlToQuery(value) : value,
  );
  const cache = statements(db);
  const hit = cache.get(key);
  if (hit) return hit as P;
  const statement = build(from).prepare('');
  cache.set(key, statement as object);
  return statement;
}

/** One page of a list (the contract's `pageOf`). */
export interface Page<T> {
  items: T[];
  total: number;
  totalExact: boolean;
  page: number;
  pageSize: number;
}

/**
 * One page of a filtered query and how many rows match, counted up to `countAhead` rows past the
 * page's start (`totalExact` false: at least `total` match). `matching` selects `anyRow` under the
 * same joins and conditions as `rows`, or counts them itself (at most `limit`).
 */
export async function paged<T>(
  db: Db,
  matching: { limit(n: number): SQLWrapper } | ((limit: number) => Promise<number>),
  rows: (limit: number, offset: number) => Promise<T[]>,
  page: { page: number; pageSize: number },
): Promise<Page<T>> {
  const offset = (page.page - 1) * page.pageSize;
  const bound = offset + countAhead;
  const counted =
    typeof matching === 'function' ? matching(bound + 1) : countOf(db, matching.limit(bound + 1));
  const [n, items] = await Promise.all([counted, rows(page.pageSize, offset)]);
  return {
    items,
    total: Math.min(n, bound),
    totalExact: n <= bound,
    page: page.page,
    pageSize: page.pageSize,
  };
}

/**
 * A page of the rows matching `where` in parts: those matching `parts[0]` first, then
 * `parts[1]`'s, and so on, each part in `rows`' own order (the parts do not overlap). Each part
 * is a query that reads in an index's order and stops at the page, where ordering by the parts
 * themselves reads and sorts every row in scope. `counted` says how many rows match a condition:
 * it is asked only of a part that ended before the page started.
 */
export async function inParts<T>(
  rows: (where: SQL | undefined, limit: number, offset: number) => Promise<T[]>,
  counted: (where: SQL | undefined) => Promise<number>,
  where: SQL | undefined,
  parts: readonly SQL[],
  limit: number,
  offset: number,
): Promise<T[]> {
  const page: T[] = [];
  // How many of the part's rows come before the page.
  let skip = offset;
  for (const part of parts) {
    const got = await rows(and(where, part), limit - page.length, skip);
    page.push(...got);
    if (page.length === limit) break;
    // The part ended on this page (the next starts at its top), or before it: its length
    // places the next.
    skip = got.length > 0 ? 0 : skip - (await counted(and(where, part)));
  }
  return page;
}

/** `inParts` of two: the rows matching `first`, then the rest. */
export const firstThenRest = <T>(
  rows: (where: SQL | undefined, limit: number, offset: number) => Promise<T[]>,
  counted: (where: SQL | undefined) => Promise<number>,
  where: SQL | undefined,
  first: SQL,
  limit: number,
  offset: number,
) => inParts(rows, counted, where, [first, not(first)], limit, offset);
