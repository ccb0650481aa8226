/**
 * Reading a ledger (台账) the way offices send it: xlsx or CSV, whatever the file is called; the
 * header found wherever it sits in the first rows (titles, "附件1" lines and two-row grouped
 * headers above it); subtotal, total, footnote and repeated header rows skipped; every cell
 * parsed by its column's type, each failure kept as a problem naming row, column and header.
 *
 * Rows are streamed: a 500k-row sheet is read in bounded memory (exceljs's streaming reader;
 * only the shared-string table of an xlsx is held whole, as exceljs requires).
 */

import { open } from 'node:fs/promises';
import ExcelJS, { type CellValue } from 'exceljs';
import {
  type Parsed,
  parseDecimal,
  parseEnum,
  parseInteger,
  parseText,
  parseYear,
  type RawValue,
} from '../../../domain/ledger-values.js';
import {
  columnLetter,
  headerLookup,
  type LedgerColumn,
  type LedgerSpec,
  normaliseHeader,
} from './columns.js';
import { type CsvEncoding, csvCell, csvRecords } from './csv.js';
import {
  fileError,
  type LedgerCellReason,
  LedgerFileError,
  type LedgerFileProblem,
  type LedgerProblem,
} from './problems.js';
import {
  checkDeclaredSize,
  type LocatedEntry,
  locateEntries,
  readZipDirectory,
  storedZipStream,
  verifyEntries,
  type ZipPart,
} from './zip.js';

export type { LedgerFileProblem, LedgerProblem } from './problems.js';

export interface ReadLedgerOptions {
  /** "Today", for refusing future build years. */
  now?: Date;
  /** Stop with a 'too_many_rows' problem past this many rows (default 1,000,000). */
  maxRows?: number;
  /** Refuse an xlsx that would expand past this many bytes (default 1 GiB). */
  maxUncompressedBytes?: number;
  /** Called every 1,000 rows and once at the end with the number of rows read so far. */
  onProgress?: (rowsRead: number) => void;
  /** Read this sheet instead of the one whose header matches the spec best. */
  sheet?: string;
}

/** One data row: values by column key (null when empty or unreadable) and its cell problems. */
export interface LedgerRow {
  sheet: string;
  /** 1-based row number as Excel shows it. */
  row: number;
  values: Record<string, unknown>;
  problems: LedgerProblem[];
  /** Keys whose value was marked approximate in the file ("约1990年", "1990年代"). */
  approximate: string[];
}

/** Where the rows came from: known once the header has been found. */
export interface LedgerSource {
  format: 'xlsx' | 'csv';
  encoding?: CsvEncoding;
  sheet: string;
  /** The header's row numbers: one, or two for a grouped header. */
  headerRows: number[];
  /** Column key → where it was found and under which header text. */
  columns: Record<string, { column: string; header: string }>;
}

/** A ledger being read: iterate it once; file-level problems are complete when iteration ends. */
export interface LedgerRead extends AsyncIterable<LedgerRow> {
  readonly problems: readonly LedgerFileProblem[];
  readonly source: LedgerSource | undefined;
  readonly rowsRead: number;
}

type RawCell = RawValue | { error: string };
interface RawRow {
  number: number;
  cells: RawCell[];
}

interface MappedColumn {
  column: LedgerColumn;
  index: number;
  letter: string;
  /** The header text as written (the lower row's for a grouped header). */
  header: string;
  /** Every text of this column's header rows, to recognise the header repeated further down. */
  texts: string[];
}

interface Header {
  rows: number[];
  columns: MappedColumn[];
  score: number;
  required: number;
}

interface Context {
  spec: LedgerSpec;
  lookup: Map<string, string>;
  byKey: Map<string, LedgerColumn>;
  now: Date;
  maxRows: number;
  maxUncompressedBytes: number;
  onProgress: ((rowsRead: number) => void) | undefined;
  sheet: string | undefined;
}

interface State {
  problems: LedgerFileProblem[];
  source: LedgerSource | undefined;
  encoding: CsvEncoding | undefined;
  rowsRead: number;
}

