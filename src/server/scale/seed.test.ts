import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { type Database, queryRows } from '../db/client.js';
import { summary } from '../modules/stats/summary.js';
import type { Principal } from '../platform/context.js';
import { freshDatabase } from '../testing/db.js';
import { ScaleRefused, seedScale } from './seed.js';
import { scaleTree } from './tree.js';

const everywhere: Principal = {
  userId: '00000000-0000-7000-8000-000000000000',
  username: 'test',
  displayName: 'test',
  role: 'hq',
  scopeRegions: [],
  prefixes: null,
  sessionId: '',
  csrfToken: '',
};

const tables = [
  'regions',
  'compounds',
  'buildings',
  'owners',
  'households',
  'projects',
  'project_funding',
  'ledger_items',
  'units',
  'cadres',
  'party_bodies',
  'tickets',
  'illegal_structures',
  'illegal_measurements',
  'facilities',
];

/** Each table's row count and a digest of its rows in id order (timestamps included). */
async function fingerprint(database: Database): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const table of tables) {
    const [row] = await queryRows<{ n: number; digest: string }>(
      database.db,
      sql.raw(`SELECT count(*)::int AS n, md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS digest
        FROM ${table} t`),
    );
    out[table] = `${row?.n} ${row?.digest}`;
  }
  return out;
}

// Seeding makes a few thousand rows on in-memory PGlite: slow on a busy machine.
describe('seed scale', { timeout: 240_000 }, () => {
  it('fills an empty database with the same rows for the same count and seed, and consistent figures', async () => {
    const a = await freshDatabase({ seeded: false });
    const b = await freshDatabase({ seeded: false });
    const counts = await seedScale(a, { compounds: 50, seed: 7 });
    await seedScale(b, { compounds: 50, seed: 7 });
    const first = await fingerprint(a);
    expect(await fingerprint(b)).toEqual(first);
    expect(counts.compounds).toBe(50);
    // About 180 households a compound (4–8 buildings × 2–3 units × 5–7 floors × 2 flats).
    expect(counts.households / 50).toBeGreaterThan(120);
    expect(counts.households / 50).toBeLessThan(250);
    for (const table of tables) expect(first[table]?.startsWith('0 '), table).toBe(false);

    const s = await summary(a.db, everywhere, { from: 2019, to: 2025 }, '410203');
    expect(s.compounds).toBe(50);
    expect(s.oldCompounds).toBeGreaterThan(0);
    expect(s.renovatedCompounds).toBeGreaterThan(0);
    expect(s.acceptedProjects).toBeGreaterThanOrEqual(s.renovatedCompounds);
    // The renovated compounds' declared households are what their buildings' flats add up to.
    const [flats] = await queryRows<{ n: number }>(
      a.db,
      sql`SELECT count(*)::int AS n FROM households WHERE compound_id IN (
        SELECT compound_id FROM projects WHERE year BETWEEN 2019 AND 2025 AND status IN ('accepted', 'handed_over'))`,
    );
    expect(s.households).toBe(flats?.n);
    expect(s.households / s.renovatedCompounds).toBeGreaterThan(120);
    expect(s.households / s.renovatedCompounds).toBeLessThan(250);
    // One structure in eight is still outstanding.
    const [outstanding] = await queryRows<{ n: number }>(
      a.db,
      sql`SELECT count(*)::int AS n FROM illegal_structures WHERE status = 'noticed' AND removed_on IS NULL`,
    );
    expect(outstanding?.n).toBeGreaterThan(0);
    expect(s.illegalStructuresRemoved).toBe(counts.illegalStructures - (outstanding?.n ?? 0));
    expect(s.illegalAreaRemoved).toBeGreaterThan(0);
    // Every facility seeded counts, completed in the year its project was accepted.
    const [facilities] = await queryRows<{ n: number }>(
      a.db,
      sql`SELECT sum(count)::int AS n FROM facilities`,
    );
    expect(s.facilities).toBe(facilities?.n);
    expect(s.cadres).toBeGreaterThan(0);
    expect(s.tempPartyOrgs).toBeGreaterThanOrEqual(0);

    // A different seed, a different province.
    const c = await freshDatabase({ seeded: false });
    await seedScale(c, { compounds: 50, seed: 8 });
    expect((await fingerprint(c)).households).not.toBe(first.households);
  });

  it('refuses a database that is not empty, and writes nothing', async () => {
    const database = await freshDatabase({ seeded: false });
    await seedScale(database, { compounds: 5 });
    const before = await fingerprint(database);
    await expect(seedScale(database, { compounds: 5 })).rejects.toThrow(ScaleRefused);
    await expect(seedScale(database, { compounds: 5 })).rejects.toThrow(/not empty/);
    expect(await fingerprint(database)).toEqual(before);
  });

  it('refuses a count it cannot hold', async () => {
    const database = await freshDatabase({ seeded: false });
    await expect(seedScale(database, { compounds: 0 })).rejects.toThrow(/--compounds/);
    await expect(seedScale(database, { compounds: 1.5 })).rejects.toThrow(/--compounds/);
  });

  it('grows a region tree in real proportions, the first district being the default one', () => {
    const { regions, communities } = scaleTree(220_000, 1);
    const level = (l: string) => regions.filter((r) => r.level === l).length;
    expect(communities.reduce((n, c) => n + c.count, 0)).toBe(220_000);
    expect(regions.some((r) => r.code === '410203')).toBe(true);
    expect(220_000 / level('community')).toBeGreaterThan(6);
    expect(220_000 / level('community')).toBeLessThan(10);
    expect(level('district') / level('city')).toBeGreaterThan(5);
    expect(level('district') / level('city')).toBeLessThan(12);
    expect(level('subdistrict') / level('district')).toBeGreaterThan(4);
    expect(level('subdistrict') / level('district')).toBeLessThan(12);
    expect(new Set(regions.map((r) => r.code)).size).toBe(regions.length);
    for (const r of regions)
      if (r.parentCode) expect(r.code.startsWith(r.parentCode.replace(/0+$/, ''))).toBe(true);
    expect(scaleTree(500, 3)).toEqual(scaleTree(500, 3));
  });
});
