/**
 * Survey sheets (违建调查表) through the inventory's import routes and job: upload → check →
 * confirm, all or nothing, every problem by row and column; a household already holding a
 * structure of the same type gets the new one linked, and the same survey again is left alone.
 */
import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Job } from '../../../contract/imports.js';
import { auditEvents, illegalMeasurements, illegalStructures } from '../../db/schema.js';
import { requests, type Session, sessionAs, type TestApp, testApp, until } from '../../testing/app.js';
import {
  buildBuilding,
  buildCompound,
  buildHousehold,
  buildRegions,
  daysFromToday,
  tieta,
} from '../../testing/factories.js';

let t: TestApp;
let get: ReturnType<typeof requests>['get'];
let send: ReturnType<typeof requests>['send'];
let staff: Session;
let viewer: Session;
let outsider: Session;
/** A compound of 铁塔街道 with one building and two households in it. */
let place: {
  compound: { id: string; name: string };
  building: { number: string };
  rooms: [string, string];
  householdIds: [string, string];
};
let other: { room: string };

beforeAll(async () => {
  t = await testApp({}, { seeded: false });
  ({ get, send } = requests(t));
  await buildRegions(t.database);
  const compound = await buildCompound(t.database);
  const building = await buildBuilding(t.database, compound);
  const a = await buildHousehold(t.database, building);
  const b = await buildHousehold(t.database, building, '2单元');
  place = { compound, building, rooms: [a.room, b.room], householdIds: [a.id, b.id] };
  // Another compound's household: named under the first compound it is "outside" it.
  const elsewhere = await buildCompound(t.database);
  const otherBuilding = await buildBuilding(t.database, elsewhere);
  const h = await buildHousehold(t.database, otherBuilding);
  other = { room: h.room };
  staff = await sessionAs(t, 'subdistrict', [tieta]);
  viewer = await sessionAs(t, 'viewer');
  outsider = await sessionAs(t, 'subdistrict', ['410203001']);
});

const head =
  '街道,小区名称,楼栋,单元,房号,违建类型,位置描述,调查日期,调查人,初测人,初测面积（平方米）,复测人,复测面积（平方米）,拆除日期,拆除方式,法律依据';
const survey = daysFromToday(-40);
const removal = daysFromToday(-10);

/** A row of the sheet; `cells` replaces the defaults by header. */
function row(cells: Record<string, string> = {}): string {
  const defaults: Record<string, string> = {
    街道: '铁塔',
    小区名称: place.compound.name,
    楼栋: place.building.number,
    单元: '1单元',
    房号: place.rooms[0],
    违建类型: '棚屋',
    位置描述: '一楼院内',
    调查日期: survey,
    调查人: '摸排员甲',
    初测人: '张测',
    '初测面积（平方米）': '12.5',
    复测人: '李测',
    '复测面积（平方米）': '12.8',
    拆除日期: '',
    拆除方式: '',
    法律依据: '',
  };
  return head
    .split(',')
    .map((h) => cells[h] ?? defaults[h] ?? '')
    .join(',');
}
const csv = (...rows: string[]) => Buffer.from(`${head}\n${rows.join('\n')}\n`);

const upload = (s: Session | undefined, body: Buffer, kind = 'structures', fileName = '违建调查表.csv') =>
  t.app.inject({
    method: 'POST',
    url: `/api/imports?kind=${kind}&fileName=${encodeURIComponent(fileName)}`,
    payload: body,
    headers: { ...s?.headers, 'content-type': 'application/octet-stream' },
  });

async function settled(s: Session, id: string, running: Job['status']): Promise<Job> {
  return until(
    async () => (await get(`/api/jobs/${id}`, s)).json() as Job,
    (job) => job.status !== running,
  );
}

/** Upload and wait for the check. */
async function checked(body: Buffer, s: Session = staff): Promise<Job> {
  const res = await upload(s, body);
  expect(res.statusCode).toBe(202);
  return settled(s, res.json().id, 'validating');
}

/** Check, confirm and wait for the write. */
async function imported(body: Buffer, s: Session = staff): Promise<Job> {
  const job = await checked(body, s);
  expect(job.status).toBe('validated');
  const res = await send('POST', `/api/jobs/${job.id}/confirm`, undefined, s);
  expect(res.statusCode).toBe(202);
  return settled(s, job.id, 'importing');
}

const structuresAt = (householdId: string) =>
  t.database.db.select().from(illegalStructures).where(eq(illegalStructures.householdId, householdId));

