/**
 * Reading a ledger (台账) the way offices send it: xlsx or CSV, whatever the file is called; the
 * header found wherever it sits in the first rows (titles, "附件1" lines and two-row grouped
 * headers above it); subtotal, total, footnote and repeated header rows skipped; every cell
 * parsed by its column's type, each failure kept as a problem naming row, column and header.
 *
 * Rows are streamed: a 500k-row sheet is read in bounded memory (xlsx.ts, csv.ts; only an
 * xlsx's shared-string table is held whole, since its cells name their text by index into it).
 */

import { open } from 'node:fs/promises';
import {
  type Parsed,
  parseDate,
  parseDecimal,
  parseEnum,
  parseInteger,
  parseText,
  parseYear,
  type RawValue,
} from '../../../domain/ledger-values.js';
import { columnLetter, headerLookup, normaliseHeader, type SheetColumn, type SheetSpec } from './columns.js';
import { type CsvEncoding, openCsv } from './csv.js';
import {
  fileError,
  type SheetCellReason,
  SheetFileError,
  type SheetFileProblem,
  type SheetProblem,
} from './problems.js';
import { type RawCell, type RawRow, type RowSource, readHead } from './rows.js';
import { openXlsx } from './xlsx.js';

export type { SheetFileProblem, SheetProblem } from './problems.js';

