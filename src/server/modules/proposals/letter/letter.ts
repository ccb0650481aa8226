/**
 * A reply letter to a CPPCC proposal (汴顺政〔2023〕47号 is the model) and the GB/T 9704-2012
 * geometry that both the .docx and the PDF are laid out on. The letter holds finished text:
 * figures are already written (domain/figures-zh.ts) and frozen by the caller.
 */

/** A paragraph of the body: text, a heading of its own, or text opening with a run-in heading. */
export interface LetterParagraph {
  /** 1: a level-1 heading (一、…, 黑体); 2: a level-2 heading (（一）…, 楷体); absent: body text. */
  level?: 1 | 2;
  /** Opening words set as a heading of that level, the text following in the body face. */
  lead?: { level: 1 | 2; text: string };
  text: string;
}

export interface Letter {
  /** 发文字号, written by formatDocumentNumber: 汴顺政〔2023〕47号. */
  documentNumber: string;
  /** The issuer's header line (发文机关标志) in red above the number: 开封市顺河回族区人民政府文件. */
  masthead?: string;
  /** The signatory (签发人), shown right of the number when given; a toggle of the district. */
  signatory?: string;
  /** The handling result (办理结果), top left: A, B, C. */
  grade: string;
  /** Whether the member agreed to publication (是否同意公开), top left: 同意 / 不同意. */
  publication: string;
  /** 关于市政协十三届一次会议第384号提案的答复 */
  title: string;
  /** 闫绍奇委员： (the colon is added when missing). */
  salutation: string;
  body: readonly LetterParagraph[];
  /** The issuer's name (发文机关署名). */
  issuer: string;
  /** 成文日期 as written: 2023年6月5日 (formatDateZh). */
  date: string;
  /** The annotation (附注) under the date; a published reply leaves the person out. */
  contact: { unit?: string; person?: string; phone: string };
  /** 抄送 bodies, in order. */
  copyTo: readonly string[];
  /** Copies printed (印发份数), shown after the copy-to list: （3份）. */
  copies?: number;
}

/** What the two files are served as. */
export const letterMediaTypes = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
} as const;

const mmPerInch = 25.4;
const twipsPerInch = 1440;
const pointsPerInch = 72;

/** GB/T 9704-2012, 5.2: A4, margins, text block 156 × 225 mm, 22 lines × 28 characters. */
export const layout = {
  pageMm: { width: 210, height: 297 },
  marginMm: { top: 37, left: 28, right: 26, bottom: 35 },
  lines: 22,
  chars: 28,
  /** Sizes in points: 三号 body and headings, 二号 title, 四号 page numbers and copy-to line. */
  sizes: { body: 16, title: 22, masthead: 30, pageNumber: 14, copyTo: 14 },
  /** The page number's dash line sits 7 mm below the text block (GB/T 9704, 7.5). */
  pageNumberBelowMm: 7,
  red: 'E60012',
} as const;

export const mmToTwips = (mm: number): number => Math.round((mm / mmPerInch) * twipsPerInch);
export const mmToPoints = (mm: number): number => (mm / mmPerInch) * pointsPerInch;

/** The page in twips as Word stores it (A4: 11906 × 16838). */
export function pageTwips() {
  const width = mmToTwips(layout.pageMm.width);
  const height = mmToTwips(layout.pageMm.height);
  const margin = {
    top: mmToTwips(layout.marginMm.top),
    left: mmToTwips(layout.marginMm.left),
    right: mmToTwips(layout.marginMm.right),
    bottom: mmToTwips(layout.marginMm.bottom),
  };
  const textWidth = width - margin.left - margin.right;
  const textHeight = height - margin.top - margin.bottom;
  // Word fits floor(height / pitch) lines and floor(width / pitch) characters: both pitches are
  // rounded down, or the 22nd line and the 28th character would not fit.
  const linePitch = Math.floor(textHeight / layout.lines);
  // charSpace is in 1/4096 pt, added to the body size (三号, 16 pt) for each character's pitch:
  // 28 pitches in the nominal 156 mm (442.2 pt) rather than the margins' rounded twips (442.25 pt),
  // so the 28th character keeps a twip to spare (−848: a pitch of 15.79 pt).
  const nominalWidthPoints = mmToPoints(layout.pageMm.width - layout.marginMm.left - layout.marginMm.right);
  const charPitchPoints = nominalWidthPoints / layout.chars;
  const charSpace = Math.floor((charPitchPoints - layout.sizes.body) * 4096);
  return {
    width,
    height,
    margin,
    textWidth,
    textHeight,
    linePitch,
    charSpace,
    charPitchTwips: textWidth / layout.chars,
  };
}

/** Width in characters (full-width = 1, ASCII = ½), as the grid places them. */
export function emWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += (ch.codePointAt(0) ?? 0) < 0x2000 ? 0.5 : 1;
  return width;
}

/**
 * Right indents, in characters, of the issuer's name and the date (GB/T 9704, 7.3.5.2, no seal):
 * the issuer right 2 characters in, the date below it starting 2 characters further right; when
 * the date is too long for that, the date sits 2 characters in and the issuer moves left.
 */
export function signOffIndents(issuer: string, date: string): { issuer: number; date: number } {
  const issuerWidth = emWidth(issuer);
  const dateWidth = emWidth(date);
  const dateIndent = issuerWidth - dateWidth; // issuer at 2 in, date starting 2 right of it
  if (dateIndent >= 2) return { issuer: 2, date: dateIndent };
  return { issuer: 2 + dateWidth + 2 - issuerWidth, date: 2 };
}

/** "闫绍奇委员" → "闫绍奇委员：" */
export const salutationLine = (s: string): string => (/[：:]$/.test(s.trim()) ? s.trim() : `${s.trim()}：`);

/** The annotation: （联系单位：…，联系人：…，联系电话：…） */
export function contactLine(contact: Letter['contact']): string {
  const parts = [
    contact.unit ? `联系单位：${contact.unit}` : '',
    contact.person ? `联系人：${contact.person}` : '',
    `联系电话：${contact.phone}`,
  ].filter(Boolean);
  return `（${parts.join('，')}）`;
}

/** 抄送：市政府督查局、市政协提案委（3份）。 — empty when nobody is copied. */
export function copyToLine(letter: Pick<Letter, 'copyTo' | 'copies'>): string {
  if (letter.copyTo.length === 0) return '';
  const copies = letter.copies ? `（${letter.copies}份）` : '';
  return `抄送：${letter.copyTo.join('、')}${copies}。`;
}

/** The page number as GB/T 9704 writes it: "— 1 —" (a dash each side). */
export const pageNumberText = (n: number | string): string => `— ${n} —`;

/** Marks at the top left. */
export const markLines = (letter: Pick<Letter, 'grade' | 'publication'>): string[] => [
  `办理结果：${letter.grade}`,
  `是否同意公开：${letter.publication}`,
];
