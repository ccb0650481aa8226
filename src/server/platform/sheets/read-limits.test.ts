/**
 * What one element of a file may grow to: a cell, a shared string, a row, the shared-string
 * table. Each is refused past its limit, naming where, before it can take the reader's memory.
 */
import fs from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { columnLetter } from './columns.js';
import { fileProblemMessage } from './messages.js';
import { collectSheet } from './read.js';
import { readLimits } from './rows.js';
import {
  type Deflated,
  deflatedRepeat,
  inlineStringBomb,
  makeZip,
  planSpec,
  tempDir,
  workbookEntries,
} from './testing.js';

const tmp = tempDir();
afterAll(() => tmp.remove());

let fileCount = 0;
function fixture(content: Buffer | string, ext = 'bin'): string {
  const file = tmp.file(`f${++fileCount}.${ext}`);
  fs.writeFileSync(file, content);
  return file;
}

const main = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const inline = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;
const shared = (ref: string, index: number) => `<c r="${ref}" t="s"><v>${index}</v></c>`;
const header = `<row r="1">${inline('A1', '小区名称')}${inline('B1', '街道')}</row>`;
const sheet = (rows: string) =>
  Buffer.from(`<worksheet xmlns="${main}"><sheetData>${header}${rows}</sheetData></worksheet>`);

/** A workbook of the given sheet rows, with a shared-string part when given one. */
function book(rows: string, sharedStrings?: Buffer | Deflated): string {
  const entries = workbookEntries(sheet(rows));
  if (Buffer.isBuffer(sharedStrings))
    entries.push({ name: 'xl/sharedStrings.xml', data: sharedStrings, deflate: true });
  else if (sharedStrings)
    entries.push({ name: 'xl/sharedStrings.xml', data: Buffer.alloc(0), deflated: sharedStrings });
  return fixture(makeZip(entries), 'xlsx');
}

const sst = (strings: string[]) =>
  Buffer.from(`<sst xmlns="${main}">${strings.map((s) => `<si><t>${s}</t></si>`).join('')}</sst>`);

