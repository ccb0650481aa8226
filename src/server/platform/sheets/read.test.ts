import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import type { SheetSpec } from './columns.js';
import { collectSheet, readSheet, type SheetRow } from './read.js';
import {
  encodeGbk,
  householdSpec,
  junkBytes,
  makeZip,
  planSpec,
  tempDir,
  workbookEntries,
  writePlanSheet,
} from './testing.js';

const tmp = tempDir();
afterAll(() => tmp.remove());

let fileCount = 0;
function fixture(content: Buffer | string, ext = 'bin'): string {
  const file = tmp.file(`f${++fileCount}.${ext}`);
  fs.writeFileSync(file, content);
  return file;
}

async function workbook(sheets: Record<string, unknown[][]>): Promise<string> {
  const book = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) book.addWorksheet(name).addRows(rows);
  const file = tmp.file(`w${++fileCount}.xlsx`);
  await book.xlsx.writeFile(file);
  return file;
}

const now = new Date('2025-06-01T00:00:00Z');
const householdHeader = '小区名称,楼栋,单元,房号,产权人,联系电话,专有部分面积(㎡),面积依据';

describe('readSheet on a plan sheet as subdistricts send it', () => {
  const expected = [
    { row: 5, name: '示例·曹门里小区', buildYear: 1994, area: 11520.6, investment: 386.5, households: 168 },
    { row: 6, name: '示例·东京大道南院', buildYear: 2001, area: 5034, investment: 142, households: 72 },
    { row: 8, name: '示例·宋门关北院', buildYear: 1989, area: 6680.2, investment: 201.3, households: 96 },
    { row: 9, name: '示例·自由路东小区', buildYear: 1998, area: 16800, investment: 612, households: 240 },
    { row: 10, name: '示例·宋门小学家属院', buildYear: 1990, area: 2760, investment: 88, households: 40 },
    { row: 11, name: '示例·财政局家属院', buildYear: 1987, area: 4200.5, investment: null, households: 60 },
  ];

  for (const repeatMerged of [false, true]) {
    it(`finds the two-row grouped header and skips title, subtotals, total and footnote (${repeatMerged ? 'merged text repeated' : 'merged cells blank'})`, async () => {
      const file = tmp.file(`plan-${repeatMerged}.xlsx`);
      await writePlanSheet(file, { repeatMerged });
      const { rows, problems, source } = await collectSheet(file, planSpec, { now });
      expect(problems).toEqual([]);
      expect(source).toMatchObject({ format: 'xlsx', sheet: '2023年改造计划', headerRows: [3, 4] });
      expect(source?.columns.buildYear).toEqual({ column: 'D', header: '建成年代' });
      expect(source?.columns.area).toEqual({ column: 'H', header: '建筑面积（平方米）' });
      expect(source?.columns.seq).toEqual({ column: 'A', header: '序号' });
      expect(rows.map((r) => r.problems)).toEqual(expected.map(() => []));
      expect(
        rows.map((r) => ({
          row: r.row,
          name: r.values.name,
          buildYear: r.values.buildYear,
          area: r.values.area,
          investment: r.values.investment,
          households: r.values.households,
        })),
      ).toEqual(expected);
      expect(rows[0]?.values).toEqual({
        seq: 1,
        subdistrict: '曹门街道',
        name: '示例·曹门里小区',
        buildYear: 1994,
        buildings: 6,
        units: 14,
        households: 168,
        area: 11520.6,
        content: '雨污分流、路面硬化',
        investment: 386.5,
        note: null,
      });
      expect(rows.find((r) => r.row === 10)?.approximate).toEqual(['buildYear']);
      expect(rows.find((r) => r.row === 9)?.approximate).toEqual([]);
    });
  }

  it('skips a repeated header and the column-number row under the header', async () => {
    const header = ['小区名称', '街道', '建成年代', '面积'];
    const file = await workbook({
      计划: [
        header,
        [1, 2, 3, 4],
        ['甲小区', '曹门街道', 1990, 100],
        header,
        ['乙小区', '宋门街道', 1991, 200],
      ],
    });
    const { rows, problems } = await collectSheet(file, planSpec, { now });
    expect(problems).toEqual([]);
    expect(rows.map((r) => [r.row, r.values.name, r.values.area])).toEqual([
      [3, '甲小区', 100],
      [5, '乙小区', 200],
    ]);
  });

  it('reads formulas by their result, rich text as its text, and reports formula errors', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('计划');
    sheet.addRow(['小区名称', '街道', '楼栋数', '户数']);
    sheet.addRow([
      { richText: [{ text: '示例·' }, { text: '曹门里', font: { bold: true } }] },
      '曹门街道',
      6,
      168,
    ]);
    sheet.addRow([
      '乙小区',
      { text: '宋门街道', hyperlink: 'https://example.org' },
      { formula: '2+2', result: 4 },
      { formula: '1/0', result: { error: '#DIV/0!' } },
    ]);
    const file = tmp.file('formulas.xlsx');
    await book.xlsx.writeFile(file);
    const { rows } = await collectSheet(file, planSpec, { now });
    expect(
      rows.map((r) => [r.values.name, r.values.subdistrict, r.values.buildings, r.values.households]),
    ).toEqual([
      ['示例·曹门里', '曹门街道', 6, 168],
      ['乙小区', '宋门街道', 4, null],
    ]);
    expect(rows[1]?.problems).toMatchObject([
      { column: 'D', field: 'households', reason: 'formula_error', value: '=1/0' },
    ]);
  });
});

