/**
 * Fixtures for the ledger tests, built on the spot (a fresh clone has no sample files): specs
 * shaped like the inventory's, a plan sheet shaped like the ones offices send, and GBK bytes.
 */

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import ExcelJS from 'exceljs';
import type { SheetSpec } from './columns.js';

/** A fresh temporary directory and a function that removes it. */
export function tempDir(): { dir: string; file(name: string): string; remove(): void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jiugai-ledger-'));
  return {
    dir,
    file: (name) => path.join(dir, name),
    remove: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}

export const planSpec: SheetSpec = {
  kind: 'compound-plan',
  sheetName: '改造计划',
  title: '顺河回族区城镇老旧小区改造计划表',
  columns: [
    { key: 'seq', header: '序号', type: 'integer' },
    {
      key: 'subdistrict',
      header: '街道（乡）',
      synonyms: ['街道', '所属街道'],
      type: 'text',
      required: true,
    },
    { key: 'name', header: '小区名称', synonyms: ['小区'], type: 'text', required: true, maxLength: 100 },
    { key: 'buildYear', header: '建成年代', synonyms: ['建成年份'], type: 'year' },
    { key: 'buildings', header: '楼栋数', type: 'integer', min: 0 },
    { key: 'units', header: '单元数', type: 'integer', min: 0 },
    { key: 'households', header: '户数', type: 'integer', min: 0 },
    { key: 'area', header: '建筑面积（㎡）', synonyms: ['面积', '总建筑面积'], type: 'decimal', min: 0 },
    { key: 'content', header: '改造内容', type: 'text' },
    { key: 'investment', header: '估算投资（万元）', synonyms: ['投资'], type: 'decimal', min: 0 },
    { key: 'note', header: '备注', type: 'text' },
  ],
};

export const areaBasisLabels = { 不动产登记: 'registered', 测绘: 'surveyed', 合同: 'contract' };

export const householdSpec: SheetSpec = {
  kind: 'households',
  sheetName: '住户',
  columns: [
    { key: 'compound', header: '小区名称', type: 'text', required: true },
    { key: 'building', header: '楼栋', synonyms: ['楼号'], type: 'text', required: true },
    { key: 'unit', header: '单元', type: 'text' },
    { key: 'room', header: '房号', synonyms: ['户号'], type: 'text', required: true },
    { key: 'owner', header: '产权人', synonyms: ['业主', '业主姓名'], type: 'text', required: true },
    { key: 'phone', header: '联系电话', synonyms: ['电话'], type: 'text' },
    {
      key: 'area',
      header: '专有部分面积（㎡）',
      synonyms: ['面积'],
      type: 'decimal',
      required: true,
      min: 0,
    },
    { key: 'basis', header: '面积依据', type: 'enum', options: areaBasisLabels },
  ],
};

export interface PlanOptions {
  /** Write merged areas' text into every cell instead of merging (what some writers emit). */
  repeatMerged?: boolean;
}

/**
 * A plan sheet like the ones subdistricts send (see the shared samples): a stray "附件1", a
 * merged title, a two-row grouped header, mixed year and area spellings, subtotal rows, a
 * total row and a footnote. Data rows are 5, 6, 8, 9, 10 and 11.
 */
export async function writePlanSheet(file: string, options: PlanOptions = {}): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('2023年改造计划');
  const title = '顺河回族区2023年城镇老旧小区改造计划表（示例数据）';
  const upper = [
    '序号',
    '街道（乡）',
    '小区名称',
    '基本情况',
    '',
    '',
    '',
    '',
    '改造内容',
    '估算投资（万元）',
    '备注',
  ];
  const lower = ['', '', '', '建成年代', '楼栋数', '单元数', '户数', '建筑面积（平方米）', '', '', ''];
  sheet.addRow(['附件1']);
  if (options.repeatMerged) {
    sheet.addRow(Array(11).fill(title));
    sheet.addRow(upper.map((t, i) => t || (i >= 3 && i <= 7 ? '基本情况' : '')));
    sheet.addRow(lower.map((t, i) => t || (upper[i] ?? '')));
  } else {
    sheet.addRow([title]);
    sheet.addRow(upper);
    sheet.addRow(lower);
    sheet.mergeCells('A2:K2');
    sheet.mergeCells('D3:H3');
    for (const c of ['A', 'B', 'C', 'I', 'J', 'K']) sheet.mergeCells(`${c}3:${c}4`);
  }
  sheet.addRow([
    1,
    '曹门街道',
    '示例·曹门里小区',
    '1994年',
    6,
    14,
    168,
    '11,520.6',
    '雨污分流、路面硬化',
    '386.5',
    '',
  ]);
  sheet.addRow([2, '曹门街道', '示例·东京大道南院', '2001年', 3, 6, 72, '5,034', '照明、绿化', 142, '']);
  sheet.addRow(['', '曹门街道小计', '2个', '', 9, 20, 240, '16554.6', '', '', '']);
  sheet.addRow([3, '宋门街道', '示例·宋门关北院', '1989', 4, 8, 96, '6680.2㎡', '下水改造', '201.3', '']);
  sheet.addRow([
    4,
    '宋门街道',
    '示例·自由路东小区',
    '1998.10',
    8,
    20,
    240,
    '16,800',
    '8项必改＋口袋公园',
    '612',
    '',
  ]);
  sheet.addRow([
    5,
    '宋门街道',
    '示例·宋门小学家属院',
    '约1990年',
    2,
    4,
    40,
    '2,760',
    '必改项目',
    '88',
    '待核实',
  ]);
  const dated = sheet.addRow([
    6,
    '宋门街道',
    '示例·财政局家属院',
    new Date(Date.UTC(1987, 5, 30)),
    3,
    6,
    60,
    4200.5,
  ]);
  dated.getCell(4).numFmt = 'yyyy-mm-dd';
  sheet.addRow(['', '宋门街道小计', '4个', '', 17, 38, 436, '30440.7', '', '', '']);
  sheet.addRow(['合 计', '', '6个']);
  sheet.addRow(['填表说明：建成年代填写竣工年份；“约”表示无竣工资料，按产权登记推定。']);
  await workbook.xlsx.writeFile(file);
}

