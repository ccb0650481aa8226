/**
 * The XML of a workbook's parts, read as it streams in: open tags with their attributes, text
 * and close tags, by local name (`x:row` is `row`).
 *
 * Not a general XML parser, and not saxes: SpreadsheetML parts are plain elements, attributes and
 * text, so this reads just that, jumping between tags with `indexOf` and reading a tag's
 * attributes only when the reader asks for them. saxes checks every character against XML's
 * grammar; reading a 500k-row household sheet (184 MB of XML) into rows took 12–16 s with it and
 * 8–9 s with this, in three alternating pairs: the largest part of an import's own work.
 *
 * What a damaged or hand-broken part shows is refused (`MalformedXml`): tags that do not nest,
 * an element left open at the end, text outside the root, an unknown entity, an unquoted or
 * unterminated attribute, a document type declaration (no workbook has one; refusing it also
 * refuses entity expansion). Names are not checked character by character.
 */

export class MalformedXml extends Error {}

const malformed = (what: string) => new MalformedXml(`malformed XML: ${what}`);

/** A tag's attributes, as written, read only when asked for. */
export class Attributes {
  private source = '';
  /** Per attribute of the tag being read, where in `source` its name and its value start and end. */
  private readonly spans: number[] = [];
  private length = 0;

  /** The attribute's value, or undefined when the tag has none by that name (prefix and all). */
  get(name: string): string | undefined {
    const { spans, source } = this;
    for (let i = 0; i < this.length; i += 4) {
      const start = spans[i] as number;
      if ((spans[i + 1] as number) - start === name.length && source.startsWith(name, start))
        return attributeValue(source.slice(spans[i + 2], spans[i + 3]));
    }
    return undefined;
  }

  /** The first attribute whose name passes `test`, decoded (e.g. `r:id` whatever the prefix). */
  find(test: (name: string) => boolean): string | undefined {
    const { spans, source } = this;
    for (let i = 0; i < this.length; i += 4) {
      if (test(source.slice(spans[i], spans[i + 1])))
        return attributeValue(source.slice(spans[i + 2], spans[i + 3]));
    }
    return undefined;
  }

  /** @internal the scanner's: a new tag, in `source`. */
  reset(source: string) {
    this.source = source;
    this.length = 0;
  }

  /** @internal the scanner's */
  add(nameStart: number, nameEnd: number, valueStart: number, valueEnd: number) {
    const { spans } = this;
    spans[this.length++] = nameStart;
    spans[this.length++] = nameEnd;
    spans[this.length++] = valueStart;
    spans[this.length++] = valueEnd;
  }
}

export interface XmlHandlers {
  /** An element opens; a self-closing one then closes at once. `attributes` is valid only during the call. */
  open(name: string, attributes: Attributes): void;
  text?(text: string): void;
  close?(name: string): void;
}

const named = new Map([
  ['amp', '&'],
  ['lt', '<'],
  ['gt', '>'],
  ['quot', '"'],
  ['apos', "'"],
]);
const reference = /&(?:#x([0-9a-fA-F]{1,6})|#([0-9]{1,7})|([a-z]+));|&/g;

/** Entity and character references replaced; a bare `&` or an unknown name is malformed. */
function decode(raw: string): string {
  if (!raw.includes('&')) return raw;
  return raw.replace(reference, (_, hex?: string, decimal?: string, name?: string) => {
    const code = hex ? Number.parseInt(hex, 16) : decimal ? Number(decimal) : undefined;
    if (code !== undefined) {
      if (code > 0x10ffff) throw malformed('character reference out of range');
      return String.fromCodePoint(code);
    }
    const text = name === undefined ? undefined : named.get(name);
    if (text === undefined) throw malformed(`unknown entity &${name ?? ''}`);
    return text;
  });
}

/** Text as XML hands it on: line ends as \n. */
function textValue(raw: string): string {
  const text = decode(raw);
  return text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
}

/** An attribute value as XML hands it on: tabs and line ends as spaces. */
function attributeValue(raw: string): string {
  // Most are a few plain characters: one look at each.
  let plain = true;
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c === 60 /* < */) throw malformed('< in an attribute value');
    if (c === 38 /* & */ || c === 9 || c === 10 || c === 13) plain = false;
  }
  return plain ? raw : decode(raw).replace(/\r\n|[\t\n\r]/g, ' ');
}

