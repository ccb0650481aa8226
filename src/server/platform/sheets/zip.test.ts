/**
 * The zip layer under the xlsx reader, on its own: zips built by hand (stored and deflated
 * entries, data descriptors, ZIP64 records), and the damage and lies a hostile or broken file
 * carries. Then the SpreadsheetML scanner held against a standard XML parser (saxes) over the
 * parts of a real workbook.
 */
import fs from 'node:fs';
import zlib from 'node:zlib';
import { SaxesParser } from 'saxes';
import { afterAll, describe, expect, it } from 'vitest';
import { SheetFileError } from './problems.js';
import { makeZip, tempDir, writePlanSheet } from './testing.js';
import { XmlScanner } from './xml.js';
import { checkDeclaredSize, entryData, locateEntries, readZipDirectory, type ZipEntry } from './zip.js';

const tmp = tempDir();
afterAll(() => tmp.remove());

let fileCount = 0;
function fixture(content: Buffer): string {
  const file = tmp.file(`z${++fileCount}.zip`);
  fs.writeFileSync(file, content);
  return file;
}

async function collect(file: string, entry: ZipEntry): Promise<Buffer> {
  const [located] = await locateEntries(file, [entry]);
  if (!located) throw new Error('not located');
  const chunks: Buffer[] = [];
  for await (const chunk of entryData(file, located)) chunks.push(chunk);
  return Buffer.concat(chunks);
}

/** Every entry's bytes, by name. */
async function readAll(file: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const entry of await readZipDirectory(file)) out[entry.name] = (await collect(file, entry)).toString();
  return out;
}

/** The reason of the ledger problem `run` fails with. */
async function reason(run: () => Promise<unknown>): Promise<string> {
  try {
    await run();
  } catch (error) {
    if (error instanceof SheetFileError) return error.problem.reason;
    throw error;
  }
  return 'no problem';
}

interface RawEntry {
  name: string;
  data: Buffer;
  deflate?: boolean;
  /** Sizes and CRC after the data (flag bit 3), zeros in the local header. */
  descriptor?: boolean;
  /** Sizes and offset as 0xffffffff in the central directory, the real ones in a ZIP64 extra field. */
  zip64?: boolean;
}

/**
 * A zip as writers other than `makeZip` make them: data descriptors, ZIP64 extra fields and
 * the ZIP64 end records (with `zip64End`, the classic end record's fields all 0xffff…).
 */
function writeZip(entries: readonly RawEntry[], zip64End = false): Buffer {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  const push = (b: Buffer) => {
    parts.push(b);
    offset += b.length;
  };
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const body = e.deflate ? zlib.deflateRawSync(e.data) : e.data;
    const crc = zlib.crc32(e.data);
    const flags = e.descriptor ? 8 : 0;
    const localOffset = offset;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(e.zip64 ? 45 : 20, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(e.deflate ? 8 : 0, 8);
    if (!e.descriptor) {
      local.writeUInt32LE(crc, 14);
      local.writeUInt32LE(body.length, 18);
      local.writeUInt32LE(e.data.length, 22);
    }
    local.writeUInt16LE(name.length, 26);
    push(local);
    push(name);
    push(body);
    if (e.descriptor) {
      const d = Buffer.alloc(16);
      d.writeUInt32LE(0x08074b50, 0);
      d.writeUInt32LE(crc, 4);
      d.writeUInt32LE(body.length, 8);
      d.writeUInt32LE(e.data.length, 12);
      push(d);
    }
    const extra = Buffer.alloc(e.zip64 ? 28 : 0);
    if (e.zip64) {
      extra.writeUInt16LE(1, 0);
      extra.writeUInt16LE(24, 2);
      extra.writeBigUInt64LE(BigInt(e.data.length), 4);
      extra.writeBigUInt64LE(BigInt(body.length), 12);
      extra.writeBigUInt64LE(BigInt(localOffset), 20);
    }
    const c = Buffer.alloc(46);
    c.writeUInt32LE(0x02014b50, 0);
    c.writeUInt16LE(45, 4);
    c.writeUInt16LE(e.zip64 ? 45 : 20, 6);
    c.writeUInt16LE(flags, 8);
    c.writeUInt16LE(e.deflate ? 8 : 0, 10);
    c.writeUInt32LE(crc, 16);
    c.writeUInt32LE(e.zip64 ? 0xffffffff : body.length, 20);
    c.writeUInt32LE(e.zip64 ? 0xffffffff : e.data.length, 24);
    c.writeUInt16LE(name.length, 28);
    c.writeUInt16LE(extra.length, 30);
    c.writeUInt32LE(e.zip64 ? 0xffffffff : localOffset, 42);
    central.push(c, name, extra);
  }
  const directory = Buffer.concat(central);
  const cdOffset = offset;
  push(directory);
  if (zip64End) {
    const record = Buffer.alloc(56);
    record.writeUInt32LE(0x06064b50, 0);
    record.writeBigUInt64LE(44n, 4);
    record.writeUInt16LE(45, 12);
    record.writeUInt16LE(45, 14);
    record.writeBigUInt64LE(BigInt(entries.length), 24);
    record.writeBigUInt64LE(BigInt(entries.length), 32);
    record.writeBigUInt64LE(BigInt(directory.length), 40);
    record.writeBigUInt64LE(BigInt(cdOffset), 48);
    const recordOffset = offset;
    push(record);
    const locator = Buffer.alloc(20);
    locator.writeUInt32LE(0x07064b50, 0);
    locator.writeBigUInt64LE(BigInt(recordOffset), 8);
    locator.writeUInt32LE(1, 16);
    push(locator);
  }
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(zip64End ? 0xffff : entries.length, 8);
  end.writeUInt16LE(zip64End ? 0xffff : entries.length, 10);
  end.writeUInt32LE(zip64End ? 0xffffffff : directory.length, 12);
  end.writeUInt32LE(zip64End ? 0xffffffff : cdOffset, 16);
  push(end);
  return Buffer.concat(parts);
}

