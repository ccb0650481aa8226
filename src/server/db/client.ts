import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { type SQL, sql } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import { acquireDirLock, type DirLock } from './lock.js';
import { PGliteThread, type ThreadTransaction } from './pglite-thread.js';
import * as schema from './schema.js';

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type DbKind = 'pglite' | 'postgres';

export interface Database {
  db: Db;
  kind: DbKind;
  /** Apply the committed SQL migrations (idempotent; serialised across instances). */
  migrate(): Promise<void>;
  /** PGlite only: the whole data directory as a tarball, to open again (`loadDataDir`). */
  dumpDataDir?(): Promise<Uint8Array>;
  /**
   * Run `fn` while no other instance runs it on this database (a session advisory lock on
   * PostgreSQL; PGlite has one process, which its directory lock ensures). For the start-up
   * work that must happen once: migrations, the demo district, the first admin.
   */
  exclusively<T>(fn: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

const migrationsFolder = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');
const migrationLockKey = 7_734_201;
// Not 7_734_202: the audit chain's lock (platform/audit.ts).
const bootstrapLockKey = 7_734_203;

/**
 * `loadDataDir`: the database starts from a tarball `dumpDataDir` made (its bytes are taken)
 * rather than empty; in a data directory, only a new one.
 */
export type DatabaseTarget =
  | { url: string }
  | { dataDir: string; loadDataDir?: Uint8Array }
  | { memory: true; loadDataDir?: Uint8Array };

/** Open the embedded database (PGlite in `dataDir`, or in memory) or PostgreSQL at `url`. */
export async function openDatabase(target: DatabaseTarget): Promise<Database> {
  if ('url' in target) return openPostgres(target.url);
  return openPglite('dataDir' in target ? target.dataDir : null, target.loadDataDir);
}

async function openPostgres(url: string): Promise<Database> {
  const pool = new pg.Pool({
    connectionString: url,
    max: Number(process.env.JIUGAI_DB_POOL ?? 10),
    // Connections are kept, not closed after 10 s idle (node-postgres' default): a new one is a
    // new PostgreSQL backend that connects and then reads every table's catalogue entries afresh.
    // A city's summary took 120–130 ms after 11 s of quiet against 14–36 ms on warm connections.
    idleTimeoutMillis: 0,
    // Idle connections do not keep a command-line run from exiting.
    allowExitOnIdle: true,
  });
  pool.on('error', (err) => console.error('postgres pool error:', err.message));
  const db = drizzlePg(pool, { schema }) as unknown as Db;
  return {
    db,
    kind: 'postgres',
    async migrate() {
      const client = await pool.connect();
      try {
        // Several app instances may start at once: one applies the migrations, the others wait.
        await client.query('SELECT pg_advisory_lock($1)', [migrationLockKey]);
        await migratePg(drizzlePg(client), { migrationsFolder });
      } finally {
        await client.query('SELECT pg_advisory_unlock($1)', [migrationLockKey]).catch(() => {});
        client.release();
      }
    },
    async exclusively(fn) {
      const client = await pool.connect();
      try {
        await client.query('SELECT pg_advisory_lock($1)', [bootstrapLockKey]);
        return await fn();
      } finally {
        await client.query('SELECT pg_advisory_unlock($1)', [bootstrapLockKey]).catch(() => {});
        client.release();
      }
    },
    close: () => pool.end(),
  };
}

/**
 * PGlite's memory settings. Its pages and sorts sit in the process's WebAssembly memory, which
 * never shrinks:
 * - the buffer pool is 32 MB rather than PostgreSQL's 128 MB, on top of the operating system's
 *   cache of the same files: a 500k-row household import's peak went from about 610 to 490 MB at
 *   the same speed, and the audit list benchmark within its noise;
 * - an index build sorts in 16 MB rather than 64 (beyond, it sorts on disk): the household
 *   import that rebuilds two indexes at its end peaked 8–41 MB lower in six alternating pairs,
 *   at the same speed.
 */
const startParams = [
  ...PGlite.defaultStartParams,
  '-c',
  'shared_buffers=32MB',
  '-c',
  'maintenance_work_mem=16MB',
];

async function openPglite(dataDir: string | null, loadDataDir?: Uint8Array): Promise<Database> {
  let lock: DirLock | null = null;
  if (dataDir) {
    fs.mkdirSync(dataDir, { recursive: true });
    // PGlite has no guard against a second process opening the same directory; this lock is it.
    lock = acquireDirLock(dataDir);
  }
  const client = new PGliteThread(
    dataDir && path.join(dataDir, 'pg'),
    { relaxedDurability: false, startParams },
    loadDataDir,
  );
  try {
    await client.ready;
  } catch (err) {
    lock?.release();
    throw err;
  }
  // Drizzle's PGlite driver asks only what `PGliteThread` answers.
  const drizzleOf = () => drizzlePglite(client as unknown as PGlite, { schema });
  return {
    db: drizzleOf() as unknown as Db,
    kind: 'pglite',
    async migrate() {
      await migratePglite(drizzleOf(), { migrationsFolder });
    },
    dumpDataDir: () => client.dumpDataDir(),
    exclusively: (fn) => fn(),
    async close() {
      await client.close();
      lock?.release();
    },
  };
}

/** Names of the application's tables (public schema), for backup and tests. */
export async function tableNames(db: Db | Tx): Promise<string[]> {
  const rows = await queryRows<{ name: string }>(
    db,
    sql`SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`,
  );
  return rows.map((r) => r.name);
}

/**
 * `COPY table (columns) FROM` text, in a transaction on PGlite. COPY's input goes beside its
 * statement, which Drizzle has no way to pass: this goes to the transaction's client (the
 * `PGliteThread`'s), which Drizzle's PGlite session holds as `client`.
 */
export async function copyIntoPglite(tx: Tx, table: string, columns: readonly string[], text: string) {
  const client = (tx as unknown as { session?: { client?: Partial<ThreadTransaction> } }).session?.client;
  if (typeof client?.copyFrom !== 'function') throw new Error('copyIntoPglite: not a PGlite transaction');
  const quoted = columns.map((c) => `"${c}"`).join(', ');
  await client.copyFrom(`COPY "${table}" (${quoted}) FROM '/dev/blob'`, text);
}

/** Rows of a raw SQL query; both drivers answer with `{ rows }`. */
export async function queryRows<T>(db: Db | Tx, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}
