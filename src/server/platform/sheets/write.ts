/**
 * Writing a ledger: the export of a list and, with no rows, the blank import template. Streams
 * row by row (exceljs's WorkbookWriter, each row committed), so an export of 500k households
 * does not sit in memory. What is written reads back through readSheet to the same values.
 */

import { once } from 'node:events';
import fs from 'node:fs';
import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import ExcelJS from 'exceljs';
import type { SheetColumn, SheetSpec } from './columns.js';

export type SheetRows = AsyncIterable<Record<string, unknown>> | Iterable<Record<string, unknown>>;

/** Where a ledger goes: a file path or a writable stream (an HTTP response, say). */
export type SheetTarget = string | NodeJS.WritableStream;

const dropdownRows = 5000;

const numberFormats: Record<SheetColumn['type'], string> = {
  text: '@', // typed-in phone and room numbers stay text in the template
  integer: '#,##0',
  decimal: '#,##0.00',
  year: '0',
  date: '@', // written as 2021-05-03 text: the same in every office's Excel locale
  enum: '@',
};

/** Width in Excel's units: CJK characters count double. */
function textWidth(text: string): number {
  let width = 0;
  for (const c of text) width += c.charCodeAt(0) > 0x2e80 ? 2 : 1;
  return width;
}

function columnWidth(column: SheetColumn): number {
  return column.width ?? Math.min(40, Math.max(10, textWidth(column.header) + 4));
}

function labelsByValue(column: SheetColumn): Map<string, string> {
  return new Map(Object.entries(column.options ?? {}).map(([label, value]) => [value, label]));
}

/** A value as it goes into a cell: numbers as numbers, enum values as their Chinese label. */
function cellValue(column: SheetColumn, labels: Map<string, string>, value: unknown): string | number | null {
  if (value === null || value === undefined) return null;
  switch (column.type) {
    case 'integer':
    case 'decimal':
      return typeof value === 'number' ? value : String(value);
    case 'year':
      if (value instanceof Date) return value.getUTCFullYear();
      return typeof value === 'number' ? value : String(value);
    case 'date':
      return value instanceof Date ? value.toISOString().slice(0, 10) : String(value);
    case 'enum':
      return labels.get(String(value)) ?? String(value);
    case 'text':
      return value instanceof Date ? value.toISOString().slice(0, 10) : String(value);
  }
}

/** The list behind an enum column's dropdown, when Excel can hold it inline (≤ 255 chars, no commas). */
function dropdown(column: SheetColumn): string | undefined {
  const labels = Object.keys(column.options ?? {});
  const list = labels.join(',');
  if (labels.length === 0 || labels.some((l) => l.includes(',') || l.includes('"')) || list.length > 255)
    return undefined;
  return `"${list}"`;
}

/** The worksheet members the streaming writer has but exceljs's .d.ts leaves out. */
interface DataValidations {
  dataValidations: { add(address: string, validation: Record<string, unknown>): void };
}

/** Remembers a target stream's first error, for checking as rows go and racing the finish. */
class TargetFailure {
  private error: unknown;
  readonly failed: Promise<never>;

  constructor(stream: NodeJS.WritableStream) {
    this.failed = new Promise<never>((_, reject) => {
      stream.once('error', (error: unknown) => {
        this.error ??= error;
        reject(error);
      });
    });
    this.failed.catch(() => {});
  }

  /** Throw the target's error, if it has failed. */
  check(): void {
    if (this.error !== undefined) throw this.error;
  }
}

/**
 * Write rows to an xlsx: optional merged title, a bold frozen header of canonical headers,
 * column widths and number formats, enum dropdowns. With no rows it is the import template.
 */
export async function writeSheet(
  target: SheetTarget,
  spec: SheetSpec,
  rows: SheetRows = [],
): Promise<{ rows: number }> {
  const stream = typeof target === 'string' ? fs.createWriteStream(target) : target;
  // exceljs listens for errors only once it finishes: a target that fails earlier (no such
  // directory, a client gone) would crash the process or leave the export waiting forever.
  const failure = new TargetFailure(stream);
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: stream as Writable,
    useStyles: true,
    useSharedStrings: false,
  });
  const headerRow = spec.title ? 2 : 1;
  const sheet = workbook.addWorksheet(spec.sheetName, {
    views: [{ state: 'frozen', ySplit: headerRow }],
  });
  sheet.columns = spec.columns.map((column) => ({
    key: column.key,
    width: columnWidth(column),
    style: { numFmt: numberFormats[column.type] },
  }));
  const last = spec.columns.length;
  if (spec.title) {
    const title = sheet.addRow([spec.title]);
    title.height = 28;
    title.getCell(1).font = { bold: true, size: 14 };
    title.getCell(1).alignment = { horizontal: 'center', vertical: 'middle' };
    if (last > 1) sheet.mergeCells(1, 1, 1, last);
    title.commit();
  }
  const header = sheet.addRow(spec.columns.map((c) => c.header));
  header.eachCell((cell) => {
    cell.font = { bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
    cell.border = { bottom: { style: 'thin' } };
  });
  header.commit();
  const labels = spec.columns.map(labelsByValue);
  let count = 0;
  for await (const values of rows) {
    failure.check();
    sheet
      .addRow(
        spec.columns.map((column, i) =>
          cellValue(column, labels[i] as Map<string, string>, values[column.key]),
        ),
      )
      .commit();
    count++;
  }
  // Dropdowns cover the rows written and room to add more; a whole-column range would make
  // exceljs (and other readers that expand ranges) build a million-entry model.
  spec.columns.forEach((column, i) => {
    const list = dropdown(column);
    if (!list) return;
    const letter = sheet.getColumn(i + 1).letter;
    (sheet as unknown as DataValidations).dataValidations.add(
      `${letter}${headerRow + 1}:${letter}${headerRow + count + dropdownRows}`,
      {
        type: 'list',
        allowBlank: true,
        formulae: [list],
        showErrorMessage: true,
        errorStyle: 'warning',
      },
    );
  });

  sheet.commit();
  await Promise.race([workbook.commit(), failure.failed]);
  return { rows: count };
}

/** A CSV field: quoted when needed, and text that Excel would run as a formula defused with "'". */
function csvField(value: string | number | null): string {
  if (value === null) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Write rows as CSV: UTF-8 with a BOM (so Excel opens it as UTF-8), CRLF, canonical headers. */
export async function writeCsv(
  target: SheetTarget,
  spec: SheetSpec,
  rows: SheetRows = [],
): Promise<{ rows: number }> {
  const stream = typeof target === 'string' ? fs.createWriteStream(target) : target;
  const failure = new TargetFailure(stream);
  const write = async (line: string) => {
    failure.check();
    if (!stream.write(line)) await Promise.race([once(stream, 'drain'), failure.failed]);
  };
  const labels = spec.columns.map(labelsByValue);
  await write(`\uFEFF${spec.columns.map((c) => csvField(c.header)).join(',')}\r\n`);
  let count = 0;
  for await (const values of rows) {
    const fields = spec.columns.map((column, i) =>
      csvField(cellValue(column, labels[i] as Map<string, string>, values[column.key])),
    );
    await write(`${fields.join(',')}\r\n`);
    count++;
  }
  stream.end();
  await Promise.race([finished(stream as Writable), failure.failed]);
  return { rows: count };
}
