import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedCatalogue } from '../modules/projects/catalogue.js';
import { createUser } from '../modules/users/commands.js';
import { systemActor } from '../platform/audit.js';
import { strongPassword } from '../testing/app.js';
import { atEnd, freshDatabase, freshPostgresUrl } from '../testing/db.js';
import {
  buildCompound,
  buildLedgerItem,
  buildProject,
  buildRegions,
  buildRegisteredCompound,
} from '../testing/factories.js';
import { backup, restore } from './backup.js';
import { type Database, openDatabase, queryRows, tableNames } from './client.js';
import { departments, taskForceMembers, taskForces } from './schema.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jiugai-backup-paging-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** The backup's lines without the header (which holds its creation time). */
const rowLines = (file: string) =>
  zlib.gunzipSync(fs.readFileSync(file)).toString('utf8').split('\n').slice(1);

async function rowCount(database: Database): Promise<number> {
  let n = 0;
  for (const table of await tableNames(database.db)) {
    const [row] = await queryRows<{ n: number }>(
      database.db,
      sql`SELECT count(*)::int AS n FROM ${sql.raw(`"${table}"`)}`,
    );
    n += row?.n ?? 0;
  }
  return n;
}

let source: Database;
const whole = path.join(dir, 'whole.jiugai.gz');
const paged = path.join(dir, 'paged.jiugai.gz');

/**
 * A small database whose tables span many three-row pages: text keys (regions, the catalogue),
 * uuid keys (a registered compound's buildings, owners and households), a link table's two-column
 * key (task-force members), users and the audit chain. The demo district would do too, at a few
 * hundred times the queries.
 */
async function buildSource(): Promise<Database> {
  const database = await freshDatabase({ seeded: false });
  await buildRegions(database);
  await buildRegisteredCompound(database, { buildingCount: 3, perBuilding: 4 });
  for (const _ of [1, 2]) await buildCompound(database);
  await seedCatalogue(database);
  await buildProject(database);
  await buildLedgerItem(database);
  const [a, b] = await database.db
    .insert(departments)
    .values([{ name: '住建局' }, { name: '民政局' }])
    .returning();
  const forces = await database.db
    .insert(taskForces)
    .values([1, 2].map((n) => ({ code: `force-${n}`, name: `专班${n}` })))
    .returning();
  await database.db
    .insert(taskForceMembers)
    .values(forces.flatMap((f) => [a, b].map((d) => ({ taskForceId: f.id, departmentId: d?.id ?? '' }))));
  for (const n of [1, 2, 3, 4])
    await createUser(database.db, systemActor('test'), null, {
      username: `paging-${n}`,
      displayName: `分页${n}`,
      role: 'subdistrict',
      scopeRegions: ['410203002'],
      password: strongPassword,
    });
  return database;
}

beforeAll(async () => {
  source = await buildSource();
  await backup(source, whole);
  // Three rows a page: most tables (uuid keys, text keys, the link tables' two-column unique keys)
  // span many pages.
  await backup(source, paged, { pageSize: 3 });
}, 600_000);

describe('backup read page by page', () => {
  it('writes every row once, in the same order as when read in one page', { timeout: 300_000 }, async () => {
    const lines = rowLines(paged);
    expect(lines.filter((l) => l !== '')).toHaveLength(await rowCount(source));
    expect(new Set(lines).size).toBe(lines.length);
    expect(lines).toEqual(rowLines(whole));
    const perTable = new Map<string, number>();
    for (const l of lines.filter((l) => l !== '')) {
      const t = (JSON.parse(l) as { t: string }).t;
      perTable.set(t, (perTable.get(t) ?? 0) + 1);
    }
    const multiPage = new Set([...perTable].filter(([, n]) => n > 3).map(([t]) => t));
    expect(multiPage).toContain('compounds');
    expect([...multiPage].some((t) => t.endsWith('_members'))).toBe(true);
  });

  it('restores into an identical database', { timeout: 600_000 }, async () => {
    const url = await freshPostgresUrl();
    const target = await openDatabase(url ? { url } : { dataDir: path.join(dir, 'restored') });
    atEnd(() => target.close());
    await restore(target, paged);
    const again = path.join(dir, 'again.jiugai.gz');
    await backup(target, again, { pageSize: 3 });
    expect(rowLines(again)).toEqual(rowLines(paged));
  });
});