/** A workbook as other programs write it, by hand: its sheets in the order given, each its own part. */
function handMadeBook(parts: {
  sheets: { name: string; xml: string }[];
  strings?: string[];
  styles?: string;
  workbookPr?: string;
}): string {
  const main = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
  const rel = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  // Listed in the workbook last part first, so its order, not the part names, decides the tabs.
  const count = parts.sheets.length;
  const entries = [
    {
      name: 'xl/workbook.xml',
      data: Buffer.from(
        `<x:workbook xmlns:x="${main}" xmlns:rel="${rel}">${parts.workbookPr ?? ''}<x:sheets>${parts.sheets
          .map((s, i) => `<x:sheet name="${s.name}" sheetId="${i + 1}" rel:id="r${count - i}"/>`)
          .join('')}</x:sheets></x:workbook>`,
      ),
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data: Buffer.from(
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
          parts.sheets
            .map(
              (_, i) =>
                `<Relationship Id="r${count - i}" Type="${rel}/worksheet" Target="/xl/worksheets/sheet${count - i}.xml"/>`,
            )
            .join('') +
          '</Relationships>',
      ),
    },
    ...parts.sheets.map((s, i) => ({
      name: `xl/worksheets/sheet${count - i}.xml`,
      data: Buffer.from(`<x:worksheet xmlns:x="${main}"><x:sheetData>${s.xml}</x:sheetData></x:worksheet>`),
      deflate: true,
    })),
  ];
  if (parts.strings)
    entries.push({
      name: 'xl/sharedStrings.xml',
      data: Buffer.from(`<sst xmlns="${main}">${parts.strings.map((t) => `<si>${t}</si>`).join('')}</sst>`),
    });
  if (parts.styles)
    entries.push({
      name: 'xl/styles.xml',
      data: Buffer.from(`<styleSheet xmlns="${main}">${parts.styles}</styleSheet>`),
    });
  return fixture(makeZip(entries), 'xlsx');
}

/** Row `r` of inline-string cells from column A. */
const inlineRow = (r: number, texts: string[]) =>
  `<x:row r="${r}">${texts.map((t) => `<x:c t="inlineStr"><x:is><x:t>${t}</x:t></x:is></x:c>`).join('')}</x:row>`;

