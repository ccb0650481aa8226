import { sql } from 'drizzle-orm';
import { boolean, integer, numeric, pgTable, text } from 'drizzle-orm/pg-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Database, queryRows } from '../../db/client.js';
import { freshDatabase } from '../../testing/db.js';
import { batches, inFlight, insertRows, recordset } from './batches.js';

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

const copied = pgTable('copied', {
  n: integer('n'),
  amount: numeric('amount'),
  ok: boolean('ok'),
  label: text('label'),
});

describe('insertRows', () => {
  it("writes every value as it was, by this database's way in (COPY on PGlite)", async () => {
    const set = recordset({ n: 'int', amount: 'numeric', ok: 'boolean', label: 'text' });
    const rows = [
      { n: 1, amount: 12.5, ok: true, label: '曹门街道' },
      { n: 2, amount: null, ok: false, label: 'tab\there, line\nbreak, back\\slash, \\N, "quoted"' },
      { n: 3, amount: 1e-7, ok: null, label: '' },
      { n: 4, amount: -1234567.89, ok: true, label: null },
      { n: 5, label: 'NULL' },
    ];
    const got = await database.db.transaction(async (tx) => {
      await tx.execute(
        sql`CREATE TEMP TABLE copied (n int, amount numeric, ok boolean, label text) ON COMMIT DROP`,
      );
      await insertRows(tx, database.kind, copied, set, rows);
      await insertRows(tx, database.kind, copied, set, []);
      return queryRows<Record<string, unknown>>(
        tx,
        sql`SELECT n, amount::float8 AS amount, ok, label FROM copied ORDER BY n`,
      );
    });
    expect(got).toEqual([...rows.slice(0, 4), { n: 5, amount: null, ok: null, label: 'NULL' }]);
  });
});

describe('inFlight', () => {
  const later = <T>(value: T, ms: number, fail = false) =>
    new Promise<T>((resolve, reject) =>
      setTimeout(() => (fail ? reject(new Error(String(value))) : resolve(value)), ms),
    );

  it('on PGlite sends at once, and waits for the oldest only past its limit', async () => {
    const started: number[] = [];
    const answered: number[] = [];
    const sent = inFlight('pglite', 2);
    const statement = (n: number, ms: number) => () => {
      started.push(n);
      return later(n, ms).then(() => answered.push(n));
    };
    await sent.send(statement(1, 20));
    await sent.send(statement(2, 20));
    expect(started).toEqual([1, 2]);
    expect(answered).toEqual([]);
    await sent.send(statement(3, 1));
    expect(answered).toContain(1);
    await sent.done();
    expect(answered.sort()).toEqual([1, 2, 3]);
  });

  it('on PostgreSQL starts each statement when the one before is answered, asked ones too', async () => {
    const log: string[] = [];
    const sent = inFlight('postgres');
    const statement = (n: number) => async () => {
      log.push(`start ${n}`);
      await later(n, 5);
      log.push(`end ${n}`);
      return n;
    };
    await sent.send(statement(1));
    await sent.send(statement(2));
    expect(await sent.ask(statement(3))).toBe(3);
    await sent.done();
    expect(log).toEqual(['start 1', 'end 1', 'start 2', 'end 2', 'start 3', 'end 3']);
  });

  it('raises a failure at the send or done that comes to it, and settles quietly', async () => {
    for (const kind of ['pglite', 'postgres'] as const) {
      const sent = inFlight(kind, 1);
      await sent.send(() => later('refused', 5, true));
      await expect(sent.send(() => later('next', 1))).rejects.toThrow('refused');
      const failing = inFlight(kind);
      await failing.send(() => later('refused', 1, true));
      await expect(failing.done()).rejects.toThrow('refused');
      const settling = inFlight(kind);
      await settling.send(() => later('refused', 1, true));
      await expect(settling.settle()).resolves.toBeUndefined();
    }
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