const headerScanRows = 15;
const progressEvery = 1000;
const valueLimit = 100;

/** Read a ledger file against a spec, streaming its rows. */
export function readLedger(file: string, spec: LedgerSpec, options: ReadLedgerOptions = {}): LedgerRead {
  const state: State = { problems: [], source: undefined, encoding: undefined, rowsRead: 0 };
  const context: Context = {
    spec,
    lookup: headerLookup(spec),
    byKey: new Map(spec.columns.map((c) => [c.key, c])),
    now: options.now ?? new Date(),
    maxRows: options.maxRows ?? 1_000_000,
    maxUncompressedBytes: options.maxUncompressedBytes ?? 1024 ** 3,
    onProgress: options.onProgress,
    sheet: options.sheet,
  };
  let started = false;
  return {
    get problems() {
      return state.problems;
    },
    get source() {
      return state.source;
    },
    get rowsRead() {
      return state.rowsRead;
    },
    [Symbol.asyncIterator]() {
      if (started) throw new Error('readLedger: a ledger can be iterated only once');
      started = true;
      return readAll(file, context, state);
    },
  };
}

/** Read a whole ledger into memory: for previews, small uploads and tests. */
export async function collectLedger(file: string, spec: LedgerSpec, options: ReadLedgerOptions = {}) {
  const read = readLedger(file, spec, options);
  const rows: LedgerRow[] = [];
  for await (const row of read) rows.push(row);
  return { rows, problems: read.problems, source: read.source };
}

async function* readAll(file: string, context: Context, state: State): AsyncGenerator<LedgerRow> {
  try {
    const format = await detectFormat(file);
    if (format === 'xlsx') yield* readXlsx(file, context, state);
    else yield* readCsv(file, context, state);
  } catch (error) {
    if (!(error instanceof LedgerFileError)) throw error;
    state.problems.push(error.problem);
  } finally {
    context.onProgress?.(state.rowsRead);
  }
}

/** By the first bytes, never the name: offices rename .xls to .xlsx and save CSVs as anything. */
async function detectFormat(file: string): Promise<'xlsx' | 'csv'> {
  const handle = await open(file, 'r');
  try {
    const head = Buffer.alloc(8);
    const { bytesRead } = await handle.read(head, 0, 8, 0);
    if (bytesRead === 0) throw fileError('empty');
    if (head[0] === 0x50 && head[1] === 0x4b && (head[2] === 3 || head[2] === 5 || head[2] === 7))
      return 'xlsx';
    // OLE2: a legacy .xls, or any Office file with a password (Excel encrypts into an OLE2 box).
    if (head.subarray(0, bytesRead).equals(Buffer.from('d0cf11e0a1b11ae1', 'hex').subarray(0, bytesRead))) {
      throw fileError('encrypted_or_legacy');
    }
    return 'csv';
  } finally {
    await handle.close();
  }
}

// ---------------------------------------------------------------------------------------------
// CSV

async function* readCsv(file: string, context: Context, state: State): AsyncGenerator<LedgerRow> {
  async function* rows(): AsyncGenerator<RawRow> {
    const records = csvRecords(file, (encoding) => {
      state.encoding = encoding;
      if (state.source) state.source.encoding = encoding;
    });
    for await (const record of records) yield { number: record.row, cells: record.cells.map(csvCell) };
  }
  yield* ledgerRows('', 'csv', rows(), context, state);
}

// ---------------------------------------------------------------------------------------------
// xlsx

const sheetEntry = /^xl\/worksheets\/sheet(\d+)\.xml$/;
const emptySharedStrings = Buffer.from(
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="0" uniqueCount="0"/>',
);