describe('readSheet on workbooks as other programs write them', () => {
  const header = inlineRow(1, ['小区名称', '街道', '建成年代', '户数', '面积', '备注']);
  // Cell formats: 0 general, 1 built-in date (14), 2 Chinese built-in date (31),
  // 3 a custom date, 4 a custom number format that is not a date.
  const styles =
    '<numFmts><numFmt numFmtId="176" formatCode="yyyy&quot;年&quot;m&quot;月&quot;"/>' +
    '<numFmt numFmtId="177" formatCode="#,##0.00_);[Red]\\(#,##0.00\\)"/></numFmts>' +
    '<cellStyleXfs><xf numFmtId="14"/></cellStyleXfs>' +
    '<cellXfs><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="31"><alignment/></xf><xf numFmtId="176"/><xf numFmtId="177"/></cellXfs>';

  it('reads shared and inline rich text, escapes, formulas, errors and every kind of date cell', async () => {
    const file = handMadeBook({
      strings: [
        '<r><t>示例·</t></r><r><rPr><b/></rPr><t>曹门里</t></r><rPh sb="0" eb="2"><t>ソウモン</t></rPh>',
        '<t>第一行_x000D_第二行，_x005F_x000D_照录</t>',
        '<t>乙小区</t>',
        '<t xml:space="preserve"> 宋门街道 </t>',
      ],
      styles,
      sheets: [
        {
          name: '台账',
          xml:
            header +
            // 37771 is 2003-05-28; cells in any order of attributes, one with no reference.
            '<x:row r="2"><x:c r="A2" t="s"><x:v>0</x:v></x:c>' +
            '<x:c r="B2" t="inlineStr"><x:is><x:r><x:t>曹门</x:t></x:r><x:r><x:t>街道</x:t></x:r></x:is></x:c>' +
            '<x:c s="1" r="C2"><x:v>37771</x:v></x:c><x:c><x:f>SUM(100,68)</x:f><x:v>168</x:v></x:c>' +
            '<x:c r="E2" t="str"><x:f>TEXT(5034,"#,##0")</x:f><x:v>5,034</x:v></x:c>' +
            '<x:c r="F2" t="s"><x:v>1</x:v></x:c></x:row>' +
            // No row or cell references at all, as some generators write.
            '<x:row><x:c t="s"><x:v>2</x:v></x:c><x:c t="s"><x:v>3</x:v></x:c><x:c s="3"><x:v>32660</x:v></x:c>' +
            '<x:c t="e"><x:v>#N/A</x:v></x:c><x:c s="4"><x:v>2760.5</x:v></x:c></x:row>' +
            // Built-in Chinese date, an empty formatted cell, a boolean and a formula with no result.
            '<x:row r="5"><x:c r="A5" t="inlineStr"><x:is><x:t>丙小区</x:t></x:is></x:c>' +
            '<x:c r="B5" t="inlineStr"><x:is><x:t>宋门街道</x:t></x:is></x:c><x:c r="C5" s="2"><x:v>29403</x:v></x:c>' +
            '<x:c r="D5" s="1"/><x:c r="E5"><x:f>B5*2</x:f></x:c><x:c r="F5" t="b"><x:v>1</x:v></x:c></x:row>' +
            // A date written as ISO 8601 text (t="d"), with no zone: read as UTC.
            '<x:row r="6"><x:c r="A6" t="inlineStr"><x:is><x:t>丁小区</x:t></x:is></x:c>' +
            '<x:c r="B6" t="inlineStr"><x:is><x:t>宋门街道</x:t></x:is></x:c><x:c r="C6" t="d"><x:v>1996-01-01T00:00:00</x:v></x:c></x:row>',
        },
      ],
    });
    const { rows, problems, source } = await collectSheet(file, planSpec, { now });
    expect(problems).toEqual([]);
    expect(source?.sheet).toBe('台账');
    expect(
      rows.map((r) => [
        r.row,
        r.values.name,
        r.values.subdistrict,
        r.values.buildYear,
        r.values.households,
        r.values.area,
      ]),
    ).toEqual([
      [2, '示例·曹门里', '曹门街道', 2003, 168, 5034],
      [3, '乙小区', '宋门街道', 1989, null, 2760.5],
      [5, '丙小区', '宋门街道', 1980, null, null],
      [6, '丁小区', '宋门街道', 1996, null, null],
    ]);
    expect(rows[0]?.values.note).toBe('第一行\r第二行，_x000D_照录');
    expect(rows[1]?.problems).toMatchObject([{ column: 'D', reason: 'formula_error', value: '#N/A' }]);
    expect(rows[2]?.problems).toMatchObject([{ column: 'E', reason: 'formula_error', value: '=B5*2' }]);
  });

  it('counts dates from 1904 when the workbook says so', async () => {
    const sheet = (date1904: boolean) =>
      handMadeBook({
        styles,
        workbookPr: date1904 ? '<x:workbookPr date1904="1"/>' : '',
        sheets: [
          {
            name: '台账',
            xml: `${header}${inlineRow(2, ['甲小区', '曹门街道']).replace('</x:row>', '<x:c r="C2" s="1"><x:v>36000</x:v></x:c></x:row>')}`,
          },
        ],
      });
    const years = async (file: string) =>
      (await collectSheet(file, planSpec, { now })).rows.map((r) => r.values.buildYear);
    expect(await years(sheet(false))).toEqual([1998]);
    expect(await years(sheet(true))).toEqual([2002]);
  });

  it('goes by the workbook for sheet names and order, whatever the parts are called', async () => {
    const file = handMadeBook({
      sheets: [
        { name: '填表说明', xml: inlineRow(1, ['本表由街道填报']) },
        { name: '台账', xml: `${header}${inlineRow(2, ['甲小区', '曹门街道'])}` },
      ],
    });
    for (const sheet of [undefined, '台账']) {
      const { rows, source } = await collectSheet(file, planSpec, { now, sheet });
      expect(source?.sheet).toBe('台账');
      expect(rows.map((r) => r.values.name)).toEqual(['甲小区']);
    }
    const { problems } = await collectSheet(file, planSpec, { now, sheet: '汇总' });
    expect(problems).toEqual([expect.objectContaining({ reason: 'no_sheet', sheet: '汇总' })]);
  });

  const damaged: [string, string][] = [
    ['a shared string that is not there', '<x:row r="2"><x:c r="A2" t="s"><x:v>7</x:v></x:c></x:row>'],
    ['a cell past column XFD', '<x:row r="2"><x:c r="XFE2"><x:v>1</x:v></x:c></x:row>'],
    ['a row past the last row', '<x:row r="1048577"><x:c><x:v>1</x:v></x:c></x:row>'],
    ['XML that is not well formed', '<x:row r="2"><x:c r="A2"><x:v>1</x:c></x:row>'],
  ];
  it.each(damaged)('refuses %s as damaged', async (_, xml) => {
    const file = handMadeBook({ strings: ['<t>甲</t>'], sheets: [{ name: '台账', xml: header + xml }] });
    const { problems } = await collectSheet(file, planSpec, { now });
    expect(problems).toEqual([expect.objectContaining({ reason: 'corrupt' })]);
  });
});