let gbkTable: Map<string, number[]> | undefined;

/**
 * Text as GBK bytes. Node can decode GBK but not encode it, so the table is built by decoding
 * every two-byte GBK code once.
 */
export function encodeGbk(text: string): Buffer {
  if (!gbkTable) {
    const table = new Map<string, number[]>();
    const decoder = new TextDecoder('gbk');
    for (let lead = 0x81; lead <= 0xfe; lead++) {
      for (let trail = 0x40; trail <= 0xfe; trail++) {
        if (trail === 0x7f) continue;
        const c = decoder.decode(Uint8Array.of(lead, trail));
        if (c.length === 1 && c !== '\uFFFD' && !table.has(c)) table.set(c, [lead, trail]);
      }
    }
    gbkTable = table;
  }
  const bytes: number[] = [];
  for (const c of text) {
    const code = c.charCodeAt(0);
    if (code < 0x80) bytes.push(code);
    else {
      const pair = gbkTable.get(c);
      if (!pair) throw new Error(`not in GBK: ${c}`);
      bytes.push(...pair);
    }
  }
  return Buffer.from(bytes);
}

/** Bytes that are no spreadsheet and no text, the same on every run. */
export function junkBytes(length: number): Buffer {
  const bytes = Buffer.alloc(length);
  let x = 0x2545f491;
  for (let i = 0; i < length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    bytes[i] = x & 0xff;
  }
  return bytes;
}

export interface ZipFixtureEntry {
  name: string;
  data: Buffer;
  deflate?: boolean;
  /** Lie about the uncompressed size in the central directory (how a bomb hides). */
  declaredSize?: number;
  /** General-purpose flags; bit 0 marks the entry encrypted. */
  flags?: number;
  /** Deflated already (`data` is then not read): see `deflatedRepeat`. */
  deflated?: Deflated;
}

export interface Deflated {
  body: Buffer;
  crc: number;
  size: number;
}

/**
 * The raw deflate of `prefix`, then `piece` repeated `times`, then `suffix`, without compressing
 * (or holding) the whole: each part is compressed on its own, the first two ending in a full
 * flush (byte-aligned, nothing referred back to), so the piece's bytes can be repeated as they are.
 */
