import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { beforeAll, describe, expect, it } from 'vitest';
import { docxFonts, letterDocx } from './docx.js';
import { pdfFontFiles, tableChecksum, woffToSfnt } from './fonts.js';
import {
  contactLine,
  copyToLine,
  emWidth,
  pageNumberText,
  pageTwips,
  salutationLine,
  signOffIndents,
} from './letter.js';
import { letterPdf } from './pdf.js';
import {
  type DocxParagraph,
  docxParagraphs,
  docxParts,
  pdfText,
  seedFigures,
  seedLetter,
} from './testing.js';

const twipsToMm = (twips: number) => (twips / 1440) * 25.4;

describe('the GB/T 9704 page in twips', () => {
  const page = pageTwips();

  it('is A4 with the standard margins', () => {
    expect([page.width, page.height]).toEqual([11906, 16838]);
    expect(page.margin).toEqual({ top: 2098, left: 1587, right: 1474, bottom: 1984 });
  });

  it('leaves a text block of 156 × 225 mm', () => {
    expect(twipsToMm(page.textWidth)).toBeCloseTo(156, 1);
    expect(twipsToMm(page.textHeight)).toBeCloseTo(225, 1);
  });

  it('has a grid Word fills with exactly 22 lines of 28 characters', () => {
    expect(page.linePitch).toBe(579);
    expect(page.charSpace).toBe(-848);
    expect(Math.floor(page.textHeight / page.linePitch)).toBe(22);
    const charPitchPoints = 16 + page.charSpace / 4096;
    expect(Math.floor(page.textWidth / 20 / charPitchPoints)).toBe(28);
    // 28 pitches fit in the nominal 156 mm too, with a twip to spare in the page's own width.
    expect(28 * charPitchPoints).toBeLessThanOrEqual((156 / 25.4) * 72);
    expect(page.textWidth - 28 * charPitchPoints * 20).toBeGreaterThan(0.9);
    // Rounded to whole twips down (315), the pitch still gives 28 characters, never 27 or 29.
    expect(Math.floor(page.textWidth / Math.floor(charPitchPoints * 20))).toBe(28);
  });

  it('gives LibreOffice the same 28: it reads charSpace as whole points in the top 20 bits and a 4095th fraction', () => {
    // writerfilter: base width = the Normal style's size; + (charSpace >> 12) pt; + (charSpace & 0xFFF) × 20 / 0xFFF twips.
    const twipToMm100 = (tw: number) => Math.round((tw * 2540) / 1440);
    const whole = Math.floor(page.charSpace / 4096);
    const fraction = Math.floor(((page.charSpace & 0xfff) * 20) / 0xfff);
    const gridWidth = twipToMm100(16 * 20) + twipToMm100(whole * 20) + twipToMm100(fraction);
    const textWidth =
      twipToMm100(page.width) - twipToMm100(page.margin.left) - twipToMm100(page.margin.right);
    expect(Math.floor(textWidth / gridWidth)).toBe(28);
    expect(
      Math.floor(
        (twipToMm100(page.height) - twipToMm100(page.margin.top) - twipToMm100(page.margin.bottom)) /
          twipToMm100(page.linePitch),
      ),
    ).toBe(22);
  });
});

describe('the sign-off (GB/T 9704 7.3.5.2: issuer 2 in, the date starting 2 further right)', () => {
  it.each([
    ['a long issuer', '开封市顺河回族区人民政府', '2023年6月5日', { issuer: 2, date: 6 }],
    [
      'a short issuer: the date 2 in, the issuer moved left',
      '区政府',
      '2023年12月31日',
      { issuer: 8, date: 2 },
    ],
    ['just long enough', '某某某某某某某某', '2023年6月5日', { issuer: 2, date: 2 }],
  ])('%s', (_name, issuer, date, expected) => expect(signOffIndents(issuer, date)).toEqual(expected));

  it.each([
    ['2023年6月5日', 6],
    ['开封市', 3],
    ['0371-25322640', 6.5],
  ])('%s is %s characters wide', (text, width) => expect(emWidth(text)).toBe(width));
});

