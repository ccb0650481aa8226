import { describe, expect, it } from 'vitest';
import { CsvParser, type CsvRecord, csvCell, TextSniffer } from './csv.js';
import { SheetFileError } from './problems.js';
import { encodeGbk } from './testing.js';

function parse(text: string, pieces = 1, delimiter = ','): string[][] {
  const parser = new CsvParser(delimiter);
  const out: CsvRecord[] = [];
  const size = Math.ceil(text.length / pieces);
  for (let i = 0; i < text.length; i += size) parser.push(text.slice(i, i + size), out);
  parser.end(out);
  return out.map((r) => r.cells);
}

describe('CsvParser', () => {
  const cases: [string, string[][]][] = [
    [
      'a,b,c\r\n1,2,3\r\n',
      [
        ['a', 'b', 'c'],
        ['1', '2', '3'],
      ],
    ],
    [
      'a,b\n1,2',
      [
        ['a', 'b'],
        ['1', '2'],
      ],
    ],
    [
      'a,b\r1,2\r',
      [
        ['a', 'b'],
        ['1', '2'],
      ],
    ],
    ['"a,1","b ""q""",c\n', [['a,1', 'b "q"', 'c']]],
    ['"line\r\nbreak",x\n', [['line\r\nbreak', 'x']]],
    [',,\n', [['', '', '']]],
    ['a\n\nb\n', [['a'], [''], ['b']]],
    ['"",x\n', [['', 'x']]],
    ['ab"c,d\n', [['ab"c', 'd']]],
    ['"ab"c,d\n', [['abc', 'd']]],
    ['x,"y"', [['x', 'y']]],
  ];
  it.each(cases)('%j', (text, expected) => {
    expect(parse(text)).toEqual(expected);
  });

  it('gives the same records however the text is cut', () => {
    const text = '小区,"备注, ""含引号""\r\n第二行"\r\n甲,1\r\n乙,"2"\r\n';
    const whole = parse(text);
    for (let pieces = 2; pieces <= text.length; pieces++) expect(parse(text, pieces)).toEqual(whole);
  });

  it('numbers records as Excel shows rows, a quoted line break staying in its row', () => {
    const parser = new CsvParser(',');
    const out: CsvRecord[] = [];
    parser.push('h\n"a\nb"\nc\n', out);
    parser.end(out);
    expect(out.map((r) => r.row)).toEqual([1, 2, 3]);
  });

  it('refuses an unclosed quote', () => {
    expect(() => parse('a\n"b,c\nd\n')).toThrow(SheetFileError);
  });
});

describe('TextSniffer', () => {
  it('decides GBK from the first non-ASCII chunk, keeping characters cut between chunks', () => {
    const bytes = encodeGbk('小区名称,产权人\r\n曹门里,王某甲\r\n');
    const sniffer = new TextSniffer();
    let text = sniffer.decode(Buffer.from('plain ascii\r\n'), 1);
    for (let i = 0; i < bytes.length; i += 3) text += sniffer.decode(bytes.subarray(i, i + 3), 1);
    text += sniffer.flush(1);
    expect(sniffer.encoding).toBe('gb18030');
    expect(text).toBe('plain ascii\r\n小区名称,产权人\r\n曹门里,王某甲\r\n');
  });

  it('prefers UTF-8 when the bytes are valid UTF-8', () => {
    const sniffer = new TextSniffer();
    expect(sniffer.decode(Buffer.from('小区名称'), 1) + sniffer.flush(1)).toBe('小区名称');
    expect(sniffer.encoding).toBe('utf-8');
    const long = '示例·曹门里小区,王某甲\r\n'.repeat(200);
    const streaming = new TextSniffer();
    expect(streaming.decode(Buffer.from(long), 1)).toBe(long);
    expect(streaming.encoding).toBe('utf-8');
  });
});

describe('csvCell', () => {
  const cases: [string, string][] = [
    ['="0301"', '0301'],
    ["'=SUM(A1)", '=SUM(A1)'],
    ["'-", '-'],
    ["'abc", "'abc"],
    ['plain', 'plain'],
  ];
  it.each(cases)('%j → %j', (text, expected) => {
    expect(csvCell(text)).toBe(expected);
  });
});
