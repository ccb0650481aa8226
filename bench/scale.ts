/**
 * Statistics and list pages at national scale, on a database filled by
 * `npm run jiugai -- seed scale --compounds N`. Every figure is a ratio against a query measured
 * in the same run (never a timed assertion):
 *
 * - the summary and breakdowns for a district, a city and the whole province, against a raw
 *   GROUP BY of the compounds (and their renovation) by the level below. "cold" is the first
 *   answer after a write (pre-aggregated tallies, counted figures); "warm" is every later one
 *   until the next write (the answer cached per scope, checked against the audit chain's head);
 * - each list page's first page (count and rows) for the province, against its bare indexed
 *   query: the same filter and order, ids only, no count.
 *
 * `npm run bench -- scale` measures the demo district and a fresh PGlite seeded with
 * BENCH_SCALE_COMPOUNDS (default 10,000) and, with BENCH_SCALE_URL, a PostgreSQL database
 * seeded beforehand (seeding 220,000 compounds takes about 10 minutes, so it is not done here).
 * `npx tsx bench/scale.ts` measures BENCH_SCALE_URL (else the PGlite DATA_DIR) on its own.
 */
import { type SQL, sql } from 'drizzle-orm';
import { FacilityListQuery } from '../src/contract/facilities.js';
import { StructureListQuery } from '../src/contract/illegal.js';
import { CompoundListQuery } from '../src/contract/inventory.js';
import { LedgerListQuery } from '../src/contract/ledger.js';
import { ProjectListQuery } from '../src/contract/projects.js';
import { BreakdownQuery } from '../src/contract/stats.js';
import { type Database, openDatabase } from '../src/server/db/client.js';
import { listFacilities } from '../src/server/modules/facilities/queries.js';
import { listStructures } from '../src/server/modules/illegal/queries.js';
import { listCompounds } from '../src/server/modules/inventory/queries.js';
import { ledgerDay, listLedger } from '../src/server/modules/ledger/queries.js';
import { listProjects } from '../src/server/modules/projects/queries.js';
import { breakdown } from '../src/server/modules/stats/breakdown.js';
import { cachedFigures } from '../src/server/modules/stats/cache.js';
import { breakdownAreas } from '../src/server/modules/stats/measures.js';
import { summary } from '../src/server/modules/stats/summary.js';
import type { Principal } from '../src/server/platform/context.js';

export interface ScaleRow {
  backend: string;
  scope: string;
  what: string;
  ms: number;
  baselineMs: number;
}

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

/** The fastest of `runs` timings after one warm-up. */
async function best(fn: () => Promise<unknown>, runs = 5): Promise<number> {
  await fn();
  let min = Number.POSITIVE_INFINITY;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    min = Math.min(min, performance.now() - t);
  }
  return min;
}

export async function benchScale(database: Database, backend: string): Promise<ScaleRow[]> {
  const db = database.db;
  const rows: ScaleRow[] = [];
  const add = (scope: string, what: string, ms: number, baselineMs: number) =>
    rows.push({ backend, scope, what, ms, baselineMs });
  const district = '410203';
  const query = { from: 2019, to: 2022 };
  for (const [scope, prefix] of [
    [`district ${district}`, district],
    ['city 4102', '4102'],
    ['province', null],
  ] as const) {
    const like = prefix ? sql`c.region_code LIKE ${`${prefix}%`}` : sql`true`;
    const raw = await best(() =>
      db.execute(sql`SELECT left(c.region_code, ${(prefix?.length ?? 2) + 2}) AS region, count(*),
        count(*) FILTER (WHERE c.build_year < 2000), count(r.compound_id),
        sum(c.household_count) FILTER (WHERE r.compound_id IS NOT NULL),
        sum(c.building_count) FILTER (WHERE r.compound_id IS NOT NULL),
        sum(c.floor_area) FILTER (WHERE r.compound_id IS NOT NULL)
        FROM compounds c LEFT JOIN (SELECT DISTINCT compound_id FROM projects
          WHERE year BETWEEN 2019 AND 2022 AND status IN ('accepted', 'handed_over')) r ON r.compound_id = c.id
        WHERE ${like} GROUP BY 1`),
    );
    const p = who(prefix ? [prefix] : null);
    const measured = (what: string, ms: number) => add(scope, what, ms, raw);
    measured('raw GROUP BY (baseline)', raw);
    measured('summary, cold', await best(() => summary(db, p, query, district)));
    measured(
      'summary, warm',
      await best(() => cachedFigures(db, p, ['summary', query], () => summary(db, p, query, district))),
    );
    for (const [by, measure] of [
      ['subdistrict', 'compounds,renovatedCompounds,floorArea'],
      ['year', 'illegalStructuresRemoved,selfRemovalRate'],
      ['status', 'openTickets,overdueTickets'],
    ] as const) {
      const q = BreakdownQuery.parse({ ...query, by, measure });
      const compute = () => breakdown(breakdownAreas, db, p, q, district);
      measured(`breakdown ${measure} by ${by}, cold`, await best(compute));
      measured(`breakdown by ${by}, warm`, await best(() => cachedFigures(db, p, ['breakdown', q], compute)));
    }
  }

  // List pages, first page of 20, for the whole province (the largest scope).
  const hq = who(null);
  const first = { page: 1, pageSize: 20 };
  const day = await ledgerDay(db);
  const bare = (statement: SQL) => best(() => db.execute(statement));
  const lists: [string, () => Promise<unknown>, SQL][] = [
    [
      'compounds',
      () => listCompounds(db, hq, CompoundListQuery.parse(first), 2000),
      sql`SELECT id FROM compounds ORDER BY code, id LIMIT 20`,
    ],
    [
      'projects',
      () => listProjects(db, hq, ProjectListQuery.parse(first)),
      sql`SELECT p.id FROM projects p JOIN compounds c ON c.id = p.compound_id ORDER BY p.year DESC, c.code LIMIT 20`,
    ],
    [
      'ledger items',
      () => listLedger(db, hq, LedgerListQuery.parse(first), day),
      sql`SELECT id FROM ledger_items ORDER BY deadline, id LIMIT 20`,
    ],
    [
      'illegal structures',
      () => listStructures(db, hq, StructureListQuery.parse(first)),
      // The outstanding first, by compound name: the first page is the outstanding part's.
      sql`SELECT s.id FROM illegal_structures s JOIN compounds c ON c.id = s.compound_id
        WHERE s.status IN ('surveyed', 'verified', 'noticed') ORDER BY c.name, s.id LIMIT 20`,
    ],
    [
      'facilities',
      () => listFacilities(db, hq, FacilityListQuery.parse(first)),
      sql`SELECT f.id FROM facilities f ORDER BY f.completed_on DESC, f.id LIMIT 20`,
    ],
  ];
  for (const [name, page, statement] of lists) {
    const baseline = await bare(statement);
    add('province', `list ${name}: bare indexed query (baseline)`, baseline, baseline);
    add('province', `list ${name}: first page`, await best(page), baseline);
  }
  return rows;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const url = process.env.BENCH_SCALE_URL;
  const database = await openDatabase(url ? { url } : { dataDir: process.env.DATA_DIR ?? './data' });
  await database.migrate();
  try {
    for (const r of await benchScale(database, database.kind))
      console.log(`${r.scope} | ${r.what} | ${r.ms.toFixed(2)} ms | ${(r.ms / r.baselineMs).toFixed(3)}×`);
  } finally {
    await database.close();
  }
}