async function* readXlsx(file: string, context: Context, state: State): AsyncGenerator<LedgerRow> {
  const entries = await readZipDirectory(file);
  checkDeclaredSize(entries, context.maxUncompressedBytes);
  const byName = new Map(entries.map((e) => [e.name, e]));
  // A docx, an ods or any other zip is not a workbook.
  if (!byName.has('xl/workbook.xml')) throw fileError('not_a_spreadsheet');
  const rels = byName.get('xl/_rels/workbook.xml.rels');
  if (!rels) throw fileError('corrupt');
  const sheetNumber = (name: string) => Number(sheetEntry.exec(name)?.[1]);
  const sheets = entries
    .filter((e) => sheetEntry.test(e.name))
    .sort((a, b) => sheetNumber(a.name) - sheetNumber(b.name));
  if (sheets.length === 0) throw fileError('no_sheet');
  // Order matters: exceljs streams a sheet only if the relationships and shared strings came
  // before it; otherwise it first copies every sheet to a temporary file.
  const front = [
    rels,
    byName.get('xl/workbook.xml'),
    byName.get('xl/styles.xml'),
    byName.get('xl/sharedStrings.xml'),
  ];
  const frontEntries = front.filter((e) => e !== undefined);
  const located = await locateEntries(file, [...frontEntries, ...sheets]);
  await verifyEntries(file, located);
  const base: ZipPart[] = located.slice(0, frontEntries.length);
  if (!byName.has('xl/sharedStrings.xml'))
    base.push({ name: 'xl/sharedStrings.xml', data: emptySharedStrings });
  const sheetParts = located.slice(frontEntries.length);

  if (context.sheet !== undefined) {
    const book = openWorkbook(file, [...base, ...sheetParts]);
    try {
      for await (const worksheet of book.worksheets) {
        if (sheetName(worksheet) !== context.sheet) continue;
        yield* ledgerRows(context.sheet, 'xlsx', book.rows(worksheet), context, state);
        return;
      }
    } finally {
      book.close();
    }
    throw fileError('no_sheet', { sheet: context.sheet });
  }

  const chosen = sheetParts.length === 1 ? sheetParts[0] : await bestSheet(file, base, sheetParts, context);
  if (!chosen) throw fileError('no_sheet');
  const book = openWorkbook(file, [...base, chosen]);
  try {
    for await (const worksheet of book.worksheets) {
      yield* ledgerRows(sheetName(worksheet), 'xlsx', book.rows(worksheet), context, state);
      return;
    }
  } finally {
    book.close();
  }
}

/** The sheet whose header matches the spec best (the first, on a tie), from each one's first rows. */
async function bestSheet(
  file: string,
  base: ZipPart[],
  sheets: LocatedEntry[],
  context: Context,
): Promise<LocatedEntry | undefined> {
  let best: { part: LocatedEntry; header: Header } | undefined;
  for (const part of sheets) {
    // One stream per sheet, abandoned after its first rows: cheaper than reading every sheet
    // to the end, at the price of parsing the shared strings once per sheet.
    const book = openWorkbook(file, [...base, part]);
    try {
      for await (const worksheet of book.worksheets) {
        const header = findHeader(await takeHead(book.rows(worksheet)), context);
        if (header && (!best || better(header, best.header))) best = { part, header };
        break;
      }
    } finally {
      book.close();
    }
  }
  return best?.part ?? sheets[0];
}

interface Workbook {
  worksheets: AsyncGenerator<ExcelJS.stream.xlsx.WorksheetReader>;
  rows(worksheet: ExcelJS.stream.xlsx.WorksheetReader): AsyncGenerator<RawRow>;
  close(): void;
}

function openWorkbook(file: string, parts: readonly ZipPart[]): Workbook {
  const input = storedZipStream(file, parts);
  const failure = new InputFailure(input);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache', // needed to tell date cells from numbers
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  return {
    worksheets: guarded(reader, failure),
    async *rows(worksheet) {
      for await (const row of guarded(worksheet, failure)) {
        const values = row.values;
        if (!Array.isArray(values)) continue;
        const cells: RawCell[] = [];
        // exceljs puts column A at index 1.
        for (let i = 1; i < values.length; i++) cells.push(rawCell(values[i]));
        yield { number: row.number, cells };
      }
    },
    close: () => input.destroy(),
  };
}

/**
 * exceljs pipes our stream into unzipper, and a pipe does not pass errors on: without this a
 * failing input would leave the reader waiting forever. (Not Promise.race against one
 * long-lived promise: every race would stay attached to it, and with it every row.)
 */