describe('readSheet headers', () => {
  it('matches synonyms and headers with units, line breaks and required-marks, in any order', async () => {
    const file = await workbook({
      Sheet1: [
        ['业主姓名', '楼号', '户号', '面积\n(m²)', '小区名称*', '无关列', '电话', '面积依据'],
        ['张三', '1号楼', '101', '73.37㎡', '曹门里', 'x', 13800000001, '测绘'],
      ],
    });
    const { rows, problems, source } = await collectSheet(file, householdSpec);
    expect(problems).toEqual([]);
    expect(source?.columns.area).toEqual({ column: 'D', header: '面积\n(m²)' });
    expect(rows[0]?.values).toEqual({
      compound: '曹门里',
      building: '1号楼',
      unit: null,
      room: '101',
      owner: '张三',
      phone: '13800000001',
      area: 73.37,
      basis: 'surveyed',
    });
  });

  it('reports each missing required column and reads no rows', async () => {
    const file = fixture('小区名称,楼栋,联系电话\n曹门里,1号楼,138\n', 'csv');
    const read = readSheet(file, householdSpec);
    const rows = [];
    for await (const row of read) rows.push(row);
    expect(rows).toEqual([]);
    expect(read.problems).toEqual([
      { reason: 'missing_column', sheet: '', header: '房号', field: 'room' },
      { reason: 'missing_column', sheet: '', header: '产权人', field: 'owner' },
      { reason: 'missing_column', sheet: '', header: '专有部分面积（㎡）', field: 'area' },
    ]);
  });

  it('reports a file with no recognisable header', async () => {
    const { problems } = await collectSheet(fixture('a,b,c\n1,2,3\n', 'csv'), householdSpec);
    expect(problems).toEqual([{ reason: 'no_header', sheet: '' }]);
  });

  it('chooses the sheet whose header matches best, or the one asked for', async () => {
    const file = await workbook({
      填报说明: [['请按模板填写'], ['小区名称', '备注'], ['例：曹门里', '']],
      住户: [householdHeader.split(','), ['曹门里', '1号楼', '1单元', '101', '张三', '138', '73.37', '测绘']],
      空表: [],
    });
    const best = await collectSheet(file, householdSpec);
    expect(best.source?.sheet).toBe('住户');
    expect(best.rows.map((r) => [r.sheet, r.row, r.values.owner])).toEqual([['住户', 2, '张三']]);

    const asked = await collectSheet(file, householdSpec, { sheet: '填报说明' });
    expect(asked.rows).toEqual([]);
    expect(asked.problems.map((p) => p.header)).toEqual(['楼栋', '房号', '产权人', '专有部分面积（㎡）']);

    const missing = await collectSheet(file, householdSpec, { sheet: '无此表' });
    expect(missing.problems).toEqual([{ reason: 'no_sheet', sheet: '无此表' }]);
  });
});

