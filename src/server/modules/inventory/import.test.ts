/**
 * The import's batched writes, straight through importSheet on a fresh database (PGlite, or
 * PostgreSQL with TEST_DATABASE_URL): files larger than one batch, re-imports that update
 * only what changed, blank cells that keep what is stored, owners found again, exact dry runs.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { and, eq, sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../db/client.js';
import { auditEvents, buildings, compounds, households, owners } from '../../db/schema.js';
import { makeZip, workbookEntries } from '../../platform/sheets/testing.js';
import { freshDatabase } from '../../testing/db.js';
import { deferIndexesFrom } from './import.js';
import { csvFiles, importer } from './testing.js';

let database: Awaited<ReturnType<typeof freshDatabase>>;
let run: ReturnType<typeof importer>;
const csv = csvFiles();
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jiugai-import-test-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

beforeAll(async () => {
  // The demo district is loaded: imports write into a register that already holds a district's
  // compounds and households (when to defer the household indexes weighs what the table holds).
  // Each test imports the compounds it works on, under names of its own.
  database = await freshDatabase();
  run = importer(database, { dryRun: false, lang: 'en' });
});

const compoundHead = '街道（乡）,小区名称,建成年代,楼栋数,户数,建筑面积（平方米）,物业管理,备注';
const householdHead =
  '街道（乡）,小区名称,楼栋,单元,房号,产权人,身份证号,联系电话,专有部分面积,面积依据,备注';
/** 6,000 rows: several batches. */
const rooms = 6000;
/** A new compound in 曹门街道 (of 6,000 households), and the sheet of its first `count` (not imported). */
async function compoundSheet(compound: string, count = rooms) {
  await run('compounds', csv([compoundHead, `曹门街道,${compound},1990年,30,${rooms},300000,,`]));
  const lines = [householdHead];
  for (let i = 0; i < count; i++) lines.push(household(compound, i));
  return lines;
}
const household = (compound: string, i: number, phone = `139${String(i).padStart(8, '0')}`) =>
  [
    '曹门街道',
    compound,
    String(1 + Math.floor(i / 200)),
    String(1 + (Math.floor(i / 100) % 2)),
    String(100 + (i % 100)),
    // Every tenth owner has an ID number; the others are found by name, some owning two rooms.
    i % 10 === 0 ? `业主${i}` : `业主${Math.floor(i / 2)}`,
    i % 10 === 0 ? `41020319800101${String(i).padStart(4, '0')}` : '',
    phone,
    String(60 + (i % 40)),
    i % 5 === 0 ? '测绘' : '不动产登记',
    '',
  ].join(',');