describe('access', () => {
  it('401 without a session, 403 without the right to write structures, 400 for an unknown kind', async () => {
    expect((await upload(undefined, csv(row()))).statusCode).toBe(401);
    const denied = await upload(viewer, csv(row()));
    expect(denied.statusCode).toBe(403);
    expect((await upload(staff, csv(row()), 'graves')).statusCode).toBe(400);
  });

  it('gives the blank survey sheet to those who read the register', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/sheets/structures/template' })).statusCode).toBe(
      401,
    );
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/sheets/structures/template',
      headers: viewer.headers,
    });
    expect(res.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const headers = ((book.worksheets[0]?.getRow(2).values ?? []) as unknown[]).filter(Boolean);
    expect(headers).toEqual(expect.arrayContaining(['小区名称', '违建类型', '调查日期', '调查人', '初测人']));
    // The ledgers' export is not the survey's: that one is the register's own Excel.
    const exported = await get('/api/sheets/structures/export', viewer);
    expect(exported.statusCode).toBe(400);
  });

  it('refuses a compound outside the importer’s scope, by row and column', async () => {
    const job = await checked(csv(row()), outsider);
    expect(job.status).toBe('invalid');
    expect(job.report?.problems[0]).toMatchObject({ row: 2, column: 'B', header: '小区名称' });
    expect(job.report?.problems[0]?.message).toContain('管辖范围');
  });
});

describe('a good sheet', () => {
  it('is checked without writing, then written at once: structures, measurements, verified area, removal', async () => {
    const sheet = csv(
      row(),
      row({ 房号: place.rooms[1], 单元: '2单元', 违建类型: '扩建', 拆除日期: removal, 拆除方式: '自行拆除' }),
      // A rooftop structure of the building as a whole: no unit, no room.
      row({ 单元: '', 房号: '', 违建类型: '屋顶建筑', 复测人: '', '复测面积（平方米）': '' }),
    );
    const job = await checked(sheet);
    expect(job.status).toBe('validated');
    expect(job.report).toMatchObject({ rows: 3, inserted: 3, linked: 0, unchanged: 0, problemCount: 0 });
    expect(job.report?.preview?.added).toHaveLength(3);
    expect(await structuresAt(place.householdIds[0])).toHaveLength(0);

    const done = await imported(sheet);
    expect(done.status).toBe('done');
    const [first] = await structuresAt(place.householdIds[0]);
    expect(first).toMatchObject({
      type: '棚屋',
      surveyOn: survey,
      surveyor: '摸排员甲',
      verifiedArea: 12.65,
      status: 'verified',
      duplicateOf: null,
      createdBy: expect.any(String),
    });
    const measured = await t.database.db
      .select()
      .from(illegalMeasurements)
      .where(eq(illegalMeasurements.structureId, first?.id ?? ''));
    expect(measured.map((m) => [m.measuredBy, m.area, m.method])).toEqual(
      expect.arrayContaining([
        ['张测', 12.5, 'other'],
        ['李测', 12.8, 'other'],
      ]),
    );
    const [removed] = await structuresAt(place.householdIds[1]);
    expect(removed).toMatchObject({ status: 'removed', removedOn: removal, removedBy: 'owner' });
    const events = await t.database.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, 'import.structures'));
    expect(events).toHaveLength(1);
  });

  it('links a structure at a household already holding one of the same type, and leaves the same survey alone', async () => {
    // The first test's 棚屋 at room 0 is registered: the same survey again changes nothing …
    const again = await checked(csv(row()));
    expect(again.report).toMatchObject({ inserted: 0, unchanged: 1, linked: 0 });
    // … a later survey of it by someone else is added, flagged and linked to the first.
    const later = await imported(csv(row({ 调查人: '摸排员乙', 调查日期: daysFromToday(-5) })));
    expect(later.report).toMatchObject({ inserted: 1, linked: 1 });
    const both = await structuresAt(place.householdIds[0]);
    const sheds = both.filter((s) => s.type === '棚屋');
    expect(sheds).toHaveLength(2);
    const original = sheds.find((s) => s.duplicateOf === null);
    expect(sheds.find((s) => s.duplicateOf !== null)?.duplicateOf).toBe(original?.id);
  });
});

