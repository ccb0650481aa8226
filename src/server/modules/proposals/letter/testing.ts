/**
 * For tests and journeys of the reply letter: a letter from the seed reply 汴顺政〔2023〕47号 (its
 * header, first paragraphs and figures written by formatFigure from the demo's exact values,
 * sign-off and footer), and what a .docx and a PDF hold, read back.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { inflateSync } from 'node:zlib';
import { formatDateZh, formatDocumentNumber, formatFigure } from '../../../../domain/figures-zh.js';
import { entryData, locateEntries, readZipDirectory } from '../../../platform/sheets/zip.js';
import type { Letter } from './letter.js';

const f = formatFigure;

/** The figures as the letter writes them, with the values they come from. */
export const seedFigures = {
  compounds: f(212, { unit: '个' }),
  oldCompounds: f(188, { unit: '个' }),
  oldShare: f((188 / 212) * 100, { style: 'percent' }),
  cityShare: f((188 / 1146) * 100, { style: 'percent' }),
  renovated: f(135, { unit: '个' }),
  buildings: f(1203, { unit: '栋' }),
  area: f(2_834_616.5, { style: 'wan', decimals: 0, approx: 'chao', unit: 'm²' }),
  households: f(42_186, { style: 'wan', approx: 'yu', unit: '户' }),
  residents: f(115_472, { style: 'wan', approx: 'duo', unit: '人' }),
  removed: f(4091, { unit: '处' }),
  removedArea: f(136_042.6, { style: 'wan', unit: 'm²' }),
  selfRemoval: f((2782 / 4091) * 100, { style: 'percent', decimals: 0 }),
} as const;

const s = seedFigures;

export function seedLetter(overrides: Partial<Letter> = {}): Letter {
  return {
    documentNumber: formatDocumentNumber({ agency: '汴顺政', year: 2023, serial: 47 }),
    masthead: '开封市顺河回族区人民政府文件',
    signatory: '王荟',
    grade: 'B',
    publication: '同意',
    title: '关于市政协十三届一次会议第384号提案的答复',
    salutation: '闫绍奇委员',
    body: [
      {
        text: '您提出的关于“关于进一步扎实推进我市老旧小区改造工作的提案”的提案收悉，现答复如下：',
      },
      {
        text: '城镇老旧小区改造关系到人民群众的根本利益，是实实在在的重大民生工程和发展工程，对满足人民群众美好生活需要、推动惠民生扩内需、推进城市更新和开发建设方式转型、促进经济高质量发展具有十分重要的意义。',
      },
      {
        text: `顺河回族区是开封老城区，是全国五个少数民族城区之一，全辖区共有小区${s.compounds}，其中：2005年前建成小区${s.oldCompounds}，占全区小区总量的${s.oldShare}，占全市老旧小区总量的${s.cityShare}。2019年至2022年的四年间，共计完成改造老旧小区${s.renovated}，改造楼栋${s.buildings}、面积${s.area}，惠及居民${s.households}、${s.residents}。`,
      },
      { level: 1, text: '一、凝聚推进力量，充分组织发动' },
      {
        lead: { level: 2, text: '（一）强化组织领导。' },
        text: '成立全区党建引领城市有机更新暨老旧小区改造指挥部，区委书记、区长担任双组长，抽调组织、住建、民政等18个部门精干力量，设立9个专班，分工协作、合力推进。',
      },
      { level: 1, text: '二、坚持群众观点，践行群众路线' },
      {
        lead: { level: 2, text: '（一）做好拆违治乱。' },
        text: `对违建问题开展“拉网式”排查，反复核实面积，全面摸清底数，共拆违${s.removed}、${s.removedArea}，群众自拆率达到${s.selfRemoval}，充分释放被挤占的公共空间，为旧改打好基础。`,
      },
      { text: '最后感谢委员您对我区老旧小区改造工作的支持与关心，希望我们的答复能让您满意。' },
    ],
    issuer: '开封市顺河回族区人民政府',
    date: formatDateZh('2023-06-05'),
    contact: { unit: '开封市顺河回族区人民政府', phone: '0371-25322640' },
    copyTo: ['市政府督查局', '市政协提案委'],
    copies: 3,
    ...overrides,
  };
}

