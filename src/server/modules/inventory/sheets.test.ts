import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, compounds, households } from '../../db/schema.js';
import { encodeGbk, junkBytes } from '../../platform/sheets/testing.js';
import { buildUser, login, type Session, type TestApp, testApp, until } from '../../testing/app.js';
import { buildCompound } from '../../testing/factories.js';

let t: TestApp;
let hq: Session;
let viewer: Session;
let tieta: Session;

beforeAll(async () => {
  t = await testApp({ uploadLimitBytes: 2 * 1024 * 1024 });
  const h = await buildUser(t.database, 'hq');
  hq = await login(t.app, h.username, h.password);
  const v = await buildUser(t.database, 'viewer');
  viewer = await login(t.app, v.username, v.password);
  const s = await buildUser(t.database, 'subdistrict', ['410203002']);
  tieta = await login(t.app, s.username, s.password);
});

const upload = (s: Session, kind: string, body: Buffer, fileName = 'ledger.xlsx') =>
  t.app.inject({
    method: 'POST',
    url: `/api/imports?kind=${kind}&fileName=${encodeURIComponent(fileName)}`,
    payload: body,
    headers: { ...s.headers, 'content-type': 'application/octet-stream' },
  });

/** The job once it has stopped working: checked, done, invalid or failed. */
const settle = (s: Session, id: string) =>
  until(
    async () => (await t.app.inject({ method: 'GET', url: `/api/jobs/${id}`, headers: s.headers })).json(),
    (job) => !['validating', 'importing'].includes(job.status),
  );

/** Upload, check, and (when clean) confirm: what the wizard does. */
async function importFile(s: Session, kind: string, body: Buffer, fileName?: string) {
  const res = await upload(s, kind, body, fileName);
  expect(res.statusCode).toBe(202);
  const checked = await settle(s, res.json().id);
  if (checked.status !== 'validated') return checked;
  const confirm = await t.app.inject({
    method: 'POST',
    url: `/api/jobs/${checked.id}/confirm`,
    headers: s.headers,
  });
  expect(confirm.statusCode).toBe(202);
  return settle(s, checked.id);
}

