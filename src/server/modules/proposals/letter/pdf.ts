/**
 * The reply letter as a PDF, laid out on the same GB/T 9704 grid as the .docx: A4, the 156 × 225 mm
 * text block, 22 lines of 28 characters (each character advanced by the grid's pitch, as Word's
 * charSpace does), page numbers "— 1 —" outside on odd and even pages. Lines are broken here, not
 * by pdfkit, so that they hold to the grid and keep closing punctuation off a line's start.
 */
import PDFDocument from 'pdfkit';
import { loadPdfFonts, type PdfFace } from './fonts.js';
import {
  contactLine,
  copyToLine,
  type Letter,
  type LetterParagraph,
  layout,
  markLines,
  mmToPoints,
  salutationLine,
  signOffIndents,
} from './letter.js';

interface Run {
  text: string;
  face: PdfFace;
  size: number;
  color?: string;
}

interface Block {
  runs: Run[];
  align: 'justify' | 'left' | 'center' | 'right';
  /** Indents in points. */
  first?: number;
  left?: number;
  right?: number;
  /** Runs set at the right edge of the block's first line (签发人 beside the number). */
  aside?: Run[];
  /** Drawn after the block: a rule under it (red after the number) or around it (版记). */
  rule?: 'red-below' | 'around';
}

const page = {
  width: mmToPoints(layout.pageMm.width),
  height: mmToPoints(layout.pageMm.height),
  top: mmToPoints(layout.marginMm.top),
  left: mmToPoints(layout.marginMm.left),
  textWidth: mmToPoints(layout.pageMm.width - layout.marginMm.left - layout.marginMm.right),
  textHeight: mmToPoints(layout.pageMm.height - layout.marginMm.top - layout.marginMm.bottom),
};
const linePitch = page.textHeight / layout.lines;
const charPitch = page.textWidth / layout.chars;
/** Word's charSpace: every character advanced by the grid pitch less the body size. */
const charSpacing = charPitch - layout.sizes.body;

/** Closing punctuation never starts a line; opening punctuation never ends one (GB/T 15834 practice). */
const noLineStart = new Set('，。、；：？！）》」』”’〕】…—·%,.;:?!)]');
const noLineEnd = new Set('（《「『“‘〔【([');
const isWordChar = (ch: string) => /[0-9A-Za-z.,\-%²/]/.test(ch);

interface Glyph {
  ch: string;
  run: Run;
  width: number;
}

type Measure = (run: Run, text: string) => number;

/** Greedy lines over the text width less indents; words of ASCII (0371-25322640) are kept whole. */
function breakLines(block: Block, measure: Measure): Glyph[][] {
  const glyphs: Glyph[] = block.runs.flatMap((run) =>
    [...run.text].map((ch) => ({ ch, run, width: measure(run, ch) + charSpacing })),
  );
  const lines: Glyph[][] = [];
  let line: Glyph[] = [];
  let used = 0;
  const room = page.textWidth - (block.left ?? 0) - (block.right ?? 0);
  // A centred title over two lines is split evenly (GB/T 9704: 排列对称), not 20 + 1 characters.
  const total = glyphs.reduce((sum, g) => sum + g.width, 0);
  const widest = Math.max(0, ...glyphs.map((g) => g.width));
  const even = block.align === 'center' && total > room ? total / Math.ceil(total / room) + widest : room;
  const available = () => Math.min(room, even) - (lines.length === 0 ? (block.first ?? 0) : 0);
  let i = 0;
  while (i < glyphs.length) {
    // The next unbreakable piece: a run of ASCII word characters, or one character.
    let j = i + 1;
    const first = glyphs[i] as Glyph;
    if (isWordChar(first.ch)) while (j < glyphs.length && isWordChar((glyphs[j] as Glyph).ch)) j++;
    const piece = glyphs.slice(i, j);
    const width = piece.reduce((sum, g) => sum + g.width, 0);
    const hangs = piece.length === 1 && noLineStart.has(first.ch);
    if (line.length > 0 && used + width > available() + 0.01 && !hangs) {
      // An opening mark left at the end goes down with what it opens.
      const carried: Glyph[] = [];
      while (line.length > 1 && noLineEnd.has((line[line.length - 1] as Glyph).ch)) {
        carried.unshift(line.pop() as Glyph);
      }
      lines.push(line);
      line = carried;
      used = carried.reduce((sum, g) => sum + g.width, 0);
    }
    line.push(...piece);
    used += width;
    i = j;
  }
  lines.push(line);
  return lines;
}

