import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Database, queryRows } from '../../db/client.js';
import { freshDatabase } from '../../testing/db.js';
import { batches, recordset } from './batches.js';

let database: Database;
beforeAll(async () => {
  database = await freshDatabase();
});

describe('recordset', () => {
  const columns = { n: 'int', amount: 'numeric', ok: 'boolean', id: 'uuid', label: 'text' };

  it('carries every value through the database as it was, typed by its column', async () => {
    const rows = [
      { n: 1, amount: 12.5, ok: true, id: '01970000-0000-7000-8000-000000000001', label: '曹门街道' },
      { n: null, amount: null, ok: false, id: null, label: 'a "quoted" \\ back,slash {brace}' },
      { n: -3, amount: 1234567.89, ok: null, id: null, label: '' },
      { n: 0, amount: 0, ok: true, id: null, label: 'NULL' },
      { n: 4, amount: 1e-7, ok: true, id: null, label: ' spaced ' },
      { label: null },
    ];
    const got = await queryRows<Record<string, unknown>>(
      database.db,
      sql`SELECT n, amount::float8 AS amount, ok, id::text AS id, label FROM (${recordset(columns).select(rows)}) r`,
    );
    expect(got).toEqual([
      rows[0],
      rows[1],
      rows[2],
      rows[3],
      rows[4],
      { n: null, amount: null, ok: null, id: null, label: null },
    ]);
  });

  it('gives no rows for no rows', async () => {
    const got = await queryRows(database.db, recordset(columns).select([]));
    expect(got).toEqual([]);
  });

  it('refuses a column name that is not a plain identifier', () => {
    expect(() => recordset({ 'n; DROP TABLE users': 'int' })).toThrow(/bad identifier/);
  });
});

describe('batches', () => {
  it('writes full batches in order as rows come, and the rest when done', async () => {
    const written: number[][] = [];
    const b = batches<number>(async (rows) => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      written.push(rows);
    }, 3);
    for (let i = 0; i < 7; i++) await b.push(i);
    expect(b.count).toBe(7);
    await b.done();
    expect(written).toEqual([[0, 1, 2], [3, 4, 5], [6]]);
  });

  it('hands back nothing to wait for until a batch is full', () => {
    const b = batches<number>(async () => {}, 2);
    expect(b.push(1)).toBeUndefined();
    expect(b.push(2)).toBeInstanceOf(Promise);
  });

  it('fails the next hand-over, or done, when a batch fails to write', async () => {
    const b = batches<number>(async (rows) => {
      if (rows[0] === 0) throw new Error('disk full');
    }, 1);
    await b.push(0);
    await expect(b.push(1)).rejects.toThrow('disk full');
    const c = batches<number>(async () => {
      throw new Error('disk full');
    }, 5);
    c.push(0);
    await expect(c.done()).rejects.toThrow('disk full');
  });

  it('settles quietly when the import is failing anyway, dropping the rows not yet handed over', async () => {
    const written: number[][] = [];
    const b = batches<number>(async (rows) => {
      written.push(rows);
      throw new Error('constraint');
    }, 2);
    await b.push(0);
    await b.push(1);
    await b.push(2);
    await expect(b.settle()).resolves.toBeUndefined();
    expect(written).toEqual([[0, 1]]);
  });
});
