/**
 * The xlsx side of the reader. An xlsx is a zip of XML parts. The zip's directory is checked first
 * (bombs, encryption, damage: zip.ts); then each part the rows need is inflated as it is read, its
 * size and CRC checked as it streams, and its XML read by the scanner in xml.ts:
 * - the workbook and its relationships: the sheets in tab order, their names and parts;
 * - the styles: which cell formats show a date;
 * - the shared strings, held for the whole read (a cell names its text by index into them);
 * - then the sheet, streamed into rows.
 *
 * Not exceljs's streaming reader, which Jiugai uses to write: for every cell it builds a row and
 * cell model (address, style) the ledgers never look at, about half its reading time and most of
 * its garbage; it decodes a character split between two chunks as "��" (exceljs #2063, #2084);
 * and it copies every sheet to a temporary file when the shared strings come after it in the zip.
 */
import path from 'node:path';
import { fileError, SheetFileError } from './problems.js';
import { type RawCell, type RawRow, type RowSource, readHead } from './rows.js';
import { type XmlHandlers, XmlScanner } from './xml.js';
import { checkDeclaredSize, entryData, type LocatedEntry, locateEntries, readZipDirectory } from './zip.js';

export interface XlsxOptions {
  maxUncompressedBytes: number;
  /** The sheet to read by name; otherwise `pick` chooses. */
  sheet: string | undefined;
  /** Given the first rows of each sheet (a workbook with several), the index of the one to read. */
  pick(heads: RawRow[][]): number;
}

/** What reading any sheet's cells needs from the rest of the workbook. */
interface Book {
  strings: string[];
  /** By cell format (a cell's `s`): whether its number is a date. */
  dates: boolean[];
  date1904: boolean;
}

interface Sheet {
  name: string;
  part: LocatedEntry;
}

const corrupt = () => fileError('corrupt');

/** Check an xlsx (zip structure, bombs, damage), then stream the rows of the sheet to read. */
export async function openXlsx(file: string, options: XlsxOptions): Promise<RowSource> {
  const entries = await readZipDirectory(file);
  checkDeclaredSize(entries, options.maxUncompressedBytes);
  const byName = new Map(entries.map((e) => [e.name, e]));
  // A docx, an ods or any other zip is not a workbook.
  if (!byName.has('xl/workbook.xml')) throw fileError('not_a_spreadsheet');
  const front = ['xl/workbook.xml', 'xl/_rels/workbook.xml.rels', 'xl/styles.xml', 'xl/sharedStrings.xml'];
  const located = await locateEntries(
    file,
    front.flatMap((name) => byName.get(name) ?? []),
  );
  const part = (name: string) => located.find((l) => l.entry.name === name);
  const [workbookPart, relsPart, stylesPart, stringsPart] = front.map(part);
  if (!workbookPart || !relsPart) throw corrupt();
  const { listed, date1904 } = await readWorkbook(file, workbookPart);
  const targets = await readWorksheetTargets(file, relsPart);
  // Chart sheets have no rows: only the worksheets, in the workbook's order.
  const worksheets = listed.flatMap((sheet) => {
    const target = targets.get(sheet.rel);
    if (target === undefined) return [];
    const entry = byName.get(target);
    if (!entry) throw corrupt();
    return [{ name: sheet.name, entry }];
  });
  if (worksheets.length === 0) throw fileError('no_sheet');
  const parts = await locateEntries(
    file,
    worksheets.map((w) => w.entry),
  );
  const sheets: Sheet[] = worksheets.map((w, i) => ({ name: w.name, part: parts[i] as LocatedEntry }));
  const book: Book = {
    dates: stylesPart ? await readDateFormats(file, stylesPart) : [],
    strings: stringsPart ? await readSharedStrings(file, stringsPart) : [],
    date1904,
  };

  let chosen: Sheet | undefined;
  if (options.sheet !== undefined) {
    chosen = sheets.find((s) => s.name === options.sheet);
    if (!chosen) throw fileError('no_sheet', { sheet: options.sheet });
  } else if (sheets.length === 1) chosen = sheets[0];
  else {
    const heads: RawRow[][] = [];
    for (const sheet of sheets) {
      // Each sheet's first rows only, then its stream is let go.
      const rows = sheetRows(file, sheet.part, book);
      try {
        heads.push((await readHead(rows)).head);
      } finally {
        await rows.return(undefined);
      }
    }
    chosen = sheets[options.pick(heads)];
  }
  if (!chosen) throw fileError('no_sheet');
  const batches = sheetRows(file, chosen.part, book);
  return { sheet: chosen.name, format: 'xlsx', batches, close: () => void batches.return(undefined) };
}

/**
 * A part's XML, read as it inflates, yielding after each chunk (so a sheet's rows are handed over
 * while it is read). A part that is not well-formed XML is corrupt.
 */