/** The longest markup (a tag, comment or CDATA section) read: 1 MB. */
const maxPending = 1 << 20;

const isSpace = (c: number) => c === 32 || c === 9 || c === 10 || c === 13;
/** What ends a name besides space: = and what may not be in it. */
const endsName = (c: number) => c === 61 || c === 60 || c === 62 || c === 47 || c === 34 || c === 39;

/** Where the name starting at `pos` ends (the text's length if it goes on past it). */
function nameEnd(buf: string, pos: number): number {
  while (pos < buf.length && !isSpace(buf.charCodeAt(pos)) && !endsName(buf.charCodeAt(pos))) pos++;
  return pos;
}

/** The first position from `pos` that is not space (the text's length if none). */
function skipSpace(buf: string, pos: number): number {
  while (pos < buf.length && isSpace(buf.charCodeAt(pos))) pos++;
  return pos;
}

/**
 * Reads XML fed in pieces of any size (`write`), then `end`. Handlers are called as each piece is
 * read; what a piece leaves unfinished (a tag, a reference) waits for the next.
 */
export class XmlScanner {
  private rest = '';
  /** The open elements: qualified names, and local ones as the handlers get them (sliced once). */
  private readonly open: string[] = [];
  private readonly openLocal: string[] = [];
  private rootSeen = false;
  private readonly attributes = new Attributes();

  constructor(private readonly handlers: XmlHandlers) {}

  write(piece: string): void {
    const buf = this.rest.length > 0 ? this.rest + piece : piece;
    this.rest = buf.slice(this.scan(buf));
    // What waits is markup not yet finished, read again with each piece: a tag, comment or
    // CDATA section that long is no workbook's, and would make reading it quadratic.
    if (this.rest.length > maxPending) throw malformed('markup longer than 1 MB');
  }

  end(): void {
    if (this.rest.length > 0) {
      if (this.rest.includes('<')) throw malformed('unterminated markup at the end');
      this.text(this.rest);
      this.rest = '';
    }
    if (this.open.length > 0) throw malformed(`<${this.open[this.open.length - 1]}> not closed`);
    if (!this.rootSeen) throw malformed('no root element');
  }

  /** Reads what it can of `buf`; returns where the unfinished part starts. */
  private scan(buf: string): number {
    let pos = 0;
    for (;;) {
      const lt = buf.indexOf('<', pos);
      if (lt < 0) {
        // Text that goes on into the next piece: hand on what is whole, up to a reference that
        // may not be (and a \r whose \n may come next).
        const amp = buf.lastIndexOf('&');
        let keep = amp >= pos && buf.indexOf(';', amp) < 0 ? amp : buf.length;
        if (keep > pos && buf.charCodeAt(keep - 1) === 13) keep--;
        if (keep > pos) this.text(buf.slice(pos, keep));
        return keep;
      }
      if (lt > pos) this.text(buf.slice(pos, lt));
      const next = buf.charCodeAt(lt + 1);
      let after: number;
      if (next === 47 /* / */) after = this.closeTag(buf, lt);
      else if (next === 33 /* ! */) after = this.special(buf, lt);
      else if (next === 63 /* ? */) {
        const close = buf.indexOf('?>', lt + 2);
        after = close < 0 ? -1 : close + 2;
      } else if (Number.isNaN(next)) after = -1;
      else after = this.openTag(buf, lt);
      if (after < 0) return lt;
      pos = after;
    }
  }

  private text(raw: string) {
    if (this.open.length === 0) {
      if (/\S/.test(raw)) throw malformed('text outside the root element');
      return;
    }
    this.handlers.text?.(textValue(raw));
  }