describe('the letter’s fixed lines', () => {
  it.each([
    ['闫绍奇委员', '闫绍奇委员：'],
    ['闫绍奇委员：', '闫绍奇委员：'],
    [' 闫绍奇委员:', '闫绍奇委员:'],
  ])('salutation %j', (given, expected) => expect(salutationLine(given)).toBe(expected));

  it.each([
    [
      { unit: '区政府', person: '张三', phone: '0371-1' },
      '（联系单位：区政府，联系人：张三，联系电话：0371-1）',
    ],
    [{ phone: '0371-25322640' }, '（联系电话：0371-25322640）'],
  ])('contact %j', (contact, expected) => expect(contactLine(contact)).toBe(expected));

  it.each([
    [{ copyTo: ['市政府督查局', '市政协提案委'], copies: 3 }, '抄送：市政府督查局、市政协提案委（3份）。'],
    [{ copyTo: ['市政府督查局'] }, '抄送：市政府督查局。'],
    [{ copyTo: [] }, ''],
  ])('copy-to %j', (letter, expected) => expect(copyToLine(letter)).toBe(expected));

  it('page numbers carry a dash each side', () => expect(pageNumberText(1)).toBe('— 1 —'));
});

describe('letterDocx', () => {
  let parts: Map<string, string>;
  let paragraphs: DocxParagraph[];
  const part = (name: string) => parts.get(name) ?? '';
  const paragraph = (text: string) => {
    const found = paragraphs.find((p) => p.text === text);
    if (!found) throw new Error(`no paragraph ${text}`);
    return found;
  };
  const faces = (p: DocxParagraph) => p.runs.map((r) => [r.text, r.font, r.size]);

  beforeAll(async () => {
    parts = await docxParts(await letterDocx(seedLetter()));
    paragraphs = docxParagraphs(part('word/document.xml'));
  });

  it('sets the page, margins and document grid on the section', () => {
    const section = /<w:sectPr>[\s\S]*<\/w:sectPr>/.exec(part('word/document.xml'))?.[0] ?? '';
    expect(section).toContain('<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"/>');
    expect(section).toMatch(/<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"/);
    expect(section).toContain('<w:docGrid w:type="linesAndChars" w:linePitch="579" w:charSpace="-848"/>');
  });

  it('writes each element’s size in half-points: body and headings 32, title 44, copy-to and page numbers 28', () => {
    const document = part('word/document.xml');
    const sizeOf = (face: string) =>
      new Set(
        [
          ...document.matchAll(
            /<w:rFonts [^>]*w:eastAsia="([^"]+)"[^>]*\/>(?:<w:color [^>]*\/>)?<w:sz w:val="(\d+)"\/>/g,
          ),
        ]
          .filter((m) => m[1] === face)
          .map((m) => Number(m[2])),
      );
    expect(sizeOf(docxFonts.title)).toEqual(new Set([44, 60])); // the title, and the masthead's 小标宋
    expect(sizeOf(docxFonts.body)).toEqual(new Set([32, 28])); // body, and 抄送 in 4号
    expect(sizeOf(docxFonts.level1)).toEqual(new Set([32]));
    expect(sizeOf(docxFonts.level2)).toEqual(new Set([32]));
  });

  it('sets 三号 仿宋 as the default and the Normal style, which the grid is reckoned from', () => {
    const defaults = /<w:docDefaults>[\s\S]*<\/w:docDefaults>/.exec(part('word/styles.xml'))?.[0] ?? '';
    expect(defaults).toContain('w:eastAsia="仿宋_GB2312"');
    expect(defaults).toContain('<w:sz w:val="32"/>');
    // LibreOffice reckons the grid from the Normal style rather than the defaults.
    const normal =
      /<w:style [^>]*w:styleId="Normal"[\s\S]*?<\/w:style>/.exec(part('word/styles.xml'))?.[0] ?? '';
    expect(normal).toContain('w:eastAsia="仿宋_GB2312"');
    expect(normal).toContain('<w:sz w:val="32"/>');
  });

  it('puts the grade and consent marks first, at the top left, in 黑体', () => {
    expect(paragraphs.slice(0, 2).map((p) => p.text)).toEqual(['办理结果：B', '是否同意公开：同意']);
    for (const p of paragraphs.slice(0, 2)) {
      expect(p.runs.map((r) => [r.font, r.size])).toEqual([[docxFonts.level1, 16]]);
      expect(p.properties).not.toContain('<w:jc');
    }
  });

  it('writes the masthead in red 小标宋 and the number with 〔〕 over a red rule, the signatory in 楷体', () => {
    const masthead = paragraph('开封市顺河回族区人民政府文件');
    expect(masthead.runs[0]?.font).toBe(docxFonts.title);
    expect(part('word/document.xml')).toMatch(/<w:color w:val="E60012"\/>/);
    const number = paragraph('汴顺政〔2023〕47号\t签发人：王荟');
    expect(faces(number)).toEqual([
      ['汴顺政〔2023〕47号', docxFonts.body, 16],
      ['\t签发人：', docxFonts.body, 16],
      ['王荟', docxFonts.level2, 16],
    ]);
    expect(number.properties).toMatch(/<w:bottom w:val="single" w:color="E60012"/);
  });

  it('centres the number when there is no signatory', async () => {
    const plain = docxParagraphs(
      (await docxParts(await letterDocx(seedLetter({ signatory: undefined, masthead: undefined })))).get(
        'word/document.xml',
      ) ?? '',
    );
    const number = plain.find((p) => p.text === '汴顺政〔2023〕47号');
    expect(number?.properties).toContain('<w:jc w:val="center"/>');
    expect(plain.some((p) => p.text.includes('签发人'))).toBe(false);
    expect(plain.some((p) => p.text.includes('人民政府文件'))).toBe(false);
  });

  it('centres the title in 二号 小标宋', () => {
    const title = paragraph('关于市政协十三届一次会议第384号提案的答复');
    expect(faces(title)).toEqual([[title.text, docxFonts.title, 22]]);
    expect(title.properties).toContain('<w:jc w:val="center"/>');
  });

  it('sets the salutation flush left and the body in 三号 仿宋, indented two characters, justified', () => {
    const salutation = paragraph('闫绍奇委员：');
    expect(salutation.properties).not.toContain('firstLine');
    const body = paragraphs.find((p) => p.text.startsWith('城镇老旧小区改造'));
    expect(body?.runs.every((r) => r.font === docxFonts.body && r.size === 16)).toBe(true);
    expect(body?.properties).toContain('<w:ind w:firstLineChars="200"/>');
    expect(body?.properties).toContain('<w:jc w:val="both"/>');
  });

  it('sets level-1 headings in 黑体 and run-in level-2 headings in 楷体', () => {
    expect(faces(paragraph('一、凝聚推进力量，充分组织发动'))).toEqual([
      ['一、凝聚推进力量，充分组织发动', docxFonts.level1, 16],
    ]);
    const led = paragraphs.find((p) => p.text.startsWith('（一）强化组织领导。'));
    expect(led?.runs.map((r) => r.font)).toEqual([docxFonts.level2, docxFonts.body]);
  });

  it('carries every figure as the letter writes it', () => {
    const text = paragraphs.map((p) => p.text).join('');
    expect(Object.values(seedFigures)).toEqual([
      '212个',
      '188个',
      '88.7%',
      '16.4%',
      '135个',
      '1,203栋',
      '超283万m²',
      '4.2万余户',
      '11.5万多人',
      '4,091处',
      '13.6万m²',
      '68%',
    ]);
    for (const figure of Object.values(seedFigures)) expect(text).toContain(figure);
  });

  it('sets issuer and date right, the date starting two characters right of the issuer', () => {
    const pitch = pageTwips().charPitchTwips;
    const issuer = paragraph('开封市顺河回族区人民政府');
    const date = paragraph('2023年6月5日');
    expect(issuer.properties).toContain('<w:jc w:val="right"/>');
    expect(date.properties).toContain('<w:jc w:val="right"/>');
    expect(issuer.properties).toContain(`<w:ind w:right="${Math.round(2 * pitch)}"/>`);
    expect(date.properties).toContain(`<w:ind w:right="${Math.round(6 * pitch)}"/>`);
  });

  it('puts the contact in brackets under the date and the copy-to line between rules in 四号', () => {
    const contact = paragraph('（联系单位：开封市顺河回族区人民政府，联系电话：0371-25322640）');
    expect(contact.properties).toContain('<w:ind w:firstLineChars="200"/>');
    const copyTo = paragraph('抄送：市政府督查局、市政协提案委（3份）。');
    expect(faces(copyTo)).toEqual([[copyTo.text, docxFonts.body, 14]]);
    expect(copyTo.properties).toMatch(/<w:top w:val="single"[\s\S]*<w:bottom w:val="single"/);
    expect(paragraphs.at(-1)?.text).toBe(copyTo.text);
  });

  it('leaves out the copy-to line when nobody is copied', async () => {
    const none = await docxParts(await letterDocx(seedLetter({ copyTo: [] })));
    expect(none.get('word/document.xml')).not.toContain('抄送');
  });

  it('numbers pages "— 1 —" in 四号 宋体: odd pages right, even pages left, one character in', () => {
    expect(part('word/settings.xml')).toContain('<w:evenAndOddHeaders/>');
    const document = part('word/document.xml');
    const footers = new Map(
      [...document.matchAll(/<w:footerReference w:type="(\w+)" r:id="(\w+)"\/>/g)].map((m) => [m[1], m[2]]),
    );
    const rels = part('word/_rels/document.xml.rels');
    const footer = (type: string) => {
      const target = new RegExp(`Id="${footers.get(type)}"[^>]*Target="([^"]+)"`).exec(rels)?.[1];
      const [p] = docxParagraphs(part(`word/${target}`));
      if (!p) throw new Error(`no ${type} footer`);
      return p;
    };
    const odd = footer('default');
    const even = footer('even');
    for (const p of [odd, even]) {
      expect(p.text).toBe('— {PAGE} —');
      expect(p.runs.every((r) => r.font === docxFonts.pageNumber && r.size === 14)).toBe(true);
    }
    expect(odd.properties).toContain('<w:jc w:val="right"/>');
    expect(odd.properties).toContain('<w:ind w:right="280"/>');
    expect(even.properties).toContain('<w:jc w:val="left"/>');
    expect(even.properties).toContain('<w:ind w:left="280"/>');
  });
});