/** A .docx's parts (word/document.xml, word/styles.xml, …) as text, read with the sheets' zip reader. */
export async function docxParts(docx: Buffer): Promise<Map<string, string>> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'jiugai-docx-'));
  const file = path.join(dir, 'letter.docx');
  try {
    await writeFile(file, docx);
    const located = await locateEntries(file, await readZipDirectory(file));
    const parts = new Map<string, string>();
    for (const entry of located) {
      const chunks: Buffer[] = [];
      for await (const chunk of entryData(file, entry)) chunks.push(chunk);
      parts.set(entry.entry.name, Buffer.concat(chunks).toString('utf8'));
    }
    return parts;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export interface DocxRun {
  text: string;
  /** The East Asian face (w:rFonts w:eastAsia), and the size in points (w:sz is in half-points). */
  font?: string;
  size?: number;
}

export interface DocxParagraph {
  /** The paragraph's properties as written (w:pPr). */
  properties: string;
  runs: DocxRun[];
  text: string;
}

const attribute = (xml: string, pattern: RegExp) => pattern.exec(xml)?.[1];
const unescapeXml = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

/** The paragraphs of a WordprocessingML part with their runs' text, East Asian font and size. */
export function docxParagraphs(xml: string): DocxParagraph[] {
  return [...xml.matchAll(/<w:p\b[^>]*?(?:\/>|>([\s\S]*?)<\/w:p>)/g)].map((p) => {
    const inner = p[1] ?? '';
    const properties = /<w:pPr>([\s\S]*?)<\/w:pPr>/.exec(inner)?.[1] ?? '';
    const runs = [...inner.matchAll(/<w:r>([\s\S]*?)<\/w:r>/g)].map((r): DocxRun => {
      const run = r[1] ?? '';
      const text = [...run.matchAll(/<w:t(?: [^>]*)?>([\s\S]*?)<\/w:t>/g)].map((t) =>
        unescapeXml(t[1] ?? ''),
      );
      const half = attribute(run, /<w:sz w:val="(\d+)"/);
      return {
        text: text.join('') || (/<w:instrText[^>]*>\s*PAGE\s*</.test(run) ? '{PAGE}' : ''),
        font: attribute(run, /<w:rFonts [^>]*w:eastAsia="([^"]+)"/),
        size: half ? Number(half) / 2 : undefined,
      };
    });
    return { properties, runs, text: runs.map((r) => r.text).join('') };
  });
}

/**
 * The text a PDF written by pdfkit shows, page by page, a line break where the baseline moves:
 * each font's ToUnicode map applied to the glyph codes of its TJ operators (enough for pdfkit's
 * own output, not a general PDF reader).
 */
export function pdfText(pdf: Buffer): string[] {
  const source = pdf.toString('latin1');
  const objects = new Map<string, string>();
  for (const m of source.matchAll(/(\d+) 0 obj\n([\s\S]*?)\nendobj/g)) objects.set(m[1] ?? '', m[2] ?? '');
  const stream = (id: string): string => {
    const body = objects.get(id) ?? '';
    const data = /stream\n([\s\S]*)\nendstream/.exec(body)?.[1] ?? '';
    const bytes = Buffer.from(data, 'latin1');
    return (body.includes('/FlateDecode') ? inflateSync(bytes) : bytes).toString('latin1');
  };
  const unicodeMap = (fontId: string): Map<number, string> => {
    const map = new Map<number, string>();
    const toUnicode = attribute(objects.get(fontId) ?? '', /\/ToUnicode\s+(\d+) 0 R/);
    if (!toUnicode) return map;
    const cmap = stream(toUnicode);
    for (const range of cmap.matchAll(/<([0-9a-f]{4})> <([0-9a-f]{4})> \[([^\]]*)\]/gi)) {
      const start = Number.parseInt(range[1] ?? '0', 16);
      // A ligature's entry holds several code units, space-separated (<0066 0066>, "ff").
      [...(range[3] ?? '').matchAll(/<([0-9a-f\s]+)>/gi)].forEach((hex, i) => {
        const units = (hex[1] ?? '').replace(/\s/g, '').match(/.{4}/g) ?? [];
        map.set(start + i, String.fromCharCode(...units.map((u) => Number.parseInt(u, 16))));
      });
    }
    return map;
  };
  const pages = [...objects.values()].filter((o) => /^<<\s*\/Type\s*\/Page\s/.test(o));
  return pages.map((pageObject) => {
    const contents = attribute(pageObject, /\/Contents\s+(\d+) 0 R/) ?? '';
    const resources = objects.get(attribute(pageObject, /\/Resources\s+(\d+) 0 R/) ?? '') ?? '';
    const fonts = new Map(
      [...resources.matchAll(/\/(F\d+)\s+(\d+) 0 R/g)].map((f) => [f[1] ?? '', unicodeMap(f[2] ?? '')]),
    );
    let font = new Map<number, string>();
    let text = '';
    let y: string | undefined;
    const ops = /\/(F\d+) [\d.]+ Tf|\[([^\]]*)\] TJ|[\d.-]+ [\d.-]+ Tm/g;
    for (const op of stream(contents).matchAll(ops)) {
      if (op[1]) font = fonts.get(op[1]) ?? new Map();
      const at = /([\d.-]+) Tm$/.exec(op[0])?.[1];
      if (at !== undefined) {
        if (y !== undefined && at !== y) text += '\n';
        y = at;
      }
      for (const hex of (op[2] ?? '').matchAll(/<([0-9a-f]+)>/gi)) {
        for (const code of (hex[1] ?? '').match(/.{4}/g) ?? [])
          text += font.get(Number.parseInt(code, 16)) ?? '';
      }
    }
    return text;
  });
}
