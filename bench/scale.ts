/**
 * Statistics and list pages at national scale, on a database filled by
 * `npm run jiugai -- seed scale --compounds N`. Every figure is a ratio against a query measured
 * in the same run (never a timed assertion):
 *
 * - the summary and breakdowns for a district, a city and the whole province, against a raw
 *   GROUP BY of the compounds (and their renovation) by the level below. "cold" is the first
 *   answer after a write (pre-aggregated tallies, counted figures); "warm" is every later one
 *   until the next write (the answer cached per scope, checked against the audit chain's head);
 * - each list page's first page for the province, against its bare indexed query: the statements
 *   that read the page's rows, captured at the driver as the page sent them and sent again on
 *   their own, bare (the same SQL and parameters; no count, no query building, no mapping of rows).
 *
 * `npm run bench -- scale` measures the demo district and a fresh PGlite seeded with
 * BENCH_SCALE_COMPOUNDS (default 10,000) and, with BENCH_SCALE_URL, a PostgreSQL database
 * seeded beforehand (seeding 220,000 compounds takes about 10 minutes, so it is not done here).
 * `npx tsx bench/scale.ts` measures BENCH_SCALE_URL (else the PGlite DATA_DIR) on its own.
 */
import { sql } from 'drizzle-orm';
import { FacilityListQuery } from '../src/contract/facilities.js';
import { StructureListQuery } from '../src/contract/illegal.js';
import { CompoundListQuery } from '../src/contract/inventory.js';
import { LedgerListQuery } from '../src/contract/ledger.js';
import { ProjectListQuery } from '../src/contract/projects.js';
import { BreakdownQuery } from '../src/contract/stats.js';
import { type Database, type Db, openDatabase } from '../src/server/db/client.js';
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

/** A statement as the driver was asked to run it. */
interface Statement {
  text: string;
  values: unknown[];
}

/** What both drivers' clients (node-postgres' pool, PGlite's) answer: `query(text, values)`. */
interface Client {
  query(text: unknown, values?: unknown, options?: unknown): Promise<unknown>;
}

/**
 * The statements `page` sends that read rows, in order: all but its count (`paged()`'s, which
 * selects `count(*)` from the bounded matching rows), taken from the driver as Drizzle sent them;
 * and how to send them again, one after the other as the page does, bare.
 */
async function rowStatements(db: Db, page: () => Promise<unknown>) {
  const client = (db as unknown as { $client: Client }).$client;
  const query = client.query;
  const sent: Statement[] = [];
  // node-postgres is called with ({ text, … }, values), PGlite with (text, values, options).
  client.query = function (this: Client, text, values, options) {
    const config = text as { text?: string; values?: unknown[] };
    sent.push({
      text: typeof text === 'string' ? text : (config.text ?? ''),
      values: (values as unknown[] | undefined) ?? config.values ?? [],
    });
    return query.call(this, text, values, options);
  };
  try {
    await page();
  } finally {
    client.query = query;
  }
  const rows = sent.filter((s) => !s.text.startsWith('select count(*) from ('));
  // Were paged()'s count written otherwise, it would pass for rows here and flatter the ratio.
  if (rows.length === 0 || sent.length - rows.length !== 1)
    throw new Error('bench: a list page should send one count and at least one statement of rows');
  return async () => {
    for (const s of rows) await query.call(client, s.text, s.values);
  };
}

/**
 * The fastest of `runs` timings after five warm-ups, the raw baseline and the figures alike: the
 * summary's statements go out side by side over the pool's connections, each a PostgreSQL
 * backend that plans its first statement on a table slowly (its catalogue caches are cold), and
 * after a single warm-up a city's summary read 0.19–0.27× rather than 0.13–0.16×. A server's
 * connections are warm: it keeps them (db/client.ts).
 */
async function best(fn: () => Promise<unknown>, runs = 5): Promise<number> {
  for (let i = 0; i < 5; i++) await fn();
  let min = Number.POSITIVE_INFINITY;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    min = Math.min(min, performance.now() - t);
  }
  return min;
}

/**
 * The fastest timings of `a` and of `b`, run in turn, so that both meet the machine in the same
 * states: a page takes a millisecond or two, and the same bare statement took 0.6 ms in one run
 * and 1.0 ms in the next. Warmed up as a server runs them, hot: after one run, the first list of
 * this process measured Node compiling Drizzle's query builder.
 */
async function bestOfPair(a: () => Promise<unknown>, b: () => Promise<unknown>, runs = 25, warmUps = 10) {
  for (let i = 0; i < warmUps; i++) await Promise.all([a(), b()]);
  let [minA, minB] = [Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY];
  for (let i = 0; i < runs; i++) {
    let t = performance.now();
    await a();
    minA = Math.min(minA, performance.now() - t);
    t = performance.now();
    await b();
    minB = Math.min(minB, performance.now() - t);
  }
  return [minA, minB] as const;
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
      ['subdistrict', 'activityRooms,facilities,liftsAdded'],
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
  const lists: [string, () => Promise<unknown>][] = [
    ['compounds', () => listCompounds(db, hq, CompoundListQuery.parse(first), 2000)],
    ['projects', () => listProjects(db, hq, ProjectListQuery.parse(first))],
    ['ledger items', () => listLedger(db, hq, LedgerListQuery.parse(first), day)],
    ['illegal structures', () => listStructures(db, hq, StructureListQuery.parse(first))],
    ['facilities', () => listFacilities(db, hq, FacilityListQuery.parse(first))],
  ];
  for (const [name, page] of lists) {
    const [baseline, ms] = await bestOfPair(await rowStatements(db, page), page);
    add('province', `list ${name}: its rows' statements, bare (baseline)`, baseline, baseline);
    add('province', `list ${name}: first page`, ms, baseline);
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