describe('compounds', () => {
  it('inserts new compounds with generated codes and blank cells unknown (null); a dry run counts exactly and writes nothing', async () => {
    const lines = [compoundHead];
    for (let i = 0; i < 5200; i++)
      lines.push(`曹门街道,示例·批量院${i},${1980 + (i % 20)}年,${1 + (i % 5)},40,2600,,`);
    const file = csv(lines);
    const before = (await database.db.select({ id: compounds.id }).from(compounds)).length;
    const dry = await run('compounds', file, { dryRun: true });
    expect(dry).toMatchObject({ rows: 5200, inserted: 5200, updated: 0, unchanged: 0, problemCount: 0 });
    expect(await database.db.select({ id: compounds.id }).from(compounds)).toHaveLength(before);
    const real = await run('compounds', file);
    expect(real).toMatchObject({ inserted: 5200, updated: 0, unchanged: 0, problemCount: 0 });
    const [codes] = await queryRows<{ n: number; distinct: number }>(
      database.db,
      sql`SELECT count(*)::int AS n, count(DISTINCT code)::int AS distinct FROM compounds`,
    );
    expect(codes?.distinct).toBe(codes?.n);
    const [one] = await database.db.select().from(compounds).where(eq(compounds.name, '示例·批量院7'));
    expect(one).toMatchObject({
      buildYear: 1987,
      // Not given: not known, rather than 无物业 or no residents.
      propertyManagement: null,
      residentCount: null,
      unitCount: null,
      buildYearApprox: false,
      version: 1,
    });
    expect(one?.code).toMatch(/^410203003-\d{3,}$/);
  });

  it('a re-import changes only the rows the file changes; a blank cell keeps what is stored', async () => {
    const stored = [compoundHead];
    for (let i = 1; i <= 3; i++) stored.push(`曹门街道,示例·再导入院${i},${1980 + i}年,${1 + i},40,2600,,`);
    expect(await run('compounds', csv(stored))).toMatchObject({ inserted: 3, problemCount: 0 });
    const file = csv([
      compoundHead,
      '曹门街道,示例·再导入院1,1981年,2,40,2600,,',
      '曹门街道,示例·再导入院2,1982年,3,40,2600,自管,加装电梯',
      '曹门街道,示例·再导入院3,,,,,,',
    ]);
    const report = await run('compounds', file);
    expect(report).toMatchObject({ inserted: 0, updated: 1, unchanged: 2, problemCount: 0 });
    const [changed] = await database.db.select().from(compounds).where(eq(compounds.name, '示例·再导入院2'));
    expect(changed).toMatchObject({ propertyManagement: 'self', notes: '加装电梯', version: 2 });
    const [kept] = await database.db.select().from(compounds).where(eq(compounds.name, '示例·再导入院3'));
    expect(kept).toMatchObject({ buildYear: 1983, buildingCount: 4, version: 1 });
  });
  it('codes it makes for new compounds step over the codes the file gives, and a code it made is not given again', async () => {
    const [max] = await queryRows<{ n: number }>(
      database.db,
      sql`SELECT max(split_part(code, '-', 2)::int)::int AS n FROM compounds WHERE code ~ '^410203003-[0-9]+$'`,
    );
    const code = (n: number) => `410203003-${String(n).padStart(3, '0')}`;
    const next = (max?.n ?? 0) + 1;
    const head = '街道（乡）,小区编码,小区名称,建成年代';
    // The file gives the next free code to its first row: the code made for the second steps over it.
    const report = await run(
      'compounds',
      csv([head, `曹门街道,${code(next)},示例·编码院乙,1991年`, `曹门街道,,示例·编码院甲,1990年`]),
    );
    expect(report).toMatchObject({ inserted: 2, problemCount: 0 });
    const made = await database.db
      .select({ name: compounds.name, code: compounds.code })
      .from(compounds)
      .where(sql`${compounds.name} IN ('示例·编码院甲', '示例·编码院乙')`)
      .orderBy(compounds.name);
    expect(made).toEqual([
      { name: '示例·编码院乙', code: code(next) },
      { name: '示例·编码院甲', code: code(next + 1) },
    ]);
    // A later row giving the code made for an earlier one is a problem naming that compound.
    const clash = await run(
      'compounds',
      csv([head, `曹门街道,,示例·编码院丙,1990年`, `曹门街道,${code(next + 2)},示例·编码院丁,1991年`]),
    );
    expect(clash).toMatchObject({ inserted: 0, problemCount: 1 });
    expect(clash.problems[0]).toMatchObject({ row: 3, header: '小区编码' });
    expect(clash.problems[0]?.message).toContain('示例·编码院丙');
  });
});