async function sheet(rows: (string | number | null)[][], title?: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Sheet1');
  if (title) ws.addRow([title]);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const download = async (s: Session, url: string) => {
  const res = await t.app.inject({ method: 'GET', url, headers: s.headers });
  expect(res.statusCode).toBe(200);
  return res.rawPayload;
};

const compoundHeader = ['街道（乡）', '小区名称', '建成年代', '楼栋数', '户数', '建筑面积（平方米）'];

describe('POST /api/imports: access and envelope', () => {
  it('401 without a session, 403 for a read-only role, 400 for an unknown kind', async () => {
    const body = await sheet([compoundHeader]);
    const anonymous = await t.app.inject({
      method: 'POST',
      url: '/api/imports?kind=compounds&fileName=a.xlsx',
      payload: body,
      headers: { 'content-type': 'application/octet-stream' },
    });
    expect(anonymous.statusCode).toBe(401);
    expect((await upload(viewer, 'compounds', body)).statusCode).toBe(403);
    expect((await upload(hq, 'parking-lots', body)).statusCode).toBe(400);
  });

  it('413 for a file over the limit, and nothing is kept', async () => {
    const res = await upload(hq, 'compounds', Buffer.alloc(3 * 1024 * 1024, 1));
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('400 for an empty file', async () => {
    const res = await upload(hq, 'compounds', Buffer.alloc(0));
    expect(res.statusCode).toBe(400);
  });
});

describe('bad files: a clear problem, nothing written, the server stays up', () => {
  const cases: [string, () => Promise<Buffer>, RegExp][] = [
    ['random bytes', async () => junkBytes(4096), /Excel|CSV|表格|不是/],
    [
      'a truncated xlsx',
      async () => (await sheet([compoundHeader, ['铁塔街道', '甲', 1990, 1, 1, 1]])).subarray(0, 300),
      /./,
    ],
    [
      'a password-protected workbook (OLE2 container)',
      async () =>
        Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(2048)]),
      /加密|xls/,
    ],
    [
      'a sheet without the required columns',
      async () =>
        sheet([
          ['序号', '备注'],
          [1, 'x'],
        ]),
      /小区名称/,
    ],
    [
      'a build year in the future',
      async () => sheet([compoundHeader, ['铁塔街道', '示例·未来小区', 2999, 1, 10, 500]]),
      /2999/,
    ],
    [
      'a negative area',
      async () => sheet([compoundHeader, ['铁塔街道', '示例·负面积小区', 1990, 1, 10, -5]]),
      /-5|0/,
    ],
    [
      'an unknown subdistrict',
      async () => sheet([compoundHeader, ['不存在街道', '示例·某小区', 1990, 1, 10, 500]]),
      /不存在街道/,
    ],
    [
      'duplicate rows',
      async () =>
        sheet([
          compoundHeader,
          ['铁塔街道', '示例·重复小区', 1990, 1, 10, 500],
          ['铁塔街道', '示例·重复小区', 1991, 1, 10, 500],
        ]),
      /重复/,
    ],
  ];
  it.each(cases)('%s', async (_name, make, message) => {
    const before = await t.database.db.select().from(compounds);
    const job = await importFile(hq, 'compounds', await make());
    expect(job.status).toBe('invalid');
    expect(job.report.problemCount).toBeGreaterThan(0);
    expect(job.report.problems.map((p: { message: string }) => p.message).join('\n')).toMatch(message);
    expect(await t.database.db.select().from(compounds)).toHaveLength(before.length);
    expect((await t.app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
  });

  it('names sheet, row and column of a bad cell', async () => {
    const job = await importFile(
      hq,
      'compounds',
      await sheet(
        [
          compoundHeader,
          ['铁塔街道', '示例·好小区', 1990, 1, 10, 500],
          ['铁塔街道', '示例·坏小区', '很久以前', 1, 10, 500],
        ],
        '附件1',
      ),
    );
    expect(job.report.problems[0]).toMatchObject({
      sheet: 'Sheet1',
      row: 4,
      column: 'C',
      header: '建成年代',
    });
  });

  it('refuses a row outside the importer’s scope', async () => {
    const job = await importFile(
      tieta,
      'compounds',
      await sheet([compoundHeader, ['清平街道', '示例·越界小区', 1990, 1, 10, 500]]),
    );
    expect(job.status).toBe('invalid');
    expect(job.report.problems[0].message).toMatch(/管辖范围/);
  });
});

describe('a real office sheet, in and out again', () => {
  it('imports a plan sheet with title rows, a grouped header, subtotals and a footnote; the same sheet again changes nothing', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('2023年改造计划');
    ws.addRow(['附件1']);
    ws.addRow(['顺河回族区2023年城镇老旧小区改造计划表（示例数据）']);
    ws.mergeCells('A2:H2');
    ws.addRow(['序号', '街道（乡）', '小区名称', '基本情况', '', '', '', '备注']);
    ws.addRow(['', '', '', '建成年代', '楼栋数', '户数', '建筑面积（㎡）', '']);
    ws.mergeCells('D3:G3');
    ws.mergeCells('A3:A4');
    ws.addRow([1, '曹门街道', '示例·导入测试甲院', '1994年', 6, 168, '11,520.6', '']);
    ws.addRow([2, '曹门', '示例·导入测试乙院', '约1990年', 3, 72, '5034㎡', '']);
    ws.addRow(['', '曹门街道小计', '2个', '', 9, 240, '16554.6', '']);
    ws.addRow(['合计', '', '2个', '', '', '', '', '']);
    ws.addRow(['填表说明：建成年代填写竣工年份。']);
    const body = Buffer.from(await wb.xlsx.writeBuffer());
    const job = await importFile(hq, 'compounds', body, '改造计划.xlsx');
    expect(job.status).toBe('done');
    expect(job.report).toMatchObject({ rows: 2, inserted: 2, updated: 0 });
    const [a] = await t.database.db.select().from(compounds).where(eq(compounds.name, '示例·导入测试甲院'));
    expect(a).toMatchObject({
      buildYear: 1994,
      householdCount: 168,
      floorArea: 11520.6,
      subdistrictCode: '410203003',
    });
    const [b] = await t.database.db.select().from(compounds).where(eq(compounds.name, '示例·导入测试乙院'));
    expect(b).toMatchObject({ buildYear: 1990, buildYearApprox: true });
    const again = await importFile(hq, 'compounds', body, '改造计划.xlsx');
    expect(again.report).toMatchObject({ inserted: 0, updated: 0, unchanged: 2 });
    const events = await t.database.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, 'import.compounds'));
    expect(events.length).toBeGreaterThanOrEqual(2);
  });

  it('export, edit a cell, import: exactly that change; export again: identical otherwise', async () => {
    const first = await download(hq, '/api/sheets/compounds/export?format=xlsx&region=410203002');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(new Uint8Array(first).buffer);
    const ws = wb.worksheets[0];
    if (!ws) throw new Error('no sheet');
    let headerRow = 0;
    ws.eachRow((row, n) => {
      if (!headerRow && row.values && (row.values as unknown[]).includes('小区名称')) headerRow = n;
    });
    const headers = ws.getRow(headerRow).values as string[];
    const notes = headers.indexOf('备注');
    const nameCol = headers.indexOf('小区名称');
    const target = ws.getRow(headerRow + 1);
    const name = String(target.getCell(nameCol).value);
    target.getCell(notes).value = '居民反映：雨天积水（导出后修改）';
    target.commit();
    const edited = Buffer.from(await wb.xlsx.writeBuffer());
    const job = await importFile(hq, 'compounds', edited, 'export.xlsx');
    expect(job.status).toBe('done');
    // Only the edited row is touched; the rest are as stored.
    expect(job.report).toMatchObject({ inserted: 0, updated: 1 });
    expect(job.report.unchanged).toBe(job.report.rows - 1);
    const [row] = await t.database.db.select().from(compounds).where(eq(compounds.name, name));
    expect(row?.notes).toBe('居民反映：雨天积水（导出后修改）');
    // Export → import → export gives the same ledger.
    const second = await download(hq, '/api/sheets/compounds/export?format=csv&region=410203002');
    const job2 = await importFile(hq, 'compounds', second, 'export.csv');
    expect(job2.report).toMatchObject({ inserted: 0, updated: 0, problemCount: 0 });
    expect(await download(hq, '/api/sheets/compounds/export?format=csv&region=410203002')).toEqual(second);
  });

  it('reads a GBK CSV as offices save it, and refuses a duplicate room', async () => {
    const c = await buildCompound(t.database, { name: '示例·GBK院', regionCode: '410203003' });
    const csv = (lines: string[]) => encodeGbk(`${lines.join('\r\n')}\r\n`);
    const head = '小区名称,楼栋,单元,房号,产权人,联系电话,专有部分面积(㎡),面积依据,备注';
    const ok = csv([
      head,
      '示例·GBK院,1号楼,1单元,101,王某甲,13800000001,73.37,不动产登记,',
      '示例·GBK院,1号楼,1单元,102,王某甲,13800000002,78.37,不动产登记,同一产权人名下第二套',
      '示例·GBK院,1号楼,1单元,201,开发商未售,,64.12,合同,未售房屋',
    ]);
    const job = await importFile(hq, 'households', ok, 'households.csv');
    expect(job.status).toBe('done');
    expect(job.report).toMatchObject({ inserted: 3, createdBuildings: 1 });
    const rows = await t.database.db.select().from(households).where(eq(households.compoundId, c.id));
    expect(new Set(rows.map((r) => r.ownerId)).size).toBe(2); // 王某甲 once, the developer once
    const dup = csv([
      head,
      '示例·GBK院,1号楼,1单元,301,李某,138,70,测绘,',
      '示例·GBK院,1号楼,1单元,301,赵某,139,70,测绘,',
    ]);
    const bad = await importFile(hq, 'households', dup, 'dup.csv');
    expect(bad.status).toBe('invalid');
    expect(bad.report.problems[0]).toMatchObject({ row: 3, header: '房号' });
  });

  it('refuses households beyond a building’s declared count', async () => {
    await buildCompound(t.database, { name: '示例·满员院', regionCode: '410203003' });
    const buildingsSheet = await sheet([
      ['街道（乡）', '小区名称', '楼栋号', '层数', '单元数', '户数'],
      ['曹门街道', '示例·满员院', '1号楼', 6, 1, 2],
    ]);
    expect((await importFile(hq, 'buildings', buildingsSheet)).status).toBe('done');
    const three = await sheet([
      ['街道（乡）', '小区名称', '楼栋', '单元', '房号', '专有部分面积'],
      ['曹门街道', '示例·满员院', '1号楼', '1单元', '101', 70],
      ['曹门街道', '示例·满员院', '1号楼', '1单元', '102', 70],
      ['曹门街道', '示例·满员院', '1号楼', '1单元', '201', 70],
    ]);
    const job = await importFile(hq, 'households', three);
    expect(job.status).toBe('invalid');
    expect(job.report.problems[0].message).toMatch(/登记户数为 2/);
  });
});

