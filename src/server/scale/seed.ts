/**
 * `seed scale --compounds N [--seed S]`: a synthetic province at national scale, for measuring
 * (npm run bench -- scale) and for trying the app on it. Every row is made by the database
 * itself, `INSERT … SELECT` over `generate_series`, with its pseudo-random attributes drawn from
 * `hashint8extended(number, seed)`: no row crosses the wire, and the same N and seed give the same
 * rows (ids included) on PGlite and PostgreSQL alike. Only the region tree (tens of thousands of
 * rows) is made here, by `scaleTree`.
 *
 * What it holds, per compound: 4–8 buildings of 2–3 stairwell units and 5–7 floors, two flats a
 * floor (180 households on average), an owner per household; 80% were built before 2000. Of the
 * old ones 45% were renovated in 2019–2022 (a few of them once before, in 2008–2015), 20% have a
 * project of 2023–2025 at some step, with funding, supervision-ledger items (some overdue), open
 * quality tickets on those under construction and a temporary party organisation each; a
 * quarter of all compounds had an illegal structure removed, measured twice; each project accepted
 * since 2019 added or improved three service facilities. Each district has a
 * renovation office (a unit) and its head (a cadre) who owns the district's ledger items.
 */
import { count, sql } from 'drizzle-orm';
import { defaultFacilityTypes } from '../../domain/facilities.js';
import { type Database, queryRows, type Tx } from '../db/client.js';
import { deferIndexes } from '../db/indexes.js';
import { compounds, regions, settings } from '../db/schema.js';
import { suspendRowTriggers } from '../db/triggers.js';
import { seedCatalogue } from '../modules/projects/catalogue.js';
import { seedCalendar } from '../modules/quality/calendar.js';
import { systemActor } from '../platform/audit.js';
import { write } from '../platform/context.js';
import { maxScaleCompounds, type ScaleRegion, scaleTree } from './tree.js';

export interface ScaleOptions {
  compounds: number;
  seed?: number;
  /** A line per step (the command line writes them to stderr). */
  onProgress?: (line: string) => void;
}

export interface ScaleCounts {
  regions: number;
  compounds: number;
  buildings: number;
  households: number;
  projects: number;
  ledgerItems: number;
  tickets: number;
  illegalStructures: number;
  facilities: number;
}

export class ScaleRefused extends Error {}

/** Ids of the synthetic rows: a table's tag, then the row's number (so they grow as rows go in). */
const uuid = (tag: number, n: string) =>
  `(lpad(to_hex(${tag}), 8, '0') || '-0000-7000-8000-' || lpad(to_hex(${n}), 12, '0'))::uuid`;
const tags = {
  compound: 1,
  building: 2,
  owner: 3,
  household: 4,
  project: 5,
  ledger: 6,
  unit: 7,
  cadre: 8,
  ticket: 9,
  structure: 10,
  measurement: 11,
  party: 12,
  department: 13,
  taskForce: 14,
  facility: 15,
} as const;

/**
 * Fill an empty database (no regions, no compounds) with `compounds` compounds and all that
 * goes with them, in one transaction. Refuses (ScaleRefused) a database that holds any.
 */