describe('households', () => {
  it('imports a sheet of several batches: buildings and owners created once, rooms by building', async () => {
    const report = await run('households', csv(await compoundSheet('示例·分批导入院')));
    expect(report).toMatchObject({
      rows: rooms,
      inserted: rooms,
      updated: 0,
      unchanged: 0,
      createdBuildings: rooms / 200,
      problemCount: 0,
    });
    const [c] = await database.db.select().from(compounds).where(eq(compounds.name, '示例·分批导入院'));
    if (!c) throw new Error('compound missing');
    const held = await database.db.select().from(households).where(eq(households.compoundId, c.id));
    expect(held).toHaveLength(rooms);
    expect(held.every((h) => h.ownerId !== null)).toBe(true);
    // Owners: one per ID number (600), one per name among the rest (each name on two rows).
    const registered = await database.db.select().from(owners).where(eq(owners.compoundId, c.id));
    const names = new Set<string>();
    for (let i = 0; i < rooms; i++) if (i % 10 !== 0) names.add(`业主${Math.floor(i / 2)}`);
    expect(registered).toHaveLength(rooms / 10 + names.size);
    // Row 2 (i = 1) and row 3 (i = 2)… share 业主0/业主1: the first row's phone is the owner's.
    const [first] = registered.filter((o) => o.name === '业主1' && o.idNumber === null);
    expect(first?.phone).toBe('13900000002');
    const [room] = await database.db
      .select()
      .from(households)
      .innerJoin(buildings, eq(buildings.id, households.buildingId))
      .where(and(eq(households.compoundId, c.id), eq(buildings.number, '1号楼'), eq(households.room, '105')));
    expect(room?.households).toMatchObject({ unit: '1单元', areaSurveyed: 65, areaRegistered: null });
  });

  it('the same sheet again changes nothing; one changed phone updates one row; a blank phone keeps it', async () => {
    const lines = await compoundSheet('示例·再登记院');
    expect(await run('households', csv(lines))).toMatchObject({ inserted: rooms, problemCount: 0 });
    expect(await run('households', csv(lines))).toMatchObject({ inserted: 0, updated: 0, unchanged: rooms });
    lines[1 + 7] = household('示例·再登记院', 7, '13700000000');
    lines[1 + 8] = household('示例·再登记院', 8, '');
    const dry = await run('households', csv(lines), { dryRun: true });
    expect(dry).toMatchObject({ inserted: 0, updated: 1, unchanged: rooms - 1, dryRun: true });
    const report = await run('households', csv(lines));
    expect(report).toMatchObject({ inserted: 0, updated: 1, unchanged: rooms - 1, createdBuildings: 0 });
    const phones = await queryRows<{ phone: string; version: number }>(
      database.db,
      sql`SELECT h.contact_phone AS phone, h.version FROM households h JOIN compounds c ON c.id = h.compound_id
          WHERE c.name = '示例·再登记院' AND h.contact_phone IN ('13700000000', '13900000008') ORDER BY 1`,
    );
    expect(phones).toEqual([
      { phone: '13700000000', version: 2 },
      { phone: '13900000008', version: 1 },
    ]);
    const events = await database.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, 'import.households'));
    expect(events.at(-1)?.after).toMatchObject({
      rows: rooms,
      inserted: 0,
      updated: 1,
      unchanged: rooms - 1,
    });
  });

  it('new rooms in a registered compound find its buildings and owners again, by ID number and by name', async () => {
    // 业主0 with an ID number, 业主0 and 业主1 without: found by name.
    expect(await run('households', csv(await compoundSheet('示例·续登院', 20)))).toMatchObject({
      inserted: 20,
      problemCount: 0,
    });
    const [c] = await database.db.select().from(compounds).where(eq(compounds.name, '示例·续登院'));
    if (!c) throw new Error('compound missing');
    const before = await database.db.select().from(owners).where(eq(owners.compoundId, c.id));
    const room = (building: string, number: string, owner: string, idNumber = '') =>
      ['曹门街道', '示例·续登院', building, '1', number, owner, idNumber, '', '70', '', ''].join(',');
    const report = await run(
      'households',
      csv([
        householdHead,
        room('1', '901', '业主0', `41020319800101${'0'.padStart(4, '0')}`), // registered, by ID number
        room('1', '902', '业主1'), // registered, by name
        room('99', '101', '新业主'), // a new building and a new owner
        room('99', '102', '新业主'),
      ]),
    );
    expect(report).toMatchObject({
      inserted: 4,
      updated: 0,
      unchanged: 0,
      createdBuildings: 1,
      problemCount: 0,
    });
    const after = await database.db.select().from(owners).where(eq(owners.compoundId, c.id));
    expect(after).toHaveLength(before.length + 1);
    const added = await queryRows<{
      room: string;
      building: string;
      owner: string;
      id_number: string | null;
    }>(
      database.db,
      sql`SELECT h.room, b.number AS building, o.name AS owner, o.id_number FROM households h
          JOIN buildings b ON b.id = h.building_id JOIN owners o ON o.id = h.owner_id
          WHERE h.compound_id = ${c.id} AND (h.room IN ('901', '902') OR b.number = '99号楼')
          ORDER BY b.number, h.room`,
    );
    expect(added).toEqual([
      { room: '901', building: '1号楼', owner: '业主0', id_number: '410203198001010000' },
      { room: '902', building: '1号楼', owner: '业主1', id_number: null },
      { room: '101', building: '99号楼', owner: '新业主', id_number: null },
      { room: '102', building: '99号楼', owner: '新业主', id_number: null },
    ]);
    const registered = before.filter(
      (o) => o.idNumber === '410203198001010000' || (o.name === '业主1' && o.idNumber === null),
    );
    const found = await queryRows<{ owner_id: string }>(
      database.db,
      sql`SELECT owner_id FROM households WHERE compound_id = ${c.id} AND room IN ('901', '902') ORDER BY room`,
    );
    expect(found.map((f) => f.owner_id).sort()).toEqual(registered.map((o) => o.id).sort());
  });

  it('a household is in the compound of its building, and goes with the compound', async () => {
    await run('households', csv(await compoundSheet('示例·楼栋院甲', 1)));
    await run('compounds', csv([compoundHead, '曹门街道,示例·楼栋院乙,1990年,1,2,100,,']));
    const named = (name: string) => database.db.select().from(compounds).where(eq(compounds.name, name));
    const [[a], [b]] = await Promise.all([named('示例·楼栋院甲'), named('示例·楼栋院乙')]);
    if (!a || !b) throw new Error('compounds missing');
    const [other] = await database.db.select().from(buildings).where(eq(buildings.compoundId, a.id)).limit(1);
    if (!other) throw new Error('building missing');
    // A building of one compound cannot hold a household of another.
    await expect(
      database.db.insert(households).values({
        compoundId: b.id,
        buildingId: other.id,
        regionCode: b.regionCode,
        unit: '1单元',
        room: '101',
      }),
    ).rejects.toThrow();
    await run('compounds', csv([compoundHead, '曹门街道,示例·待删院,1990年,1,2,100,,']));
    await run(
      'households',
      csv([
        householdHead,
        ['曹门街道', '示例·待删院', '1', '1', '101', '甲', '', '', '50', '', ''].join(','),
      ]),
    );
    const [gone] = await database.db.select().from(compounds).where(eq(compounds.name, '示例·待删院'));
    if (!gone) throw new Error('compound missing');
    await database.db.delete(compounds).where(eq(compounds.id, gone.id));
    const [left] = await queryRows<{ n: number }>(
      database.db,
      sql`SELECT count(*)::int AS n FROM households WHERE compound_id = ${gone.id}`,
    );
    expect(left?.n).toBe(0);
  });

  it('a file with a problem writes nothing and names the row', async () => {
    await compoundSheet('示例·问题院', 0);
    const lines = [householdHead];
    for (let i = 0; i < rooms; i++) lines.push(household('示例·问题院', i, '13600000000'));
    lines.push(household('示例·问题院', 3));
    const report = await run('households', csv(lines));
    expect(report).toMatchObject({ inserted: 0, updated: 0, problemCount: 1 });
    expect(report.problems[0]).toMatchObject({ row: rooms + 2, header: '房号' });
    const [changed] = await queryRows<{ n: number }>(
      database.db,
      sql`SELECT count(*)::int AS n FROM households WHERE contact_phone = '13600000000'`,
    );
    expect(changed?.n).toBe(0);
  });

  it('an xlsx found damaged only after batches were sent writes nothing', async () => {
    await compoundSheet('示例·损坏院', 0);
    const cells = (r: number, values: string[]) =>
      `<row r="${r}">${values.map((v, i) => `<c r="${String.fromCharCode(65 + i)}${r}" t="inlineStr"><is><t>${v}</t></is></c>`).join('')}</row>`;
    const lines = [cells(1, householdHead.split(','))];
    for (let i = 0; i < rooms; i++)
      lines.push(cells(i + 2, household('示例·损坏院', i, '13755500000').split(',')));
    const xml = `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${lines.join('')}</sheetData></worksheet>`;
    // Stored, and one byte of the last row changed (1 becomes 2 in its room number): still a
    // sheet to read, but not the bytes its CRC was taken of, which shows only after every row.
    const zip = makeZip(workbookEntries(Buffer.from(xml), false));
    zip[zip.lastIndexOf(Buffer.from(`<t>${100 + ((rooms - 1) % 100)}</t>`)) + 3] = 0x32;
    const file = path.join(dir, 'damaged.xlsx');
    fs.writeFileSync(file, zip);
    const report = await run('households', file);
    expect(report.rows).toBe(rooms);
    expect(report.problems).toEqual([expect.objectContaining({ message: expect.stringMatching(/damaged/) })]);
    expect(report).toMatchObject({ inserted: 0, updated: 0 });
    const [written] = await queryRows<{ n: number }>(
      database.db,
      sql`SELECT count(*)::int AS n FROM households WHERE contact_phone = '13755500000'`,
    );
    expect(written?.n).toBe(0);
  });

  it('a large import builds the plain household indexes once, at its end, on PGlite; they come back as they were', async () => {
    // Enough rows to outweigh what the table held (the demo's registers) when the import weighs it.
    const [held] = await queryRows<{ n: number }>(
      database.db,
      sql`SELECT count(*)::int AS n FROM households`,
    );
    // It weighs at 20,000 rows, then 40,000, 80,000…: the first of those past what the table holds.
    let weighed = 2 * deferIndexesFrom;
    while (weighed < 1.25 * (held?.n ?? 0)) weighed *= 2;
    const count = weighed + 1000;
    const buildings = Math.ceil(count / 200);
    await run(
      'compounds',
      csv([compoundHead, `曹门街道,示例·大批院,1995年,${buildings},${count},${count * 50},,`]),
    );
    const indexes = () =>
      queryRows<{ name: string; oid: string; definition: string }>(
        database.db,
        sql`SELECT c.relname AS name, c.oid::text AS oid, pg_get_indexdef(c.oid) AS definition
          FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
          WHERE i.indrelid = 'households'::regclass ORDER BY 1`,
      );
    const before = await indexes();
    const lines = [householdHead];
    for (let i = 0; i < count; i++) {
      const unit = 1 + (Math.floor(i / 100) % 2);
      lines.push(
        `曹门街道,示例·大批院,${1 + Math.floor(i / 200)},${unit},${100 + (i % 100)},大批业主${i},,,${60 + (i % 40)},不动产登记,`,
      );
    }
    const report = await run('households', csv(lines));
    expect(report).toMatchObject({ rows: count, inserted: count, problemCount: 0 });
    const after = await indexes();
    const shape = (list: typeof before) => list.map(({ name, definition }) => ({ name, definition }));
    expect(shape(after)).toEqual(shape(before));
    const rebuilt = after
      .filter((a) => before.find((b) => b.name === a.name)?.oid !== a.oid)
      .map((a) => a.name);
    expect(rebuilt).toEqual(
      database.kind === 'pglite' ? ['households_compound_idx', 'households_owner_idx'] : [],
    );
    const [found] = await queryRows<{ n: number }>(
      database.db,
      sql`SELECT count(*)::int AS n FROM households h JOIN compounds c ON c.id = h.compound_id
        JOIN owners o ON o.id = h.owner_id WHERE c.name = '示例·大批院'`,
    );
    expect(found?.n).toBe(count);
  });

  // PGlite is one session: nobody can delete a compound while an import holds it.
  it.skipIf(!process.env.TEST_DATABASE_URL)(
    'a compound deleted by someone else after the rows were checked is a conflict, and nothing is written',
    async () => {
      await run('compounds', csv([compoundHead, '曹门街道,示例·中途删除院,1995年,1,2,1000,,']));
      const [gone] = await database.db.select().from(compounds).where(eq(compounds.name, '示例·中途删除院'));
      if (!gone) throw new Error('compound missing');
      const [{ name } = { name: '' }] = await queryRows<{ name: string }>(
        database.db,
        sql`SELECT current_database() AS name`,
      );
      const url = new URL(process.env.TEST_DATABASE_URL ?? '');
      url.pathname = `/${name}`;
      const other = new pg.Client({ connectionString: url.toString() });
      await other.connect();
      try {
        // Someone else deletes it, not yet committed: the import still sees it while checking.
        await other.query('BEGIN');
        await other.query('DELETE FROM compounds WHERE id = $1', [gone.id]);
        // Its outcome taken at once: it may fail before this test comes back to it from the wait below.
        const importing = run(
          'households',
          csv([householdHead, '曹门街道,示例·中途删除院,1,1,101,业主甲,,,60,,']),
        ).then(
          () => null,
          (error: unknown) => error,
        );
        // Commit once the import waits on that row, as it locks the compound before writing.
        // The bound only keeps a failure from hanging the run; it is no measure of speed.
        const deadline = Date.now() + 60_000;
        for (;;) {
          const { rows } = await other.query(
            `SELECT count(*)::int AS n FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
             WHERE NOT l.granted AND a.datname = current_database()`,
          );
          if (rows[0]?.n > 0) break;
          if (Date.now() > deadline) throw new Error('the import never waited on the compound being deleted');
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
        await other.query('COMMIT');
        expect(await importing).toMatchObject({ code: 'CONFLICT' });
      } finally {
        await other.end();
      }
      const [left] = await queryRows<{ n: number }>(
        database.db,
        sql`SELECT count(*)::int AS n FROM households WHERE compound_id = ${gone.id}`,
      );
      expect(left?.n).toBe(0);
    },
    120_000,
  );
});
