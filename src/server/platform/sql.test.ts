import { type SQL, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/client.js';
import { freshDatabase } from '../testing/db.js';
import { anyRow, countAhead, inParts, kept, paged } from './sql.js';

let database: Database;
beforeAll(async () => {
  database = await freshDatabase({ seeded: false });
});

/** A list of `n` numbered rows, paged as a list page is. */
function numbers(n: number, page: number, pageSize = 20) {
  const { db } = database;
  const series = sql`generate_series(1, ${n}) AS s(i)`;
  return paged(
    db,
    db.select(anyRow).from(series),
    (limit, offset) =>
      db.select({ i: sql<number>`i` }).from(series).orderBy(sql`i`).limit(limit).offset(offset),
    { page, pageSize },
  );
}

describe('paged', () => {
  it.each([
    // rows matching, page → total, exact
    [0, 1, 0, true],
    [7, 1, 7, true],
    [countAhead, 1, countAhead, true],
    [countAhead + 1, 1, countAhead, false],
    [5000, 1, countAhead, false],
    // Further on, counting goes on from the page's start: the pager grows as the reader goes.
    [5000, 51, 1000 + countAhead, false],
    [1500, 51, 1500, true],
  ])('%i rows, page %i: total %i, exact %s', async (n, page, total, exact) => {
    const result = await numbers(n, page);
    expect(result).toMatchObject({ total, totalExact: exact, page, pageSize: 20 });
    const first = (page - 1) * 20 + 1;
    expect(result.items.map((r) => Number(r.i))).toEqual(
      Array.from({ length: Math.max(0, Math.min(20, n - first + 1)) }, (_, k) => first + k),
    );
  });
});

describe('inParts', () => {
  it('pages through each part in turn, an empty part included, at any page size', async () => {
    const { db } = database;
    const series = sql`generate_series(1, 10) AS s(i)`;
    // By remainder of 3, with a part that matches nothing between them.
    const parts = [sql`i % 3 = 0`, sql`i > 100`, sql`i % 3 = 1`, sql`i % 3 = 2`];
    const expected = [3, 6, 9, 1, 4, 7, 10, 2, 5, 8];
    const rows = (where: SQL | undefined, limit: number, offset: number) =>
      db.select({ i: sql<number>`i` }).from(series).where(where).orderBy(sql`i`).limit(limit).offset(offset);
    const counted = async (where: SQL | undefined) =>
      Number((await db.select({ n: sql<number>`count(*)` }).from(series).where(where))[0]?.n);
    for (const size of [1, 2, 3, 4, 10]) {
      const seen: number[] = [];
      for (let offset = 0; offset < 12; offset += size) {
        const page = await inParts(rows, counted, sql`i <> 11`, parts, size, offset);
        seen.push(...page.map((r) => Number(r.i)));
      }
      expect(seen, `pages of ${size}`).toEqual(expected);
    }
  });
});

describe('kept', () => {
  /** The numbers up to 10 that `where` keeps, `limit` of them from `offset`, by a kept statement. */
  function numbersWhere(where: SQL | undefined, scale = 1) {
    const { db } = database;
    const series = sql`generate_series(1, 10) AS s(i)`;
    return kept(db, 'numbers', { where, scale }, ({ where, scale }) =>
      db
        .select({ i: sql<number>`i * ${scale}` })
        .from(series)
        .where(where)
        .orderBy(sql`i`)
        .limit(sql.placeholder('limit'))
        .offset(sql.placeholder('offset')),
    );
  }

  it('keeps one statement for what is built the same, and runs it with each call’s limit and offset', async () => {
    const odd = numbersWhere(sql`i % 2 = ${1}`);
    expect(numbersWhere(sql`i % 2 = ${1}`)).toBe(odd);
    const run = async (statement: typeof odd, limit: number, offset: number) =>
      (await statement.execute({ limit, offset })).map((r) => Number(r.i));
    expect(await run(odd, 2, 0)).toEqual([1, 3]);
    expect(await run(odd, 3, 2)).toEqual([5, 7, 9]);
  });

  it('builds anew where a condition’s value, its text or another part of the key differs', async () => {
    const odd = numbersWhere(sql`i % 2 = ${1}`);
    const even = numbersWhere(sql`i % 2 = ${0}`);
    const below = numbersWhere(sql`i < ${1}`);
    const tripled = numbersWhere(sql`i % 2 = ${1}`, 3);
    expect(new Set([odd, even, below, tripled]).size).toBe(4);
    expect((await even.execute({ limit: 10, offset: 0 })).map((r) => Number(r.i))).toEqual([2, 4, 6, 8, 10]);
    expect((await tripled.execute({ limit: 2, offset: 0 })).map((r) => Number(r.i))).toEqual([3, 9]);
  });
});