export async function seedScale(database: Database, options: ScaleOptions): Promise<ScaleCounts> {
  const n = options.compounds;
  const seed = options.seed ?? 1;
  if (!Number.isInteger(n) || n < 1 || n > maxScaleCompounds)
    throw new ScaleRefused(`--compounds must be a whole number from 1 to ${maxScaleCompounds}`);
  if (!Number.isInteger(seed) || seed < 0 || seed > 2_147_483_647)
    throw new ScaleRefused('--seed must be a whole number from 0 to 2147483647');
  const say = options.onProgress ?? (() => {});
  const started = Date.now();
  const step = async (what: string, run: () => Promise<unknown>) => {
    const t = Date.now();
    say(`${what}…`);
    await run();
    say(
      `${what}: ${((Date.now() - t) / 1000).toFixed(1)} s (${((Date.now() - started) / 1000).toFixed(0)} s in all)`,
    );
  };
  await seedCatalogue(database);
  await seedCalendar(database);
  const tree = scaleTree(n, seed);
  return write(database.db, systemActor('seed'), async (tx, audit) => {
    const [have] = await tx.select({ n: count() }).from(compounds);
    const [haveRegions] = await tx.select({ n: count() }).from(regions);
    if ((have?.n ?? 0) > 0 || (haveRegions?.n ?? 0) > 0)
      throw new ScaleRefused(
        'the database is not empty (it has regions or compounds); seed scale fills only an empty migrated one',
      );
    const r = (n: string, salt: number, k: number) =>
      `(abs(hashint8extended(${n}, ${seed * 64 + salt}) % ${k}))::int`;
    await step(`regions (${tree.regions.length})`, () => insertRegions(tx, tree.regions));
    await tx.insert(settings).values({ key: 'oldCutoffYear', value: 2000 }).onConflictDoNothing();
    const resume = await suspendRowTriggers(tx);
    // Plain indexes are built once at the end: one sort rather than an insertion per row.
    const rebuild = await deferIndexes(tx, [
      'households_compound_idx',
      'households_owner_idx',
      'compounds_region_idx',
      'compounds_build_year_idx',
      'buildings_region_idx',
      'projects_year_region_idx',
      'projects_region_year_idx',
      'ledger_items_region_idx',
      'ledger_items_owner_idx',
      'ledger_items_project_idx',
      'ledger_items_open_deadline_idx',
    ]);
    const rekey = await deferKeys(tx, ['households', 'owners']);
    await tx.execute(
      sql.raw(`CREATE TEMP TABLE scale_communities (code text, first int, n int) ON COMMIT DROP`),
    );
    for (let i = 0; i < tree.communities.length; i += 5000) {
      const chunk = tree.communities.slice(i, i + 5000);
      await tx.execute(
        sql`INSERT INTO scale_communities SELECT * FROM unnest(${`{${chunk.map((c) => c.code).join(',')}}`}::text[],
          ${`{${chunk.map((c) => c.first).join(',')}}`}::int[], ${`{${chunk.map((c) => c.count).join(',')}}`}::int[])`,
      );
    }
    // Each compound's shape, drawn once: buildings, units a building, floors.
    await tx.execute(
      sql.raw(`CREATE TEMP TABLE scale_shape ON COMMIT DROP AS
        SELECT i, ${uuid(tags.compound, 'i')} AS id, c.code AS region_code,
          4 + ${r('i', 1, 5)} AS b, 2 + ${r('i', 2, 2)} AS u, 5 + ${r('i', 3, 3)} AS f,
          1960 + ${r('i', 4, 50)} AS build_year, ${r('i', 5, 100)} AS fate, ${r('i', 6, 100)} AS earlier
        FROM scale_communities c, generate_series(c.first, c.first + c.n - 1) AS i`),
    );
    await step(`compounds (${n})`, () =>
      tx.execute(
        sql.raw(`INSERT INTO compounds (id, code, name, address, region_code, build_year, building_count, unit_count,
          household_count, resident_count, floor_area, property_management, lng, lat, is_demo, created_at, updated_at)
        SELECT id, 'S' || lpad(i::text, 7, '0'), '样本' || i || '号小区', '样本路' || (i % 400 + 1) || '号', region_code,
          build_year, b, b * u, b * u * f * 2, (b * u * f * 2 * (240 + ${r('i', 7, 60)})) / 100,
          b * u * f * 2 * (55 + ${r('i', 8, 40)}) + ${r('i', 9, 100)} / 100.0,
          (ARRAY['professional', 'self', 'none'])[1 + ${r('i', 10, 3)}],
          110 + substr(region_code, 3, 2)::int * 0.3 + ${r('i', 11, 10000)} / 50000.0,
          30 + substr(region_code, 5, 2)::int * 0.05 + ${r('i', 12, 10000)} / 50000.0,
          true, timestamptz '2018-01-01 00:00+08', timestamptz '2018-01-01 00:00+08'
        FROM scale_shape ORDER BY i`),
      ),
    );
    await step(`buildings (about ${n * 6})`, () =>
      tx.execute(
        sql.raw(`INSERT INTO buildings (id, compound_id, region_code, number, floors, unit_count, household_count,
          floor_area, build_year)
        SELECT ${uuid(tags.building, 'i * 16 + j')}, id, region_code, j || '号楼', f, u, u * f * 2,
          u * f * 2 * 70, build_year
        FROM scale_shape, generate_series(1, b) AS j ORDER BY i, j`),
      ),
    );
    // Owners and households go in slices of compounds, so progress shows and memory stays flat.
    const slice = 2000;
    await step(`owners and households (about ${n * 180})`, async () => {
      for (let from = 1; from <= n; from += slice) {
        const to = Math.min(n, from + slice - 1);
        const flats = `FROM scale_shape, generate_series(1, b) AS j, generate_series(1, u) AS k,
          generate_series(1, f) AS fl, generate_series(1, 2) AS d WHERE i BETWEEN ${from} AND ${to}`;
        const no = '(((i * 16 + j) * 4 + k) * 16 + fl) * 4 + d';
        await tx.execute(
          sql.raw(`INSERT INTO owners (id, compound_id, region_code, kind, name)
          SELECT ${uuid(tags.owner, no)}, id, region_code, 'person', '样本业主' || ${no} ${flats} ORDER BY 1`),
        );
        await tx.execute(
          sql.raw(`INSERT INTO households (id, compound_id, building_id, region_code, unit, room, owner_id,
            area_registered)
          SELECT ${uuid(tags.household, no)}, id, ${uuid(tags.building, 'i * 16 + j')}, region_code, k || '单元',
            fl || '0' || d, ${uuid(tags.owner, no)}, 45 + ${r(no, 13, 5000)} / 100.0 ${flats} ORDER BY 1`),
        );
        say(
          `  households of compounds ${from}–${to} of ${n} (${((Date.now() - started) / 1000).toFixed(0)} s)`,
        );
      }
    });

    // Projects: old compounds (built before 2000); fate < 45 renovated in 2019–2022 (and 1 in 10
    // of those once before, in 2008–2015), 45–64 a project of 2023–2025 at some step.
    await tx.execute(
      sql.raw(`CREATE TEMP TABLE scale_projects ON COMMIT DROP AS
        SELECT row_number() OVER (ORDER BY i, year) AS p, i, id AS compound_id, region_code, year, status FROM (
          SELECT i, id, region_code, 2019 + ${r('i', 20, 4)} AS year,
            (ARRAY['accepted', 'handed_over', 'handed_over', 'handed_over'])[1 + ${r('i', 21, 4)}] AS status
          FROM scale_shape WHERE build_year < 2000 AND fate < 45
          UNION ALL
          SELECT i, id, region_code, 2008 + ${r('i', 22, 8)}, 'handed_over'
          FROM scale_shape WHERE build_year < 2000 AND fate < 45 AND earlier < 10
          UNION ALL
          SELECT i, id, region_code, 2023 + ${r('i', 23, 3)},
            (ARRAY['planned', 'consulting', 'designed', 'tendered', 'under_construction', 'under_construction',
              'accepted'])[1 + ${r('i', 24, 7)}]
          FROM scale_shape WHERE build_year < 2000 AND fate BETWEEN 45 AND 64) AS x`),
    );
    await step('projects, funding', async () => {
      await tx.execute(
        sql.raw(`INSERT INTO projects (id, compound_id, region_code, year, status, is_demo, created_at, updated_at)
        SELECT ${uuid(tags.project, 'p')}, compound_id, region_code, year, status, true,
          make_timestamptz(year, 3, 1, 0, 0, 0, 'Asia/Shanghai'), make_timestamptz(year, 3, 1, 0, 0, 0, 'Asia/Shanghai')
        FROM scale_projects ORDER BY p`),
      );
      await tx.execute(
        sql.raw(`INSERT INTO project_funding (project_id, source, planned, received, spent)
        SELECT ${uuid(tags.project, 'p')}, s.source, s.share * (300 + ${r('p', 25, 500)}) / 100,
          CASE WHEN status IN ('accepted', 'handed_over', 'under_construction')
            THEN s.share * (300 + ${r('p', 25, 500)}) / 100 ELSE 0 END,
          CASE WHEN status IN ('accepted', 'handed_over') THEN s.share * (300 + ${r('p', 25, 500)}) / 100 ELSE 0 END
        FROM scale_projects, (VALUES ('central', 0.5), ('provincial', 0.2), ('district', 0.2), ('residents', 0.1))
          AS s(source, share)`),
      );
    });
    // The command structure: nine task forces and eighteen pooled departments (the seed
    // letter's), and in each district a renovation office and its head.
    await step('organisation, ledger, party bodies', async () => {
      await tx.execute(
        sql.raw(`INSERT INTO departments (id, name, pooled, is_demo)
        SELECT ${uuid(tags.department, 'g')}, '样本部门' || g, true, true FROM generate_series(1, 18) AS g`),
      );
      await tx.execute(
        sql.raw(`INSERT INTO task_forces (id, code, name, lead_department_id, sort)
        SELECT ${uuid(tags.taskForce, 'g')}, 'S' || g, '样本专班' || g, ${uuid(tags.department, 'g')}, g
        FROM generate_series(1, 9) AS g`),
      );
      await tx.execute(
        sql.raw(`CREATE TEMP TABLE scale_districts ON COMMIT DROP AS
          SELECT row_number() OVER (ORDER BY code) AS g, code, name FROM regions WHERE level = 'district'`),
      );
      await tx.execute(
        sql.raw(`INSERT INTO units (id, name, is_demo) SELECT ${uuid(tags.unit, 'g')}, name || '旧改办', true
          FROM scale_districts`),
      );
      await tx.execute(
        sql.raw(`INSERT INTO cadres (id, name, level, unit_id, region_code, is_demo)
        SELECT ${uuid(tags.cadre, 'g')}, '样本干部' || g, '科级', ${uuid(tags.unit, 'g')}, code, true FROM scale_districts`),
      );
      await tx.execute(
        sql.raw(`UPDATE units SET leader_cadre_id = ${uuid(tags.cadre, 'g')}
          FROM scale_districts WHERE units.id = ${uuid(tags.unit, 'g')}`),
      );
      // Two items for each project of 2023–2025, due through 2023–2026; a third closed.
      await tx.execute(
        sql.raw(`INSERT INTO ledger_items (id, title, project_id, owner_cadre_id, task_force_id, deadline, priority,
          status, region_code, created_at, closed_at)
        SELECT ${uuid(tags.ledger, 'p * 2 + k')}, '样本督办事项' || (p * 2 + k), ${uuid(tags.project, 'p')},
          ${uuid(tags.cadre, 'd.g')}, ${uuid(tags.taskForce, `1 + ${r('p * 2 + k', 30, 9)}`)},
          make_date(year, 4, 1) + ${r('p * 2 + k', 31, 900)},
          (ARRAY['high', 'normal', 'normal', 'low'])[1 + ${r('p * 2 + k', 32, 4)}],
          CASE WHEN ${r('p * 2 + k', 33, 3)} = 0 THEN 'done' ELSE 'open' END, sp.region_code,
          make_timestamptz(year, 3, 15, 0, 0, 0, 'Asia/Shanghai'),
          CASE WHEN ${r('p * 2 + k', 33, 3)} = 0 THEN make_timestamptz(year, 9, 1, 0, 0, 0, 'Asia/Shanghai') END
        FROM scale_projects sp JOIN scale_districts d ON d.code = left(sp.region_code, 6), generate_series(1, 2) AS k
        WHERE year >= 2023 ORDER BY 1`),
      );
      await tx.execute(
        sql.raw(`INSERT INTO party_bodies (id, kind, name, project_id, region_code, is_demo)
        SELECT ${uuid(tags.party, 'p')}, 'temp_party_org', '样本临时党支部' || p, ${uuid(tags.project, 'p')},
          region_code, true
        FROM scale_projects WHERE year >= 2023 AND status IN ('tendered', 'under_construction', 'accepted')`),
      );
      await tx.execute(
        sql.raw(`UPDATE projects SET temp_party_org_id = ${uuid(tags.party, 'p')}, liaison_cadre_id = ${uuid(tags.cadre, 'd.g')},
          cadre_in_charge_id = ${uuid(tags.cadre, 'd.g')}
        FROM scale_projects sp JOIN scale_districts d ON d.code = left(sp.region_code, 6)
        WHERE projects.id = ${uuid(tags.project, 'p')} AND sp.year >= 2023
          AND sp.status IN ('tendered', 'under_construction', 'accepted')`),
      );
    });
    await step('quality tickets, illegal structures', async () => {
      await tx.execute(
        sql.raw(`INSERT INTO tickets (id, project_id, source, title, deadline, status, created_at)
        SELECT ${uuid(tags.ticket, 'p')}, ${uuid(tags.project, 'p')}, 'other', '样本整改' || p,
          make_date(year, 6, 1) + ${r('p', 40, 400)},
          (ARRAY['open', 'open', 'evidence_uploaded', 'reopened'])[1 + ${r('p', 41, 4)}],
          make_timestamptz(year, 5, 1, 0, 0, 0, 'Asia/Shanghai')
        FROM scale_projects WHERE status = 'under_construction'`),
      );
      // One structure in a quarter of the compounds, at its first flat, measured twice alike: one
      // in eight still outstanding (noticed, its deadline passed), the others removed.
      const flat = '(((i * 16 + 1) * 4 + 1) * 16 + 1) * 4 + 1';
      const removed = (value: string) => `CASE WHEN i % 32 = 0 THEN NULL ELSE ${value} END`;
      await tx.execute(
        sql.raw(`INSERT INTO illegal_structures (id, compound_id, building_id, unit, household_id, region_code, type,
          survey_on, surveyor, verified_area, status, notice_on, notice_deadline, removed_on, removed_by, legal_basis,
          is_demo, created_at)
        SELECT ${uuid(tags.structure, 'i')}, id, ${uuid(tags.building, 'i * 16 + 1')}, '1单元', ${uuid(tags.household, flat)},
          region_code, (ARRAY['棚屋', '扩建', '封闭院落', '屋顶建筑', '占用绿地'])[1 + ${r('i', 42, 5)}],
          date '2020-03-01' + ${r('i', 43, 300)}, '样本调查员', 5 + ${r('i', 44, 3000)} / 100.0,
          CASE WHEN i % 32 = 0 THEN 'noticed' ELSE 'removed' END,
          date '2020-12-01', date '2020-12-31', ${removed(`date '2021-01-01' + ${r('i', 45, 300)}`)},
          ${removed(`CASE WHEN ${r('i', 46, 100)} < 70 THEN 'owner' ELSE 'enforcement' END`)},
          ${removed(`CASE WHEN ${r('i', 46, 100)} < 70 THEN NULL ELSE '《城乡规划法》第六十四条' END`)},
          true, timestamptz '2020-03-01 00:00+08'
        FROM scale_shape WHERE i % 4 = 0 ORDER BY i`),
      );
      await tx.execute(
        sql.raw(`INSERT INTO illegal_measurements (id, structure_id, measured_by, measured_on, method, area, created_at)
        SELECT ${uuid(tags.measurement, 'i * 2 + k')}, ${uuid(tags.structure, 'i')}, '样本测量员' || k,
          date '2020-11-01' + k, 'tape', 5 + ${r('i', 44, 3000)} / 100.0, timestamptz '2020-11-01 00:00+08' + k * interval '1 day'
        FROM scale_shape, generate_series(1, 2) AS k WHERE i % 4 = 0 ORDER BY 1`),
      );
    });
    // Three facilities for each project accepted since 2019, of the district's starting list of
    // types: a lift per stairwell unit or two, up to ten of anything else.
    await step('facilities', () =>
      tx.execute(
        sql.raw(`INSERT INTO facilities (id, compound_id, project_id, region_code, type, type_group, count, action,
          completed_on, is_demo, created_at, updated_at)
        SELECT ${uuid(tags.facility, 'p * 3 + k')}, compound_id, ${uuid(tags.project, 'p')}, region_code, t.name, t.grp,
          CASE WHEN t.grp = 'lift' THEN 1 + ${r('p * 3 + k', 51, 2)} ELSE 1 + ${r('p * 3 + k', 52, 10)} END,
          CASE WHEN ${r('p * 3 + k', 53, 4)} = 0 THEN 'improved' ELSE 'added' END,
          make_date(year, 9, 1) + ${r('p * 3 + k', 54, 90)}, true,
          make_timestamptz(year, 12, 1, 0, 0, 0, 'Asia/Shanghai'), make_timestamptz(year, 12, 1, 0, 0, 0, 'Asia/Shanghai')
        FROM scale_projects, generate_series(1, 3) AS k,
          LATERAL (SELECT * FROM (VALUES ${defaultFacilityTypes.map((t, i) => `(${i}, '${t.name}', '${t.group}')`).join(', ')})
            AS t(n, name, grp) WHERE t.n = ${r('p * 3 + k', 50, defaultFacilityTypes.length)}) AS t
        WHERE year >= 2019 AND status IN ('accepted', 'handed_over') ORDER BY 1`),
      ),
    );
    await step('indexes', async () => {
      await rebuild();
      await rekey();
      await resume?.();
    });
    await step('statistics (ANALYZE)', () => tx.execute(sql`ANALYZE`));
    const counts = await countRows(tx, tree.regions.length);
    await audit({
      action: 'seed.scale',
      entityType: 'district',
      entityId: 'scale',
      after: { ...counts, seed },
    });
    say(`done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return counts;
  });
}

/**
 * For a load into empty tables: drop their primary keys and unique indexes (and the foreign keys
 * that lean on those keys) and make them again at the end from the definitions they had, so each
 * is one sort of the whole table rather than an insertion per row (on PostgreSQL, of 360k
 * households: 10.6 s with their four indexes, 2.4 s with none). Making a key again checks it,
 * and a foreign key again checks every row, so nothing goes unchecked.
 */
async function deferKeys(tx: Tx, tables: readonly string[]): Promise<() => Promise<void>> {
  const list = `{${tables.join(',')}}`;
  const keys = await queryRows<{ table: string; name: string; def: string; type: string }>(
    tx,
    sql`SELECT conrelid::regclass::text AS table, conname AS name, pg_get_constraintdef(oid) AS def, contype AS type
      FROM pg_constraint
      WHERE (contype = 'p' AND conrelid::regclass::text = ANY(${list}::text[]))
        OR (contype = 'f' AND confrelid::regclass::text = ANY(${list}::text[]))`,
  );
  const uniques = await queryRows<{ name: string; def: string }>(
    tx,
    sql`SELECT c.relname AS name, pg_get_indexdef(i.indexrelid) AS def
      FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
      WHERE i.indisunique AND NOT i.indisprimary AND i.indrelid::regclass::text = ANY(${list}::text[])`,
  );
  const foreign = keys.filter((k) => k.type === 'f');
  const primary = keys.filter((k) => k.type === 'p');
  const alter = (k: { table: string; name: string }, what: string) =>
    tx.execute(sql.raw(`ALTER TABLE ${k.table} ${what}`));
  for (const k of foreign) await alter(k, `DROP CONSTRAINT "${k.name}"`);
  for (const k of primary) await alter(k, `DROP CONSTRAINT "${k.name}"`);
  for (const u of uniques) await tx.execute(sql.raw(`DROP INDEX "${u.name}"`));
  return async () => {
    for (const k of primary) await alter(k, `ADD CONSTRAINT "${k.name}" ${k.def}`);
    for (const u of uniques) await tx.execute(sql.raw(u.def));
    for (const k of foreign) await alter(k, `ADD CONSTRAINT "${k.name}" ${k.def}`);
  };
}

async function insertRegions(tx: Tx, rows: ScaleRegion[]) {
  for (let i = 0; i < rows.length; i += 2000)
    await tx.insert(regions).values(rows.slice(i, i + 2000).map((r) => ({ ...r, isDemo: true })));
}

async function countRows(tx: Tx, regionCount: number): Promise<ScaleCounts> {
  const one = async (table: string) => {
    const result = (await tx.execute(sql.raw(`SELECT count(*)::int AS n FROM ${table}`))) as unknown as {
      rows: { n: number }[];
    };
    return result.rows[0]?.n ?? 0;
  };
  return {
    regions: regionCount,
    compounds: await one('compounds'),
    buildings: await one('buildings'),
    households: await one('households'),
    projects: await one('projects'),
    ledgerItems: await one('ledger_items'),
    tickets: await one('tickets'),
    illegalStructures: await one('illegal_structures'),
    facilities: await one('facilities'),
  };
}
