import { describe, expect, it } from 'vitest';
import { MalformedXml, XmlScanner } from './xml.js';

/**
 * What the handlers see: `<name a=v …` per open tag (the attributes asked for), text (consecutive
 * pieces joined) and `/name` per close tag.
 */
function events(pieces: readonly string[], asked: readonly string[] = []): string[] {
  const seen: string[] = [];
  const scanner = new XmlScanner({
    open(name, attributes) {
      const values = asked.flatMap((a) => {
        const v = attributes.get(a);
        return v === undefined ? [] : [`${a}=${v}`];
      });
      seen.push([`<${name}`, ...values].join(' '));
    },
    text(text) {
      const last = seen.length - 1;
      if (seen[last]?.startsWith('"')) seen[last] = `${seen[last]?.slice(0, -1)}${text}"`;
      else seen.push(`"${text}"`);
    },
    close(name) {
      seen.push(`/${name}`);
    },
  });
  for (const piece of pieces) scanner.write(piece);
  scanner.end();
  return seen;
}

describe('XmlScanner', () => {
  const cases: [string, string, string[], string[]][] = [
    ['elements and text', '<a><b>x</b>y</a>', [], ['<a', '<b', '"x"', '/b', '"y"', '/a']],
    ['self-closing: open, then close', '<a><b/><c /></a>', [], ['<a', '<b', '/b', '<c', '/c', '/a']],
    ['local names', '<x:a xmlns:x="u"><x:b/></x:a>', [], ['<a', '<b', '/b', '/a']],
    [
      'attributes: either quote, spaces around =, prefixed names',
      `<a r="A1" t = 's' r:id="rId1"/>`,
      ['r', 't', 'r:id', 's'],
      ['<a r=A1 t=s r:id=rId1', '/a'],
    ],
    [
      'references in text and attributes',
      '<a v="&lt;&amp;&#x4E2D;">&lt;&gt;&amp;&quot;&apos;&#20013;&#x6587;</a>',
      ['v'],
      ['<a v=<&中', `"<>&"'中文"`, '/a'],
    ],
    [
      '> in an attribute value',
      '<numFmt formatCode="[>=100]0;0"/>',
      ['formatCode'],
      ['<numFmt formatCode=[>=100]0;0', '/numFmt'],
    ],
    ['line ends in text as \\n', '<a>1\r\n2\r3\n4</a>', [], ['<a', '"1\n2\n3\n4"', '/a']],
    ['tabs and line ends in attributes as spaces', '<a v="1\t2\r\n3\n4"/>', ['v'], ['<a v=1 2 3 4', '/a']],
    ['CDATA as it is', '<a><![CDATA[<b>&amp;]]></a>', [], ['<a', '"<b>&amp;"', '/a']],
    [
      'declaration, comments, instructions and space outside the root',
      '<?xml version="1.0"?>\n<!-- c --><a><!-- <b> --><?pi x?>t</a>\n',
      [],
      ['<a', '"t"', '/a'],
    ],
    ['CJK text', '<si><t>清平街道·小区</t></si>', [], ['<si', '<t', '"清平街道·小区"', '/t', '/si']],
  ];

  it.each(cases)('%s', (_, xml, asked, expected) => {
    expect(events([xml], asked)).toEqual(expected);
  });

  it.each(cases)('%s, in pieces cut anywhere', (_, xml, asked) => {
    const whole = events([xml], asked);
    for (let cut = 1; cut < xml.length; cut++) {
      expect(events([xml.slice(0, cut), xml.slice(cut)], asked), `cut at ${cut}`).toEqual(whole);
    }
    expect(events([...xml], asked), 'a character at a time').toEqual(whole);
  });

  const malformed: [string, string, string[]][] = [
    ['tags that do not nest', '<a><b></a></b>', []],
    ['an element left open', '<a><b></b>', []],
    ['no root element', '  ', []],
    ['a second root', '<a/><b/>', []],
    ['text outside the root', 'x<a/>', []],
    ['an unknown entity', '<a>&nbsp;</a>', []],
    ['a bare ampersand', '<a>fish & chips</a>', []],
    ['an unquoted attribute', '<a b=c/>', []],
    ['an attribute without a value', '<a b/>', []],
    ['attributes run together', '<a b="1"c="2"/>', []],
    ['< in an attribute value read', '<a b="<"/>', ['b']],
    ['a document type declaration', '<!DOCTYPE a [<!ENTITY x "y">]><a>&x;</a>', []],
    ['a comment never closed', '<a><!-- x</a>', []],
    ['a tag cut short at the end', '<a></a', []],
    ['a close tag with nothing open', '</a>', []],
    ['a name that is no entity', '<a>&constructor;</a>', []],
  ];
  it.each(malformed)('refuses %s', (_, xml, asked) => {
    expect(() => events([xml], asked)).toThrow(MalformedXml);
  });

  it('refuses markup longer than 1 MB rather than reading it again with every piece', () => {
    const scanner = new XmlScanner({ open() {} });
    scanner.write('<a><b v="');
    const piece = 'x'.repeat(64 * 1024);
    expect(() => {
      for (let i = 0; i < 20; i++) scanner.write(piece);
    }).toThrow(/longer than 1 MB/);
  });
});