const size: number = layout.sizes.body;
const text = (t: string, face: PdfFace = 'body', s = size): Run => ({ text: t, face, size: s });
const headingFace = (level: 1 | 2): PdfFace => (level === 1 ? 'level1' : 'level2');
const blank = (): Block => ({ runs: [], align: 'left' });

function bodyBlock(p: LetterParagraph): Block {
  const runs =
    p.level !== undefined
      ? [text(p.text, headingFace(p.level))]
      : [...(p.lead ? [text(p.lead.text, headingFace(p.lead.level))] : []), text(p.text)];
  return { runs, align: 'justify', first: 2 * charPitch };
}

function blocks(letter: Letter): Block[] {
  const indents = signOffIndents(letter.issuer, letter.date);
  const copyTo = copyToLine(letter);
  const copySize = layout.sizes.copyTo;
  const numberLine: Block = letter.signatory
    ? {
        runs: [text(letter.documentNumber)],
        align: 'left',
        left: charPitch,
        aside: [text('签发人：'), text(letter.signatory, 'level2')],
        rule: 'red-below',
      }
    : { runs: [text(letter.documentNumber)], align: 'center', rule: 'red-below' };
  return [
    ...markLines(letter).map((line): Block => ({ runs: [text(line, 'level1')], align: 'left' })),
    ...(letter.masthead
      ? [
          {
            runs: [{ ...text(letter.masthead, 'title', layout.sizes.masthead), color: `#${layout.red}` }],
            align: 'center',
          } satisfies Block,
          blank(),
        ]
      : []),
    numberLine,
    blank(),
    blank(),
    { runs: [text(letter.title, 'title', layout.sizes.title)], align: 'center' },
    blank(),
    { runs: [text(salutationLine(letter.salutation))], align: 'left' },
    ...letter.body.map(bodyBlock),
    blank(),
    { runs: [text(letter.issuer)], align: 'right', right: indents.issuer * charPitch },
    { runs: [text(letter.date)], align: 'right', right: indents.date * charPitch },
    { runs: [text(contactLine(letter.contact))], align: 'left', first: 2 * charPitch },
    ...(copyTo
      ? [
          blank(),
          {
            runs: [text(copyTo, 'body', copySize)],
            align: 'left',
            left: copySize * 4,
            first: -copySize * 3,
            right: copySize,
            rule: 'around',
          } satisfies Block,
        ]
      : []),
  ];
}

/** How many grid lines a line of this size takes (a 30 pt masthead takes two). */
const gridLines = (points: number) => Math.max(1, Math.ceil((points * 1.2) / linePitch));