class InputFailure {
  private error: unknown;
  private failed = false;
  private rejectPending: ((error: unknown) => void) | undefined;

  constructor(input: NodeJS.EventEmitter) {
    input.once('error', (error: unknown) => {
      this.failed = true;
      this.error = error;
      this.rejectPending?.(error);
    });
  }

  /** `promise`, or the input's error if that comes first. */
  watch<T>(promise: Promise<T>): Promise<T> {
    if (this.failed) return Promise.reject(this.error);
    return new Promise<T>((resolve, reject) => {
      this.rejectPending = reject;
      promise.then(resolve, reject).finally(() => {
        if (this.rejectPending === reject) this.rejectPending = undefined;
      });
    });
  }
}

/** The .d.ts omits it, but a WorksheetReader carries its sheet's name once the workbook is parsed. */
function sheetName(worksheet: ExcelJS.stream.xlsx.WorksheetReader): string {
  const { name } = worksheet as unknown as { name?: unknown };
  return typeof name === 'string' ? name : '';
}

/**
 * Iterate an exceljs iterable, failing if the input fails, and turning exceljs's own errors
 * (bad XML, a zip it cannot follow) into 'corrupt'. Leaving early does not wait on exceljs.
 */
async function* guarded<T>(iterable: AsyncIterable<T>, failure: InputFailure): AsyncGenerator<T> {
  const iterator = iterable[Symbol.asyncIterator]();
  let finished = false;
  try {
    while (true) {
      let step: IteratorResult<T>;
      try {
        step = await failure.watch(iterator.next());
      } catch (error) {
        finished = true;
        throw error instanceof LedgerFileError ? error : fileError('corrupt');
      }
      if (step.done) {
        finished = true;
        return;
      }
      yield step.value;
    }
  } finally {
    if (!finished) void iterator.return?.(undefined).catch(() => {});
  }
}

/** An exceljs cell value reduced to what the parsers take. */
function rawCell(value: CellValue): RawCell {
  if (value === null || value === undefined || typeof value !== 'object' || value instanceof Date)
    return value;
  if ('richText' in value) return value.richText.map((run) => run.text).join('');
  if ('error' in value) return { error: value.error };
  if ('formula' in value || 'sharedFormula' in value) {
    // exceljs's streaming reader drops error results (#DIV/0!), and some writers store none:
    // either way the value is unknown, which is not the same as empty.
    if (value.result === undefined) return { error: `=${value.formula ?? ''}` };
    return rawCell(value.result);
  }
  if ('text' in value) return value.text;
  return null;
}

// ---------------------------------------------------------------------------------------------
// Header detection, row classification and parsing: the same for both formats

async function takeHead(rows: AsyncGenerator<RawRow>): Promise<RawRow[]> {
  const head: RawRow[] = [];
  while (head.length < headerScanRows) {
    const step = await rows.next();
    if (step.done) break;
    if (!isBlank(step.value.cells)) head.push(step.value);
  }
  return head;
}

async function* ledgerRows(
  sheet: string,
  format: 'xlsx' | 'csv',
  rows: AsyncGenerator<RawRow>,
  context: Context,
  state: State,
): AsyncGenerator<LedgerRow> {
  try {
    const head = await takeHead(rows);
    if (head.length === 0) throw fileError(format === 'csv' ? 'empty' : 'no_header', { sheet });
    const header = findHeader(head, context);
    if (!header) throw fileError('no_header', { sheet });
    const missing = context.spec.columns.filter(
      (c) => c.required && !header.columns.some((m) => m.column === c),
    );
    if (missing.length > 0) {
      for (const c of missing)
        state.problems.push({ reason: 'missing_column', sheet, header: c.header, field: c.key });
      return;
    }
    state.source = {
      format,
      ...(state.encoding ? { encoding: state.encoding } : {}),
      sheet,
      headerRows: header.rows,
      columns: Object.fromEntries(
        header.columns.map((m) => [m.column.key, { column: m.letter, header: m.header }]),
      ),
    };
    const lastHeaderRow = header.rows[header.rows.length - 1] ?? 0;
    const handle = (raw: RawRow): LedgerRow | 'skip' | 'stop' => {
      state.rowsRead++;
      if (state.rowsRead > context.maxRows) {
        state.problems.push({ reason: 'too_many_rows', sheet, row: raw.number, limit: context.maxRows });
        return 'stop';
      }
      if (state.rowsRead % progressEvery === 0) context.onProgress?.(state.rowsRead);
      if (skipped(raw, header, lastHeaderRow)) return 'skip';
      return parseRow(sheet, raw, header, context);
    };
    for (const raw of head) {
      if (raw.number <= lastHeaderRow) continue;
      const result = handle(raw);
      if (result === 'stop') return;
      if (result !== 'skip') yield result;
    }
    for await (const raw of rows) {
      const result = handle(raw);
      if (result === 'stop') return;
      if (result !== 'skip') yield result;
    }
  } finally {
    await rows.return(undefined);
  }
}

