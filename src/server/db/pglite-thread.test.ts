import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PGliteThread } from './pglite-thread.js';

let client: PGliteThread;
beforeAll(async () => {
  client = new PGliteThread(null, {});
  await client.ready;
  await client.query('CREATE TABLE t (n int PRIMARY KEY, label text, at timestamptz)');
});
afterAll(async () => {
  await client?.close();
});

const labels = async () =>
  (await client.query<{ n: number; label: string }>('SELECT n, label FROM t ORDER BY n')).rows;

describe('PGliteThread', () => {
  it('answers queries in either row mode, with parameters', async () => {
    const objects = await client.query<{ a: number; b: string }>('SELECT $1::int AS a, $2::text AS b', [
      7,
      '曹门',
    ]);
    expect(objects.rows).toEqual([{ a: 7, b: '曹门' }]);
    const arrays = await client.query<unknown[]>('SELECT 1 AS a, $1::text AS b', ['x'], { rowMode: 'array' });
    expect(arrays.rows).toEqual([[1, 'x']]);
  });

  it("applies the caller's parsers here, to values that crossed as text", async () => {
    const result = await client.query<{ at: unknown; n: unknown }>(
      "SELECT '2026-11-27 08:00:00+00'::timestamptz AS at, 21 AS n",
      [],
      { parsers: { 1184: (text: string) => `text:${text}`, 23: (text: string) => Number(text) * 2 } },
    );
    expect(result.rows).toEqual([{ at: 'text:2026-11-27 08:00:00+00', n: 42 }]);
  });

  it("fails a bad query with PostgreSQL's code and message, and goes on answering", async () => {
    const error = await client.query('SELECT * FROM missing').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({ code: '42P01', message: expect.stringMatching(/missing/) });
    expect((await client.query('SELECT 1 AS one')).rows).toEqual([{ one: 1 }]);
  });

  it('commits a transaction that returns and rolls back one that throws or asks to', async () => {
    await client.transaction(async (tx) => {
      await tx.query("INSERT INTO t (n, label) VALUES (1, 'kept')");
    });
    await expect(
      client.transaction(async (tx) => {
        await tx.query("INSERT INTO t (n, label) VALUES (2, 'thrown')");
        throw new Error('no');
      }),
    ).rejects.toThrow('no');
    await client.transaction(async (tx) => {
      await tx.query("INSERT INTO t (n, label) VALUES (3, 'asked')");
      await tx.rollback();
    });
    expect(await labels()).toEqual([{ n: 1, label: 'kept' }]);
  });

  it('fails the transaction whose commit fails', async () => {
    await client.query('CREATE TABLE d (n int UNIQUE DEFERRABLE INITIALLY DEFERRED)');
    await expect(
      client.transaction(async (tx) => {
        await tx.query('INSERT INTO d VALUES (1), (1)');
      }),
    ).rejects.toMatchObject({ code: '23505' });
    expect((await client.query('SELECT count(*)::int AS n FROM d')).rows).toEqual([{ n: 0 }]);
  });

  it('holds queries from outside a transaction until it ends, as one session does', async () => {
    let outside: Promise<unknown> | undefined;
    await client.transaction(async (tx) => {
      await tx.query("INSERT INTO t (n, label) VALUES (4, 'inside')");
      outside = client.query('SELECT label FROM t WHERE n = 4');
      const settled = await Promise.race([
        outside.then(() => true),
        new Promise((r) => setTimeout(() => r(false), 100)),
      ]);
      expect(settled).toBe(false);
    });
    expect(await outside).toMatchObject({ rows: [{ label: 'inside' }] });
  });

  it("copies text into a table, COPY's escapes and nulls as written", async () => {
    const text = ['10\ta\\tb\\nc\\\\d\t\\N', '11\t\\N\t2026-11-27 08:00:00+00', ''].join('\n');
    await client.transaction(async (tx) => {
      await tx.copyFrom("COPY t (n, label, at) FROM '/dev/blob'", text);
    });
    const rows = await client.query<{ n: number; label: string | null; nulls: boolean }>(
      'SELECT n, label, at IS NULL AS nulls FROM t WHERE n >= 10 ORDER BY n',
    );
    expect(rows.rows).toEqual([
      { n: 10, label: 'a\tb\nc\\d', nulls: true },
      { n: 11, label: null, nulls: false },
    ]);
  });

  it('refuses queries once closed', async () => {
    const closing = new PGliteThread(null, {});
    await closing.ready;
    await closing.close();
    await expect(closing.query('SELECT 1')).rejects.toThrow(/database thread stopped/);
  });
});