const text = (n: number) => Buffer.from(Array.from({ length: n }, (_, i) => `第${i}行,曹门里\n`).join(''));
const a = text(200);
const b = text(3000);

describe('reading entries', () => {
  it('stored and deflated entries, as written', async () => {
    const file = fixture(
      writeZip([
        { name: 'a.txt', data: a },
        { name: 'b.txt', data: b, deflate: true },
      ]),
    );
    const entries = await readZipDirectory(file);
    expect(entries.map((e) => [e.name, e.method, e.uncompressedSize])).toEqual([
      ['a.txt', 0, a.length],
      ['b.txt', 8, b.length],
    ]);
    expect(await readAll(file)).toEqual({ 'a.txt': a.toString(), 'b.txt': b.toString() });
  });

  it('entries with data descriptors (sizes and CRC after the data, as streaming writers put them)', async () => {
    const file = fixture(
      writeZip([
        { name: 'a.txt', data: a, descriptor: true, deflate: true },
        { name: 'b.txt', data: b, descriptor: true },
      ]),
    );
    expect(await readAll(file)).toEqual({ 'a.txt': a.toString(), 'b.txt': b.toString() });
  });

  it('ZIP64: end records, and sizes and offsets in the extra field', async () => {
    const file = fixture(
      writeZip(
        [
          { name: 'a.txt', data: a, zip64: true },
          { name: 'b.txt', data: b, zip64: true, deflate: true, descriptor: true },
          { name: 'c.txt', data: a, deflate: true },
        ],
        true,
      ),
    );
    const entries = await readZipDirectory(file);
    expect(entries.map((e) => [e.name, e.uncompressedSize])).toEqual([
      ['a.txt', a.length],
      ['b.txt', b.length],
      ['c.txt', a.length],
    ]);
    expect(await readAll(file)).toEqual({
      'a.txt': a.toString(),
      'b.txt': b.toString(),
      'c.txt': a.toString(),
    });
  });

  it('an empty entry', async () => {
    const file = fixture(writeZip([{ name: 'empty', data: Buffer.alloc(0) }]));
    expect(await readAll(file)).toEqual({ empty: '' });
  });

  it('a zip with a comment after its end record', async () => {
    const zip = writeZip([{ name: 'a.txt', data: a, deflate: true }]);
    zip.writeUInt16LE(5, zip.length - 2);
    const file = fixture(Buffer.concat([zip, Buffer.from('hello')]));
    expect(await readAll(file)).toEqual({ 'a.txt': a.toString() });
  });
});

