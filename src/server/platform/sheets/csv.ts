/**
 * CSV as offices produce it: Excel's "CSV" (GBK on Chinese Windows), "CSV UTF-8" (with BOM),
 * WPS and exports from other systems (UTF-8, no BOM); CRLF or LF; quoted fields with commas,
 * quotes and line breaks; Excel's "Unicode text" (UTF-16 with tabs).
 */
import fs from 'node:fs';
import { fileError } from './problems.js';
import type { RawRow, RowSource } from './rows.js';

export type CsvEncoding = 'utf-8' | 'gb18030' | 'utf-16le' | 'utf-16be';

/** One CSV record: `row` is its 1-based position, the row Excel shows when it opens the file. */
export interface CsvRecord {
  row: number;
  cells: string[];
}

/** A field longer than this is a missing closing quote (or not text at all), not data. */
const maxFieldLength = 1 << 20;

/** Bytes of non-ASCII text to see before choosing: a few characters can pass for either encoding. */
const decideAfter = 4096;

/**
 * Decodes without being told the encoding: a BOM decides; otherwise the first 4 KiB from the
 * first non-ASCII byte on decide, strict UTF-8 if they are valid UTF-8, else GB18030 (a
 * superset of GBK).
 */
export class TextSniffer {
  encoding: CsvEncoding | undefined;
  private decoder: TextDecoder | undefined;
  private held: Buffer | undefined;
  private started = false;

  /** Text of the next chunk; throws 'not_a_spreadsheet' or 'bad_encoding' when it is not text. */
  decode(chunk: Buffer, row: number): string {
    if (!this.started) {
      this.started = true;
      if (chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) this.use('utf-8');
      else if (chunk[0] === 0xff && chunk[1] === 0xfe) this.use('utf-16le');
      else if (chunk[0] === 0xfe && chunk[1] === 0xff) this.use('utf-16be');
      else if (chunk.includes(0)) throw fileError('not_a_spreadsheet');
    }
    if (this.decoder) return this.run(chunk, row, false);
    if (!this.held && !chunk.some((byte) => byte >= 0x80)) return chunk.toString('latin1');
    this.held = this.held ? Buffer.concat([this.held, chunk]) : chunk;
    return this.held.length < decideAfter ? '' : this.decide(row, false);
  }

  /** The rest of the text held back (undecided bytes, an incomplete character). */
  flush(row: number): string {
    if (!this.decoder) return this.held ? this.decide(row, true) : '';
    return this.run(Buffer.alloc(0), row, true);
  }

  private use(encoding: CsvEncoding): void {
    this.encoding = encoding;
    this.decoder = new TextDecoder(encoding, { fatal: true });
  }

  private run(chunk: Buffer, row: number, final: boolean): string {
    try {
      return (this.decoder as TextDecoder).decode(chunk, { stream: !final });
    } catch {
      throw fileError('bad_encoding', { row });
    }
  }

  private decide(row: number, final: boolean): string {
    const held = this.held ?? Buffer.alloc(0);
    this.held = undefined;
    for (const encoding of ['utf-8', 'gb18030'] as const) {
      try {
        new TextDecoder(encoding, { fatal: true }).decode(held, { stream: !final });
      } catch {
        continue;
      }
      this.use(encoding);
      return this.run(held, row, final);
    }
    // Neither decodes: at the very start it is not a text file; further in, a damaged one.
    throw row <= 1 ? fileError('not_a_spreadsheet') : fileError('bad_encoding', { row });
  }
}

/** Where the parser stands: at a field's start, inside an unquoted or quoted field, or just after a quote inside one. */
type State = 'start' | 'unquoted' | 'quoted' | 'quote';

/** An RFC 4180 parser fed text in pieces; lenient where Excel is (a stray quote mid-field is kept). */
export class CsvParser {
  /** Records completed so far. */
  rows = 0;
  private state: State = 'start';
  private field = '';
  private record: string[] = [];
  private skipLf = false;

  constructor(private readonly delimiter: string) {}

  /** Parse `text`, appending every completed record to `out`. */
  push(text: string, out: CsvRecord[]): void {
    const { delimiter } = this;
    const n = text.length;
    let i = 0;
    while (i < n) {
      const c = text[i] as string;
      if (this.skipLf) {
        this.skipLf = false;
        if (c === '\n') {
          i++;
          continue;
        }
      }
      switch (this.state) {
        case 'start':
        case 'unquoted': {
          if (this.state === 'start' && c === '"') {
            this.state = 'quoted';
            i++;
            break;
          }
          let j = i;
          while (j < n) {
            const d = text[j];
            if (d === delimiter || d === '\n' || d === '\r') break;
            j++;
          }
          if (j > i) {
            this.append(text.slice(i, j));
            this.state = 'unquoted';
          }
          if (j < n) this.separator(text[j] as string, out);
          i = j + 1;
          break;
        }
        case 'quoted': {
          const j = text.indexOf('"', i);
          if (j < 0) {
            this.append(text.slice(i));
            i = n;
          } else {
            this.append(text.slice(i, j));
            this.state = 'quote';
            i = j + 1;
          }
          break;
        }
        case 'quote':
          if (c === '"') {
            this.append('"');
            this.state = 'quoted';
          } else if (c === delimiter || c === '\n' || c === '\r') {
            this.separator(c, out);
          } else {
            this.append(c);
            this.state = 'unquoted';
          }
          i++;
          break;
      }
    }
  }