describe('readSheet cell problems', () => {
  it('names row, column letter, header and raw value', async () => {
    const csv = [
      householdHeader,
      '曹门里,1号楼,1单元,101,张三,138,-73.37,不动产登记',
      `曹门里,1号楼,1单元,102,,139,abc,产权证`,
      `曹门里,1号楼,1单元,103,王五,139,${'9'.repeat(120)}x,合同`,
    ].join('\n');
    const { rows } = await collectSheet(fixture(csv, 'csv'), householdSpec);
    expect(rows.map((r) => r.problems)).toEqual([
      [
        {
          sheet: '',
          row: 2,
          column: 'G',
          header: '专有部分面积(㎡)',
          field: 'area',
          reason: 'negative',
          value: '-73.37',
        },
      ],
      [
        { sheet: '', row: 3, column: 'E', header: '产权人', field: 'owner', reason: 'required', value: '' },
        {
          sheet: '',
          row: 3,
          column: 'G',
          header: '专有部分面积(㎡)',
          field: 'area',
          reason: 'not_a_number',
          value: 'abc',
        },
        {
          sheet: '',
          row: 3,
          column: 'H',
          header: '面积依据',
          field: 'basis',
          reason: 'unknown_option',
          value: '产权证',
          options: ['不动产登记', '测绘', '合同'],
        },
      ],
      [expect.objectContaining({ row: 4, reason: 'not_a_number', value: '9'.repeat(100) })],
    ]);
    expect(rows[1]?.values).toMatchObject({ owner: null, area: null, basis: null, room: '102' });
  });

  it('refuses a future build year, and min/max bounds carry their limit', async () => {
    const spec: SheetSpec = {
      ...planSpec,
      columns: planSpec.columns.map((c) => (c.key === 'buildings' ? { ...c, max: 50 } : c)),
    };
    const csv = '小区名称,街道,建成年代,楼栋数\n甲小区,曹门街道,2030,51\n乙小区,曹门街道,约1990年,5\n';
    const { rows } = await collectSheet(fixture(csv, 'csv'), spec, { now });
    expect(rows[0]?.problems).toEqual([
      expect.objectContaining({ column: 'C', header: '建成年代', reason: 'future_year', value: '2030' }),
      expect.objectContaining({ column: 'D', reason: 'above_max', limit: 50, value: '51' }),
    ]);
    expect(rows[1]).toMatchObject({ problems: [], approximate: ['buildYear'], values: { buildYear: 1990 } });
  });
});