describe('xlsx: one element past its limit is refused, naming where', () => {
  it('an inline string that inflates to 200 MB (a 200 KB file): the cell is named, the read stops', async () => {
    const bomb = inlineStringBomb(200 * 1024 * 1024);
    expect(bomb.length).toBeLessThan(300 * 1024);
    const { rows, problems } = await collectSheet(fixture(bomb, 'xlsx'), planSpec);
    expect(rows).toEqual([]);
    expect(problems).toEqual([
      { reason: 'cell_too_large', sheet: '表1', row: 2, column: 'B', limit: readLimits.cellChars },
    ]);
    const [problem] = problems;
    if (!problem) throw new Error('no problem');
    expect(fileProblemMessage(problem, 'zh-CN')).toBe(
      '工作表「表1」第2行 B列：单元格内容超过 32,767 个字符（Excel 单元格的上限），文件未导入',
    );
    expect(fileProblemMessage(problem, 'en')).toMatch(/^Sheet 表1, row 2, column B: /);
  });

  it('a cell of exactly 32,767 characters is read; one more is refused', async () => {
    const longest = 'x'.repeat(readLimits.cellChars);
    const fine = await collectSheet(
      book(`<row r="2">${inline('A2', '曹门里')}${inline('B2', longest)}</row>`),
      planSpec,
    );
    expect(fine.problems).toEqual([]);
    expect(fine.rows[0]?.values.subdistrict).toBe(longest);
    const over = await collectSheet(book(`<row r="2">${inline('A2', `${longest}x`)}</row>`), planSpec);
    expect(over.problems).toEqual([
      expect.objectContaining({ reason: 'cell_too_large', row: 2, column: 'A' }),
    ]);
  });

  it('a formula longer than a cell may be', async () => {
    const formula = `<c r="B3"><f>${'1+'.repeat(readLimits.cellChars * 4)}1</f><v>1</v></c>`;
    const { problems } = await collectSheet(
      book(`<row r="3">${inline('A3', '甲')}${formula}</row>`),
      planSpec,
    );
    expect(problems).toEqual([expect.objectContaining({ reason: 'cell_too_large', row: 3, column: 'B' })]);
  });

  it('a shared string too long is refused at the cell that uses it, and only there', async () => {
    const strings = sst(['曹门里', 'y'.repeat(readLimits.cellChars + 1), '曹门街道']);
    const unused = await collectSheet(
      book(`<row r="2">${shared('A2', 0)}${shared('B2', 2)}</row>`, strings),
      planSpec,
    );
    expect(unused.problems).toEqual([]);
    expect(unused.rows.map((r) => r.values.name)).toEqual(['曹门里']);
    const used = await collectSheet(
      book(
        `<row r="2">${shared('A2', 0)}${shared('B2', 2)}</row><row r="7">${shared('A7', 0)}${shared('C7', 1)}</row>`,
        strings,
      ),
      planSpec,
    );
    expect(used.problems).toEqual([
      { reason: 'cell_too_large', sheet: '表1', row: 7, column: 'C', limit: readLimits.cellChars },
    ]);
  });

  it('a shared string that inflates to 200 MB does not take the memory', async () => {
    const strings = deflatedRepeat(
      Buffer.from(`<sst xmlns="${main}"><si><t>曹门里</t></si><si><t>`),
      Buffer.alloc(1 << 20, 0x42),
      200,
      Buffer.from('</t></si></sst>'),
    );
    const { problems } = await collectSheet(
      book(`<row r="4">${shared('A4', 0)}${shared('B4', 1)}</row>`, strings),
      planSpec,
    );
    expect(problems).toEqual([expect.objectContaining({ reason: 'cell_too_large', row: 4, column: 'B' })]);
  });

  it('a row whose cells together hold more than 1 Mi characters', async () => {
    const cell = 'z'.repeat(30_000);
    const refs = Array.from({ length: 40 }, (_, i) => inline(`${columnLetter(i + 2)}5`, cell));
    const { problems } = await collectSheet(
      book(`<row r="5">${inline('A5', '甲')}${refs.join('')}</row>`),
      planSpec,
    );
    expect(problems).toEqual([{ reason: 'row_too_large', sheet: '表1', row: 5, limit: readLimits.rowChars }]);
  });

  it('a shared-string table past 64 Mi characters in all', async () => {
    const piece = Buffer.from(`<si><t>${'w'.repeat(30_000)}</t></si>`);
    const strings = deflatedRepeat(
      Buffer.from(`<sst xmlns="${main}">`),
      piece,
      Math.ceil(readLimits.sharedChars / 30_000) + 1,
      Buffer.from('</sst>'),
    );
    const { problems } = await collectSheet(book('', strings), planSpec);
    expect(problems).toEqual([{ reason: 'strings_too_large', limit: readLimits.sharedChars }]);
  });

  it('a shared-string table of more than 4 Mi strings, empty ones too', async () => {
    const strings = deflatedRepeat(
      Buffer.from(`<sst xmlns="${main}">`),
      Buffer.from('<si/>'.repeat(1024)),
      readLimits.sharedCount / 1024 + 1,
      Buffer.from('</sst>'),
    );
    const { problems } = await collectSheet(book('', strings), planSpec);
    expect(problems).toEqual([{ reason: 'strings_too_large', limit: readLimits.sharedChars }]);
  });
});

describe('CSV: one element past its limit is refused, naming where', () => {
  const head = '小区名称,街道\n';

  it('a field longer than a cell may be', async () => {
    const csv = `${head}曹门里,曹门街道\n甲,${'v'.repeat(readLimits.cellChars + 1)}\n`;
    const { problems } = await collectSheet(fixture(csv, 'csv'), planSpec);
    expect(problems).toEqual([
      { reason: 'cell_too_large', row: 3, column: 'B', limit: readLimits.cellChars },
    ]);
    const [problem] = problems;
    if (!problem) throw new Error('no problem');
    expect(fileProblemMessage(problem, 'zh-CN')).toMatch(/^第3行 B列：/);
  });

  it('a quoted field running over line breaks that far is a missing closing quote', async () => {
    const csv = `${head}曹门里,"曹门街道\n${'甲,乙\n'.repeat(readLimits.cellChars)}`;
    const { problems } = await collectSheet(fixture(csv, 'csv'), planSpec);
    expect(problems).toEqual([{ reason: 'unclosed_quote', row: 2 }]);
  });

  it('a record of more columns than Excel has (a file of commas)', async () => {
    const csv = `${head}曹门里${','.repeat(5 * readLimits.columns)}\n`;
    const { problems } = await collectSheet(fixture(csv, 'csv'), planSpec);
    expect(problems).toEqual([{ reason: 'too_many_columns', row: 2, limit: readLimits.columns }]);
  });

  it('a record whose fields together hold more than 1 Mi characters', async () => {
    const csv = `${head}${Array(40).fill('u'.repeat(30_000)).join(',')}\n`;
    const { problems } = await collectSheet(fixture(csv, 'csv'), planSpec);
    expect(problems).toEqual([{ reason: 'row_too_large', row: 2, limit: readLimits.rowChars }]);
  });
});