describe('letterPdf', () => {
  let pdf: Buffer;
  let source: string;
  let pages: string[];

  beforeAll(async () => {
    pdf = await letterPdf(seedLetter());
    source = pdf.toString('latin1');
    pages = pdfText(pdf).map((page) => page.replace(/\n/g, ''));
  });

  it('is A4 in points, over two pages', () => {
    expect(source.startsWith('%PDF-')).toBe(true);
    const boxes = [...source.matchAll(/\/MediaBox\s*\[([^\]]+)\]/g)].map((m) => m[1]);
    expect(boxes).toEqual(['0 0 595.28 841.89', '0 0 595.28 841.89']);
    expect(pages).toHaveLength(2);
  });

  it('embeds a subset of each open-licence face it uses', () => {
    const names = [...source.matchAll(/\/FontName\s*\/([A-Z]{6})\+(\S+)/g)].map((m) => m[2]);
    expect(names.sort()).toEqual([
      'LXGWWenKai-Regular',
      'NotoSansSC-Medium',
      'NotoSerifSC-Bold',
      'NotoSerifSC-Regular',
    ]);
    expect(source.match(/\/FontFile2\s+\d+ 0 R/g)).toHaveLength(4);
    // Subsets: the four faces are some 50 MB whole.
    expect(pdf.length).toBeLessThan(300_000);
  });

  it('shows the letter’s text, figures included, in reading order', () => {
    const [first = '', second = ''] = pages;
    expect(
      first.startsWith(
        '办理结果：B是否同意公开：同意开封市顺河回族区人民政府文件汴顺政〔2023〕47号签发人：王荟',
      ),
    ).toBe(true);
    expect(first).toContain('关于市政协十三届一次会议第384号提案的答复闫绍奇委员：');
    expect(first.endsWith('— 1 —')).toBe(true);
    expect(second.endsWith('— 2 —')).toBe(true);
    const text = pages.join('');
    for (const figure of Object.values(seedFigures)) expect(text).toContain(figure);
    expect(text).toContain('开封市顺河回族区人民政府2023年6月5日（联系单位：');
    expect(text).toContain('抄送：市政府督查局、市政协提案委（3份）。');
  });

  it('keeps closing punctuation off the start of a line and opening marks off its end', async () => {
    // The first line of a body paragraph holds 26 characters after its two-character indent.
    const lines = async (text: string) =>
      (pdfText(await letterPdf(seedLetter({ body: [{ text }] })))[0] ?? '').split('\n');
    const hanging = await lines(`${'甲'.repeat(26)}。${'乙'.repeat(10)}`);
    expect(hanging).toContain(`${'甲'.repeat(26)}。`);
    expect(hanging).toContain('乙'.repeat(10));
    const opening = await lines(`${'甲'.repeat(25)}“乙乙”`);
    expect(opening).toContain('甲'.repeat(25));
    expect(opening).toContain('“乙乙”');
    // A telephone number is not split.
    const phone = await lines(`${'甲'.repeat(20)}0371-25322640`);
    expect(phone).toContain('甲'.repeat(20));
    expect(phone).toContain('0371-25322640');
  });

  it('reads back text the face sets with a ligature (the reader of these tests, too)', async () => {
    // Noto Serif sets "ff" as one glyph: its ToUnicode entry holds two code units.
    const text = pdfText(await letterPdf(seedLetter({ body: [{ text: '网址a0ff3e之后的文字' }] })))[0] ?? '';
    expect(text).toContain('网址a0ff3e之后的文字');
  });

  it('lays 28 characters on a full line', async () => {
    const text =
      pdfText(await letterPdf(seedLetter({ body: [{ text: '丙'.repeat(26 + 28 + 5) }] })))[0] ?? '';
    expect(text.split('\n')).toEqual(
      expect.arrayContaining(['丙'.repeat(26), '丙'.repeat(28), '丙'.repeat(5)]),
    );
  });
});

describe('woffToSfnt', () => {
  it('unpacks LXGW WenKai to TrueType tables whose checksums match the WOFF directory', async () => {
    const woff = await readFile(createRequire(import.meta.url).resolve(pdfFontFiles.level2));
    const sfnt = woffToSfnt(woff);
    expect(sfnt.readUInt32BE(0)).toBe(0x00010000);
    const tables = sfnt.readUInt16BE(4);
    expect(tables).toBe(woff.readUInt16BE(12));
    for (let i = 0; i < tables; i++) {
      const record = 12 + i * 16;
      const tag = sfnt.subarray(record, record + 4).toString('latin1');
      const offset = sfnt.readUInt32BE(record + 8);
      const length = sfnt.readUInt32BE(record + 12);
      // head's checksum is taken with checkSumAdjustment as zero.
      if (tag === 'head') continue;
      expect(tableChecksum(sfnt.subarray(offset, offset + length)), tag).toBe(sfnt.readUInt32BE(record + 4));
    }
  });

  it('refuses a file that is not WOFF', () => {
    expect(() => woffToSfnt(Buffer.from('not a font at all, not even close to one: 44 bytes+'))).toThrow();
  });
});