  /** `<name attr="v" …>` or `<name …/>`; -1 when the tag goes on into the next piece. */
  private openTag(buf: string, lt: number): number {
    const length = buf.length;
    let pos = nameEnd(buf, lt + 1);
    if (pos >= length) return -1;
    const name = buf.slice(lt + 1, pos);
    if (name === '') throw malformed('a tag without a name');
    const { attributes } = this;
    attributes.reset(buf);
    for (;;) {
      pos = skipSpace(buf, pos);
      if (pos >= length) return -1;
      const c = buf.charCodeAt(pos);
      if (c === 62 /* > */ || c === 47 /* / */) {
        const selfClosing = c === 47;
        if (selfClosing) {
          if (pos + 1 >= length) return -1;
          if (buf.charCodeAt(pos + 1) !== 62) throw malformed(`/ inside <${name}>`);
        }
        this.element(name, selfClosing);
        return pos + (selfClosing ? 2 : 1);
      }
      const nameStart = pos;
      const attributeEnd = nameEnd(buf, pos);
      pos = skipSpace(buf, attributeEnd);
      if (pos >= length) return -1;
      if (attributeEnd === nameStart || buf.charCodeAt(pos) !== 61 /* = */)
        throw malformed(`an attribute of <${name}>`);
      pos = skipSpace(buf, pos + 1);
      if (pos >= length) return -1;
      const quote = buf.charCodeAt(pos);
      if (quote !== 34 && quote !== 39) throw malformed(`an unquoted attribute of <${name}>`);
      const close = buf.indexOf(quote === 34 ? '"' : "'", pos + 1);
      if (close < 0) return -1;
      attributes.add(nameStart, attributeEnd, pos + 1, close);
      pos = close + 1;
      const following = buf.charCodeAt(pos);
      if (pos < length && !isSpace(following) && following !== 62 && following !== 47)
        throw malformed(`an attribute of <${name}>`);
    }
  }

  private element(name: string, selfClosing: boolean) {
    if (this.open.length === 0) {
      if (this.rootSeen) throw malformed('a second root element');
      this.rootSeen = true;
    }
    const colon = name.indexOf(':');
    const local = colon < 0 ? name : name.slice(colon + 1);
    this.handlers.open(local, this.attributes);
    if (selfClosing) this.handlers.close?.(local);
    else {
      this.open.push(name);
      this.openLocal.push(local);
    }
  }

  private closeTag(buf: string, lt: number): number {
    const last = this.open.length - 1;
    const expected = this.open[last];
    let end = lt + 2 + (expected?.length ?? 0);
    // The usual case, `</name>` as it was opened, without taking the name out.
    if (expected === undefined || !buf.startsWith(expected, lt + 2) || buf.charCodeAt(end) !== 62) {
      end = buf.indexOf('>', lt + 2);
      if (end < 0) return -1;
      const name = buf.slice(lt + 2, end).trimEnd();
      if (name !== expected) throw malformed(`</${name}> where </${expected ?? ''}> was due`);
    }
    this.open.pop();
    this.handlers.close?.(this.openLocal.pop() as string);
    return end + 1;
  }

  /** A comment (skipped) or a CDATA section (its text as it is); a DOCTYPE is refused. */
  private special(buf: string, lt: number): number {
    if (buf.startsWith('<!--', lt)) {
      const close = buf.indexOf('-->', lt + 4);
      return close < 0 ? -1 : close + 3;
    }
    if (buf.startsWith('<![CDATA[', lt)) {
      const close = buf.indexOf(']]>', lt + 9);
      if (close < 0) return -1;
      if (this.open.length === 0) throw malformed('CDATA outside the root element');
      this.handlers.text?.(buf.slice(lt + 9, close));
      return close + 3;
    }
    // The piece ends before it tells which.
    if ('<!--'.startsWith(buf.slice(lt, lt + 4)) || '<![CDATA['.startsWith(buf.slice(lt, lt + 9))) return -1;
    throw malformed(buf.startsWith('<!DOCTYPE', lt) ? 'a document type declaration' : 'markup <!');
  }
}