export function deflatedRepeat(prefix: Buffer, piece: Buffer, times: number, suffix: Buffer): Deflated {
  const flush = { finishFlush: zlib.constants.Z_FULL_FLUSH };
  const unit = zlib.deflateRawSync(piece, flush);
  let crc = zlib.crc32(prefix);
  for (let i = 0; i < times; i++) crc = zlib.crc32(piece, crc);
  crc = zlib.crc32(suffix, crc);
  return {
    body: Buffer.concat([
      zlib.deflateRawSync(prefix, flush),
      ...Array(times).fill(unit),
      zlib.deflateRawSync(suffix),
    ]),
    crc: crc >>> 0,
    size: prefix.length + piece.length * times + suffix.length,
  };
}

/**
 * A small xlsx whose sheet has a header row (by default 小区名称, 街道) and, at B2, one inline
 * string of `chars` letters: 200 MB of text is a 200 KB file.
 */
export function inlineStringBomb(chars: number, header = ['小区名称', '街道']): Buffer {
  const piece = Buffer.alloc(1 << 20, 0x41);
  const times = Math.floor(chars / piece.length);
  const cells = header.map(
    (text, i) => `<c r="${String.fromCharCode(65 + i)}1" t="inlineStr"><is><t>${text}</t></is></c>`,
  );
  const prefix = Buffer.from(
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>' +
      `<row r="1">${cells.join('')}</row>` +
      `<row r="2"><c r="A2" t="inlineStr"><is><t>曹门里</t></is></c><c r="B2" t="inlineStr"><is><t>${'A'.repeat(chars - times * piece.length)}`,
  );
  const suffix = Buffer.from('</t></is></c></row></sheetData></worksheet>');
  const sheet = deflatedRepeat(prefix, piece, times, suffix);
  return makeZip(
    workbookEntries(Buffer.alloc(0)).map((e) =>
      e.name.endsWith('sheet1.xml') ? { ...e, deflated: sheet } : e,
    ),
  );
}

/** A zip built by hand, so tests can make the broken and hostile ones no library would write. */
export function makeZip(entries: readonly ZipFixtureEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const { deflated } = entry;
    const deflate = entry.deflate || deflated !== undefined;
    const body = deflated?.body ?? (deflate ? zlib.deflateRawSync(entry.data) : entry.data);
    const crc = deflated?.crc ?? zlib.crc32(entry.data);
    const size = deflated?.size ?? entry.data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(entry.flags ?? 0, 6);
    local.writeUInt16LE(deflate ? 8 : 0, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(entry.flags ?? 0, 8);
    central.writeUInt16LE(deflate ? 8 : 0, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(entry.declaredSize ?? size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, body);
    centrals.push(central, name);
    offset += 30 + name.length + body.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** The parts of a minimal workbook around a given sheet XML, for hand-made zips. */
export function workbookEntries(sheetXml: Buffer, deflate = true): ZipFixtureEntry[] {
  const main = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
  const rel = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  return [
    {
      name: 'xl/workbook.xml',
      data: Buffer.from(
        `<workbook xmlns="${main}" xmlns:r="${rel}"><sheets><sheet name="表1" sheetId="1" r:id="rId1"/></sheets></workbook>`,
      ),
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data: Buffer.from(
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
          `<Relationship Id="rId1" Type="${rel}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
      ),
    },
    { name: 'xl/worksheets/sheet1.xml', data: sheetXml, deflate },
  ];
}

/** A ledger's header (the first row holding `marker`) and the rows below it as header → cell text. */
export async function sheetRows(
  file: Buffer | Uint8Array,
  marker = '小区名称',
): Promise<{ headers: string[]; rows: Record<string, string>[] }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(new Uint8Array(file).buffer);
  const ws = wb.worksheets[0];
  if (!ws) throw new Error('no sheet');
  let headerRow = 0;
  ws.eachRow((row, n) => {
    if (!headerRow && (row.values as unknown[]).includes(marker)) headerRow = n;
  });
  const headers = Array.from(ws.getRow(headerRow).values as unknown[], (v) => String(v ?? ''));
  const rows: Record<string, string>[] = [];
  ws.eachRow((row, n) => {
    if (n <= headerRow) return;
    const values = Array.from(row.values as unknown[]);
    rows.push(Object.fromEntries(headers.map((h, i) => [h, values[i] == null ? '' : String(values[i])])));
  });
  return { headers, rows };
}