describe('readSheet CSV', () => {
  const lines = [
    householdHeader,
    '示例·曹门里小区,1号楼,1单元,101,王某甲,13800000001,73.37,不动产登记',
    '"示例·曹门里小区","1号楼","1单元","102","王某甲, 李某乙","","78.37",测绘',
    '示例·曹门里小区,1号楼,1单元,201,"开发商""未售""",,"64.12",合同',
    '示例·曹门里小区,1号楼,1单元,="0301","张\n某",,60,合同',
  ];
  const values = [
    ['101', '王某甲', '13800000001', 73.37, 'registered'],
    ['102', '王某甲, 李某乙', null, 78.37, 'surveyed'],
    ['201', '开发商"未售"', null, 64.12, 'contract'],
    ['0301', '张\n某', null, 60, 'contract'],
  ];
  const pick = (rows: { values: Record<string, unknown> }[]) =>
    rows.map((r) => [r.values.room, r.values.owner, r.values.phone, r.values.area, r.values.basis]);

  it('reads GBK with CRLF, detected without being told', async () => {
    const file = fixture(encodeGbk(`${lines.join('\r\n')}\r\n`), 'csv');
    const { rows, problems, source } = await collectSheet(file, householdSpec);
    expect(problems).toEqual([]);
    expect(source).toMatchObject({ format: 'csv', encoding: 'gb18030', headerRows: [1] });
    expect(pick(rows)).toEqual(values);
    expect(rows.map((r) => r.row)).toEqual([2, 3, 4, 5]);
  });

  it('reads UTF-8 with a BOM and LF, and UTF-8 without a BOM', async () => {
    for (const bom of ['\uFEFF', '']) {
      const { rows, problems, source } = await collectSheet(
        fixture(`${bom}${lines.join('\n')}`, 'txt'),
        householdSpec,
      );
      expect(problems).toEqual([]);
      expect(source?.encoding).toBe('utf-8');
      expect(pick(rows)).toEqual(values);
    }
  });

  it('reads a GBK file whose first 64 KiB are plain ASCII', async () => {
    const header = 'compound,building,room,owner,area\r\n';
    const spec: SheetSpec = {
      kind: 'h',
      sheetName: 'h',
      columns: ['compound', 'building', 'room', 'owner'].map((key) => ({
        key,
        header: key,
        type: 'text' as const,
      })),
    };
    const ascii = 'x,1,101,abc,1\r\n'.repeat(6000);
    const file = fixture(
      Buffer.concat([Buffer.from(header + ascii), encodeGbk('曹门里,1,102,王某甲,2\r\n')]),
      'csv',
    );
    const { rows, problems, source } = await collectSheet(file, spec);
    expect(problems).toEqual([]);
    expect(source?.encoding).toBe('gb18030');
    expect(rows.at(-1)?.values).toEqual({ compound: '曹门里', building: '1', room: '102', owner: '王某甲' });
  });

  it('reads tab-separated UTF-16 (Excel\'s "Unicode text")', async () => {
    const text = `${householdHeader.replaceAll(',', '\t')}\r\n曹门里\t1号楼\t1单元\t101\t张三\t\t73.37\t测绘\r\n`;
    const file = fixture(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]), 'txt');
    const { rows, source } = await collectSheet(file, householdSpec);
    expect(source?.encoding).toBe('utf-16le');
    expect(rows[0]?.values).toMatchObject({ owner: '张三', area: 73.37, basis: 'surveyed' });
  });

  it('reports an unclosed quote with the row it opened on', async () => {
    const { problems } = await collectSheet(
      fixture(`${householdHeader}\n曹门里,1号楼,1单元,101,"张三,,1,测绘\n`, 'csv'),
      householdSpec,
    );
    expect(problems).toEqual([{ reason: 'unclosed_quote', row: 2 }]);
  });
});