describe('damage and lies', () => {
  const good = () =>
    writeZip([
      { name: 'a.txt', data: a },
      { name: 'b.txt', data: b, deflate: true },
    ]);
  const centralAt = (zip: Buffer, n: number) => {
    let p = zip.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    for (let i = 0; i < n; i++) p = zip.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]), p + 4);
    return p;
  };
  const cases: [string, () => Buffer, string][] = [
    [
      'a stored entry whose bytes fail the CRC',
      () => {
        const zip = good();
        zip[40] = (zip[40] ?? 0) ^ 1;
        return zip;
      },
      'corrupt',
    ],
    [
      'a deflated entry whose CRC in the directory is wrong',
      () => {
        const zip = good();
        const p = centralAt(zip, 1);
        zip.writeUInt32LE((zip.readUInt32LE(p + 16) ^ 0xff) >>> 0, p + 16);
        return zip;
      },
      'corrupt',
    ],
    [
      'deflated data that is not deflate',
      () => {
        const zip = good();
        const at = zip.indexOf(Buffer.from('b.txt')) + 5;
        for (let i = at; i < at + 12; i++) zip[i] = 0xff;
        return zip;
      },
      'corrupt',
    ],
    ['a file cut short (no end record)', () => good().subarray(0, 400), 'corrupt'],
    ['a file cut to its last 10 bytes', () => good().subarray(-10), 'corrupt'],
    [
      'an entry declaring fewer bytes than it inflates to (a bomb)',
      () => {
        const zip = good();
        zip.writeUInt32LE(100, centralAt(zip, 1) + 24);
        return zip;
      },
      'too_large_uncompressed',
    ],
    [
      'an entry declaring more bytes than it holds',
      () => {
        const zip = good();
        const p = centralAt(zip, 0);
        zip.writeUInt32LE(zip.readUInt32LE(p + 24) + 1, p + 24);
        return zip;
      },
      'corrupt',
    ],
    [
      'a directory whose offset points past the data',
      () => {
        const zip = good();
        zip.writeUInt32LE(0x7fffffff, centralAt(zip, 1) + 42);
        return zip;
      },
      'corrupt',
    ],
    [
      'a directory naming an entry its local header does not',
      () => {
        const zip = good();
        zip.write('x', centralAt(zip, 0) + 46);
        return zip;
      },
      'corrupt',
    ],
    [
      'a directory and local header disagreeing on the method',
      () => {
        const zip = good();
        zip.writeUInt16LE(8, centralAt(zip, 0) + 10);
        return zip;
      },
      'corrupt',
    ],
    [
      'a compressed size running past the end of the file',
      () => {
        const zip = good();
        zip.writeUInt32LE(1 << 30, centralAt(zip, 1) + 20);
        return zip;
      },
      'corrupt',
    ],
    [
      'an end record counting more entries than the directory holds',
      () => {
        const zip = good();
        zip.writeUInt16LE(3, zip.length - 12);
        return zip;
      },
      'corrupt',
    ],
    [
      'an end record whose directory runs into it',
      () => {
        const zip = good();
        zip.writeUInt32LE(zip.readUInt32LE(zip.length - 6) + 8, zip.length - 6);
        return zip;
      },
      'corrupt',
    ],
    [
      'ZIP64 end fields without the ZIP64 locator',
      () => {
        const zip = good();
        zip.writeUInt16LE(0xffff, zip.length - 12);
        return zip;
      },
      'corrupt',
    ],
    [
      'a ZIP64 extra field shorter than the sizes it stands for',
      () => {
        const zip = writeZip([{ name: 'a.txt', data: a, zip64: true }]);
        zip.writeUInt16LE(8, centralAt(zip, 0) + 46 + 5 + 2);
        return zip;
      },
      'corrupt',
    ],
    [
      'an encrypted entry',
      () => {
        const zip = good();
        zip.writeUInt16LE(1, centralAt(zip, 0) + 8);
        return zip;
      },
      'encrypted_or_legacy',
    ],
    [
      'an entry in a method the reader has not (bzip2)',
      () => {
        const zip = good();
        zip.writeUInt16LE(12, centralAt(zip, 0) + 10);
        zip.writeUInt16LE(12, 8);
        return zip;
      },
      'corrupt',
    ],
  ];
  it.each(cases)('%s', async (_, make, expected) => {
    const file = fixture(make());
    expect(await reason(() => readAll(file))).toBe(expected);
  });

  it('the declared-size check adds up every entry', async () => {
    const entries = await readZipDirectory(fixture(good()));
    expect(() => checkDeclaredSize(entries, a.length + b.length)).not.toThrow();
    expect(await reason(async () => checkDeclaredSize(entries, a.length + b.length - 1))).toBe(
      'too_large_uncompressed',
    );
  });

  it('a zip of its own from makeZip reads back', async () => {
    const file = fixture(makeZip([{ name: 'x', data: b, deflate: true }]));
    expect(await readAll(file)).toEqual({ x: b.toString() });
  });
});