export interface ReadSheetOptions {
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
export interface SheetRow {
  sheet: string;
  /** 1-based row number as Excel shows it. */
  row: number;
  values: Record<string, unknown>;
  problems: SheetProblem[];
  /** Keys whose value was marked approximate in the file ("约1990年", "1990年代"). */
  approximate: string[];
}

/** Where the rows came from: known once the header has been found. */
export interface SheetSource {
  format: 'xlsx' | 'csv';
  encoding?: CsvEncoding;
  sheet: string;
  /** The header's row numbers: one, or two for a grouped header. */
  headerRows: number[];
  /** Column key → where it was found and under which header text. */
  columns: Record<string, { column: string; header: string }>;
}

/** The header row(s) found: every cell's text, and those no column of the spec takes. */
export interface SheetHeader {
  texts: string[];
  ignored: { column: string; header: string }[];
}

/** A ledger being read: iterate it once; file-level problems are complete when iteration ends. */
export interface SheetRead extends AsyncIterable<SheetRow> {
  /** Known once the header is found (even when required columns are missing). */
  readonly header: SheetHeader | undefined;
  /** The rows in the batches the parser reads them in: one await per batch rather than per row. */
  batches(): AsyncIterable<SheetRow[]>;
  readonly problems: readonly SheetFileProblem[];
  readonly source: SheetSource | undefined;
}

interface MappedColumn {
  column: SheetColumn;
  index: number;
  letter: string;
  /** The header text as written (the lower row's for a grouped header). */
  header: string;
  /** Every text of this column's header rows, to recognise the header repeated further down. */
  texts: string[];
}

interface Header {
  rows: number[];
  /** Every cell's text (a grouped header's lower text where present, else the upper). */
  cells: string[];
  columns: MappedColumn[];
  score: number;
  required: number;
}

interface Context {
  spec: SheetSpec;
  lookup: Map<string, string>;
  byKey: Map<string, SheetColumn>;
  now: Date;
  maxRows: number;
  maxUncompressedBytes: number;
  onProgress: ((rowsRead: number) => void) | undefined;
  sheet: string | undefined;
}

/** What a read has found so far: complete when its rows have all been iterated. */
interface State {
  problems: SheetFileProblem[];
  source: SheetSource | undefined;
  rowsRead: number;
  encoding: CsvEncoding | undefined;
  header?: SheetHeader;
}

const progressEvery = 1000;
const valueLimit = 100;

/** Read a ledger file against a spec, streaming its rows. */
export function readSheet(file: string, spec: SheetSpec, options: ReadSheetOptions = {}): SheetRead {
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
  const start = () => {
    if (started) throw new Error('a ledger can be iterated only once');
    started = true;
    return readAll(file, context, state);
  };
  return {
    batches: () => ({ [Symbol.asyncIterator]: start }),
    get problems() {
      return state.problems;
    },
    get source() {
      return state.source;
    },
    get header() {
      return state.header;
    },
    [Symbol.asyncIterator]: () => rowByRow(start()),
  };
}

async function* rowByRow(batches: AsyncGenerator<SheetRow[]>): AsyncGenerator<SheetRow> {
  for await (const batch of batches) yield* batch;
}

/** Read a whole ledger into memory: for previews, small uploads and tests. */
export async function collectSheet(file: string, spec: SheetSpec, options: ReadSheetOptions = {}) {
  const read = readSheet(file, spec, options);
  const rows: SheetRow[] = [];
  for await (const row of read) rows.push(row);
  return { rows, problems: read.problems, source: read.source };
}

/**
 * The one generator between the parsers and the caller: rows in the parser's batches, so the
 * cost of async iteration is paid per batch.
 */
async function* readAll(file: string, context: Context, state: State): AsyncGenerator<SheetRow[]> {
  let source: RowSource | undefined;
  try {
    source = await openSource(file, context, state);
    const { sheet, format, batches } = source;
    const { pending, head, exhausted } = await readHead(batches);
    if (head.length === 0) throw fileError(format === 'csv' ? 'empty' : 'no_header', { sheet });
    const header = findHeader(head, context);
    if (!header) throw fileError('no_header', { sheet });
    const taken = new Set(header.columns.map((m) => m.index));
    state.header = {
      texts: header.cells.filter((t) => t !== ''),
      ignored: header.cells.flatMap((text, index) =>
        text === '' || taken.has(index) || text === '序号'
          ? []
          : [{ column: columnLetter(index), header: text }],
      ),
    };
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
    const reader = new RowReader(sheet, header, context, state);
    const take = (raws: readonly RawRow[]) => {
      const rows: SheetRow[] = [];
      for (const raw of raws) {
        if (raw.number <= reader.lastHeaderRow) continue;
        const row = reader.read(raw);
        if (reader.stopped) break;
        if (row) rows.push(row);
      }
      return rows;
    };
    const first = take(pending);
    if (first.length > 0) yield first;
    if (reader.stopped || exhausted) return;
    for await (const batch of batches) {
      const rows = take(batch);
      if (rows.length > 0) yield rows;
      if (reader.stopped) return;
    }
  } catch (error) {
    if (!(error instanceof SheetFileError)) throw error;
    state.problems.push(error.problem);
  } finally {
    source?.close();
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

async function openSource(file: string, context: Context, state: State): Promise<RowSource> {
  if ((await detectFormat(file)) === 'csv') {
    return openCsv(file, (encoding) => {
      state.encoding = encoding;
      if (state.source) state.source.encoding = encoding;
    });
  }
  return openXlsx(file, {
    maxUncompressedBytes: context.maxUncompressedBytes,
    sheet: context.sheet,
    pick: (heads) => bestHead(heads, context),
  });
}

/** The index of the head whose header matches the spec best (the first, on a tie). */
function bestHead(heads: readonly RawRow[][], context: Context): number {
  let best: { index: number; header: Header } | undefined;
  heads.forEach((head, index) => {
    const header = findHeader(head, context);
    if (header && (!best || better(header, best.header))) best = { index, header };
  });
  return best?.index ?? 0;
}

// ---------------------------------------------------------------------------------------------
// Header detection, row classification and parsing: the same for both formats

/** Turns raw rows after the header into ledger rows, counting them and stopping at maxRows. */
class RowReader {
  stopped = false;
  readonly lastHeaderRow: number;

  constructor(
    private readonly sheet: string,
    private readonly header: Header,
    private readonly context: Context,
    private readonly state: State,
  ) {
    this.lastHeaderRow = header.rows[header.rows.length - 1] ?? 0;
  }

  /** The row parsed, or null when it is not data (or reading has stopped). */
  read(raw: RawRow): SheetRow | null {
    const { state, context } = this;
    state.rowsRead++;
    if (state.rowsRead > context.maxRows) {
      state.problems.push({
        reason: 'too_many_rows',
        sheet: this.sheet,
        row: raw.number,
        limit: context.maxRows,
      });
      this.stopped = true;
      return null;
    }
    if (state.rowsRead % progressEvery === 0) context.onProgress?.(state.rowsRead);
    if (skipped(raw, this.header, this.lastHeaderRow)) return null;
    return parseRow(this.sheet, raw, this.header, context);
  }
}

function cellText(cell: RawCell): string {
  if (typeof cell === 'string') return cell.trim();
  if (typeof cell === 'number') return String(cell);
  return '';
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
  return {
    rows,
    cells: [...texts],
    columns,
    score: columns.length,
    required: columns.filter((m) => m.column.required).length,
  };
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
  let filled = 0;
  let first = '';
  let signatures = 0;
  for (const cell of cells) {
    if (typeof cell !== 'string') {
      if (cell !== null && cell !== undefined) filled++;
      continue;
    }
    const text = cell.trim();
    if (text === '') continue;
    if (filled++ === 0) first = text;
    // Short labels only: a long remark that mentions 合计 is still data.
    if (text.length <= 20 && text.includes('计') && summaryLabel.test(text.replace(/\s/g, ''))) return true;
    if (signatureLine.test(text)) signatures++;
  }
  if (filled === 0) return true;
  if (filled === 1 && footnotePrefixes.some((p) => first.startsWith(p))) return true;
  if (signatures === filled) return true;
  let repeated = 0;
  for (const m of header.columns) {
    const cell = cells[m.index];
    if (typeof cell === 'string' && m.texts.includes(cell.trim())) repeated++;
  }
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

function parseCell(column: SheetColumn, raw: RawValue, now: Date): Parsed<string | number> {
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
    case 'date':
      return parseDate(raw, { now });
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

function cellProblem(
  sheet: string,
  raw: RawRow,
  m: MappedColumn,
  reason: SheetCellReason,
  cell: RawCell,
): SheetProblem {
  const problem: SheetProblem = {
    sheet,
    row: raw.number,
    column: m.letter,
    header: m.header,
    field: m.column.key,
    reason,
    value: rawText(cell),
  };
  const { column } = m;
  if (reason === 'below_min' && column.min !== undefined) problem.limit = column.min;
  if (reason === 'above_max' && column.max !== undefined) problem.limit = column.max;
  if (reason === 'too_long' && column.maxLength !== undefined) problem.limit = column.maxLength;
  if (reason === 'unknown_option') problem.options = Object.keys(column.options ?? {});
  return problem;
}

function parseRow(sheet: string, raw: RawRow, header: Header, context: Context): SheetRow {
  const values: Record<string, unknown> = {};
  for (const column of context.spec.columns) values[column.key] = null;
  const problems: SheetProblem[] = [];
  const approximate: string[] = [];
  for (const m of header.columns) {
    const { column } = m;
    const cell = raw.cells[m.index];
    if (cell !== null && typeof cell === 'object' && !(cell instanceof Date)) {
      problems.push(cellProblem(sheet, raw, m, 'formula_error', cell));
      continue;
    }
    const parsed = parseCell(column, cell, context.now);
    if (parsed.ok) {
      values[column.key] = parsed.value;
      if (parsed.approx) approximate.push(column.key);
    } else if (parsed.reason !== 'empty') {
      problems.push(cellProblem(sheet, raw, m, parsed.reason, cell));
    } else if (column.required) {
      problems.push(cellProblem(sheet, raw, m, 'required', cell));
    }
  }
  return { sheet, row: raw.number, values, problems, approximate };
}
