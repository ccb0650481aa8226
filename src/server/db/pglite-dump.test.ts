/**
 * An in-memory PGlite dumped and opened again from its dump (what each test file's database is
 * made from, and a way to copy a database whole).
 */
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { atEnd, freshDatabase } from '../testing/db.js';
import { openDatabase, queryRows } from './client.js';

describe.skipIf(process.env.TEST_DATABASE_URL)('PGlite dump and load', () => {
  it('opens a dump with its rows, and the copy goes its own way', async () => {
    const original = await freshDatabase({ seeded: false });
    await original.db.execute(sql`CREATE TABLE kept (n int, label text)`);
    await original.db.execute(sql`INSERT INTO kept VALUES (1, '曹门街道'), (2, NULL)`);
    const dump = await original.dumpDataDir?.();
    if (!dump) throw new Error('PGlite gives a dump');

    const copy = await openDatabase({ memory: true, loadDataDir: dump });
    atEnd(() => copy.close());
    const rows = (db: typeof copy.db) => queryRows(db, sql`SELECT n, label FROM kept ORDER BY n`);
    expect(await rows(copy.db)).toEqual([
      { n: 1, label: '曹门街道' },
      { n: 2, label: null },
    ]);
    await copy.db.execute(sql`DELETE FROM kept`);
    expect(await rows(copy.db)).toEqual([]);
    expect(await rows(original.db)).toHaveLength(2);
  });
});