type Event = ['open', string, Record<string, string>] | ['text', string] | ['close', string];

/** Adjacent text joined: parsers may hand text on in pieces anywhere. */
function joinText(events: Event[]): Event[] {
  const out: Event[] = [];
  for (const e of events) {
    const last = out[out.length - 1];
    if (e[0] === 'text' && last?.[0] === 'text') last[1] += e[1];
    else out.push(e[0] === 'text' ? ['text', e[1]] : e);
  }
  return out.filter((e) => e[0] !== 'text' || e[1] !== '');
}

/** What saxes, a conforming XML parser, reads: local names, attributes by qualified name, text. */
function saxesEvents(xml: string): Event[] {
  const events: Event[] = [];
  const parser = new SaxesParser({ xmlns: true });
  parser.on('opentag', (tag) => {
    const attributes: Record<string, string> = {};
    for (const [name, attribute] of Object.entries(tag.attributes)) attributes[name] = attribute.value;
    events.push(['open', tag.local, attributes]);
  });
  parser.on('text', (t) => {
    // Outside the root saxes reports the space between declaration and root; the scanner drops it.
    if (events.length > 0) events.push(['text', t]);
  });
  parser.on('cdata', (t) => events.push(['text', t]));
  parser.on('closetag', (tag) => events.push(['close', tag.local]));
  parser.write(xml).close();
  return joinText(events);
}

/** What the scanner reads, fed in pieces of `size` characters; each attribute saxes saw, asked for by name. */
function scannerEvents(xml: string, size: number, names: (n: number) => string[]): Event[] {
  const events: Event[] = [];
  let opened = 0;
  const scanner = new XmlScanner({
    open(name, attributes) {
      const values: Record<string, string> = {};
      for (const key of names(opened++)) values[key] = attributes.get(key) ?? '(missing)';
      events.push(['open', name, values]);
    },
    text: (t) => events.push(['text', t]),
    close: (name) => events.push(['close', name]),
  });
  for (let i = 0; i < xml.length; i += size) scanner.write(xml.slice(i, i + size));
  scanner.end();
  return joinText(events);
}

function compare(xml: string) {
  const expected = saxesEvents(xml);
  const opens = expected.filter((e) => e[0] === 'open');
  const names = (n: number) => Object.keys(opens[n]?.[2] ?? {});
  for (const size of [xml.length, 4096, 7, 1]) expect(scannerEvents(xml, size, names)).toEqual(expected);
  return expected;
}

describe('the SpreadsheetML scanner reads what a standard XML parser reads', () => {
  it('every XML part of a workbook Excel-compatible software wrote, fed whole and in pieces', async () => {
    const file = tmp.file('plan.xlsx');
    await writePlanSheet(file);
    const parts = await readAll(file);
    const xmlParts = Object.entries(parts).filter(([name]) => /\.(xml|rels)$/.test(name));
    expect(xmlParts.map(([name]) => name)).toEqual(
      expect.arrayContaining([
        'xl/workbook.xml',
        'xl/styles.xml',
        'xl/sharedStrings.xml',
        'xl/worksheets/sheet1.xml',
      ]),
    );
    for (const [, xml] of xmlParts) expect(compare(xml).length).toBeGreaterThan(0);
  });

  it('what hand-edited parts hold: references, CDATA, comments, line ends, prefixes, quotes', () => {
    const xml =
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n' +
      '<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="urn:r">' +
      '<!-- a comment with <tags> & such --><x:sheetData>' +
      '<x:row r=\'1\' spans="1:3"><x:c r="A1" t="inlineStr" r:id=\'a&amp;b&#x41;&#66;\'><x:is><x:t xml:space="preserve"> 曹门&lt;里&gt; &quot;甲&apos; &#x1F3E0;\r\n第二行\r第三行 </x:t></x:is></x:c>' +
      '<x:c r="B1"><x:f>SUM(A1:A2)&gt;0</x:f><x:v>1</x:v></x:c>' +
      '<x:c r="C1" t="str"><x:v><![CDATA[<b>粗</b> & ]]]]><![CDATA[>]]></x:v></x:c></x:row>' +
      '<x:row r="2" ht="\t15\n"/></x:sheetData></x:worksheet>';
    const events = compare(xml);
    expect(events).toContainEqual(['text', ' 曹门<里> "甲\' 🏠\n第二行\n第三行 ']);
    expect(events).toContainEqual(['text', '<b>粗</b> & ]]>']);
  });
});
