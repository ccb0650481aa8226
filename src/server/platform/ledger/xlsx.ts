/**
 * The xlsx side of the reader: check the zip's directory before exceljs sees it, then stream one
 * sheet's rows with exceljs's WorkbookReader, fed a clean stored copy of just the entries it needs.
 */
import ExcelJS, { type CellValue, type Row } from 'exceljs';
import { fileError, LedgerFileError } from './problems.js';
import { type RawCell, type RawRow, type RowSource, readHead } from './rows.js';
import {
  checkDeclaredSize,
  type LocatedEntry,
  locateEntries,
  readZipDirectory,
  storedZipStream,
  type ZipPart,
} from './zip.js';

const sheetEntry = /^xl\/worksheets\/sheet(\d+)\.xml$/;
const emptySharedStrings = Buffer.from(
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="0" uniqueCount="0"/>',
);

export interface XlsxOptions {
  maxUncompressedBytes: number;
  /** The sheet to read by name; otherwise `pick` chooses. */
  sheet: string | undefined;
  /** Given the first rows of each sheet (a workbook with several), the index of the one to read. */
  pick(heads: RawRow[][]): number;
}

/** Check an xlsx (zip structure, bombs, damage), then stream the rows of the sheet to read. */
export async function openXlsx(file: string, options: XlsxOptions): Promise<RowSource> {
  const entries = await readZipDirectory(file);
  checkDeclaredSize(entries, options.maxUncompressedBytes);
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
  // Damage and lying sizes show as the entries stream, possibly after rows have been read: a
  // reader takes the file's problems as failing it (an import then writes nothing). Checking
  // every entry first cost a second inflate of the whole file.
  const located = await locateEntries(file, [...frontEntries, ...sheets]);
  const base: ZipPart[] = located.slice(0, frontEntries.length);
  if (!byName.has('xl/sharedStrings.xml'))
    base.push({ name: 'xl/sharedStrings.xml', data: emptySharedStrings });
  const sheetParts = located.slice(frontEntries.length);

  if (options.sheet !== undefined) {
    const book = openWorkbook(file, [...base, ...sheetParts]);
    try {
      for (let worksheet = await book.next(); worksheet; worksheet = await book.next()) {
        if (sheetName(worksheet) === options.sheet) return book.source(worksheet);
      }
    } catch (error) {
      book.close();
      throw error;
    }
    book.close();
    throw fileError('no_sheet', { sheet: options.sheet });
  }

  const chosen = sheetParts.length === 1 ? sheetParts[0] : await pickSheet(file, base, sheetParts, options);
  if (!chosen) throw fileError('no_sheet');
  const book = openWorkbook(file, [...base, chosen]);
  try {
    const worksheet = await book.next();
    if (!worksheet) throw fileError('no_sheet');
    return book.source(worksheet);
  } catch (error) {
    book.close();
    throw error;
  }
}

/** Read the first rows of every sheet and let the caller choose. */
async function pickSheet(
  file: string,
  base: ZipPart[],
  sheets: LocatedEntry[],
  options: XlsxOptions,
): Promise<LocatedEntry | undefined> {
  const heads: RawRow[][] = [];
  for (const part of sheets) {
    // One stream per sheet, abandoned after its first rows: cheaper than reading every sheet
    // to the end, at the price of parsing the shared strings once per sheet.
    const book = openWorkbook(file, [...base, part]);
    try {
      const worksheet = await book.next();
      heads.push(worksheet ? (await readHead(book.source(worksheet).batches)).head : []);
    } finally {
      book.close();
    }
  }
  return sheets[options.pick(heads)];
}

interface Workbook {
  /** The next worksheet in the stream. */
  next(): Promise<ExcelJS.stream.xlsx.WorksheetReader | undefined>;
  source(worksheet: ExcelJS.stream.xlsx.WorksheetReader): RowSource;
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
  const worksheets = guarded(reader[Symbol.asyncIterator](), failure);
  const open: AsyncGenerator<unknown>[] = [worksheets];
  const close = () => {
    // Nothing waits on exceljs here: its generators are told to finish, the input is cut.
    for (const generator of open) void generator.return(undefined).catch(() => {});
    input.destroy();
  };
  return {
    async next() {
      const step = await worksheets.next();
      return step.done ? undefined : step.value;
    },
    source(worksheet) {
      const batches = rowBatches(worksheet, failure, worksheets);
      open.unshift(batches);
      return { sheet: sheetName(worksheet), format: 'xlsx', batches, close };
    },
    close,
  };
}

/**
 * Rows by the batch exceljs parses from each chunk of sheet XML. `parse()` rather than the
 * row iterator: one await per batch instead of several per row. Then the rest of the workbook:
 * the sheet's size and CRC are checked only as the stream reads on past its last rows.
 */
async function* rowBatches(
  worksheet: ExcelJS.stream.xlsx.WorksheetReader,
  failure: InputFailure,
  rest: AsyncGenerator<unknown>,
): AsyncGenerator<RawRow[]> {
  for await (const events of guarded<unknown[]>(worksheet.parse(), failure)) {
    const rows: RawRow[] = [];
    for (const event of events) {
      if (!isRowEvent(event)) continue;
      const values = event.value.values;
      if (!Array.isArray(values)) continue;
      const cells: RawCell[] = [];
      // exceljs puts column A at index 1.
      for (let i = 1; i < values.length; i++) cells.push(rawCell(values[i]));
      rows.push({ number: event.value.number, cells });
    }
    if (rows.length > 0) yield rows;
  }
  for await (const _ of rest) {
    // Sheets after the one read (when it was chosen by name) are skipped by exceljs.
  }
}

function isRowEvent(event: unknown): event is { eventType: 'row'; value: Row } {
  return typeof event === 'object' && event !== null && 'eventType' in event && event.eventType === 'row';
}

/**
 * exceljs pipes our stream into unzipper, and a pipe does not pass errors on: without this a
 * failing input would leave the reader waiting forever. (Not Promise.race against one
 * long-lived promise: every race would stay attached to it, and with it every batch read.)
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
 * Iterate an exceljs iterator, failing if the input fails, and turning exceljs's own errors
 * (bad XML, a zip it cannot follow) into 'corrupt'. Leaving early does not wait on exceljs.
 */
async function* guarded<T>(iterator: AsyncIterator<T>, failure: InputFailure): AsyncGenerator<T> {
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
