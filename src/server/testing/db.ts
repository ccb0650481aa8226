import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll } from 'vitest';
import { type Database, openDatabase } from '../db/client.js';

/**
 * What to undo when the test file ends, last first. Vitest runs no `afterAll` registered inside a
 * `beforeAll` (where the fresh databases are made), so one hook registered as this module loads
 * does it for them all: closing databases and apps, dropping PostgreSQL databases.
 */
const teardown: (() => unknown)[] = [];
afterAll(async () => {
  for (const undo of teardown.splice(0).reverse()) await undo();
});

/** Undo this when the test file ends (after what was registered later). */
export function atEnd(undo: () => unknown): void {
  teardown.push(undo);
}

async function onServer(url: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/**
 * A URL for a new empty database on the PostgreSQL server named by TEST_DATABASE_URL (dropped
 * after the test file), or null when the tests run on PGlite.
 */
export async function freshPostgresUrl(): Promise<string | null> {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) return null;
  const name = `jiugai_t_${randomBytes(6).toString('hex')}`;
  await onServer(url, `CREATE DATABASE ${name}`);
  atEnd(() => onServer(url, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
  const target = new URL(url);
  target.pathname = `/${name}`;
  return target.toString();
}

/** A fresh, migrated database for one test file: in-memory PGlite, or PostgreSQL in CI. */
export async function freshDatabase(): Promise<Database> {
  const url = await freshPostgresUrl();
  const database = await openDatabase(url ? { url } : { memory: true });
  await database.migrate();
  // Registered after the drop, so it runs before it.
  atEnd(() => database.close());
  return database;
}