describe('readSheet refuses what it cannot read, without throwing', () => {
  const sheetXml = Buffer.from(
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>' +
      '<row r="1"><c r="A1" t="inlineStr"><is><t>小区名称</t></is></c><c r="B1" t="inlineStr"><is><t>街道</t></is></c></row>' +
      '<row r="2"><c r="A2" t="inlineStr"><is><t>曹门里</t></is></c><c r="B2" t="inlineStr"><is><t>曹门街道</t></is></c></row>' +
      '</sheetData></worksheet>',
  );
  const cases: [string, () => Promise<string> | string, Record<string, unknown>, string][] = [
    ['an empty file', () => fixture(''), {}, 'empty'],
    ['random bytes', () => fixture(junkBytes(4096)), {}, 'not_a_spreadsheet'],
    [
      'an HTML table saved as .xls',
      () => fixture('<html><table><tr><td>小区名称</td></tr></table></html>', 'xls'),
      {},
      'not_a_spreadsheet',
    ],
    [
      'an OLE2 file (legacy .xls or a password-protected xlsx)',
      () => fixture(Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), junkBytes(1000)]), 'xlsx'),
      {},
      'encrypted_or_legacy',
    ],
    [
      'a zip that is not a workbook',
      () => fixture(makeZip([{ name: 'word/document.xml', data: Buffer.from('<w/>') }]), 'xlsx'),
      {},
      'not_a_spreadsheet',
    ],
    [
      'a truncated xlsx',
      async () => {
        await writePlanSheet(tmp.file('whole.xlsx'));
        const whole = fs.readFileSync(tmp.file('whole.xlsx'));
        return fixture(whole.subarray(0, Math.floor(whole.length * 0.6)), 'xlsx');
      },
      {},
      'corrupt',
    ],
    [
      'an xlsx with damaged compressed data',
      () => {
        const zip = makeZip(workbookEntries(Buffer.concat([sheetXml, Buffer.alloc(5000, 32)])));
        const at = zip.indexOf('xl/worksheets/sheet1.xml') + 40;
        for (let i = at; i < at + 8; i++) zip[i] = (zip[i] ?? 0) ^ 0x5a;
        return fixture(zip, 'xlsx');
      },
      {},
      'corrupt',
    ],
    [
      'an xlsx whose entries are encrypted',
      () => fixture(makeZip(workbookEntries(sheetXml).map((e) => ({ ...e, flags: 1 }))), 'xlsx'),
      {},
      'encrypted_or_legacy',
    ],
    [
      'a zip bomb by declared size',
      () => fixture(makeZip(workbookEntries(Buffer.concat([sheetXml, Buffer.alloc(20 * 1024 ** 2, 32)])))),
      { maxUncompressedBytes: 8 * 1024 ** 2 },
      'too_large_uncompressed',
    ],
    [
      'a zip bomb that lies about its size',
      () =>
        fixture(
          makeZip(
            workbookEntries(Buffer.concat([sheetXml, Buffer.alloc(20 * 1024 ** 2, 32)])).map((e) =>
              e.name.includes('sheet1') ? { ...e, declaredSize: 1000 } : e,
            ),
          ),
        ),
      {},
      'too_large_uncompressed',
    ],
  ];
  it.each(cases)('%s', async (_, make, options, reason) => {
    const file = await make();
    const { rows, problems } = await collectSheet(file, planSpec, options);
    expect(rows).toEqual([]);
    expect(problems).toEqual([expect.objectContaining({ reason })]);
  });

  it('reads the hand-made workbook those cases start from', async () => {
    const { rows, problems } = await collectSheet(fixture(makeZip(workbookEntries(sheetXml))), planSpec);
    expect(problems).toEqual([]);
    expect(rows.map((r) => r.values.name)).toEqual(['曹门里']);
  });

  it('finds damage that shows only once rows have been read: a sheet whose bytes fail its CRC', async () => {
    const row = (r: number, name: string) =>
      `<row r="${r}"><c r="A${r}" t="inlineStr"><is><t>${name}</t></is></c><c r="B${r}" t="inlineStr"><is><t>曹门街道</t></is></c></row>`;
    const rowsXml = Array.from({ length: 3000 }, (_, i) => row(i + 2, `示例院${i}`)).join('');
    const xml = Buffer.from(
      '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>' +
        `${row(1, '小区名称').replace('曹门街道', '街道')}${rowsXml}${row(3002, '末行里')}</sheetData></worksheet>`,
    );
    // Stored, so the damage is one character of the last row: 里 (e9 87 8c) becomes 釐 (e9 87 8d),
    // still UTF-8 and XML, but not the bytes the CRC was taken of.
    const zip = makeZip(workbookEntries(xml, false));
    zip[zip.indexOf(Buffer.from('末行里')) + 8] = 0x8d;
    const { rows, problems } = await collectSheet(fixture(zip, 'xlsx'), planSpec);
    expect(rows.length).toBeGreaterThan(0);
    expect(problems).toEqual([expect.objectContaining({ reason: 'corrupt' })]);
  });
});