  /** Finish at end of input. */
  end(out: CsvRecord[]): void {
    if (this.state === 'quoted') throw fileError('unclosed_quote', { row: this.rows + 1 });
    if (this.state !== 'start' || this.record.length > 0) this.endRecord(out);
  }

  private append(text: string): void {
    this.field += text;
    if (this.field.length > maxFieldLength) {
      throw this.state === 'quoted' || this.state === 'quote'
        ? fileError('unclosed_quote', { row: this.rows + 1 })
        : fileError('not_a_spreadsheet');
    }
  }

  private separator(c: string, out: CsvRecord[]): void {
    if (c === this.delimiter) {
      this.record.push(this.field);
      this.field = '';
      this.state = 'start';
      return;
    }
    this.endRecord(out);
    if (c === '\r') this.skipLf = true;
  }

  private endRecord(out: CsvRecord[]): void {
    this.record.push(this.field);
    this.rows++;
    out.push({ row: this.rows, cells: this.record });
    this.record = [];
    this.field = '';
    this.state = 'start';
  }
}

/** Tabs for Excel's "Unicode text", else whichever of tab and comma the first line uses more. */
function guessDelimiter(text: string, encoding: CsvEncoding | undefined): string {
  if (encoding === 'utf-16le' || encoding === 'utf-16be')
    return text.includes(',') && !text.includes('\t') ? ',' : '\t';
  const lineEnd = text.search(/[\r\n]/);
  const line = lineEnd < 0 ? text : text.slice(0, lineEnd);
  const count = (c: string) => line.split(c).length - 1;
  return count('\t') > count(',') ? '\t' : ',';
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const controlCharacters = /[\u0000-\u0008\u000b\u000e-\u001f\u007f]/g;

/** Refuse what is plainly not a CSV: control characters, or markup (HTML saved as ".xls"). */
function checkLooksLikeText(text: string): void {
  const controls = text.match(controlCharacters)?.length ?? 0;
  if (controls > text.length / 1000 || /^\s*</.test(text)) throw fileError('not_a_spreadsheet');
}

/**
 * Undo what spreadsheets do to keep text as text: Excel's `="0123"` and the leading apostrophe
 * that writeCsv puts before text starting with = + - @ (so that it is not run as a formula).
 */
export function csvCell(text: string): string {
  if (text.length >= 3 && text.startsWith('="') && text.endsWith('"')) return text.slice(2, -1);
  if (text.length >= 2 && text[0] === "'" && '=+-@'.includes(text[1] as string)) return text.slice(1);
  return text;
}

/** The records of a CSV file, streamed in batches; `onEncoding` hears the encoding once known. */
export async function* csvRecords(
  file: string,
  onEncoding: (encoding: CsvEncoding) => void = () => {},
): AsyncGenerator<CsvRecord[]> {
  const sniffer = new TextSniffer();
  let reported = false;
  const report = () => {
    if (!reported && sniffer.encoding) {
      reported = true;
      onEncoding(sniffer.encoding);
    }
  };
  let parser: CsvParser | undefined;
  let pending = '';
  const out: CsvRecord[] = [];
  const stream = fs.createReadStream(file, { highWaterMark: 64 * 1024 });
  try {
    for await (const data of stream) {
      const row = (parser?.rows ?? 0) + 1;
      const text = sniffer.decode(data as Buffer, row);
      report();
      if (!parser) {
        // Wait for a whole first line (or 64 KiB) before choosing the delimiter.
        pending += text;
        if (!/[\r\n]/.test(pending) && pending.length < 65536) continue;
        checkLooksLikeText(pending);
        parser = new CsvParser(guessDelimiter(pending, sniffer.encoding));
        parser.push(pending, out);
        pending = '';
      } else {
        parser.push(text, out);
      }
      if (out.length > 0) yield out.splice(0);
    }
    const rest = pending + sniffer.flush((parser?.rows ?? 0) + 1);
    if (!parser) {
      if (rest === '') throw fileError('empty');
      checkLooksLikeText(rest);
      parser = new CsvParser(guessDelimiter(rest, sniffer.encoding));
      parser.push(rest, out);
    } else {
      parser.push(rest, out);
    }
    parser.end(out);
    // Nothing but ASCII: any of the encodings reads it; call it UTF-8.
    sniffer.encoding ??= 'utf-8';
    report();
    if (out.length > 0) yield out.splice(0);
  } finally {
    stream.destroy();
  }
}

/** The rows of a CSV file as a row source; `onEncoding` hears the encoding once it is known. */
export function openCsv(file: string, onEncoding: (encoding: CsvEncoding) => void): RowSource {
  const records = csvRecords(file, onEncoding);
  async function* batches(): AsyncGenerator<RawRow[]> {
    for await (const batch of records)
      yield batch.map((r) => ({ number: r.row, cells: r.cells.map(csvCell) }));
  }
  const generator = batches();
  return { sheet: '', format: 'csv', batches: generator, close: () => void generator.return(undefined) };
}