describe('checking before writing', () => {
  it('a check reports exactly what the import will do, and writes nothing', async () => {
    const body = await sheet([compoundHeader, ['宋门街道', '示例·预检小区', 1988, 2, 40, 2600]]);
    const res = await upload(hq, 'compounds', body);
    const checked = await settle(hq, res.json().id);
    expect(checked.status).toBe('validated');
    expect(checked.report).toMatchObject({ dryRun: true, inserted: 1, updated: 0, problemCount: 0 });
    expect(
      await t.database.db.select().from(compounds).where(eq(compounds.name, '示例·预检小区')),
    ).toHaveLength(0);
    const confirm = await t.app.inject({
      method: 'POST',
      url: `/api/jobs/${checked.id}/confirm`,
      headers: hq.headers,
    });
    expect(confirm.statusCode).toBe(202);
    expect((await settle(hq, checked.id)).report).toMatchObject({ dryRun: false, inserted: 1 });
    expect(
      await t.database.db.select().from(compounds).where(eq(compounds.name, '示例·预检小区')),
    ).toHaveLength(1);
  });

  it('a job is only its uploader’s, and confirms once', async () => {
    const res = await upload(
      hq,
      'compounds',
      await sheet([compoundHeader, ['宋门街道', '示例·他人小区', 1988, 2, 40, 2600]]),
    );
    const checked = await settle(hq, res.json().id);
    expect(
      (await t.app.inject({ method: 'GET', url: `/api/jobs/${checked.id}`, headers: tieta.headers }))
        .statusCode,
    ).toBe(404);
    await t.app.inject({ method: 'POST', url: `/api/jobs/${checked.id}/confirm`, headers: hq.headers });
    await settle(hq, checked.id);
    const again = await t.app.inject({
      method: 'POST',
      url: `/api/jobs/${checked.id}/confirm`,
      headers: hq.headers,
    });
    expect(again.statusCode).toBe(409);
  });
});

describe('exports', () => {
  it('leaves personal columns out unless asked for, by a role that may see them, and audits that', async () => {
    const plain = await download(tieta, '/api/sheets/households/export?format=csv');
    expect(plain.toString('utf8')).not.toMatch(/产权人/);
    const refused = await t.app.inject({
      method: 'GET',
      url: '/api/sheets/households/export?includePersonal=true',
      headers: hq.headers,
    });
    expect(refused.statusCode).toBe(403);
    const personal = await download(tieta, '/api/sheets/households/export?format=csv&includePersonal=true');
    expect(personal.toString('utf8')).toMatch(/产权人/);
    const events = await t.database.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, 'export.personal'));
    expect(events.length).toBe(1);
  });

  it('offers a blank template per ledger', async () => {
    const body = await download(hq, '/api/sheets/households/template');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(new Uint8Array(body).buffer);
    const text = JSON.stringify(wb.worksheets[0]?.getSheetValues());
    for (const h of ['小区名称', '楼栋', '单元', '房号', '产权人']) expect(text).toContain(h);
  });
});