describe('readSheet iteration', () => {
  it('can be iterated once only', async () => {
    const read = readSheet(fixture(`${householdHeader}\n`, 'csv'), householdSpec);
    for await (const _ of read) {
      // Nothing to read.
    }
    expect(() => read[Symbol.asyncIterator]()).toThrow(/only once/);
    expect(() => read.batches()[Symbol.asyncIterator]()).toThrow(/only once/);
  });

  it('hands rows over in batches, the same rows as one by one', async () => {
    const csv = fixture(
      `${householdHeader}\n${Array.from({ length: 3000 }, (_, i) => `曹门里,1号楼,1单元,${1000 + i},张三,,70,测绘`).join('\n')}\n`,
      'csv',
    );
    const batches: SheetRow[][] = [];
    for await (const batch of readSheet(csv, householdSpec).batches()) batches.push(batch);
    expect(batches.length).toBeGreaterThan(1);
    const one: SheetRow[] = [];
    for await (const row of readSheet(csv, householdSpec)) one.push(row);
    expect(batches.flat()).toEqual(one);
    expect(one).toHaveLength(3000);
  });

  it('lets the caller stop early, releasing the file', async () => {
    const openFiles = () => (fs.existsSync('/proc/self/fd') ? fs.readdirSync('/proc/self/fd').length : 0);
    const xlsx = tmp.file('early.xlsx');
    await writePlanSheet(xlsx);
    const csv = fixture(
      `${householdHeader}\n${'曹门里,1号楼,1单元,101,张三,,70,测绘\n'.repeat(5000)}`,
      'csv',
    );
    const before = openFiles();
    for (const [file, spec] of [
      [xlsx, planSpec],
      [csv, householdSpec],
    ] as const) {
      for (let i = 0; i < 3; i++) {
        for await (const row of readSheet(file, spec)) {
          expect(row.problems).toEqual([]);
          break;
        }
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(openFiles()).toBeLessThanOrEqual(before);
  });
});

describe('readSheet on large files', () => {
  it('stops with a problem past maxRows, keeping the rows before', async () => {
    const csv = `${householdHeader}\n${'曹门里,1号楼,1单元,101,张三,,70,测绘\n'.repeat(30)}`;
    const { rows, problems } = await collectSheet(fixture(csv, 'csv'), householdSpec, { maxRows: 25 });
    expect(rows).toHaveLength(25);
    expect(problems).toEqual([{ reason: 'too_many_rows', sheet: '', row: 27, limit: 25 }]);
  });

  it('streams a 50k-row xlsx: rows arrive long before the end, and CJK text survives chunk boundaries', async () => {
    const file = tmp.file('big.xlsx');
    const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true });
    const sheet = writer.addWorksheet('住户');
    sheet.addRow(householdHeader.split(',')).commit();
    const total = 50_000;
    for (let i = 0; i < total; i++) {
      sheet
        .addRow([
          `示例·曹门里小区${i % 40}`,
          `${i % 30}号楼`,
          '1单元',
          String(i),
          `王某${i}`,
          `1380000${i}`,
          60 + (i % 50),
          '测绘',
        ])
        .commit();
    }
    sheet.commit();
    await writer.commit();

    const progress: number[] = [];
    let progressAtFirstRow = -1;
    let rows = 0;
    let damaged = 0;
    const read = readSheet(file, householdSpec, { onProgress: (n) => progress.push(n) });
    for await (const row of read) {
      if (rows === 0) progressAtFirstRow = progress.at(-1) ?? 0;
      rows++;
      if (row.problems.length > 0) throw new Error(JSON.stringify(row.problems));
      for (const v of Object.values(row.values)) if (typeof v === 'string' && v.includes('\uFFFD')) damaged++;
    }
    expect(rows).toBe(total);
    expect(damaged).toBe(0);
    expect(progressAtFirstRow).toBeLessThan(5000);
    expect(progress.at(-1)).toBe(total);
    expect(progress.length).toBeGreaterThanOrEqual(total / 1000);
  });
});
