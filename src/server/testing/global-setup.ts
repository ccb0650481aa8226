/**
 * Vitest's global setup: the test databases every file starts from, built once per run rather
 * than once per file (migrating and loading the demo district took most of a file's time).
 *
 * - PGlite: one in-memory database, migrated and dumped (`empty`), then seeded like `npm start`
 *   seeds an empty database and dumped again (`seeded`); a file loads a dump into its own PGlite.
 * - PostgreSQL (TEST_DATABASE_URL): two template databases, the same two states; a file's
 *   database is `CREATE DATABASE … TEMPLATE` one of them. Dropped when the run ends.
 *
 * Nothing is kept between runs, so nothing can go stale.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../db/client.js';
import { onServer, type Snapshots, seed } from './seed.js';

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const url = process.env.TEST_DATABASE_URL;
  if (url) {
    const stem = `jiugai_tpl_${randomBytes(6).toString('hex')}`;
    const names = { empty: `${stem}_empty`, seeded: `${stem}_seeded` };
    const at = (name: string) => Object.assign(new URL(url), { pathname: `/${name}` }).toString();
    const drop = async () => {
      for (const name of Object.values(names))
        await onServer(url, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    };
    try {
      await onServer(url, `CREATE DATABASE ${names.empty}`);
      const empty = await openDatabase({ url: at(names.empty) });
      await empty.migrate().finally(() => empty.close());
      await onServer(url, `CREATE DATABASE ${names.seeded} TEMPLATE ${names.empty}`);
      const seeded = await openDatabase({ url: at(names.seeded) });
      await seed(seeded).finally(() => seeded.close());
    } catch (err) {
      await drop();
      throw err;
    }
    project.provide('databases', { kind: 'postgres', ...names } satisfies Snapshots);
    return drop;
  }

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jiugai-test-db-'));
  const files = { empty: path.join(dir, 'empty.tar'), seeded: path.join(dir, 'seeded.tar') };
  const remove = async () => fs.rmSync(dir, { recursive: true, force: true });
  try {
    const database = await openDatabase({ memory: true });
    try {
      const dump = async (file: string) => {
        if (!database.dumpDataDir) throw new Error('PGlite gives no dump');
        // A checkpoint first, deleting the WAL segments it no longer needs rather than keeping
        // them for reuse: the same database in a smaller file (the seeded one went from 156 to
        // 90 MB, mostly spent 16 MB segments), which every test file reads and loads.
        await database.db.execute(sql`CHECKPOINT`);
        fs.writeFileSync(file, await database.dumpDataDir());
      };
      await database.db.execute(sql`SET wal_recycle = off`);
      await database.migrate();
      await dump(files.empty);
      await seed(database);
      await dump(files.seeded);
    } finally {
      await database.close();
    }
  } catch (err) {
    await remove();
    throw err;
  }
  project.provide('databases', { kind: 'pglite', ...files } satisfies Snapshots);
  return remove;
}