async function* parse(file: string, part: LocatedEntry, handlers: XmlHandlers): AsyncGenerator<void> {
  const xml = new XmlScanner(handlers);
  const decoder = new TextDecoder();
  try {
    for await (const chunk of entryData(file, part)) {
      // A multi-byte character split between chunks waits in the decoder for its other bytes.
      xml.write(decoder.decode(chunk, { stream: true }));
      yield;
    }
    xml.write(decoder.decode());
    xml.end();
  } catch (error) {
    throw error instanceof SheetFileError ? error : corrupt();
  }
}

/** A whole part parsed: the handlers collect what they need. */
async function parseWhole(file: string, part: LocatedEntry, handlers: XmlHandlers): Promise<void> {
  for await (const _ of parse(file, part, handlers)) {
    // nothing to hand over between chunks
  }
}

/** The sheets the workbook lists, in tab order, by relationship id; and its date system. */
async function readWorkbook(file: string, part: LocatedEntry) {
  const listed: { name: string; rel: string }[] = [];
  let date1904 = false;
  await parseWhole(file, part, {
    open(name, attributes) {
      if (name === 'sheet') {
        // r:id, whatever the prefix of the relationships namespace.
        const rel = attributes.find((key) => key.endsWith(':id'));
        listed.push({ name: attributes.get('name') ?? '', rel: rel ?? '' });
      } else if (name === 'workbookPr') {
        const value = attributes.get('date1904');
        date1904 = value === '1' || value === 'true';
      }
    },
  });
  return { listed, date1904 };
}

/** Worksheet parts by relationship id, as paths in the zip. */
async function readWorksheetTargets(file: string, part: LocatedEntry): Promise<Map<string, string>> {
  const targets = new Map<string, string>();
  await parseWhole(file, part, {
    open(name, attributes) {
      if (name !== 'Relationship') return;
      const [Id, Type, Target] = ['Id', 'Type', 'Target'].map((key) => attributes.get(key));
      if (!Id || !Target || !Type?.endsWith('/worksheet')) return;
      // Relative to the workbook's folder, or absolute within the package.
      targets.set(Id, Target.startsWith('/') ? Target.slice(1) : path.posix.normalize(`xl/${Target}`));
    },
  });
  return targets;
}

/**
 * Built-in number formats that show a date or time: 14–22 and 45–47 everywhere, and in Chinese,
 * Japanese and Korean Excel also 27–36 and 50–58 (e.g. 31 is yyyy"年"m"月"d"日").
 */
const builtInDates = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54,
  55, 56, 57, 58,
]);

/** Whether a format code shows a date or time: y, m, d, h or s outside quotes, brackets and escapes. */
function isDateFormat(code: string): boolean {
  return /[ymdhs]/i.test(code.replace(/"[^"]*"|\[[^\]]*\]|\\.|[_*]./g, ''));
}

/** By cell format index: whether the format shows a date. */
async function readDateFormats(file: string, part: LocatedEntry): Promise<boolean[]> {
  const codes = new Map<number, string>();
  const formats: number[] = [];
  let inCellFormats = false;
  await parseWhole(file, part, {
    open(name, attributes) {
      if (name === 'numFmt')
        codes.set(Number(attributes.get('numFmtId')), attributes.get('formatCode') ?? '');
      else if (name === 'cellXfs') inCellFormats = true;
      else if (name === 'xf' && inCellFormats) formats.push(Number(attributes.get('numFmtId') ?? 0));
    },
    close(name) {
      if (name === 'cellXfs') inCellFormats = false;
    },
  });
  return formats.map((id) => {
    const code = codes.get(id);
    return code === undefined ? builtInDates.has(id) : isDateFormat(code);
  });
}

/** `_x000D_` is how a spreadsheet's XML writes a character XML cannot carry (`_x005F_` an underscore). */
function unescapeText(text: string): string {
  return text.includes('_x')
    ? text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)))
    : text;
}

/** Each shared string's text: its runs joined, without phonetic guides (rPh). */
async function readSharedStrings(file: string, part: LocatedEntry): Promise<string[]> {
  const strings: string[] = [];
  let text = '';
  let inText = false;
  let phonetic = 0;
  await parseWhole(file, part, {
    open(name) {
      if (name === 't') inText = phonetic === 0;
      else if (name === 'si') text = '';
      else if (name === 'rPh') phonetic++;
    },
    text(t) {
      if (inText) text += t;
    },
    close(name) {
      if (name === 't') inText = false;
      else if (name === 'si') strings.push(unescapeText(text));
      else if (name === 'rPh') phonetic--;
    },
  });
  return strings;
}

/** Excel's largest row and column (XFD). */
const maxRow = 1_048_576;
const maxColumn = 16_384;
/** Rows handed over at a time: fewer awaits than one batch per chunk of XML. */
const batchRows = 500;