function cellText(cell: RawCell): string {
  if (typeof cell === 'string') return cell.trim();
  if (typeof cell === 'number') return String(cell);
  return '';
}

function isBlank(cells: readonly RawCell[]): boolean {
  for (const cell of cells) {
    if (cell === null || cell === undefined) continue;
    if (typeof cell === 'string' && cell.trim() === '') continue;
    return false;
  }
  return true;
}

function matchTexts(texts: readonly string[], rows: number[], context: Context, sources: string[][]): Header {
  const columns: MappedColumn[] = [];
  const seen = new Set<string>();
  texts.forEach((text, index) => {
    if (text === '') return;
    const key = context.lookup.get(normaliseHeader(text));
    const column = key === undefined ? undefined : context.byKey.get(key);
    // The first cell to name a column wins; a second one is ignored like any unknown column.
    if (!column || seen.has(column.key)) return;
    seen.add(column.key);
    const texts = sources.map((s) => s[index] ?? '').filter((t) => t !== '');
    columns.push({ column, index, letter: columnLetter(index), header: text, texts });
  });
  return { rows, columns, score: columns.length, required: columns.filter((m) => m.column.required).length };
}

function better(a: Header, b: Header): boolean {
  return a.score > b.score || (a.score === b.score && a.required > b.required);
}

/**
 * The row (or pair of rows) among the first ones that names the most columns. A grouped header
 * is two rows: a group cell (基本情况) merged across its sub-columns above them, and cells such
 * as 序号 merged down through both. Streaming sees a merge as its first cell with blanks (or, from
 * some writers, the text repeated), so per column the lower row's text wins when present.
 */
function findHeader(head: readonly RawRow[], context: Context): Header | undefined {
  let best: Header | undefined;
  for (let i = 0; i < head.length; i++) {
    const upperRow = head[i] as RawRow;
    const upper = upperRow.cells.map(cellText);
    let candidate = matchTexts(upper, [upperRow.number], context, [upper]);
    const lowerRow = head[i + 1];
    // Both rows must name columns: a title above a one-row header is not a grouped header.
    if (candidate.score > 0 && lowerRow && lowerRow.number === upperRow.number + 1) {
      const lower = lowerRow.cells.map(cellText);
      if (matchTexts(lower, [lowerRow.number], context, [lower]).score > 0) {
        const width = Math.max(upper.length, lower.length);
        const combined = Array.from({ length: width }, (_, k) => lower[k] || upper[k] || '');
        const pair = matchTexts(combined, [upperRow.number, lowerRow.number], context, [upper, lower]);
        if (better(pair, candidate)) candidate = pair;
      }
    }
    if (!best || better(candidate, best)) best = candidate;
  }
  return best && best.score > 0 ? best : undefined;
}

const summaryLabel = /小计|合计|总计/;
const footnotePrefixes = ['填表说明', '填报说明', '说明：', '说明:', '注：', '注:', '备注：', '备注:'];
const signatureLine = /^(?:制表|填表|填报|审核|审批|负责|联系)[\u4e00-\u9fff]{0,4}[：:]/;

