/**
 * The reply letter as a .docx in GB/T 9704-2012 layout, written with the `docx` package: page,
 * margins and the 22 × 28 document grid on the section, fonts and sizes on each run, page
 * numbers in odd and even footers.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  DocumentGridType,
  Footer,
  type IRunOptions,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  TabStopType,
  TextRun,
} from 'docx';
import {
  contactLine,
  copyToLine,
  type Letter,
  type LetterParagraph,
  layout,
  markLines,
  mmToTwips,
  pageTwips,
  salutationLine,
  signOffIndents,
} from './letter.js';

/** The faces offices have installed, by element (GB/T 9704, 5.3 and 7). */
export const docxFonts = {
  body: '仿宋_GB2312',
  title: '方正小标宋简体',
  level1: '黑体',
  level2: '楷体_GB2312',
  pageNumber: '宋体',
} as const;

type Face = (typeof docxFonts)[keyof typeof docxFonts];

const halfPoints = (pt: number) => pt * 2;

function run(text: string, face: Face, size: number, extra: Partial<IRunOptions> = {}): TextRun {
  return new TextRun({
    text,
    font: { ascii: face, hAnsi: face, eastAsia: face, cs: face },
    size: halfPoints(size),
    sizeComplexScript: halfPoints(size),
    language: { eastAsia: 'zh-CN' },
    ...extra,
  });
}

const body = (text: string) => run(text, docxFonts.body, layout.sizes.body);
const headingFace = (level: 1 | 2): Face => (level === 1 ? docxFonts.level1 : docxFonts.level2);
const blank = () => new Paragraph({ children: [] });

function bodyParagraph(p: LetterParagraph): Paragraph {
  const children =
    p.level !== undefined
      ? [run(p.text, headingFace(p.level), layout.sizes.body)]
      : [...(p.lead ? [run(p.lead.text, headingFace(p.lead.level), layout.sizes.body)] : []), body(p.text)];
  return new Paragraph({
    children,
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLineChars: 200 },
  });
}

/** "— 1 —" in 4号 宋体, one character in from the outer edge: right on odd pages, left on even. */
function pageNumberFooter(side: 'odd' | 'even'): Footer {
  const size = layout.sizes.pageNumber;
  const inset = size * 20;
  const face = docxFonts.pageNumber;
  return new Footer({
    children: [
      new Paragraph({
        alignment: side === 'odd' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: side === 'odd' ? { right: inset } : { left: inset },
        spacing: { line: size * 20, lineRule: LineRuleType.EXACT },
        children: [
          run('— ', face, size),
          new TextRun({
            children: [PageNumber.CURRENT],
            font: { ascii: face, hAnsi: face, eastAsia: face, cs: face },
            size: halfPoints(size),
          }),
          run(' —', face, size),
        ],
      }),
    ],
  });
}

function numberLine(letter: Letter, pitch: number, textWidth: number): Paragraph {
  // The red rule under the number (版头分隔线), 4 mm below it.
  const border = { bottom: { style: BorderStyle.SINGLE, size: 12, color: layout.red, space: 11 } };
  const number = body(letter.documentNumber);
  if (!letter.signatory)
    return new Paragraph({ alignment: AlignmentType.CENTER, border, children: [number] });
  // With a signatory: the number one character in at the left, 签发人 one in at the right.
  return new Paragraph({
    border,
    indent: { left: Math.round(pitch) },
    tabStops: [{ type: TabStopType.RIGHT, position: Math.floor(textWidth - pitch) }],
    children: [number, body('\t签发人：'), run(letter.signatory, docxFonts.level2, layout.sizes.body)],
  });
}

const normalRun = {
  font: { ascii: docxFonts.body, hAnsi: docxFonts.body, eastAsia: docxFonts.body, cs: docxFonts.body },
  size: halfPoints(layout.sizes.body),
  sizeComplexScript: halfPoints(layout.sizes.body),
};

/** The letter as a .docx file. */
export async function letterDocx(letter: Letter): Promise<Buffer> {
  const page = pageTwips();
  const pitch = page.charPitchTwips;
  const indents = signOffIndents(letter.issuer, letter.date);
  const copyTo = copyToLine(letter);
  const copySize = layout.sizes.copyTo;
  const copyInset = copySize * 20;
  const copyLabel = copySize * 20 * 3; // 抄送： — continuation lines align after the colon
  const rule = (size: number) => ({ style: BorderStyle.SINGLE, size, color: '000000', space: 4 });

  const children: Paragraph[] = [
    ...markLines(letter).map(
      (line) => new Paragraph({ children: [run(line, docxFonts.level1, layout.sizes.body)] }),
    ),
    ...(letter.masthead
      ? [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            children: [run(letter.masthead, docxFonts.title, layout.sizes.masthead, { color: layout.red })],
          }),
          blank(),
        ]
      : []),
    numberLine(letter, pitch, page.textWidth),
    blank(),
    blank(),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      children: [run(letter.title, docxFonts.title, layout.sizes.title)],
    }),
    blank(),
    new Paragraph({ children: [body(salutationLine(letter.salutation))] }),
    ...letter.body.map(bodyParagraph),
    blank(),
    new Paragraph({
      alignment: AlignmentType.RIGHT,
      indent: { right: Math.round(indents.issuer * pitch) },
      children: [body(letter.issuer)],
    }),
    new Paragraph({
      alignment: AlignmentType.RIGHT,
      indent: { right: Math.round(indents.date * pitch) },
      children: [body(letter.date)],
    }),
    new Paragraph({ indent: { firstLineChars: 200 }, children: [body(contactLine(letter.contact))] }),
    ...(copyTo
      ? [
          blank(),
          // 版记: 4号 仿宋 between rules, one character in at both sides.
          new Paragraph({
            border: { top: rule(8), bottom: rule(8) },
            indent: { left: copyInset + copyLabel, hanging: copyLabel, right: copyInset },
            children: [run(copyTo, docxFonts.body, copySize)],
          }),
        ]
      : []),
  ];

  const document = new Document({
    title: letter.title,
    creator: letter.issuer,
    evenAndOddHeaderAndFooters: true,
    styles: {
      // The grid's character pitch is reckoned from the default size, 三号 仿宋: Word reads the
      // document defaults, LibreOffice the Normal style, so both say it.
      default: { document: { run: normalRun } },
      paragraphStyles: [{ id: 'Normal', name: 'Normal', quickFormat: true, run: normalRun }],
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: page.width, height: page.height },
            margin: {
              ...page.margin,
              header: mmToTwips(15),
              // The page number's line starts 7 mm below the text block.
              footer:
                mmToTwips(layout.marginMm.bottom - layout.pageNumberBelowMm) - layout.sizes.pageNumber * 20,
            },
          },
          grid: {
            type: DocumentGridType.LINES_AND_CHARS,
            linePitch: page.linePitch,
            charSpace: page.charSpace,
          },
        },
        footers: { default: pageNumberFooter('odd'), even: pageNumberFooter('even') },
        children,
      },
    ],
  });
  return Packer.toBuffer(document);
}