/** The column of a cell reference ("AB12" → 28). */
function columnOf(ref: string): number {
  let column = 0;
  for (let i = 0; i < ref.length; i++) {
    const code = ref.charCodeAt(i) | 0x20; // lower case
    if (code < 97 || code > 122) break;
    column = column * 26 + code - 96;
  }
  return column;
}

/** A day count since Excel's epoch as the moment it names (UTC), in the workbook's date system. */
function excelDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86_400_000));
}

/** A `t="d"` cell: an ISO 8601 date, read as UTC when it gives no zone. */
function isoDate(text: string): RawCell {
  const zoned = /(Z|[+-]\d\d:?\d\d)$/i.test(text);
  const date = new Date(zoned ? text : `${text.includes('T') ? text : `${text}T00:00:00`}Z`);
  return Number.isNaN(date.getTime()) ? text : date;
}

/** A cell as the parsers take it, from its type, format, value text and formula. */
function cellValue(
  book: Book,
  type: string,
  format: number,
  text: string,
  formula: string | undefined,
): RawCell {
  // A formula with no stored result, or an error for one, has no value to read.
  if (formula !== undefined && (text === '' || type === 'e')) return { error: `=${formula}` };
  if (text === '') return null;
  switch (type) {
    case 's': {
      const shared = book.strings[Number(text)];
      if (shared === undefined) throw corrupt();
      return shared === '' ? null : shared;
    }
    case 'str':
    case 'inlineStr':
      return unescapeText(text);
    case 'b':
      return text === '1' || text === 'true';
    case 'e':
      return { error: text };
    case 'd':
      return isoDate(text);
  }
  const number = Number(text);
  // Not a number: the text goes on as it is, for the column's parser to refuse by name.
  if (Number.isNaN(number)) return text;
  return book.dates[format] ? excelDate(number, book.date1904) : number;
}

/** A worksheet's rows, a batch at a time, each row's cells from column A to its last with a value (null between). */
async function* sheetRows(file: string, part: LocatedEntry, book: Book): AsyncGenerator<RawRow[]> {
  let rows: RawRow[] = [];
  let cells: RawCell[] | null = null;
  let rowNumber = 0;
  // The cell being read.
  let column = 0;
  let type = '';
  let format = 0;
  let text = '';
  let formula: string | undefined;
  /** What text goes to: nothing, the value (v, or an inline string's t), or the formula (f). */
  let into: 'none' | 'value' | 'formula' = 'none';
  let inline = false;
  let phonetic = 0;

  const handlers: XmlHandlers = {
    open(name, attributes) {
      switch (name) {
        case 'row': {
          const r = attributes.get('r');
          rowNumber = r === undefined ? rowNumber + 1 : Number(r);
          if (!Number.isInteger(rowNumber) || rowNumber < 1 || rowNumber > maxRow) throw corrupt();
          cells = [];
          column = 0;
          break;
        }
        case 'c': {
          const r = attributes.get('r');
          const s = attributes.get('s');
          column = r === undefined ? column + 1 : columnOf(r);
          if (column < 1 || column > maxColumn) throw corrupt();
          type = attributes.get('t') ?? 'n';
          format = s === undefined ? 0 : Number(s);
          text = '';
          formula = undefined;
          break;
        }
        case 'v':
          into = 'value';
          break;
        case 'f':
          into = 'formula';
          formula = '';
          break;
        case 'is':
          inline = true;
          break;
        case 't':
          if (inline && phonetic === 0) into = 'value';
          break;
        case 'rPh':
          phonetic++;
          break;
      }
    },
    text(t) {
      if (into === 'value') text += t;
      else if (into === 'formula') formula += t;
    },
    close(name) {
      switch (name) {
        case 'v':
        case 't':
        case 'f':
          into = 'none';
          break;
        case 'is':
          inline = false;
          break;
        case 'rPh':
          phonetic--;
          break;
        case 'c': {
          if (!cells) break;
          // A cell with a format but no value is as blank as no cell.
          const value = cellValue(book, type, format, text, formula);
          if (value === null) break;
          while (cells.length < column - 1) cells.push(null);
          cells[column - 1] = value;
          break;
        }
        case 'row':
          if (cells) rows.push({ number: rowNumber, cells });
          cells = null;
          break;
      }
    },
  };

  // Damage found at the end (a CRC) comes after the rows read before it, as with any other.
  let damage: unknown;
  try {
    for await (const _ of parse(file, part, handlers)) {
      if (rows.length >= batchRows) {
        yield rows;
        rows = [];
      }
    }
  } catch (error) {
    damage = error;
  }
  if (rows.length > 0) yield rows;
  if (damage !== undefined) throw damage;
}
