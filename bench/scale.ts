/**
 * National-scale statistics: `npx tsx bench/scale.ts` on a database filled by
 * `npm run jiugai -- seed scale --compounds N` (BENCH_SCALE_URL=postgres://…, else the PGlite
 * DATA_DIR). Reports, as ratios against a raw GROUP BY over the same tables measured in the same
 * run (never timed assertions), the summary for a district, a city and the whole province.
 */
import { sql } from 'drizzle-orm';
import { openDatabase } from '../src/server/db/client.js';
import { summary } from '../src/server/modules/stats/summary.js';
import type { Principal } from '../src/server/platform/context.js';

const url = process.env.BENCH_SCALE_URL;
const database = await openDatabase(url ? { url } : { dataDir: process.env.DATA_DIR ?? './data' });
await database.migrate();
const db = database.db;
const who = (prefixes: string[] | null): Principal => ({
  userId: '00000000-0000-7000-8000-000000000000',
  username: 'bench',
  displayName: 'bench',
  role: prefixes ? 'subdistrict' : 'hq',
  scopeRegions: prefixes ?? [],
  prefixes,
  sessionId: '',
  csrfToken: '',
});
const best = async (fn: () => Promise<unknown>, runs = 5) => {
  await fn();
  let min = Number.POSITIVE_INFINITY;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    min = Math.min(min, performance.now() - t);
  }
  return min;
};
const counted0 = (await db.execute(sql`SELECT count(*)::int AS n FROM compounds`)) as unknown as {
  rows: { n: number }[];
};
const n = counted0.rows[0]?.n ?? 0;
console.log(`scale bench on ${database.kind}, ${n} compounds`);
for (const [name, prefix] of [
  ['district 410203', '410203'],
  ['city 4102', '4102'],
  ['province', null],
] as const) {
  // The raw GROUP BY: the summary's compound figures counted from the rows, by the level below.
  const like = prefix ? sql`c.region_code LIKE ${`${prefix}%`}` : sql`true`;
  const raw = await best(() =>
    db.execute(sql`SELECT left(c.region_code, ${(prefix?.length ?? 2) + 2}) AS region, count(*),
      count(*) FILTER (WHERE c.build_year < 2000), count(r.compound_id), sum(c.household_count) FILTER (WHERE r.compound_id IS NOT NULL),
      sum(c.building_count) FILTER (WHERE r.compound_id IS NOT NULL), sum(c.floor_area) FILTER (WHERE r.compound_id IS NOT NULL)
      FROM compounds c LEFT JOIN (SELECT DISTINCT compound_id FROM projects
        WHERE year BETWEEN 2019 AND 2022 AND status IN ('accepted', 'handed_over')) r ON r.compound_id = c.id
      WHERE ${like} GROUP BY 1`),
  );
  const p = who(prefix ? [prefix] : null);
  const fast = await best(() => summary(db, p, { from: 2019, to: 2022 }, '410203'));
  const counted = await best(() => summary(db, p, { from: 2019, to: 2022 }, '410203', { raw: true }));
  console.log(
    `${name}: summary ${fast.toFixed(1)} ms, raw GROUP BY ${raw.toFixed(1)} ms: ratio ${(fast / raw).toFixed(3)}; summary without tallies ${counted.toFixed(1)} ms (${(counted / raw).toFixed(2)}×)`,
  );
}
await database.close();
