import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { inject } from 'vitest';
import { type Database, openDatabase } from '../db/client.js';
import { onServer, seed } from './seed.js';

/**
 * What to undo when the test file ends, last first: closing databases and apps, dropping
 * PostgreSQL databases. Vitest runs no `afterAll` registered inside a `beforeAll` (where the fresh
 * databases are made), so the setup file registers one hook per file that does it for them all.
 */
const teardown: (() => unknown)[] = [];

/** Undo what the file registered (setup-file.ts calls it as each test file ends). */
export async function endOfFile(): Promise<void> {
  for (const undo of teardown.splice(0).reverse()) await undo();
}

/** Undo this when the test file ends (after what was registered later). */
export function atEnd(undo: () => unknown): void {
  teardown.push(undo);
}

/**
 * A URL for a new database on the PostgreSQL server named by TEST_DATABASE_URL (dropped after the
 * test file), or null when the tests run on PGlite: empty (no tables), or a copy of `template`.
 */
export async function freshPostgresUrl(template?: string): Promise<string | null> {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) return null;
  const name = `jiugai_t_${randomBytes(6).toString('hex')}`;
  await onServer(url, `CREATE DATABASE ${name}${template ? ` TEMPLATE ${template}` : ''}`);
  atEnd(() => onServer(url, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
  const target = new URL(url);
  target.pathname = `/${name}`;
  return target.toString();
}

export interface FreshOptions {
  /**
   * true (the default): bootstrapped as `npm start` leaves an empty database — the demo district,
   * the catalogue and the admin (password `adminPassword`). false: migrated, with no rows at all,
   * for tests of the seeding itself, of restores and of anything that counts from nothing.
   */
  seeded?: boolean;
}

/**
 * A fresh, migrated database for one test file: in-memory PGlite, or PostgreSQL with
 * TEST_DATABASE_URL. A copy of what the run's global setup built once (global-setup.ts); run
 * without it, it is built here.
 */
export async function freshDatabase({ seeded = true }: FreshOptions = {}): Promise<Database> {
  const built = inject('databases');
  const state = seeded ? 'seeded' : 'empty';
  let database: Database;
  if (process.env.TEST_DATABASE_URL) {
    const url = await freshPostgresUrl(built?.kind === 'postgres' ? built[state] : undefined);
    database = await openDatabase({ url: url as string });
  } else {
    const dump = built?.kind === 'pglite' ? new Uint8Array(fs.readFileSync(built[state])) : undefined;
    database = await openDatabase({ memory: true, loadDataDir: dump });
  }
  // Registered after the drop, so it runs before it.
  atEnd(() => database.close());
  if (!built) {
    await database.migrate();
    if (seeded) await seed(database);
  }
  return database;
}

/** The constraint a refused statement broke (PostgreSQL's error, as either driver reports it). */
export async function brokenConstraint(statement: Promise<unknown>): Promise<string | undefined> {
  try {
    await statement;
  } catch (error) {
    const e = error as { constraint?: string; cause?: { constraint?: string } };
    return e.constraint ?? e.cause?.constraint;
  }
  return undefined;
}