describe('a sheet with bad cells', () => {
  it('names every problem by row and column and writes nothing', async () => {
    const before = (await t.database.db.select({ id: illegalStructures.id }).from(illegalStructures)).length;
    const whole = { 单元: '', 房号: '' };
    const sheet = csv(
      row({ '初测面积（平方米）': '0' }),
      row({ '复测面积（平方米）': '-3' }),
      row({ 小区名称: '不存在的小区' }),
      row({ 房号: other.room }),
      row({ 违建类型: '地下室' }),
      // Rows 7, 9 and 10: structures of the building as a whole (no unit, no room).
      row({ ...whole, 拆除日期: daysFromToday(-50), 拆除方式: '自行拆除' }),
      row({ 调查日期: 'someday' }),
      row({ ...whole, 拆除日期: removal, 拆除方式: '依法拆除' }),
      row({ ...whole, 复测人: '', '复测面积（平方米）': '', 拆除日期: removal, 拆除方式: '自拆' }),
      row({ 房号: place.rooms[1] }),
      // Rows 12 and 13: the same household and type twice in one sheet.
      row({ 违建类型: '其他' }),
      row({ 违建类型: '其他' }),
    );
    const job = await checked(sheet);
    expect(job.status).toBe('invalid');
    const at = (r: number) => job.report?.problems.filter((p) => p.rows?.includes(r) || p.row === r) ?? [];
    const one = (r: number) => {
      const found = at(r);
      expect(found, `row ${r}`).toHaveLength(1);
      return found[0];
    };
    expect(one(2)).toMatchObject({ column: 'K', header: '初测面积（平方米）' });
    expect(one(3)).toMatchObject({ column: 'M', header: '复测面积（平方米）' });
    expect(one(3)?.message).toContain('负数');
    expect(one(4)).toMatchObject({ column: 'B', header: '小区名称' });
    expect(one(4)?.message).toContain('不存在的小区');
    expect(one(5)).toMatchObject({ column: 'E', header: '房号' });
    expect(one(5)?.message).toContain(place.compound.name);
    expect(one(6)).toMatchObject({ column: 'F', header: '违建类型' });
    expect(one(6)?.message).toContain('地下室');
    expect(one(7)).toMatchObject({ column: 'N', header: '拆除日期' });
    expect(one(7)?.message).toContain('早于调查日期');
    expect(one(8)).toMatchObject({ column: 'H', header: '调查日期' });
    expect(one(9)).toMatchObject({ column: 'P', header: '法律依据' });
    expect(one(10)).toMatchObject({ column: 'N', header: '拆除日期' });
    expect(one(10)?.message).toContain('未核定');
    // Room 1 is in unit 2, not unit 1: not a household of the compound as named.
    expect(one(11)).toMatchObject({ column: 'E', header: '房号' });
    expect(one(13)).toMatchObject({ column: 'E' });
    expect(one(13)?.message).toContain('第 12 行');
    expect(job.report).toMatchObject({ inserted: 0, problemCount: 11 });
    const after = (await t.database.db.select({ id: illegalStructures.id }).from(illegalStructures)).length;
    expect(after).toBe(before);
  });
});

describe('an Excel workbook', () => {
  /** The survey as an office keeps it in Excel: a title row, the headers, numbers as numbers. */
  async function workbook(sheetName: string, rows: Record<string, string | number>[]): Promise<Buffer> {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet(sheetName);
    const headers = head.split(',');
    sheet.addRow(['铁塔街道违法建设摸排调查表']);
    sheet.addRow(headers);
    for (const r of rows) {
      const cells: Record<string, string | number> = {
        ...Object.fromEntries(headers.map((h, i) => [h, row().split(',')[i] ?? ''])),
        '初测面积（平方米）': 12.5,
        '复测面积（平方米）': 12.8,
        ...r,
      };
      sheet.addRow(headers.map((h) => cells[h] ?? ''));
    }
    return Buffer.from(await book.xlsx.writeBuffer());
  }

  it('names a bad cell by sheet, row and column, and writes nothing', async () => {
    const before = await t.database.db.select({ id: illegalStructures.id }).from(illegalStructures);
    const audits = await t.database.db.select({ seq: auditEvents.seq }).from(auditEvents);
    const file = await workbook('2025年摸排', [{ 违建类型: '占用绿地' }, { '复测面积（平方米）': -3 }]);
    const res = await upload(staff, file, 'structures', '违建调查表.xlsx');
    expect(res.statusCode).toBe(202);
    const job = await settled(staff, res.json().id, 'validating');
    expect(job.status).toBe('invalid');
    expect(job.report?.problems).toHaveLength(1);
    // Row 4: the title is row 1, the headers row 2, the good row 3.
    expect(job.report?.problems[0]).toMatchObject({
      sheet: '2025年摸排',
      row: 4,
      column: 'M',
      header: '复测面积（平方米）',
    });
    expect(job.report?.problems[0]?.message).toContain('负数');
    expect(job.report).toMatchObject({ inserted: 0 });
    // The job cannot be confirmed, and nothing was written: no structure, no audit event.
    expect((await send('POST', `/api/jobs/${job.id}/confirm`, undefined, staff)).statusCode).toBe(409);
    expect(await t.database.db.select({ id: illegalStructures.id }).from(illegalStructures)).toHaveLength(
      before.length,
    );
    expect(await t.database.db.select({ seq: auditEvents.seq }).from(auditEvents)).toHaveLength(
      audits.length,
    );
  });
});