/** The letter as a PDF with its fonts embedded as subsets. */
export async function letterPdf(letter: Letter): Promise<Buffer> {
  const laid = blocks(letter);
  const faces = [...new Set(laid.flatMap((b) => [...b.runs, ...(b.aside ?? [])].map((r) => r.face)))];
  const fonts = await loadPdfFonts(faces.includes('body') ? faces : [...faces, 'body']);

  const doc = new PDFDocument({
    size: 'A4',
    margin: 0,
    autoFirstPage: true,
    bufferPages: true,
    lang: 'zh-CN',
    info: { Title: letter.title, Author: letter.issuer, Subject: letter.documentNumber },
  });
  for (const [face, bytes] of fonts) doc.registerFont(face, bytes);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const widths = new Map<string, number>();
  const measure: Measure = (run, ch) => {
    const key = `${run.face}:${run.size}:${ch}`;
    let w = widths.get(key);
    if (w === undefined) {
      w = doc.font(run.face).fontSize(run.size).widthOfString(ch);
      widths.set(key, w);
    }
    return w;
  };
  /** Draws glyphs from x, each advanced by its width plus `extra`; consecutive glyphs of a run at once. */
  const draw = (glyphs: Glyph[], x: number, baseline: number, extra: number) => {
    let start = 0;
    while (start < glyphs.length) {
      const run = (glyphs[start] as Glyph).run;
      let end = start + 1;
      while (end < glyphs.length && (glyphs[end] as Glyph).run === run) end++;
      const piece = glyphs.slice(start, end);
      doc
        .font(run.face)
        .fontSize(run.size)
        .fillColor(run.color ?? 'black')
        .text(piece.map((g) => g.ch).join(''), x, baseline, {
          lineBreak: false,
          baseline: 'alphabetic',
          characterSpacing: charSpacing + extra,
        });
      x += piece.reduce((sum, g) => sum + g.width + extra, 0);
      start = end;
    }
  };
  const width = (glyphs: Glyph[]) => glyphs.reduce((sum, g) => sum + g.width, 0);

  let row = 0; // grid line on the current page
  for (const block of laid) {
    const points = Math.max(size, ...block.runs.map((r) => r.size));
    const span = gridLines(points);
    const lines = block.runs.length ? breakLines(block, measure) : [[]];
    const firstRow = row;
    let firstPage = doc.bufferedPageRange().count - 1;
    lines.forEach((line, index) => {
      if (row + span > layout.lines) {
        doc.addPage();
        row = 0;
      }
      if (index === 0) firstPage = doc.bufferedPageRange().count - 1;
      const top = page.top + row * linePitch;
      // The glyphs' em box centred in its grid cell(s): CJK faces sit 0.88 em above the baseline.
      const baseline = top + (span * linePitch) / 2 + points * 0.38;
      const indent = (block.left ?? 0) + (index === 0 ? (block.first ?? 0) : 0);
      const room = page.textWidth - indent - (block.right ?? 0);
      const used = width(line);
      const last = index === lines.length - 1;
      let x = page.left + indent;
      let extra = 0;
      if (block.align === 'center') x += (room - used) / 2;
      else if (block.align === 'right') x += room - used;
      else if (block.align === 'justify' && !last && line.length > 1 && used < room) {
        extra = (room - used) / (line.length - 1);
      }
      draw(line, x, baseline, extra);
      if (index === 0 && block.aside) {
        const aside = block.aside.flatMap((run) =>
          [...run.text].map((ch) => ({ ch, run, width: measure(run, ch) + charSpacing })),
        );
        draw(aside, page.left + page.textWidth - charPitch - width(aside), baseline, 0);
      }
      row += span;
    });
    if (block.rule === 'red-below') {
      const y = page.top + row * linePitch - linePitch / 2 + mmToPoints(4);
      doc
        .moveTo(page.left, y)
        .lineTo(page.left + page.textWidth, y)
        .lineWidth(1)
        .strokeColor(`#${layout.red}`)
        .stroke();
    }
    if (block.rule === 'around') {
      // 版记 rules: the block starts on the page where its first line went.
      const onePage = doc.bufferedPageRange().count - 1 === firstPage;
      const y0 = page.top + (onePage ? firstRow : 0) * linePitch;
      const y1 = page.top + row * linePitch;
      doc.lineWidth(0.7).strokeColor('black');
      doc
        .moveTo(page.left, y0)
        .lineTo(page.left + page.textWidth, y0)
        .stroke();
      doc
        .moveTo(page.left, y1)
        .lineTo(page.left + page.textWidth, y1)
        .stroke();
    }
  }

  const pages = doc.bufferedPageRange();
  const numberSize = layout.sizes.pageNumber;
  const numberTop = page.top + page.textHeight + mmToPoints(layout.pageNumberBelowMm);
  for (let i = 0; i < pages.count; i++) {
    doc.switchToPage(pages.start + i);
    const label = `— ${i + 1} —`;
    const labelWidth = doc.font('body').fontSize(numberSize).widthOfString(label);
    // Odd pages right, even pages left, one character in from the text block's edge.
    const x = i % 2 === 0 ? page.left + page.textWidth - numberSize - labelWidth : page.left + numberSize;
    doc.fillColor('black').text(label, x, numberTop, { lineBreak: false });
  }
  doc.end();
  return done;
}