/** Rows that are not data: blanks, (sub)totals, footnotes and signatures, repeated headers. */
function skipped(raw: RawRow, header: Header, lastHeaderRow: number): boolean {
  const { cells } = raw;
  if (isBlank(cells)) return true;
  const filled: string[] = [];
  for (const cell of cells) {
    const text = cellText(cell);
    if (text !== '') filled.push(text);
    // Short labels only: a long remark that mentions 合计 is still data.
    if (typeof cell === 'string' && text.length <= 20 && summaryLabel.test(text.replace(/\s/g, '')))
      return true;
  }
  const first = filled[0] ?? '';
  if (filled.length === 1 && footnotePrefixes.some((p) => first.startsWith(p))) return true;
  if (filled.length > 0 && filled.every((t) => signatureLine.test(t))) return true;
  let repeated = 0;
  for (const m of header.columns) if (m.texts.includes(cellText(cells[m.index]))) repeated++;
  const n = header.columns.length;
  if (repeated >= (n === 1 ? 1 : Math.max(2, Math.ceil(n / 2)))) return true;
  return raw.number === lastHeaderRow + 1 && isColumnNumbering(cells);
}

/** The "1 2 3 4 …" row some forms put under the header. */
function isColumnNumbering(cells: readonly RawCell[]): boolean {
  let expected = 1;
  for (const cell of cells) {
    const text = cellText(cell);
    if (text === '') continue;
    if (Number(text) !== expected) return false;
    expected++;
  }
  return expected > 3;
}

function parseCell(column: LedgerColumn, raw: RawValue, now: Date): Parsed<string | number> {
  const limits = { min: column.min, max: column.max };
  switch (column.type) {
    case 'text':
      return parseText(raw, { maxLength: column.maxLength });
    case 'integer':
      return parseInteger(raw, limits);
    case 'decimal':
      return parseDecimal(raw, limits);
    case 'year': {
      const year = parseYear(raw, { now });
      if (!year.ok) return year;
      if (column.min !== undefined && year.value < column.min) return { ok: false, reason: 'below_min' };
      if (column.max !== undefined && year.value > column.max) return { ok: false, reason: 'above_max' };
      return year;
    }
    case 'enum':
      return parseEnum(raw, column.options ?? {});
  }
}

function rawText(cell: RawCell): string {
  let text: string;
  if (cell === null || cell === undefined) text = '';
  else if (cell instanceof Date) text = cell.toISOString();
  else if (typeof cell === 'object') text = cell.error;
  else text = String(cell);
  return text.length > valueLimit ? [...text].slice(0, valueLimit).join('') : text;
}

function parseRow(sheet: string, raw: RawRow, header: Header, context: Context): LedgerRow {
  const values: Record<string, unknown> = {};
  for (const column of context.spec.columns) values[column.key] = null;
  const problems: LedgerProblem[] = [];
  const approximate: string[] = [];
  for (const m of header.columns) {
    const { column } = m;
    const cell = raw.cells[m.index];
    const problem = (reason: LedgerCellReason): LedgerProblem => ({
      sheet,
      row: raw.number,
      column: m.letter,
      header: m.header,
      field: column.key,
      reason,
      value: rawText(cell),
    });
    if (cell !== null && typeof cell === 'object' && !(cell instanceof Date)) {
      problems.push(problem('formula_error'));
      continue;
    }
    const parsed = parseCell(column, cell, context.now);
    if (parsed.ok) {
      values[column.key] = parsed.value;
      if (parsed.approx) approximate.push(column.key);
      continue;
    }
    if (parsed.reason === 'empty') {
      if (column.required) problems.push(problem('required'));
      continue;
    }
    const found = problem(parsed.reason);
    if (parsed.reason === 'below_min' && column.min !== undefined) found.limit = column.min;
    if (parsed.reason === 'above_max' && column.max !== undefined) found.limit = column.max;
    if (parsed.reason === 'too_long' && column.maxLength !== undefined) found.limit = column.maxLength;
    if (parsed.reason === 'unknown_option') found.options = Object.keys(column.options ?? {});
    problems.push(found);
  }
  return { sheet, row: raw.number, values, problems, approximate };
}
