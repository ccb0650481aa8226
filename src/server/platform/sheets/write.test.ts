import fs from 'node:fs';
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import type { SheetSpec } from './columns.js';
import { collectSheet } from './read.js';
import { areaBasisLabels, tempDir } from './testing.js';
import { writeCsv, writeSheet } from './write.js';

const tmp = tempDir();
afterAll(() => tmp.remove());

const spec: SheetSpec = {
  kind: 'households',
  sheetName: '住户',
  title: '示例·曹门里小区住户台账',
  columns: [
    { key: 'compound', header: '小区名称', type: 'text', required: true, width: 24 },
    { key: 'room', header: '房号', type: 'text', required: true },
    { key: 'owner', header: '产权人', type: 'text', required: true },
    { key: 'phone', header: '联系电话', type: 'text' },
    { key: 'persons', header: '常住人口', type: 'integer' },
    { key: 'area', header: '专有部分面积（㎡）', type: 'decimal', min: 0 },
    { key: 'buildYear', header: '建成年代', type: 'year' },
    { key: 'basis', header: '面积依据', type: 'enum', options: areaBasisLabels },
    { key: 'note', header: '备注', type: 'text' },
  ],
};

const rows: Record<string, unknown>[] = [
  {
    compound: '示例·曹门里小区',
    room: '0101',
    owner: '王某甲',
    phone: '13800000001',
    persons: 3,
    area: 73.375,
    buildYear: 1994,
    basis: 'registered',
    note: '=SUM(A1:A9)',
  },
  {
    compound: '示例·曹门里小区',
    room: '0102',
    owner: '开发商"未售", 待定',
    phone: null,
    persons: 12345,
    area: 11520.6,
    buildYear: 2001,
    basis: 'contract',
    note: '第一行\n第二行',
  },
  {
    compound: '示例·曹门里小区',
    room: '-',
    owner: '李某乙',
    phone: '+86 138',
    persons: null,
    area: 0,
    buildYear: null,
    basis: null,
    note: null,
  },
];

async function* slowly(items: Record<string, unknown>[]) {
  for (const item of items) {
    await new Promise((resolve) => setImmediate(resolve));
    yield item;
  }
}

describe('writeSheet', () => {
  it('round-trips: what it writes reads back to the same values', async () => {
    const file = tmp.file('round.xlsx');
    expect(await writeSheet(file, spec, slowly(rows))).toEqual({ rows: 3 });
    const read = await collectSheet(file, spec);
    expect(read.problems).toEqual([]);
    expect(read.source).toMatchObject({ sheet: '住户', headerRows: [2] });
    expect(read.rows.map((r) => r.problems)).toEqual([[], [], []]);
    expect(read.rows.map((r) => r.values)).toEqual(rows);
  });

  it('writes a title over a bold frozen header, widths, number formats and enum labels', async () => {
    const file = tmp.file('styled.xlsx');
    await writeSheet(file, spec, rows);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    const sheet = book.getWorksheet('住户');
    if (!sheet) throw new Error('no sheet');
    expect(sheet.getCell('A1').value).toBe(spec.title);
    expect(sheet.model.merges).toEqual(['A1:I1']);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    expect(sheet.getRow(2).values).toEqual([undefined, ...spec.columns.map((c) => c.header)]);
    expect(sheet.getCell('A2').font?.bold).toBe(true);
    expect(sheet.getColumn(1).width).toBe(24);
    expect(sheet.getCell('E4').value).toBe(12345);
    expect(sheet.getCell('E4').numFmt).toBe('#,##0');
    expect(sheet.getCell('F3').numFmt).toBe('#,##0.00');
    expect(sheet.getCell('H3').value).toBe('不动产登记');
    expect(sheet.getCell('B3').value).toBe('0101');
  });

  it('writes a template: the header and nothing else, which reads back as no rows and no problems', async () => {
    const file = tmp.file('template.xlsx');
    expect(await writeSheet(file, { ...spec, title: undefined })).toEqual({ rows: 0 });
    const read = await collectSheet(file, spec);
    expect(read).toMatchObject({ rows: [], problems: [], source: { headerRows: [1] } });
  });

  it('writes to a stream', async () => {
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (c: Buffer) => chunks.push(c));
    await writeSheet(out, spec, rows.slice(0, 1));
    const file = tmp.file('streamed.xlsx');
    fs.writeFileSync(file, Buffer.concat(chunks));
    expect((await collectSheet(file, spec)).rows.map((r) => r.values)).toEqual(rows.slice(0, 1));
  });

  it('fails, rather than crashing or hanging, when the target cannot be written', async () => {
    const nowhere = tmp.file('no-such-dir/out.xlsx');
    await expect(writeSheet(nowhere, spec, rows)).rejects.toThrow(/ENOENT/);
    await expect(writeCsv(tmp.file('no-such-dir/out.csv'), spec, rows)).rejects.toThrow(/ENOENT/);
  });
});

describe('writeCsv', () => {
  it('writes UTF-8 with a BOM and CRLF, defuses formulas, and round-trips', async () => {
    const file = tmp.file('round.csv');
    expect(await writeCsv(file, spec, slowly(rows))).toEqual({ rows: 3 });
    const bytes = fs.readFileSync(file);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    expect(text).toContain("'=SUM(A1:A9)");
    expect(text).toContain('"开发商""未售"", 待定"');
    expect(text.split('\r\n')[0]).toBe(
      '\uFEFF小区名称,房号,产权人,联系电话,常住人口,专有部分面积（㎡）,建成年代,面积依据,备注',
    );
    const read = await collectSheet(file, spec);
    expect(read.problems).toEqual([]);
    expect(read.rows.map((r) => r.values)).toEqual(rows);
  });
});
