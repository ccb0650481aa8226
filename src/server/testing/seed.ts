import pg from 'pg';
import { bootstrap } from '../bootstrap.js';
import { type Config, loadConfig } from '../config.js';
import type { Database } from '../db/client.js';

/** The first admin's password in every seeded test database. */
export const adminPassword = 'Test-Root-Passw0rd-1';

/** The configuration tests run the app with (before a test's own overrides). */
export function testConfig(overrides: Partial<Config> = {}): Config {
  return {
    ...loadConfig({
      JIUGAI_ADMIN_PASSWORD: adminPassword,
      LOG_LEVEL: 'silent',
      JIUGAI_WEB_DIR: '/nonexistent',
    }),
    ...overrides,
  };
}

/** Make a migrated database what `npm start` makes of an empty one: demo district, catalogue, admin. */
export async function seed(database: Database): Promise<void> {
  await bootstrap(database, testConfig(), () => {});
}

/** The databases a run's global setup built, that each test file starts from (a copy). */
export type Snapshots =
  /** PGlite: files holding `dumpDataDir` tarballs. */
  | { kind: 'pglite'; empty: string; seeded: string }
  /** PostgreSQL: names of template databases. */
  | { kind: 'postgres'; empty: string; seeded: string };

declare module 'vitest' {
  export interface ProvidedContext {
    databases: Snapshots;
  }
}

/** Run one statement on the PostgreSQL server at `url` (CREATE/DROP DATABASE). */
export async function onServer(url: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
